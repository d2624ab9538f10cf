import type {
  AdditionalEntry,
  CertificateEntry,
  EducationEntry,
  LanguageEntry,
  ProfileDocument,
  SkillEntry,
  WorkEntry,
} from '../../../shared/schemas/profiles.schema.js';

/**
 * When an entry of a CV is one the profile already holds: the same employer from the same start,
 * the same title in the same year, the same language, certificate, skill or additional entry. A CV
 * brought twice, or a CV the product exported, adds nothing the second time.
 */

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('it')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Legal forms, written a dozen ways on CVs ("S.p.A.", "SpA", "s.r.l."), say nothing of who the employer is. */
const LEGAL_FORMS = new Set([
  'spa',
  'srl',
  'srls',
  'snc',
  'sas',
  'sapa',
  'scarl',
  'scrl',
  'soc',
  'coop',
  'sc',
  'ltd',
  'gmbh',
  'sa',
  'sl',
  'inc',
]);

export function employerKey(name: string): string {
  const words = fold(name.replace(/\./g, '')).split(' ');
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1)!)) words.pop();
  return words.join(' ');
}

/** Two partial dates agree at the precision both have ('2019-03' and '2019-03-15' agree). */
function sameStart(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return !a && !b;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

const yearOf = (e: EducationEntry) => (e.endDate ?? e.startDate)?.slice(0, 4);

export const sameWork = (a: WorkEntry, b: WorkEntry) =>
  employerKey(a.employer) === employerKey(b.employer) && sameStart(a.startDate, b.startDate);
export const sameEducation = (a: EducationEntry, b: EducationEntry) =>
  fold(a.title) === fold(b.title) && (!yearOf(a) || !yearOf(b) || yearOf(a) === yearOf(b));
export const sameSkill = (a: Pick<SkillEntry, 'escoUri' | 'label'>, b: Pick<SkillEntry, 'escoUri' | 'label'>) =>
  a.escoUri && b.escoUri ? a.escoUri === b.escoUri : fold(a.label) === fold(b.label);
export const sameLanguage = (a: LanguageEntry, b: LanguageEntry) => a.code === b.code;
export const sameCertificate = (a: CertificateEntry, b: CertificateEntry) => fold(a.name) === fold(b.name);
export const sameAdditional = (a: AdditionalEntry, b: AdditionalEntry) => a.kind === b.kind && fold(a.title) === fold(b.title);

export interface SectionAdditions {
  education: EducationEntry[];
  work: WorkEntry[];
  skills: SkillEntry[];
  languages: LanguageEntry[];
  drivingLicences: ProfileDocument['drivingLicences'];
  certificates: CertificateEntry[];
  additional: AdditionalEntry[];
}

function fresh<T>(current: T[], candidates: T[], same: (a: T, b: T) => boolean): { added: T[]; present: number } {
  const added: T[] = [];
  let present = 0;
  for (const candidate of candidates) {
    if (current.some((c) => same(c, candidate))) present++;
    else if (!added.some((a) => same(a, candidate))) added.push(candidate);
  }
  return { added, present };
}

/** What a set of entries would add to the profile, section by section, and how many it holds already. */
export function additionsTo(
  profile: ProfileDocument,
  candidates: SectionAdditions,
): { additions: SectionAdditions; alreadyPresent: Record<keyof SectionAdditions, number> } {
  const education = fresh(profile.education, candidates.education, sameEducation);
  const work = fresh(profile.work, candidates.work, sameWork);
  const skills = fresh(profile.skills, candidates.skills, sameSkill);
  const languages = fresh(profile.languages, candidates.languages, sameLanguage);
  const licences = fresh(profile.drivingLicences, candidates.drivingLicences, (a, b) => a === b);
  const certificates = fresh(profile.certificates, candidates.certificates, sameCertificate);
  const additional = fresh(profile.additional, candidates.additional, sameAdditional);
  return {
    additions: {
      education: education.added,
      work: work.added,
      skills: skills.added,
      languages: languages.added,
      drivingLicences: licences.added,
      certificates: certificates.added,
      additional: additional.added,
    },
    alreadyPresent: {
      education: education.present,
      work: work.present,
      skills: skills.present,
      languages: languages.present,
      drivingLicences: licences.present,
      certificates: certificates.present,
      additional: additional.present,
    },
  };
}
