import type { ProfileDocument, ProfileSection } from '../../shared/schemas/profiles.schema.js';

/**
 * The rule of a complete profile — what a consultant needs before matching the worker to vacancies
 * and courses. Each of these seven sections counts the same:
 * - education: at least one title with the year it was obtained (endDate);
 * - work: at least one job in the work history;
 * - skills: at least five skills;
 * - languages: the mother tongue stated;
 * - availability: full or part time stated;
 * - mobility: the longest commute (km or minutes) and at least one means of transport;
 * - desiredOccupations: at least one occupation the worker is looking for.
 * The summary, driving licences, certificates and the additional sections are welcome but not
 * required: many workers have none and their profile is complete without.
 */
export const COMPLETENESS_RULES: ReadonlyArray<readonly [ProfileSection, (d: ProfileDocument) => boolean]> = [
  ['education', (d) => d.education.some((e) => e.endDate !== undefined)],
  ['work', (d) => d.work.length > 0],
  ['skills', (d) => d.skills.length >= MIN_SKILLS],
  ['languages', (d) => d.languages.some((l) => l.mother)],
  ['availability', (d) => d.availability.workingTimes.length > 0],
  ['mobility', (d) => (d.mobility.maxKm !== undefined || d.mobility.maxMinutes !== undefined) && d.mobility.means.length > 0],
  ['desiredOccupations', (d) => d.desiredOccupations.length > 0],
];

export const MIN_SKILLS = 5;

/** How complete the profile is, in percent of the rules above, and the sections still missing, in the order of the form. */
export function profileCompleteness(document: ProfileDocument): { percent: number; missing: ProfileSection[] } {
  const missing = COMPLETENESS_RULES.filter(([, met]) => !met(document)).map(([section]) => section);
  const percent = Math.round((100 * (COMPLETENESS_RULES.length - missing.length)) / COMPLETENESS_RULES.length);
  return { percent, missing };
}
