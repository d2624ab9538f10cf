import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CV_PHOTO_MAX_BYTES, cvChoicesSchema, type Cv, type CvChoices } from '../../../shared/schemas/cvs.schema.js';
import type { AuditService } from '../../audit/index.js';
import { staffNamesById, type ActorContext } from '../../auth/index.js';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { canAccessWorker, displayNameOf, workerContactsByIds } from '../../people/index.js';
import { getProfile } from '../../profiles/index.js';
import { comuniByCodes } from '../../taxonomy/index.js';
import { visibleProfile, type CvIdentity, type CvInput, type CvLabels } from './cv-input.js';
import { escoConceptLabels } from '../../taxonomy/index.js';
import { renderCvPdf } from './cv-pdf.js';
import { cvErrors } from './cv.errors.js';
import { photoTypeOf } from './cv.policy.js';
import { cvById, cvPhoto, cvsOfWorker, cvVersions, insertCv, setCvPhoto, updateCv, type CvRow } from './cv.repository.js';
import { toJsonResume, validateJsonResume, type JsonResume } from './json-resume.js';

interface WorkerOfCv {
  id: string;
  networkId: string;
  officeId: string;
  label: string;
  identity: CvIdentity;
}

/** The worker as a CV names them: identity from the worker record, the comune of residence. */
async function cvWorker(executor: Executor, workerId: string): Promise<WorkerOfCv | null> {
  const w = (await workerContactsByIds(executor, [workerId])).get(workerId);
  if (!w) return null;
  const comune = w.residenceComuneCode ? (await comuniByCodes(executor, [w.residenceComuneCode])).get(w.residenceComuneCode) : undefined;
  return {
    id: w.id,
    networkId: w.networkId,
    officeId: w.officeId,
    label: displayNameOf(w.firstName, w.lastName),
    identity: {
      givenName: w.firstName,
      familyName: w.lastName,
      ...(w.birthDate ? { birthDate: w.birthDate } : {}),
      ...(w.email ? { email: w.email } : {}),
      ...(w.phone ? { phone: w.phone } : {}),
      ...(comune ? { residence: `${comune.name} (${comune.province})` } : {}),
    },
  };
}

/** What the renderers need: the profile now, the identity, the CV's choices and photo. */
async function inputOf(executor: Executor, worker: WorkerOfCv, cv: { id: string; choices: CvChoices; hasPhoto: boolean }) {
  const profile = await getProfile(executor, worker.id);
  const photo = cv.hasPhoto ? await cvPhoto(executor, cv.id) : null;
  // Skills print with the label the product shows (ESCO's Italian, else the network's), not the
  // one stored when the skill was ticked, which may be ESCO's English.
  const skillUris = profile.document.skills.flatMap((s) => (s.escoUri ? [s.escoUri] : []));
  const skillLabels = await escoConceptLabels(executor, worker.networkId, skillUris, cv.choices.language);
  const labels: CvLabels = { skills: Object.fromEntries([...skillLabels].map(([uri, l]) => [uri, l.label])) };
  const input: CvInput = {
    profile: profile.document,
    identity: worker.identity,
    choices: cv.choices,
    labels,
    ...(photo ? { photo } : {}),
  };
  return { input, profileVersion: profile.version };
}

function checkedJsonResume(input: CvInput, at: Date): JsonResume {
  const resume = toJsonResume(input, { lastModified: at });
  if (!validateJsonResume(resume).valid) throw cvErrors.invalidExport();
  return resume;
}

/** The PDF of a CV on the profile as it is now: the one rendering the download and the employer's e-mail share. */
async function pdfOf(executor: Executor, worker: WorkerOfCv, cv: CvRow): Promise<{ pdf: Buffer; fileName: string; input: CvInput }> {
  const { input } = await inputOf(executor, worker, { id: cv.id, choices: cv.choices, hasPhoto: cv.photoType !== null });
  return { pdf: await renderCvPdf(input), fileName: fileName(worker.identity, 'pdf'), input };
}

/** What an employer's e-mail may say of the candidate: only what the CV chosen shows. */
export interface CvForEmployer {
  pdf: Buffer;
  fileName: string;
  givenName: string;
  familyName: string;
  /** "Sassuolo (MO)": the comune of residence the CV prints. */
  residence: string | null;
  headline: string | null;
  /** The skills the CV shows (none when it leaves the section out), with their ESCO URI when matched. */
  skills: Array<{ uri: string | null; label: string }>;
}

/**
 * A worker's CV as it goes to an employer (applications' «send»): the same PDF the download gives,
 * and a few lines of the profile for the e-mail taken from the same visible profile, so the e-mail
 * never says what the CV the worker agreed to hides. Null when the CV is not that worker's.
 */
export async function cvForEmployer(executor: Executor, workerId: string, cvId: string): Promise<CvForEmployer | null> {
  const [worker, cv] = await Promise.all([cvWorker(executor, workerId), cvById(executor, workerId, cvId)]);
  if (!worker || !cv) return null;
  const { pdf, fileName: name, input } = await pdfOf(executor, worker, cv);
  const shown = visibleProfile(input.profile, input.choices);
  const skills = input.choices.sections.includes('skills')
    ? shown.skills.map((s) => ({ uri: s.escoUri ?? null, label: (s.escoUri && input.labels?.skills?.[s.escoUri]) || s.label }))
    : [];
  return {
    pdf,
    fileName: name,
    givenName: worker.identity.givenName,
    familyName: worker.identity.familyName,
    residence: worker.identity.residence ?? null,
    headline: input.choices.headline?.trim() || null,
    skills,
  };
}

/**
 * A new CV of the worker built from the current profile, in the caller's transaction: what the
 * create use case writes after its checks, and what the demo writes for its workers.
 */
export async function createCvFromProfile(
  tx: Executor,
  w: { workerId: string; title: string; choices: CvChoices; actorId: string; at: Date; id?: string },
): Promise<{ id: string; profileVersion: number } | null> {
  const worker = await cvWorker(tx, w.workerId);
  if (!worker) return null;
  const id = w.id ?? randomUUID();
  const { input, profileVersion } = await inputOf(tx, worker, { id, choices: w.choices, hasPhoto: false });
  await insertCv(tx, {
    id,
    workerId: w.workerId,
    networkId: worker.networkId,
    officeId: worker.officeId,
    title: w.title,
    choices: w.choices,
    version: 1,
    actorId: w.actorId,
    at: w.at,
    profileVersion,
    document: checkedJsonResume(input, w.at),
  });
  return { id, profileVersion };
}

/**
 * A worker's CVs: created from the current profile, edited (title and choices) on a named base
 * version, every save kept as a version with the JSON Resume it then produced; downloaded as PDF
 * and JSON Resume. A worker outside the actor's offices is 404, as the worker's page is. Every
 * read, download and change is audited: a CV is the worker's personal data (GDPR art. 5(2)).
 */
export function createCvService(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date }) {
  const { db, audit, clock } = deps;

  async function workerOf(ctx: ActorContext, workerId: string, executor: Executor = db): Promise<WorkerOfCv> {
    const w = await cvWorker(executor, workerId);
    if (!w || !canAccessWorker(ctx.actor, { networkId: w.networkId, officeId: w.officeId })) throw cvErrors.workerNotFound();
    return w;
  }

  async function cvOf(workerId: string, cvId: string, executor: Executor = db, forUpdate = false): Promise<CvRow> {
    const cv = await cvById(executor, workerId, cvId, { forUpdate });
    if (!cv) throw cvErrors.cvNotFound();
    return cv;
  }

  async function present(rows: CvRow[]): Promise<Cv[]> {
    const names = await staffNamesById(
      db,
      rows.flatMap((r) => [r.createdBy, r.updatedBy]),
    );
    return rows.map((r) => ({
      id: r.id,
      workerId: r.workerId,
      title: r.title,
      language: r.language,
      choices: r.choices,
      hasPhoto: r.photoType !== null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
      updatedAt: r.updatedAt.toISOString(),
      updatedByName: r.updatedBy ? (names.get(r.updatedBy) ?? null) : null,
    }));
  }

  const one = async (row: CvRow) => (await present([row]))[0]!;

  function record(
    ctx: ActorContext,
    executor: Executor,
    worker: WorkerOfCv,
    action: string,
    cvId: string | null,
    details?: Record<string, unknown>,
  ) {
    return audit.record(executor, ctx, {
      action,
      entityType: 'worker',
      entityId: worker.id,
      entityLabel: worker.label,
      officeId: worker.officeId,
      details: { ...(cvId ? { cvId } : {}), ...details },
    });
  }

  return {
    async list(ctx: ActorContext, workerId: string): Promise<Cv[]> {
      const worker = await workerOf(ctx, workerId);
      const rows = await cvsOfWorker(db, workerId);
      await record(ctx, db, worker, 'cv.list.read', null, { ids: rows.map((r) => r.id) });
      return present(rows);
    },

    async get(ctx: ActorContext, workerId: string, cvId: string): Promise<Cv> {
      const worker = await workerOf(ctx, workerId);
      const cv = await cvOf(workerId, cvId);
      await record(ctx, db, worker, 'cv.read', cvId);
      return one(cv);
    },

    async create(ctx: ActorContext, workerId: string, body: { title: string; choices?: CvChoices | undefined }): Promise<Cv> {
      const actorId = ctx.actor.userId;
      const id = randomUUID();
      await db.transaction().execute(async (tx) => {
        const worker = await workerOf(ctx, workerId, tx);
        const choices = body.choices ?? cvChoicesSchema.parse({});
        const { profileVersion } = (await createCvFromProfile(tx, { id, workerId, title: body.title, choices, actorId, at: clock() }))!;
        await record(ctx, tx, worker, 'cv.created', id, { title: body.title, profileVersion });
      });
      return one(await cvOf(workerId, id));
    },

    async update(
      ctx: ActorContext,
      workerId: string,
      cvId: string,
      body: { baseVersion: number; title?: string | undefined; choices?: CvChoices | undefined },
    ): Promise<Cv> {
      await db.transaction().execute(async (tx) => {
        const worker = await workerOf(ctx, workerId, tx);
        const cv = await cvOf(workerId, cvId, tx, true);
        if (cv.version !== body.baseVersion) throw cvErrors.staleVersion(cv.version, body.baseVersion);
        const at = clock();
        const choices = body.choices ?? cv.choices;
        const title = body.title ?? cv.title;
        const { input, profileVersion } = await inputOf(tx, worker, { id: cvId, choices, hasPhoto: cv.photoType !== null });
        const document = checkedJsonResume(input, at);
        const version = cv.version + 1;
        await updateCv(tx, { ...cv, title, choices, version, actorId: ctx.actor.userId, at, profileVersion, document });
        await record(ctx, tx, worker, 'cv.updated', cvId, { version });
      });
      return one(await cvOf(workerId, cvId));
    },

    async versions(ctx: ActorContext, workerId: string, cvId: string) {
      const worker = await workerOf(ctx, workerId);
      await cvOf(workerId, cvId);
      const rows = await cvVersions(db, cvId);
      const names = await staffNamesById(
        db,
        rows.map((r) => r.createdBy),
      );
      await record(ctx, db, worker, 'cv.versions.read', cvId);
      return rows.map((r) => ({
        version: r.version,
        title: r.title,
        choices: r.choices,
        profileVersion: r.profileVersion,
        createdAt: r.createdAt.toISOString(),
        createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
      }));
    },

    /** The PDF of the CV on the profile as it is now, with the file name the download gets. */
    async pdf(ctx: ActorContext, workerId: string, cvId: string): Promise<{ pdf: Buffer; fileName: string }> {
      const worker = await workerOf(ctx, workerId);
      const cv = await cvOf(workerId, cvId);
      const [{ pdf, fileName: name }] = await Promise.all([pdfOf(db, worker, cv), record(ctx, db, worker, 'cv.pdf.downloaded', cvId)]);
      return { pdf, fileName: name };
    },

    async jsonResume(ctx: ActorContext, workerId: string, cvId: string): Promise<{ resume: JsonResume; fileName: string }> {
      const worker = await workerOf(ctx, workerId);
      const cv = await cvOf(workerId, cvId);
      const { input } = await inputOf(db, worker, { id: cvId, choices: cv.choices, hasPhoto: false });
      const resume = checkedJsonResume(input, clock());
      await record(ctx, db, worker, 'cv.json_resume.downloaded', cvId);
      return { resume, fileName: fileName(worker.identity, 'json') };
    },

    /** JPEG or PNG by their first bytes (the declared type is not trusted), at most 2 MB; null removes the photo. */
    async setPhoto(ctx: ActorContext, workerId: string, cvId: string, bytes: Buffer | null): Promise<Cv> {
      let type: 'image/jpeg' | 'image/png' | null = null;
      if (bytes) {
        if (bytes.length > CV_PHOTO_MAX_BYTES) throw cvErrors.photoTooLarge();
        type = photoTypeOf(bytes);
        if (!type) throw cvErrors.photoNotImage();
      }
      await db.transaction().execute(async (tx) => {
        const worker = await workerOf(ctx, workerId, tx);
        await cvOf(workerId, cvId, tx, true);
        await setCvPhoto(tx, cvId, bytes && type ? { bytes, type } : null, ctx.actor.userId, clock());
        await record(ctx, tx, worker, bytes ? 'cv.photo.uploaded' : 'cv.photo.removed', cvId, bytes ? { bytes: bytes.length, type } : {});
      });
      return one(await cvOf(workerId, cvId));
    },
  };
}

export type CvService = ReturnType<typeof createCvService>;

/** "CV-Barbieri-Giulia.pdf": ASCII only, for every browser's Content-Disposition. */
function fileName(identity: CvIdentity, extension: string): string {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `CV-${ascii(identity.familyName)}-${ascii(identity.givenName)}.${extension}`;
}
