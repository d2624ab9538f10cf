import { ADDITIONAL_KINDS, CEFR_LEVELS, type LanguageEntry } from '../../../shared/schemas/profiles.schema.js';
import { countryCode, languageCodeOfName } from './code-lists.js';
import {
  DraftBuilder,
  htmlToText,
  line,
  partialDateOf,
  type CvDraft,
  type CvSource,
  type IdSource,
  type SkillPhraseOrigin,
} from './cv-draft.js';
import { arr, at, isTrue, list, obj, text, type Node } from './tree.js';

/**
 * Europass CV version 3 (XSD 3.0 to 3.4, 2013–2020) as the Europass editor saved it, in XML
 * (<SkillsPassport>) or in its JSON form: the same element names, the XML wrapping repeated
 * elements in "…List" elements and writing dates as attributes (<From year="2001" month="--03"/>),
 * the JSON giving arrays and numbers ({"Year": 2001, "Month": 3}). One mapping reads both.
 */
export function europassV3ToDraft(skillsPassport: Node, source: Omit<CvSource, 'version'>, newId?: IdSource): CvDraft {
  const b = new DraftBuilder(newId);
  const learner = obj(skillsPassport.LearnerInfo) ?? {};
  const documentType = text(at(skillsPassport, 'DocumentInfo', 'DocumentType'));
  const version = text(at(skillsPassport, 'DocumentInfo', 'XSDVersion'))?.replace(/^V/i, '');

  readIdentity(b, obj(learner.Identification));
  readHeadline(b, obj(learner.Headline));
  for (const w of list(learner, 'WorkExperience')) readWork(b, w);
  for (const e of list(learner, 'Education')) readEducation(b, e);
  readSkills(b, obj(learner.Skills));
  for (const a of list(learner, 'Achievement')) readAchievement(b, a);

  if (documentType === 'ECL')
    b.warn(
      'COVER_LETTER_ONLY',
      'Il file contiene solo una lettera di presentazione: se ne legge solo l’identità',
      'The file holds only a cover letter: only its identity is read',
    );
  return b.build({ ...source, ...(version && { version }) });
}

/** A Europass date: attributes in XML (year, month '--03', day '---10'), numbers in JSON (Year, Month, Day). */
export function europassDate(node: unknown): string | undefined {
  const o = obj(node);
  if (!o) return undefined;
  return partialDateOf(o['@year'] ?? o.Year ?? text(o.year), o['@month'] ?? o.Month ?? text(o.month), o['@day'] ?? o.Day ?? text(o.day));
}

function readIdentity(b: DraftBuilder, identification: Node | undefined): void {
  if (!identification) return;
  const id = b.identity;
  id.firstName = line(text(at(identification, 'PersonName', 'FirstName')), 100);
  id.lastName = line(text(at(identification, 'PersonName', 'Surname')), 100);
  const contact = obj(at(identification, 'ContactInfo'));
  const address = obj(at(contact, 'Address', 'Contact'));
  if (address) {
    const street = [line(text(address.AddressLine)), line(text(address.AddressLine2))].filter(Boolean).join(', ');
    id.address = {
      ...(street && { line: street }),
      ...(line(text(address.PostalCode), 20) && { postalCode: line(text(address.PostalCode), 20) }),
      ...(line(text(address.Municipality), 200) && { city: line(text(address.Municipality), 200) }),
      ...(countryCode(text(at(address, 'Country', 'Code'))) && { country: countryCode(text(at(address, 'Country', 'Code'))) }),
    };
  }
  id.email = line(text(at(contact, 'Email', 'Contact')), 200);
  for (const phone of list(contact, 'Telephone')) {
    const number = line(text(phone.Contact), 40);
    if (number) id.phones.push(number);
  }
  const demographics = obj(identification.Demographics);
  id.birthDate = europassDate(demographics?.Birthdate);
  const gender = text(at(demographics, 'Gender', 'Code'));
  if (gender === 'M' || gender === 'F') id.gender = gender;
  for (const n of list(demographics, 'Nationality')) {
    const value = countryCode(text(n.Code)) ?? line(text(n.Label), 100);
    if (value) id.nationalities.push(value);
  }
}

function readHeadline(b: DraftBuilder, headline: Node | undefined): void {
  const label = line(text(at(headline, 'Description', 'Label')) ?? text(headline?.Description), 300);
  if (!label) return;
  // 'personal_statement' is the worker's own words on themselves: the profile's summary.
  if (text(at(headline, 'Type', 'Code')) === 'personal_statement') b.setSummary(htmlToText(label, 3000));
  else b.identity.headline = label;
}

function place(node: unknown): { place?: string; country?: string } {
  const contact = obj(at(node, 'ContactInfo', 'Address', 'Contact'));
  const city = line(text(contact?.Municipality), 200);
  const country = countryCode(text(at(contact, 'Country', 'Code')));
  return { ...(city && { place: city }), ...(country && { country }) };
}

/** A NACE/ATECO code as Europass writes a sector: the section letter ('C') or a division with its letter ('C.23', 'C23.3'). */
function sectorCode(value: string | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  if (!code) return undefined;
  if (/^[A-U]$/.test(code)) return code;
  const numeric = /^(?:[A-U]\.?)?(\d{2}(?:\.\d{1,2}){0,2})$/.exec(code)?.[1];
  return numeric;
}

function period(node: Node): { startDate?: string; endDate?: string } {
  const p = obj(node.Period);
  const startDate = europassDate(p?.From);
  const endDate = isTrue(p?.Current) ? undefined : europassDate(p?.To);
  return { ...(startDate && { startDate }), ...(endDate && { endDate }) };
}

function readWork(b: DraftBuilder, w: Node): void {
  const employer = line(text(at(w, 'Employer', 'Name')));
  const jobTitle = line(text(at(w, 'Position', 'Label')) ?? text(w.Position));
  const { startDate, endDate } = period(w);
  if (!employer || !jobTitle || !startDate) {
    const what = [jobTitle, employer].filter(Boolean).join(' – ') || 'senza titolo';
    b.warn(
      'WORK_INCOMPLETE',
      `Esperienza «${what}» non importata: mancano ${[!jobTitle && 'la posizione', !employer && 'il datore di lavoro', !startDate && 'la data di inizio'].filter(Boolean).join(', ')}`,
      `Work «${what}» not imported: it lacks ${[!jobTitle && 'the position', !employer && 'the employer', !startDate && 'the start date'].filter(Boolean).join(', ')}`,
    );
    return;
  }
  const ateco = sectorCode(text(at(w, 'Employer', 'Sector', 'Code')));
  const tasks = htmlToText(w.Activities);
  b.addWork({
    employer,
    jobTitle,
    startDate,
    ...(endDate && { endDate }),
    ...place(obj(w.Employer)),
    ...(ateco && { atecoCode: ateco }),
    ...(tasks && { tasks }),
    highlights: [],
  });
}

/** An education entry without a title is left out, and the consultant told so (both Europass versions). */
export function warnUntitledEducation(b: DraftBuilder): void {
  b.warn(
    'EDUCATION_INCOMPLETE',
    'Un titolo di studio senza nome non è stato importato',
    'An education entry without a title was not imported',
  );
}

function readEducation(b: DraftBuilder, e: Node): void {
  const title = line(text(e.Title));
  if (!title) {
    warnUntitledEducation(b);
    return;
  }
  const { startDate, endDate } = period(e);
  const institution = line(text(at(e, 'Organisation', 'Name')));
  const level = Number(text(at(e, 'Level', 'Code')));
  const field = line(text(at(e, 'Field', 'Label')), 200);
  const courses = (htmlToText(e.Activities) ?? '')
    .split(/\n|;/)
    .map((c) => line(c.replace(/^-\s*/, ''), 200))
    .filter((c): c is string => !!c)
    .slice(0, 50);
  b.addEducation({
    title,
    ...(institution && { institution }),
    ...place(obj(e.Organisation)),
    ...(field && { field }),
    ...(Number.isInteger(level) && level >= 1 && level <= 8 && { eqfLevel: level as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 }),
    ...(startDate && { startDate }),
    ...(endDate && { endDate }),
    courses,
  });
}

/** The ISO 639 code of a Europass language description (its Code, else its label looked up). */
export function languageOf(b: DraftBuilder, code: string | undefined, label: string | undefined): string | undefined {
  const c = code?.trim().toLowerCase();
  if (c && /^[a-z]{2,3}$/.test(c)) return c;
  const byName = label ? languageCodeOfName(label) : undefined;
  if (byName) return byName;
  const name = label ?? code ?? '';
  b.warn(
    'LANGUAGE_UNKNOWN',
    `Lingua «${name}» senza codice ISO riconosciuto: non importata`,
    `Language «${name}» has no recognised ISO code: not imported`,
  );
  return undefined;
}

export function cefrOf(value: unknown): (typeof CEFR_LEVELS)[number] | undefined {
  const level = text(value)?.trim().toUpperCase();
  return (CEFR_LEVELS as readonly string[]).includes(level ?? '') ? (level as (typeof CEFR_LEVELS)[number]) : undefined;
}

function certificateTitles(node: Node): string[] {
  const titles: string[] = [];
  for (const c of [...list(node, 'Certificate'), ...arr(node.VerifiedBy).flatMap((v) => list(v, 'Certificate'))]) {
    const title = line(text(c.Title), 200);
    if (title) titles.push(title);
  }
  return titles;
}

function readSkills(b: DraftBuilder, skills: Node | undefined): void {
  if (!skills) return;
  const linguistic = obj(skills.Linguistic);
  for (const m of list(linguistic, 'MotherTongue')) {
    const code = languageOf(b, text(at(m, 'Description', 'Code')), text(at(m, 'Description', 'Label')));
    if (code) b.addLanguage({ code, mother: true });
  }
  for (const f of list(linguistic, 'ForeignLanguage')) {
    const code = languageOf(b, text(at(f, 'Description', 'Code')), text(at(f, 'Description', 'Label')));
    if (!code) continue;
    const level = obj(f.ProficiencyLevel);
    const certificates = certificateTitles(f);
    const entry: Omit<LanguageEntry, 'id'> = { code, mother: false };
    for (const [key, element] of [
      ['listening', 'Listening'],
      ['reading', 'Reading'],
      ['spokenInteraction', 'SpokenInteraction'],
      ['spokenProduction', 'SpokenProduction'],
      ['writing', 'Writing'],
    ] as const) {
      const cefr = cefrOf(level?.[element]);
      if (cefr) entry[key] = cefr;
    }
    if (certificates.length > 0) entry.certificate = line(certificates.join(', '), 200);
    b.addLanguage(entry);
  }
  const phraseSections: [string, SkillPhraseOrigin][] = [
    ['Communication', 'communication'],
    ['Organisational', 'organisational'],
    ['JobRelated', 'job_related'],
    ['Computer', 'computer'],
    ['Other', 'other'],
  ];
  for (const [element, origin] of phraseSections) b.addPhrases(text(at(skills, element, 'Description')), origin);
  const computer = obj(skills.Computer);
  if (computer) for (const name of certificateTitles(computer)) b.addCertificate({ name });
  const driving = obj(skills.Driving);
  for (const d of arr(driving?.Description)) {
    for (const licence of arr(obj(d)?.Licence ?? d)) {
      const value = text(licence);
      if (value) b.addDrivingLicence(value);
    }
  }
}

/** Europass's predefined achievement codes and the profile's kinds of additional entries. */
const ACHIEVEMENT_KINDS: Record<string, (typeof ADDITIONAL_KINDS)[number]> = {
  projects: 'project',
  publications: 'publication',
  honors_awards: 'award',
  memberships: 'membership',
  references: 'reference',
  conferences: 'other',
  seminars: 'other',
  courses: 'other',
  citations: 'other',
};

function readAchievement(b: DraftBuilder, a: Node): void {
  const code = text(at(a, 'Title', 'Code'));
  const label = line(text(at(a, 'Title', 'Label')) ?? code ?? text(a.Title));
  const detail = htmlToText(a.Description);
  if (!label && !detail) return;
  if (code === 'certifications') {
    // One certificate a line, as the editor's form invites.
    for (const name of (detail ?? '').split('\n')) {
      const n = line(name.replace(/^-\s*/, ''));
      if (n) b.addCertificate({ name: n });
    }
    return;
  }
  b.addAdditional({ kind: ACHIEVEMENT_KINDS[code ?? ''] ?? 'other', title: label ?? 'Altro', ...(detail && { detail }) });
}
