import { randomUUID } from 'node:crypto';
import { SKILL_LEVELS, profileDocumentSchema, type ProfileDocument, type SkillEntry } from '../../shared/schemas/profiles.schema.js';
import type { Executor } from '../db/executor.js';
import type { ProfileChangeReason } from '../db/schema-profiles.js';
import type { FieldError } from '../http/problem.js';
import { profileChanges } from './profile-changes.js';
import { checkProfileReferences } from './profile-references.js';
import { readProfile, readProfileSkillUris, writeProfileVersion, type StoredProfile } from './profile.repository.js';
import { profileErrors } from './profiles.errors.js';

/** The worker's current profile: the empty one at version 0 when nobody has written it yet. */
export function getProfile(db: Executor, workerId: string): Promise<StoredProfile> {
  return readProfile(db, workerId);
}

/** The ESCO URIs of the worker's skills (the skill gap compares them with an occupation's). */
export function profileSkillUris(db: Executor, workerId: string): Promise<Set<string>> {
  return readProfileSkillUris(db, workerId);
}

export interface ProfileChangeInput {
  workerId: string;
  officeId: string;
  networkId: string;
  /** The version the change was made on (409 when another write came first); null: apply on whatever is current (system changes). */
  baseVersion: number | null;
  actorId: string | null;
  reason: Exclude<ProfileChangeReason, 'demo'>;
  change: (doc: ProfileDocument) => ProfileDocument;
  /**
   * The demo's seed only: it writes before the full ESCO is loaded (that import runs after the
   * server listens), so the URIs it names, all taken from ESCO, are not looked up.
   */
  uncheckedReferences?: 'demo';
}

const issuePath = (path: ReadonlyArray<PropertyKey>) => ['body', ...path.map(String)].join('/');

/**
 * Changes a worker's profile in the caller's transaction: reads the current version (locked),
 * refuses a stale base version, applies the change, validates the whole document
 * (profileDocumentSchema, then codes, URIs and dates against the classifications and the worker's
 * birth date), and writes the next version with what changed. A change that changes nothing
 * writes no version. Errors are 409 (stale) or 422 with the fields named (`body/work/2/endDate`).
 */
export async function applyProfileChanges(
  tx: Executor,
  input: ProfileChangeInput,
): Promise<{ version: number; document: ProfileDocument }> {
  const current = await readProfile(tx, input.workerId, { forUpdate: true });
  if (input.baseVersion !== null && input.baseVersion !== current.version)
    throw profileErrors.staleVersion(current.version, input.baseVersion);
  const parsed = profileDocumentSchema.safeParse(input.change(structuredClone(current.document)));
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
    throw profileErrors.invalidDocument(errors);
  }
  const document = parsed.data;
  const changes = profileChanges(current.document, document);
  if (changes.sections.length === 0) return { version: current.version, document: current.document };
  if (input.uncheckedReferences !== 'demo') await checkProfileReferences(tx, input.workerId, document, changes);
  const written = await writeProfileVersion(tx, {
    workerId: input.workerId,
    networkId: input.networkId,
    officeId: input.officeId,
    fromVersion: current.version,
    document,
    actorId: input.actorId,
    reason: input.reason,
    changes,
  });
  if (!written) {
    const now = await readProfile(tx, input.workerId);
    throw profileErrors.staleVersion(now.version, current.version);
  }
  return { version: current.version + 1, document };
}

const levelRank = (level: SkillEntry['level']) => (level ? SKILL_LEVELS.indexOf(level) : -1);
const sameLabel = (a: string, b: string) => a.trim().toLocaleLowerCase('it') === b.trim().toLocaleLowerCase('it');

/**
 * Adds skills to the profile (a completed course, an assessment): a skill already present — the
 * same ESCO URI, else for skills without one the same label — is kept, its level raised when the
 * new one is higher; the others are added. Applies on whatever version is current.
 */
export async function addProfileSkills(
  tx: Executor,
  input: {
    workerId: string;
    officeId: string;
    networkId: string;
    actorId: string | null;
    skills: Array<Omit<SkillEntry, 'id'>>;
    reason?: 'course' | 'assessment';
    uncheckedReferences?: 'demo';
  },
): Promise<{ version: number; document: ProfileDocument }> {
  return applyProfileChanges(tx, {
    workerId: input.workerId,
    officeId: input.officeId,
    networkId: input.networkId,
    baseVersion: null,
    actorId: input.actorId,
    reason: input.reason ?? 'course',
    uncheckedReferences: input.uncheckedReferences,
    change: (doc) => {
      const skills = [...doc.skills];
      for (const skill of input.skills) {
        const at = skills.findIndex((s) => (skill.escoUri ? s.escoUri === skill.escoUri : !s.escoUri && sameLabel(s.label, skill.label)));
        if (at < 0) {
          skills.push({ ...skill, id: randomUUID() });
          continue;
        }
        const existing = skills[at]!;
        if (levelRank(skill.level) > levelRank(existing.level))
          skills[at] = { ...existing, level: skill.level, assessedBy: skill.assessedBy ?? existing.assessedBy };
      }
      return { ...doc, skills };
    },
  });
}
