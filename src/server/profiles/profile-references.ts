import type { ProfileDocument } from '../../shared/schemas/profiles.schema.js';
import type { Executor } from '../db/executor.js';
import type { ProfileChanges } from '../db/schema-profiles.js';
import type { FieldError } from '../http/problem.js';
import { workerBirthDate } from '../people/index.js';
import { existingConceptCodes, existingConceptUris } from '../taxonomy/index.js';
import { profileErrors } from './profiles.errors.js';

/** An education title obtained before this age is impossible (the earliest, the licenza elementare, comes at ten or eleven). */
export const MIN_AGE_AT_TITLE = 10;
/** A job begun before this age is a mistake in the dates (the legal minimum in Italy is 16; 14 leaves room for old apprenticeships). */
export const MIN_AGE_AT_WORK = 14;

const ESCO_SKILL_KINDS = ['esco_skill', 'esco_skill_group'];
const ESCO_OCCUPATION_KINDS = ['esco_occupation', 'isco_group'];
const ATECO_KINDS = ['ateco2025', 'ateco2007'];

interface Reference {
  path: string;
  value: string;
  group: 'skill' | 'occupation' | 'education' | 'ateco' | 'cp2011';
}

const MESSAGES: Record<Reference['group'], string> = {
  skill: 'Competenza ESCO sconosciuta',
  occupation: 'Professione ESCO sconosciuta',
  education: 'Titolo di studio ISTAT sconosciuto',
  ateco: 'Codice ATECO sconosciuto',
  cp2011: 'Professione CP2011 sconosciuta',
};

/** The entries of a list section that this version added or changed: only those are checked again. */
function touched<T extends { id: string }>(entries: readonly T[], section: string, changes: ProfileChanges): Array<[T, number]> {
  const ids = new Set([...(changes.added[section] ?? []), ...(changes.changed[section] ?? [])]);
  return entries.flatMap((e, i) => (ids.has(e.id) ? [[e, i] as [T, number]] : []));
}

/**
 * Checks what a new version adds or changes against the world: codes and URIs the current
 * classifications know, and dates the worker's birth date allows. Entries left as they were are not
 * checked again (a code withdrawn by a later classification does not block other edits).
 * Throws 422 with the fields named (`body/work/2/atecoCode`).
 */
export async function checkProfileReferences(db: Executor, workerId: string, doc: ProfileDocument, changes: ProfileChanges) {
  const refs: Reference[] = [];
  const education = touched(doc.education, 'education', changes);
  const work = touched(doc.work, 'work', changes);
  for (const [e, i] of education)
    if (e.titleCode) refs.push({ path: `body/education/${i}/titleCode`, value: e.titleCode, group: 'education' });
  for (const [w, i] of work) {
    if (w.atecoCode) refs.push({ path: `body/work/${i}/atecoCode`, value: w.atecoCode, group: 'ateco' });
    if (w.escoOccupationUri) refs.push({ path: `body/work/${i}/escoOccupationUri`, value: w.escoOccupationUri, group: 'occupation' });
    if (w.cp2011Code) refs.push({ path: `body/work/${i}/cp2011Code`, value: w.cp2011Code, group: 'cp2011' });
  }
  for (const [s, i] of touched(doc.skills, 'skills', changes))
    if (s.escoUri) refs.push({ path: `body/skills/${i}/escoUri`, value: s.escoUri, group: 'skill' });
  for (const [d, i] of touched(doc.desiredOccupations, 'desiredOccupations', changes)) {
    if (d.escoOccupationUri)
      refs.push({ path: `body/desiredOccupations/${i}/escoOccupationUri`, value: d.escoOccupationUri, group: 'occupation' });
    if (d.cp2011Code) refs.push({ path: `body/desiredOccupations/${i}/cp2011Code`, value: d.cp2011Code, group: 'cp2011' });
  }

  const of = (group: Reference['group']) => refs.filter((r) => r.group === group).map((r) => r.value);
  const [skills, occupations, titles, ateco, cp2011] = await Promise.all([
    existingConceptUris(db, of('skill'), ESCO_SKILL_KINDS),
    existingConceptUris(db, of('occupation'), ESCO_OCCUPATION_KINDS),
    existingConceptCodes(db, of('education'), ['education']),
    existingConceptCodes(db, of('ateco'), ATECO_KINDS),
    existingConceptCodes(db, of('cp2011'), ['cp2011']),
  ]);
  const known = { skill: skills, occupation: occupations, education: titles, ateco, cp2011 };
  const unknown: FieldError[] = refs.filter((r) => !known[r.group].has(r.value)).map((r) => ({ path: r.path, message: MESSAGES[r.group] }));
  if (unknown.length > 0) throw profileErrors.unknownReferences(unknown);

  if (education.length === 0 && work.length === 0) return;
  const birthDate = await workerBirthDate(db, workerId);
  if (!birthDate) return;
  const birthYear = Number(birthDate.slice(0, 4));
  const impossible: FieldError[] = [];
  const yearOf = (d: string | undefined) => (d ? Number(d.slice(0, 4)) : undefined);
  for (const [e, i] of education) {
    const end = yearOf(e.endDate);
    if (end !== undefined && end < birthYear + MIN_AGE_AT_TITLE)
      impossible.push({
        path: `body/education/${i}/endDate`,
        message: `Titolo ottenuto prima dei ${MIN_AGE_AT_TITLE} anni (anno di nascita ${birthYear})`,
      });
    const start = yearOf(e.startDate);
    if (start !== undefined && start < birthYear)
      impossible.push({ path: `body/education/${i}/startDate`, message: `Inizio prima della nascita (anno di nascita ${birthYear})` });
  }
  for (const [w, i] of work) {
    const start = yearOf(w.startDate);
    if (start !== undefined && start < birthYear + MIN_AGE_AT_WORK)
      impossible.push({
        path: `body/work/${i}/startDate`,
        message: `Lavoro iniziato prima dei ${MIN_AGE_AT_WORK} anni (anno di nascita ${birthYear})`,
      });
  }
  if (impossible.length > 0) throw profileErrors.impossibleDates(impossible);
}
