import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emptyProfile, profileDocumentSchema } from '../../shared/schemas/profiles.schema.js';
import { profileCompleteness } from './completeness.js';
import { profileChanges } from './profile-changes.js';

const skill = (label: string) => ({ id: randomUUID(), label, source: 'declared' as const, keywords: [] });

/** A knitwear worker's profile with everything the rule asks for. */
function completeProfile() {
  return profileDocumentSchema.parse({
    education: [{ id: randomUUID(), title: 'Qualifica di operatore della moda', titleCode: '30102050', endDate: '1994' }],
    work: [{ id: randomUUID(), employer: 'Maglificio Carpigiano Aurora S.r.l.', jobTitle: 'Magliaia', startDate: '1995-09' }],
    skills: ['programmare macchine rettilinee', 'rammendo', 'controllo dei difetti', 'lettura delle schede tecniche', 'stiro'].map(skill),
    languages: [{ id: randomUUID(), code: 'it', mother: true }],
    availability: { workingTimes: ['part_time'] },
    mobility: { maxKm: 20, means: ['car'] },
    desiredOccupations: [{ id: randomUUID(), label: 'Cucitrice a macchina', cp2011Code: '6.5.3.3.1' }],
  });
}

describe('profile completeness', () => {
  it('is 0% for an empty profile, naming the seven sections in the order of the form', () => {
    expect(profileCompleteness(emptyProfile())).toEqual({
      percent: 0,
      missing: ['education', 'work', 'skills', 'languages', 'availability', 'mobility', 'desiredOccupations'],
    });
  });

  it('is 100% with a title obtained, a job, five skills, the mother tongue, availability, mobility and a wish', () => {
    expect(profileCompleteness(completeProfile())).toEqual({ percent: 100, missing: [] });
  });

  it('does not count a title without its year, four skills, a foreign language alone, or a commute without a means', () => {
    const doc = completeProfile();
    doc.education[0]!.endDate = undefined;
    doc.skills.pop();
    doc.languages = [{ id: randomUUID(), code: 'en', mother: false, listening: 'B1' }];
    doc.mobility = { maxKm: 20, means: [], relocate: false };
    expect(profileCompleteness(doc)).toEqual({ percent: 43, missing: ['education', 'skills', 'languages', 'mobility'] });
  });
});

describe('what a version changed', () => {
  it('names the sections and the entries added, changed and removed, ignoring key order', () => {
    const before = completeProfile();
    const after = structuredClone(before);
    const removed = after.skills.shift()!;
    after.skills.push(skill('taglio'));
    after.work[0] = { ...after.work[0]!, endDate: '2025-06' };
    after.mobility = { relocate: false, means: ['car'], maxKm: 20 };
    const changes = profileChanges(before, after);
    expect(changes.sections).toEqual(['work', 'skills']);
    expect(changes.changed).toEqual({ work: [before.work[0]!.id] });
    expect(changes.removed).toEqual({ skills: [removed.id] });
    expect(changes.added).toEqual({ skills: [after.skills.at(-1)!.id] });
  });
});
