import { sql } from 'kysely';
import { emptyProfile, profileDocumentSchema, type ProfileDocument } from '../../shared/schemas/profiles.schema.js';
import type { Executor } from '../db/executor.js';
import type { ProfileChangeReason, ProfileChanges } from '../db/schema-profiles.js';

export interface StoredProfile {
  document: ProfileDocument;
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** A stored document read back through the schema: defaults of fields added later fill in. */
const readDocument = (stored: unknown): ProfileDocument => {
  const parsed = profileDocumentSchema.safeParse(stored);
  return parsed.success ? parsed.data : emptyProfile();
};

/** The worker's current profile, or the empty one at version 0 when nobody has written it yet. */
export async function readProfile(db: Executor, workerId: string, opts: { forUpdate?: boolean } = {}): Promise<StoredProfile> {
  let q = db.selectFrom('worker_profiles').select(['document', 'version', 'updated_at', 'updated_by']).where('worker_id', '=', workerId);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return { document: emptyProfile(), version: 0, updatedAt: null, updatedBy: null };
  return { document: readDocument(row.document), version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

export interface ProfileWrite {
  workerId: string;
  networkId: string;
  officeId: string;
  /** The version the new one replaces (0: none yet). */
  fromVersion: number;
  document: ProfileDocument;
  actorId: string | null;
  reason: ProfileChangeReason;
  changes: ProfileChanges;
}

/**
 * Writes the next version when the current one is still `fromVersion`; false when another write
 * got there first (the caller answers 409). The version row and the current row go together.
 */
export async function writeProfileVersion(trx: Executor, w: ProfileWrite): Promise<boolean> {
  const version = w.fromVersion + 1;
  const document = JSON.stringify(w.document);
  if (w.fromVersion === 0) {
    const inserted = await trx
      .insertInto('worker_profiles')
      .values({
        worker_id: w.workerId,
        network_id: w.networkId,
        office_id: w.officeId,
        version,
        document,
        updated_by: w.actorId,
      })
      .onConflict((oc) => oc.column('worker_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
  } else {
    const updated = await trx
      .updateTable('worker_profiles')
      .set({ version, document, updated_by: w.actorId, updated_at: sql<Date>`now()`, office_id: w.officeId })
      .where('worker_id', '=', w.workerId)
      .where('version', '=', w.fromVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
  }
  await trx
    .insertInto('worker_profile_versions')
    .values({
      worker_id: w.workerId,
      version,
      network_id: w.networkId,
      office_id: w.officeId,
      document,
      reason: w.reason,
      changes: JSON.stringify(w.changes),
      created_by: w.actorId,
    })
    .execute();
  return true;
}

export interface ProfileVersionSummary {
  version: number;
  reason: ProfileChangeReason;
  changes: ProfileChanges;
  createdAt: Date;
  createdBy: string | null;
}

/** The versions of a worker's profile, newest first (the history: who, when, which sections). */
export async function listProfileVersions(db: Executor, workerId: string, limit: number): Promise<ProfileVersionSummary[]> {
  const rows = await db
    .selectFrom('worker_profile_versions')
    .select(['version', 'reason', 'changes', 'created_at', 'created_by'])
    .where('worker_id', '=', workerId)
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ version: r.version, reason: r.reason, changes: r.changes, createdAt: r.created_at, createdBy: r.created_by }));
}

export async function readProfileVersion(
  db: Executor,
  workerId: string,
  version: number,
): Promise<(ProfileVersionSummary & { document: ProfileDocument }) | undefined> {
  const r = await db
    .selectFrom('worker_profile_versions')
    .select(['version', 'reason', 'changes', 'created_at', 'created_by', 'document'])
    .where('worker_id', '=', workerId)
    .where('version', '=', version)
    .executeTakeFirst();
  return (
    r && {
      version: r.version,
      reason: r.reason,
      changes: r.changes,
      createdAt: r.created_at,
      createdBy: r.created_by,
      document: readDocument(r.document),
    }
  );
}

export interface BulkProfile {
  workerId: string;
  networkId: string;
  officeId: string;
  document: ProfileDocument;
  actorId: string | null;
  changes: ProfileChanges;
}

/** The demo's first versions, a thousand rows per statement (the demo loads in one transaction). */
export async function insertProfilesBulk(trx: Executor, profiles: readonly BulkProfile[]): Promise<void> {
  for (let i = 0; i < profiles.length; i += 1000) {
    const chunk = profiles.slice(i, i + 1000).map((p) => ({ ...p, text: JSON.stringify(p.document) }));
    await trx
      .insertInto('worker_profiles')
      .values(
        chunk.map((p) => ({
          worker_id: p.workerId,
          network_id: p.networkId,
          office_id: p.officeId,
          version: 1,
          document: p.text,
          updated_by: p.actorId,
        })),
      )
      .execute();
    await trx
      .insertInto('worker_profile_versions')
      .values(
        chunk.map((p) => ({
          worker_id: p.workerId,
          version: 1,
          network_id: p.networkId,
          office_id: p.officeId,
          document: p.text,
          reason: 'demo' as const,
          changes: JSON.stringify(p.changes),
          created_by: p.actorId,
        })),
      )
      .execute();
  }
}

/** The ESCO URIs of the worker's skills, read from the current document in SQL. */
export async function readProfileSkillUris(db: Executor, workerId: string): Promise<Set<string>> {
  const rows = await sql<{ uri: string }>`
    select distinct s->>'escoUri' as uri
    from worker_profiles p, jsonb_array_elements(p.document->'skills') s
    where p.worker_id = ${workerId} and s ? 'escoUri'`.execute(db);
  return new Set(rows.rows.map((r) => r.uri));
}
