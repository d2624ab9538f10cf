import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditService } from '../../audit/index.js';
import { canActOnWorker, type ActorContext } from '../../auth/index.js';
import type { DB } from '../../db/schema.js';
import { displayNameOf, workerContactsByIds, type WorkerContact } from '../../people/index.js';
import { applyProfileChanges, getProfile } from '../../profiles/index.js';
import type { CvImportApply, CvImportPreview, CvImportResult } from '../../../shared/schemas/cv-import.schema.js';
import { escoUriSchema, type ProfileDocument, type SkillEntry } from '../../../shared/schemas/profiles.schema.js';
import { convertCv } from './convert-cv.js';
import { cvReviewErrors } from './cv-import.errors.js';
import { identityDifferences } from './identity-differences.js';
import { additionsTo, sameSkill, type SectionAdditions } from './profile-match.js';

/** ESCO skills whose labels match a phrase (taxonomy's search, handed in by buildApp). */
export type SkillSearch = (query: string, lang: 'it' | 'en') => Promise<Array<{ id: string; label: string; labelLanguage: 'it' | 'en' }>>;

/** Enough proposals for a consultant to read; each is one search. */
const MAX_PROPOSED_PHRASES = 40;
const CANDIDATES_PER_PHRASE = 3;

/** A phrase as a search query: at most 100 characters, cut at a word. */
function searchQuery(phrase: string): string {
  if (phrase.length <= 100) return phrase;
  const cut = phrase.slice(0, 100);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 2));
}

export function createCvImportService(deps: { db: Kysely<DB>; audit: AuditService; searchSkills: SkillSearch }) {
  const { db, audit, searchSkills } = deps;

  async function workerInScope(ctx: ActorContext, workerId: string): Promise<WorkerContact> {
    const worker = (await workerContactsByIds(db, [workerId])).get(workerId);
    if (!worker || !canActOnWorker(ctx.actor, worker)) throw cvReviewErrors.workerNotFound();
    return worker;
  }

  return {
    /**
     * What the CV would add to the profile, by section, with the identity differences and the
     * ESCO proposals for the skills it names in free text. Nothing is saved; the read is audited
     * (it shows the worker's record and profile beside the CV).
     */
    async preview(ctx: ActorContext, workerId: string, bytes: Uint8Array, lang: 'it' | 'en'): Promise<CvImportPreview> {
      const worker = await workerInScope(ctx, workerId);
      const draft = await convertCv(bytes);
      const stored = await getProfile(db, workerId);
      const { additions, alreadyPresent } = additionsTo(stored.document, draft.profile);
      const kept = new Set(additions.skills.map((s) => s.id));
      const phrases = draft.skillPhrases.filter((p) => !p.skillEntryId || kept.has(p.skillEntryId)).slice(0, MAX_PROPOSED_PHRASES);
      const skillProposals = [];
      for (const phrase of phrases) {
        const found = phrase.text.length >= 2 ? await searchSkills(searchQuery(phrase.text), lang) : [];
        const candidates = found
          .filter((item) => escoUriSchema.safeParse(item.id).success)
          .filter((item) => !stored.document.skills.some((s) => s.escoUri === item.id))
          .slice(0, CANDIDATES_PER_PHRASE)
          .map((item) => ({ uri: item.id, label: item.label, labelLanguage: item.labelLanguage }));
        skillProposals.push({
          phrase: phrase.text,
          origin: phrase.origin,
          ...(phrase.skillEntryId && { skillEntryId: phrase.skillEntryId }),
          candidates,
        });
      }
      const summary = !stored.document.summary && draft.profile.summary ? draft.profile.summary : undefined;
      await audit.record(db, ctx, {
        action: 'cv_import.previewed',
        entityType: 'worker',
        entityId: workerId,
        entityLabel: displayNameOf(worker.firstName, worker.lastName),
        officeId: worker.officeId,
        details: {
          format: draft.source.format,
          version: draft.source.version ?? null,
          pdf: draft.source.container === 'pdf',
          profileVersion: stored.version,
        },
      });
      return {
        source: draft.source,
        baseVersion: stored.version,
        identity: {
          cv: draft.identity,
          differences: identityDifferences(draft.identity, {
            firstName: worker.firstName,
            lastName: worker.lastName,
            birthDate: worker.birthDate,
            email: worker.email,
            phone: worker.phone,
            address: worker.address,
            postalCode: worker.postalCode,
          }),
        },
        additions: { ...(summary && { summary }), ...additions },
        alreadyPresent,
        skillProposals,
        warnings: draft.warnings,
      };
    },

    /**
     * The consultant's choice, in one new profile version (reason 'cv_import', skills from 'cv'):
     * entries the profile meanwhile holds are skipped, the rest added; 409 when the profile changed
     * since the preview, 422 naming the field when an entry fails the profile's rules. All or nothing.
     */
    async apply(ctx: ActorContext, workerId: string, choice: CvImportApply): Promise<CvImportResult> {
      const worker = await workerInScope(ctx, workerId);
      const skills: SkillEntry[] = choice.skills.map((s) => ({
        id: randomUUID(),
        label: s.label,
        source: 'cv',
        keywords: s.keywords,
        ...(s.escoUri && { escoUri: s.escoUri }),
        ...(s.level && { level: s.level, assessedBy: 'self' as const }),
      }));
      let counts: CvImportResult['added'] | undefined;
      const result = await db.transaction().execute(async (trx) => {
        const written = await applyProfileChanges(trx, {
          workerId,
          officeId: worker.officeId,
          networkId: worker.networkId,
          baseVersion: choice.baseVersion,
          actorId: ctx.actor.userId,
          reason: 'cv_import',
          change: (doc) => {
            const merged = merge(doc, { ...choice, skills });
            counts = merged.counts;
            return merged.document;
          },
        });
        await audit.record(trx, ctx, {
          action: 'cv_import.applied',
          entityType: 'worker',
          entityId: workerId,
          entityLabel: displayNameOf(worker.firstName, worker.lastName),
          officeId: worker.officeId,
          details: { version: written.version, added: counts },
        });
        return written;
      });
      return { version: result.version, profile: result.document, added: counts! };
    },
  };
}

export type CvImportService = ReturnType<typeof createCvImportService>;

/** The chosen entries added to the profile, skipping what it already holds; an entry whose id is taken gets a new one. */
function merge(
  doc: ProfileDocument,
  choice: SectionAdditions & { summary?: string },
): { document: ProfileDocument; counts: CvImportResult['added'] } {
  const { additions } = additionsTo(doc, choice);
  const taken = new Set<string>(
    [doc.education, doc.work, doc.skills, doc.languages, doc.certificates, doc.additional].flatMap((list) => list.map((e) => e.id)),
  );
  const withFreeId = <T extends { id: string }>(entry: T): T => {
    const id = taken.has(entry.id) ? randomUUID() : entry.id;
    taken.add(id);
    return { ...entry, id };
  };
  const skills = additions.skills.filter((s, i, all) => all.findIndex((o) => sameSkill(o, s)) === i);
  const summary = !doc.summary && choice.summary ? choice.summary : undefined;
  return {
    document: {
      ...doc,
      ...(summary && { summary }),
      education: [...doc.education, ...additions.education.map(withFreeId)],
      work: [...doc.work, ...additions.work.map(withFreeId)],
      skills: [...doc.skills, ...skills.map(withFreeId)],
      languages: [...doc.languages, ...additions.languages.map(withFreeId)],
      drivingLicences: [...doc.drivingLicences, ...additions.drivingLicences],
      certificates: [...doc.certificates, ...additions.certificates.map(withFreeId)],
      additional: [...doc.additional, ...additions.additional.map(withFreeId)],
    },
    counts: {
      education: additions.education.length,
      work: additions.work.length,
      skills: skills.length,
      languages: additions.languages.length,
      drivingLicences: additions.drivingLicences.length,
      certificates: additions.certificates.length,
      additional: additions.additional.length,
      summary: Boolean(summary),
    },
  };
}
