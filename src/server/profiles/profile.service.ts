import type { Kysely } from 'kysely';
import type {
  ProfileResponse,
  ProfileVersionSummary,
  SkillSuggestions,
  UpdateProfileSectionsRequest,
} from '../../shared/schemas/profile-api.schema.js';
import { PROFILE_SECTIONS, type ProfileDocument } from '../../shared/schemas/profiles.schema.js';
import type { AuditService } from '../audit/index.js';
import { staffNamesById, type ActorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { canAccessWorker, displayNameOf, workerRefsByIds, type WorkerRef } from '../people/index.js';
import { profileCompleteness } from './completeness.js';
import { listProfileVersions, readProfile, readProfileVersion, type ProfileVersionSummary as StoredSummary } from './profile.repository.js';
import { applyProfileChanges } from './profile-writes.js';
import { profileErrors } from './profiles.errors.js';
import { skillSuggestionsFor } from './skill-suggestions.js';

/** Versions listed on the profile's history (the newest; older ones stay readable one by one). */
const HISTORY_LIMIT = 200;

export function createProfileService(deps: { db: Kysely<DB>; audit: AuditService }) {
  const { db, audit } = deps;

  /** The worker, when the actor may see them: another office's worker is 404, as people answers. */
  async function workerFor(ctx: ActorContext, workerId: string): Promise<WorkerRef> {
    const worker = (await workerRefsByIds(db, [workerId])).get(workerId);
    if (!worker || !canAccessWorker(ctx.actor, { networkId: worker.networkId, officeId: worker.officeId }))
      throw profileErrors.workerNotFound();
    return worker;
  }

  const auditOf = (worker: WorkerRef) => ({
    entityType: 'worker',
    entityId: worker.id,
    entityLabel: displayNameOf(worker.firstName, worker.lastName),
    officeId: worker.officeId,
  });

  async function staffRef(id: string | null) {
    if (!id) return null;
    const name = (await staffNamesById(db, [id])).get(id);
    return { id, name: name ?? '' };
  }

  async function response(
    workerId: string,
    p: { document: ProfileDocument; version: number; updatedAt: Date | null; updatedBy: string | null },
  ): Promise<ProfileResponse> {
    return {
      workerId,
      version: p.version,
      updatedAt: p.updatedAt ? p.updatedAt.toISOString() : null,
      updatedBy: await staffRef(p.updatedBy),
      document: p.document,
      completeness: profileCompleteness(p.document),
    };
  }

  async function write(ctx: ActorContext, workerId: string, baseVersion: number, change: (doc: ProfileDocument) => ProfileDocument) {
    const worker = await workerFor(ctx, workerId);
    await db.transaction().execute(async (trx) => {
      const before = await readProfile(trx, workerId);
      const result = await applyProfileChanges(trx, {
        workerId,
        officeId: worker.officeId,
        networkId: worker.networkId,
        baseVersion,
        actorId: ctx.actor.userId,
        reason: 'edit',
        change,
      });
      if (result.version !== before.version)
        await audit.record(trx, ctx, { action: 'worker.profile.updated', ...auditOf(worker), details: { version: result.version } });
    });
    return response(workerId, await readProfile(db, workerId));
  }

  async function summaries(rows: StoredSummary[]): Promise<ProfileVersionSummary[]> {
    const names = await staffNamesById(
      db,
      rows.map((r) => r.createdBy),
    );
    return rows.map((r) => ({
      version: r.version,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy ? { id: r.createdBy, name: names.get(r.createdBy) ?? '' } : null,
      sections: r.changes.sections.filter((s): s is (typeof PROFILE_SECTIONS)[number] =>
        (PROFILE_SECTIONS as readonly string[]).includes(s),
      ),
      added: r.changes.added,
      changed: r.changes.changed,
      removed: r.changes.removed,
    }));
  }

  return {
    async get(ctx: ActorContext, workerId: string): Promise<ProfileResponse> {
      const worker = await workerFor(ctx, workerId);
      const [profile] = await Promise.all([
        readProfile(db, workerId),
        audit.record(db, ctx, { action: 'worker.profile.read', ...auditOf(worker) }),
      ]);
      return response(workerId, profile);
    },

    replace(ctx: ActorContext, workerId: string, body: ProfileDocument & { baseVersion: number }) {
      const { baseVersion, ...document } = body;
      return write(ctx, workerId, baseVersion, () => document);
    },

    updateSections(ctx: ActorContext, workerId: string, body: UpdateProfileSectionsRequest) {
      const { baseVersion, ...sections } = body;
      return write(ctx, workerId, baseVersion, (doc) => ({
        ...doc,
        ...Object.fromEntries(Object.entries(sections).filter(([, v]) => v !== undefined)),
      }));
    },

    async versions(ctx: ActorContext, workerId: string): Promise<{ items: ProfileVersionSummary[] }> {
      const worker = await workerFor(ctx, workerId);
      const [rows] = await Promise.all([
        listProfileVersions(db, workerId, HISTORY_LIMIT),
        audit.record(db, ctx, { action: 'worker.profile.versions.read', ...auditOf(worker) }),
      ]);
      return { items: await summaries(rows) };
    },

    async version(ctx: ActorContext, workerId: string, version: number) {
      const worker = await workerFor(ctx, workerId);
      const row = await readProfileVersion(db, workerId, version);
      if (!row) throw profileErrors.versionNotFound();
      await audit.record(db, ctx, { action: 'worker.profile.version.read', ...auditOf(worker), details: { version } });
      const [summary] = await summaries([row]);
      return { ...summary!, document: row.document };
    },

    async completeness(ctx: ActorContext, workerId: string) {
      const worker = await workerFor(ctx, workerId);
      const [profile] = await Promise.all([
        readProfile(db, workerId),
        audit.record(db, ctx, { action: 'worker.profile.completeness.read', ...auditOf(worker) }),
      ]);
      return profileCompleteness(profile.document);
    },

    async skillSuggestions(ctx: ActorContext, workerId: string, lang: 'it' | 'en'): Promise<SkillSuggestions> {
      const worker = await workerFor(ctx, workerId);
      const [profile] = await Promise.all([
        readProfile(db, workerId),
        audit.record(db, ctx, { action: 'worker.profile.suggestions.read', ...auditOf(worker) }),
      ]);
      return skillSuggestionsFor(db, worker.networkId, profile.document, lang);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
