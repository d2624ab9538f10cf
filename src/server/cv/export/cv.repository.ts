import { sql } from 'kysely';
import type { CvChoices, CvLanguage } from '../../../shared/schemas/cvs.schema.js';
import type { Executor } from '../../db/executor.js';

/** The only file that writes SQL on the CVs' tables (worker_cvs, worker_cv_versions). */

export interface CvRow {
  id: string;
  workerId: string;
  networkId: string;
  officeId: string;
  title: string;
  language: CvLanguage;
  choices: CvChoices;
  photoType: 'image/jpeg' | 'image/png' | null;
  version: number;
  createdBy: string | null;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface CvVersionRow {
  version: number;
  title: string;
  choices: CvChoices;
  profileVersion: number;
  document: Record<string, unknown>;
  createdBy: string | null;
  createdAt: Date;
}

const COLUMNS = [
  'id',
  'worker_id',
  'network_id',
  'office_id',
  'title',
  'language',
  'choices',
  'photo_type',
  'version',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
] as const;

type Row = {
  id: string;
  worker_id: string;
  network_id: string;
  office_id: string;
  title: string;
  language: CvLanguage;
  choices: CvChoices;
  photo_type: 'image/jpeg' | 'image/png' | null;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_by: string | null;
  updated_at: Date;
};

const toCv = (r: Row): CvRow => ({
  id: r.id,
  workerId: r.worker_id,
  networkId: r.network_id,
  officeId: r.office_id,
  title: r.title,
  language: r.language,
  choices: r.choices,
  photoType: r.photo_type,
  version: r.version,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedBy: r.updated_by,
  updatedAt: new Date(r.updated_at),
});

export async function cvsOfWorker(db: Executor, workerId: string): Promise<CvRow[]> {
  const rows = await db
    .selectFrom('worker_cvs')
    .select(COLUMNS)
    .where('worker_id', '=', workerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toCv);
}

export async function cvById(db: Executor, workerId: string, cvId: string, options: { forUpdate?: boolean } = {}): Promise<CvRow | null> {
  let q = db.selectFrom('worker_cvs').select(COLUMNS).where('id', '=', cvId).where('worker_id', '=', workerId);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toCv(row) : null;
}

/** The photo's bytes (base64 through the database: cheap on PGlite, see imports.repository.ts). */
export async function cvPhoto(db: Executor, cvId: string): Promise<{ bytes: Buffer; type: 'image/jpeg' | 'image/png' } | null> {
  const row = await db
    .selectFrom('worker_cvs')
    .select([sql<string | null>`encode(photo, 'base64')`.as('data'), 'photo_type'])
    .where('id', '=', cvId)
    .executeTakeFirst();
  return row?.data && row.photo_type ? { bytes: Buffer.from(row.data, 'base64'), type: row.photo_type } : null;
}

export interface CvWrite {
  id: string;
  workerId: string;
  networkId: string;
  officeId: string;
  title: string;
  choices: CvChoices;
  version: number;
  actorId: string;
  at: Date;
  profileVersion: number;
  document: Record<string, unknown>;
}

async function appendVersion(tx: Executor, w: CvWrite): Promise<void> {
  await tx
    .insertInto('worker_cv_versions')
    .values({
      cv_id: w.id,
      version: w.version,
      network_id: w.networkId,
      office_id: w.officeId,
      title: w.title,
      choices: JSON.stringify(w.choices),
      profile_version: w.profileVersion,
      document: JSON.stringify(w.document),
      created_by: w.actorId,
      created_at: w.at,
    })
    .execute();
}

export async function insertCv(tx: Executor, w: CvWrite): Promise<void> {
  await tx
    .insertInto('worker_cvs')
    .values({
      id: w.id,
      worker_id: w.workerId,
      network_id: w.networkId,
      office_id: w.officeId,
      title: w.title,
      language: w.choices.language,
      choices: JSON.stringify(w.choices),
      version: w.version,
      created_by: w.actorId,
      created_at: w.at,
      updated_by: w.actorId,
      updated_at: w.at,
    })
    .execute();
  await appendVersion(tx, w);
}

export async function updateCv(tx: Executor, w: CvWrite): Promise<void> {
  await tx
    .updateTable('worker_cvs')
    .set({
      title: w.title,
      language: w.choices.language,
      choices: JSON.stringify(w.choices),
      version: w.version,
      updated_by: w.actorId,
      updated_at: w.at,
    })
    .where('id', '=', w.id)
    .execute();
  await appendVersion(tx, w);
}

export async function setCvPhoto(
  tx: Executor,
  cvId: string,
  photo: { bytes: Buffer; type: 'image/jpeg' | 'image/png' } | null,
  actorId: string,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('worker_cvs')
    .set({
      photo: photo ? sql<Uint8Array>`decode(${photo.bytes.toString('base64')}, 'base64')` : null,
      photo_type: photo?.type ?? null,
      updated_by: actorId,
      updated_at: at,
    })
    .where('id', '=', cvId)
    .execute();
}

export async function cvVersions(db: Executor, cvId: string): Promise<CvVersionRow[]> {
  const rows = await db
    .selectFrom('worker_cv_versions')
    .select(['version', 'title', 'choices', 'profile_version', 'document', 'created_by', 'created_at'])
    .where('cv_id', '=', cvId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    title: r.title,
    choices: r.choices,
    profileVersion: r.profile_version,
    document: r.document,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
  }));
}
