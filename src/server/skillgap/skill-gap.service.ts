import type { Kysely } from 'kysely';
import { canActOnWorker, type ActorContext } from '../auth/index.js';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { displayNameOf, workerContactsByIds } from '../people/index.js';
import { escoConceptLabels, occupationSkills, skillHierarchy } from '../taxonomy/index.js';
import type { SkillGapAnswer } from '../../shared/schemas/skill-gap.schema.js';
import { romeToday } from '../../shared/time/rome-time.js';
import { skillGapErrors } from './skill-gap.errors.js';
import { computeSkillGap, type CourseOffer } from './skill-gap.js';

/**
 * What the skill gap reads from the domains above taxonomy, handed in by buildApp: the worker's
 * profile skills (profiles' profileSkillUris) and the catalogue (training's coursesTeachingSkills).
 */
export interface SkillGapSources {
  profileSkillUris(db: Kysely<DB>, workerId: string): Promise<Set<string>>;
  coursesTeachingSkills(
    db: Kysely<DB>,
    input: { networkId: string; skillUris: string[]; from?: string; today: string },
  ): Promise<CourseOffer[]>;
}

export function createSkillGapService(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date; sources: SkillGapSources }) {
  const { db, audit, clock, sources } = deps;

  return {
    async ofWorker(ctx: ActorContext, workerId: string, occupationUri: string): Promise<SkillGapAnswer> {
      // canActOnWorker admits only a worker of the actor's own network, so the network's labels
      // and catalogue can be read with the worker, not after it: three round trips in a row
      // (these reads, then the hierarchy, labels and courses, then the audit row) rather than eight.
      const networkId = ctx.actor.networkId;
      if (!networkId) throw skillGapErrors.workerNotFound();
      const [workers, [occupation], workerSkills] = await Promise.all([
        workerContactsByIds(db, [workerId]),
        occupationSkills(db, { networkId, escoOccupationUris: [occupationUri] }),
        sources.profileSkillUris(db, workerId),
      ]);
      const worker = workers.get(workerId);
      if (!worker || !canActOnWorker(ctx.actor, worker)) throw skillGapErrors.workerNotFound();
      if (!occupation) throw skillGapErrors.occupationNotFound();
      const targetUris = occupation.skills.map((s) => s.uri);
      const missingUris = targetUris.filter((u) => !workerSkills.has(u));
      const today = romeToday(clock());
      const [broader, workerLabels, courses] = await Promise.all([
        skillHierarchy(db, [...missingUris, ...workerSkills]),
        escoConceptLabels(db, networkId, [...workerSkills]),
        missingUris.length > 0
          ? sources.coursesTeachingSkills(db, { networkId, skillUris: missingUris, from: today, today })
          : Promise.resolve([]),
      ]);
      const gap = computeSkillGap({
        occupationSkills: occupation.skills,
        workerSkills,
        broader,
        workerSkillLabels: workerLabels,
        courses,
        today,
      });
      await audit.record(db, ctx, {
        action: 'skill_gap.read',
        entityType: 'worker',
        entityId: workerId,
        entityLabel: displayNameOf(worker.firstName, worker.lastName),
        officeId: worker.officeId,
        details: {
          occupation: occupation.uri,
          missingEssential: gap.missingEssential.length,
          missingOptional: gap.missingOptional.length,
          courses: gap.courses.length,
        },
      });
      return {
        workerId,
        occupation: { uri: occupation.uri, label: occupation.label, labelLanguage: occupation.labelLanguage },
        ...gap,
      };
    },
  };
}

export type SkillGapService = ReturnType<typeof createSkillGapService>;
