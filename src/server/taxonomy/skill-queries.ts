import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import {
  broaderSkills,
  conceptLabels,
  occupationsWithSkills,
  occupationUrisOfIscoGroup,
  type SkillLabel,
} from './occupation-skills.repository.js';
import { skillLabelErrors } from './taxonomy.errors.js';
import { cachedSearchableBatches } from './searchable-batches.js';
import { createTaxonomyRepository } from './taxonomy.repository.js';

/** Taxonomy's published reads of ESCO's occupations, skills and skill hierarchy (index.ts). */

const repository = createTaxonomyRepository();
// Per database handle: the active batches change only when an import finishes (searchable-batches.ts).
const batchCaches = new WeakMap<Kysely<DB>, () => Promise<number[]>>();
function searchableBatches(db: Kysely<DB>): Promise<number[]> {
  let cached = batchCaches.get(db);
  if (!cached) {
    cached = cachedSearchableBatches(() => repository.searchableBatches(db));
    batchCaches.set(db, cached);
  }
  return cached();
}

/**
 * Published: ESCO occupations (given, or under ISCO-08 groups) with their essential and optional
 * skills, labelled by the one label rule (conceptLabels: Italian where ESCO or the network has it,
 * unless `lang` is 'en'). CP2011 is refused: no CP2011 ↔ ISCO-08 correspondence is shipped
 * (data/reference/PROVENANCE.md), and a guessed one would hand a consultant the skills of another trade.
 */
export async function occupationSkills(
  db: Kysely<DB>,
  input: {
    networkId?: string | null;
    escoOccupationUris?: readonly string[];
    cp2011Code?: string;
    iscoCode?: string;
    lang?: 'it' | 'en';
  },
) {
  const batches = await searchableBatches(db);
  const uris = [...(input.escoOccupationUris ?? [])];
  if (input.iscoCode) uris.push(...(await occupationUrisOfIscoGroup(db, batches, input.iscoCode)));
  if (uris.length === 0 && input.cp2011Code) throw skillLabelErrors.cp2011NotLinked();
  return occupationsWithSkills(db, batches, input.networkId ?? null, uris, input.lang ?? 'it');
}

/** Published: the ESCO occupations under an ISCO-08 group (by code prefix), current release. */
export async function occupationUrisOfIsco(db: Kysely<DB>, iscoCode: string): Promise<string[]> {
  return occupationUrisOfIscoGroup(db, await searchableBatches(db), iscoCode);
}

/** One level up the ESCO skill hierarchy for each skill: the skills and skill groups it sits under. */
export async function skillHierarchy(db: Kysely<DB>, skillUris: readonly string[]): Promise<Map<string, string[]>> {
  return broaderSkills(db, await searchableBatches(db), skillUris);
}

/** Display labels of ESCO concepts by the one label rule: ESCO's Italian, else the network's, else English (English first with 'en'). */
export async function escoConceptLabels(
  db: Kysely<DB>,
  networkId: string | null,
  uris: readonly string[],
  lang: 'it' | 'en' = 'it',
): Promise<Map<string, SkillLabel>> {
  return conceptLabels(db, await searchableBatches(db), networkId, uris, lang);
}
