import type { LanguageEntry } from '../../../shared/schemas/profiles.schema.js';
import { countryCode } from './code-lists.js';
import { DraftBuilder, htmlToText, isoPartialDate, line, type CvDraft, type IdSource, type SkillPhraseOrigin } from './cv-draft.js';
import { cefrOf, europassDate, languageOf, warnUntitledEducation } from './europass-v3.js';
import { arr, at, isTrue, list, obj, text, type Node } from './tree.js';

/**
 * Europass CV version 2 (XSD 2.0 of 2005 and its 2.x revisions, up to 2012): the root
 * <europass:learnerinfo>, lower-case element names, lists as <workexperiencelist>, dates as
 * <from year="2001" month="--03"/> (some generators wrote <year> and <month> children instead),
 * languages as <language xsi:type="europass:mother|foreign">, skills as <skill type="…">.
 */
export function europassV2ToDraft(learner: Node, newId?: IdSource): CvDraft {
  const b = new DraftBuilder(newId);
  const version = text(at(learner, 'docinfo', 'xsdversion'))?.replace(/^V/i, '') ?? text(learner['@version'])?.replace(/^V/i, '') ?? '2.0';

  readIdentity(b, obj(learner.identification));
  const application = line(text(at(learner, 'application', 'label')) ?? text(learner.application));
  if (application) b.identity.headline = application;
  for (const w of list(learner.workexperiencelist, 'workexperience')) readWork(b, w);
  for (const e of list(learner.educationlist, 'education')) readEducation(b, e);
  for (const l of list(learner.languagelist, 'language')) readLanguage(b, l);
  readSkills(b, obj(learner.skilllist));
  for (const m of list(learner.misclist, 'misc')) {
    const detail = htmlToText(text(m));
    const type = text(m['@type']);
    if (!detail || type === 'annexes') continue;
    b.addAdditional({ kind: 'other', title: 'Ulteriori informazioni', detail });
  }
  return b.build({ format: 'europass_xml', version });
}

/** A 2.x birth date: a text ('1968-05-14', or '--05-14' without the year) or the attribute form of the periods. */
function birthDate(node: unknown): string | undefined {
  return isoPartialDate(text(node)) ?? europassDate(node);
}

function addressOf(node: unknown): { line?: string; postalCode?: string; city?: string; country?: string } | undefined {
  const a = obj(node);
  if (!a) return undefined;
  const street = line(text(a.addressLine) ?? text(a.addressline) ?? text(a.street));
  const postalCode = line(text(a.postalCode) ?? text(a.postalcode), 20);
  const city = line(text(a.municipality), 200);
  const country = countryCode(text(a.code) ?? text(at(a, 'country', 'code')));
  return { ...(street && { line: street }), ...(postalCode && { postalCode }), ...(city && { city }), ...(country && { country }) };
}

function readIdentity(b: DraftBuilder, identification: Node | undefined): void {
  if (!identification) return;
  const id = b.identity;
  id.firstName = line(text(identification.firstname), 100);
  id.lastName = line(text(identification.lastname), 100);
  const contact = obj(identification.contactinfo);
  const address = addressOf(contact?.address);
  if (address && Object.keys(address).length > 0) id.address = address;
  id.email = line(text(contact?.email), 200);
  for (const key of ['mobile', 'telephone']) {
    for (const phone of arr(contact?.[key])) {
      const number = line(text(phone), 40);
      if (number && !id.phones.includes(number)) id.phones.push(number);
    }
  }
  const demographics = obj(identification.demographics);
  id.birthDate = birthDate(demographics?.birthdate);
  const gender = text(demographics?.gender)?.trim().toUpperCase();
  if (gender === 'M' || gender === 'F') id.gender = gender;
  for (const n of arr(demographics?.nationality)) {
    const value = countryCode(text(at(n, 'code'))) ?? line(text(at(n, 'label')) ?? text(n), 100);
    if (value) id.nationalities.push(value);
  }
}

function period(node: Node): { startDate?: string; endDate?: string } {
  const p = obj(node.period);
  const startDate = europassDate(p?.from);
  const endDate = isTrue(p?.current) ? undefined : europassDate(p?.to);
  return { ...(startDate && { startDate }), ...(endDate && { endDate }) };
}

function readWork(b: DraftBuilder, w: Node): void {
  const employerNode = obj(w.employer);
  const employer = line(text(employerNode?.name) ?? text(w.employer));
  const jobTitle = line(text(at(w, 'position', 'label')) ?? text(w.position));
  const { startDate, endDate } = period(w);
  if (!employer || !jobTitle || !startDate) {
    const what = [jobTitle, employer].filter(Boolean).join(' – ') || 'senza titolo';
    b.warn(
      'WORK_INCOMPLETE',
      `Esperienza «${what}» non importata: mancano la posizione, il datore di lavoro o la data di inizio`,
      `Work «${what}» not imported: it lacks the position, the employer or the start date`,
    );
    return;
  }
  const where = addressOf(employerNode?.address);
  const sector = text(at(employerNode, 'sector', 'code')) ?? text(at(w, 'sector', 'code'));
  const ateco = sector && /^([A-U]|\d{2}(\.\d{1,2}){0,2})$/.test(sector.trim().toUpperCase()) ? sector.trim().toUpperCase() : undefined;
  const tasks = htmlToText(text(w.activities));
  b.addWork({
    employer,
    jobTitle,
    startDate,
    ...(endDate && { endDate }),
    ...(where?.city && { place: where.city }),
    ...(where?.country && { country: where.country }),
    ...(ateco && { atecoCode: ateco }),
    ...(tasks && { tasks }),
    highlights: [],
  });
}

function readEducation(b: DraftBuilder, e: Node): void {
  const title = line(text(e.title));
  if (!title) {
    warnUntitledEducation(b);
    return;
  }
  const { startDate, endDate } = period(e);
  const organisation = obj(e.organisation);
  const institution = line(text(organisation?.name) ?? text(e.organisation));
  const where = addressOf(organisation?.address);
  const field = line(text(at(e, 'educationalfield', 'label')) ?? text(e.educationalfield), 200);
  // 2.x gives the ISCED level, which is not the EQF level: it is left for the consultant to set.
  const courses = (htmlToText(text(e.skills)) ?? '')
    .split(/\n|;/)
    .map((c) => line(c.replace(/^-\s*/, ''), 200))
    .filter((c): c is string => !!c)
    .slice(0, 50);
  b.addEducation({
    title,
    ...(institution && { institution }),
    ...(where?.city && { place: where.city }),
    ...(where?.country && { country: where.country }),
    ...(field && { field }),
    ...(startDate && { startDate }),
    ...(endDate && { endDate }),
    courses,
  });
}

function readLanguage(b: DraftBuilder, l: Node): void {
  const code = languageOf(b, text(l.code), text(l.label));
  if (!code) return;
  const type = text(l['@type']) ?? '';
  if (/mother/i.test(type)) {
    b.addLanguage({ code, mother: true });
    return;
  }
  const level = obj(l.level);
  const entry: Omit<LanguageEntry, 'id'> = { code, mother: false };
  for (const key of ['listening', 'reading', 'spokenInteraction', 'spokenProduction', 'writing'] as const) {
    const cefr = cefrOf(level?.[key.toLowerCase()]);
    if (cefr) entry[key] = cefr;
  }
  b.addLanguage(entry);
}

const SKILL_TYPES: Record<string, SkillPhraseOrigin> = {
  social: 'communication',
  organisational: 'organisational',
  technical: 'job_related',
  computer: 'computer',
  artistic: 'artistic',
  other: 'other',
};

function readSkills(b: DraftBuilder, skills: Node | undefined): void {
  if (!skills) return;
  for (const s of list(skills, 'skill')) {
    const origin = SKILL_TYPES[text(s['@type']) ?? ''] ?? 'other';
    b.addPhrases(text(s), origin);
    for (const licence of arr(s.drivinglicence)) if (text(licence)) b.addDrivingLicence(text(licence)!);
  }
  for (const s of list(skills, 'structured-skill'))
    for (const licence of arr(s.drivinglicence)) if (text(licence)) b.addDrivingLicence(text(licence)!);
}
