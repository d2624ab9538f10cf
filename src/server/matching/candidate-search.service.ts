import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireOffice, type ActorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import type { FieldError } from '../http/problem.js';
import { officeIdsInNetwork, officeNamesById } from '../organisation/index.js';
import { candidateWorkerPlaces, candidateWorkersByIds, maskCandidateWorker } from '../people/index.js';
import { candidateProfiles, longestStatedCommuteKm } from '../profiles/index.js';
import { OPEN_ENROLLMENT_STATES, workersWithEnrollmentIn } from '../programmes/index.js';
import { comuniNear } from '../taxonomy/index.js';
import { vacancyForMatching } from '../vacancies/index.js';
import {
  MAX_CANDIDATE_RADIUS_KM,
  type CandidateFacts,
  type CandidatePage,
  type CandidateQuery,
} from '../../shared/schemas/matching.schema.js';
import { romeToday } from '../../shared/time/rome-time.js';
import { explanationLine, reasonTexts } from './explanation.js';
import { matchingErrors, matchingFieldMessages as M } from './matching.errors.js';
import { RANKINGS } from './ranking.js';

/** A worker who states no longest commute is searched within this many km of the place of work. */
export const DEFAULT_COMMUTE_KM = 30;
/**
 * The most candidates one search ranks: those holding the most of the skills, then the nearest,
 * chosen in SQL. More than this is not a shortlist; the page says so (`truncated`) and the
 * matcher narrows the filters.
 */
export const CANDIDATE_CAP = 500;

type Deps = { db: Kysely<DB>; audit: AuditService; clock: () => Date };

const many = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/**
 * The candidate search for a vacancy. Matching owns no table: who fits is decided in SQL by the
 * owners' published queries composed into one statement (profiles' skills and occupation over
 * people's office and comune, with programmes' enrolment when asked), the distances by taxonomy,
 * and the order and the words by a Ranking over the facts (ranking.ts, explanation.ts).
 */
export function createCandidateSearch(deps: Deps) {
  const { db, audit, clock } = deps;

  return {
    async search(ctx: ActorContext, vacancyId: string, q: CandidateQuery): Promise<CandidatePage> {
      const { actor } = ctx;
      const { officeId: currentOffice, networkId } = requireOffice(actor);
      const vacancy = await vacancyForMatching(db, vacancyId);
      if (!vacancy || vacancy.networkId !== networkId) throw matchingErrors.vacancyNotFound();

      const errors: FieldError[] = [];
      const askedOffices = many(q.officeId);
      // The whole network, the offices asked for, or the caller's current office.
      let officeIds: string[] | null = [currentOffice];
      if (q.network === 'true') officeIds = null;
      else if (askedOffices) {
        const known = await officeIdsInNetwork(db, networkId);
        if (askedOffices.some((id) => !known.has(id))) errors.push({ path: 'querystring/officeId', message: M.unknownOffice });
        officeIds = [...new Set(askedOffices)];
      }

      const comuneCode = q.comuneCode ?? vacancy.comuneCode;
      const radiusKm = q.radiusKm ?? null;
      // Without a radius each worker's own longest commute decides (DEFAULT_COMMUTE_KM when the
      // profile states none), up to the widest radius: the comuni looked in are those within the
      // longest commute any profile of the network states, not all those within 200 km.
      const searchKm =
        radiusKm ?? Math.min(MAX_CANDIDATE_RADIUS_KM, Math.max(DEFAULT_COMMUTE_KM, (await longestStatedCommuteKm(db, networkId)) ?? 0));
      const near = await comuniNear(db, comuneCode, searchKm);
      if (!near) errors.push({ path: 'querystring/comuneCode', message: M.unknownComune });
      if (errors.length > 0 || !near) throw matchingErrors.invalidFilters(errors);

      const skills = [...new Set(many(q.skill) ?? vacancy.requiredSkillUris)];
      const optional = vacancy.optionalSkillUris.filter((u) => !skills.includes(u));
      const occupation = q.occupation ?? vacancy.escoOccupationUri;
      const minSkills = Math.min(q.minSkills ?? 1, Math.max(skills.length, 1));

      const profiles = await candidateProfiles(db, {
        networkId,
        workers: candidateWorkerPlaces(db, {
          networkId,
          officeIds,
          comuneCodes: [...near.within.keys()],
          in: q.programmeId ? [workersWithEnrollmentIn(db, q.programmeId, OPEN_ENROLLMENT_STATES)] : [],
        }),
        distances: new Map([...near.within].map(([code, place]) => [code, place.km])),
        reach: { radiusKm, defaultKm: DEFAULT_COMMUTE_KM, maxKm: MAX_CANDIDATE_RADIUS_KM },
        requiredUris: skills,
        minRequired: minSkills,
        optionalUris: optional,
        occupationUri: occupation,
        availableBy: q.availableBy ?? null,
        workingTime: q.workingTime ?? null,
        limit: CANDIDATE_CAP + 1,
      });
      const truncated = profiles.length > CANDIDATE_CAP;
      const considered = profiles.slice(0, CANDIDATE_CAP);
      const workers = await candidateWorkersByIds(
        db,
        considered.map((p) => p.workerId),
      );

      const ranking = RANKINGS[q.sort];
      const context = { today: romeToday(clock()) };
      const ranked = considered
        .flatMap((p) => {
          // Who is within reach was decided in SQL (candidateProfiles' CandidateReach).
          const worker = workers.get(p.workerId);
          const place = near.within.get(p.comuneCode);
          if (!worker || !place) return [];
          const facts: CandidateFacts = {
            requiredSkills: { held: p.requiredHeld.length, of: skills.length },
            optionalSkills: { held: p.optionalHeld.length, of: optional.length },
            occupationMatch: p.occupationMatch,
            distanceKm: place.km,
            fromComuneName: near.origin.name,
            maxCommuteKm: p.maxCommuteKm,
            cigsEnd: worker.cigsEnd,
            availableFrom: p.availableFrom && p.availableFrom > context.today ? p.availableFrom : null,
          };
          return [{ worker, place, facts, score: ranking.score(facts, context) }];
        })
        .sort((a, b) => b.score - a.score || (a.worker.id < b.worker.id ? -1 : 1));

      const page = ranked.slice(q.offset, q.offset + q.limit);
      const officeNames = await officeNamesById(db, [...new Set(page.map((c) => c.worker.officeId))]);
      const items = page.map((c) => {
        const shown = maskCandidateWorker(actor, c.worker);
        const parts = ranking.reasons(c.facts);
        return {
          worker: {
            ...shown,
            officeName: officeNames.get(c.worker.officeId) ?? '',
            comuneName: shown.inScope ? c.place.name : null,
          },
          facts: c.facts,
          score: c.score,
          reasons: reasonTexts(parts, actor.language),
          explanation: explanationLine(parts, actor.language),
        };
      });

      const applied = {
        officeIds,
        programmeId: q.programmeId ?? null,
        occupation,
        skills,
        minSkills,
        comuneCode: near.origin.code,
        comuneName: near.origin.name,
        radiusKm,
        availableBy: q.availableBy ?? null,
        workingTime: q.workingTime ?? null,
        sort: q.sort,
      };
      // A page of candidates is a read of their personal data: one row naming the workers shown.
      await audit.record(db, ctx, {
        action: 'vacancy.candidates_read',
        entityType: 'vacancy',
        entityId: vacancy.id,
        entityLabel: vacancy.title,
        officeId: vacancy.officeId,
        details: { workerIds: items.map((i) => i.worker.id), filters: applied, offset: q.offset },
      });
      return { items, total: ranked.length, truncated, applied };
    },
  };
}

export type CandidateSearch = ReturnType<typeof createCandidateSearch>;
