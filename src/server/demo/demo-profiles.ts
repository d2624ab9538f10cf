import { randomUUID } from 'node:crypto';
import { decodeCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import type { ProfileDocument, SkillEntry } from '../../shared/schemas/profiles.schema.js';
import { emptyProfile } from '../../shared/schemas/profiles.schema.js';
import type { Executor } from '../db/executor.js';
import { insertProfilesBulk, profileChanges, type BulkProfile } from '../profiles/index.js';
import { DEMO_OCCUPATIONS_BY_ATECO } from './demo-profile-occupations.js';
import type { DemoProgramme } from './demo-programmes.js';
import type { DemoCase } from './demo-people.js';
import { seededRandom } from './demo-people.js';

/** Enrolment states whose workers have met a consultant: most of them have a profile. */
const INTERVIEWED = new Set(['registered', 'waiting', 'assessed', 'enrolled', 'placed']);

/** Per sector: an earlier employer of the district, the vocational title (ISTAT code, EQF) and a certificate typical of the work. */
const SECTOR: Record<string, { earlier: string; title: { code: string; title: string; eqf: 3 | 4; age: number }; certificate?: string }> = {
  '23.31': {
    earlier: 'Ceramica Fioranese S.r.l.',
    title: { code: '30102072', title: 'Qualifica di operatore dell’industria ceramica', eqf: 3, age: 17 },
    certificate: 'Patentino per carrellisti (Accordo Stato-Regioni 2012)',
  },
  '25.11': {
    earlier: 'Carpenteria Metallica Spilambertese S.n.c.',
    title: { code: '30102055', title: 'Qualifica di operatore meccanico', eqf: 3, age: 17 },
    certificate: 'Attestato di saldatore EN ISO 9606-1',
  },
  '13.96': {
    earlier: 'Maglieria Novese S.r.l.',
    title: { code: '30102050', title: 'Qualifica di operatore della moda', eqf: 3, age: 17 },
  },
  '32.50': {
    earlier: 'Plastiche Medicali Mirandolesi S.r.l.',
    title: { code: '40202030', title: 'Diploma di perito in elettronica e telecomunicazioni', eqf: 4, age: 19 },
    certificate: 'Formazione per il lavoro in camera bianca (ISO 14644)',
  },
  '10.13': {
    earlier: 'Prosciuttificio Val Tiepido S.r.l.',
    title: { code: '30101023', title: 'Qualifica di esperto in produzioni alimentari', eqf: 3, age: 17 },
    certificate: 'Attestato HACCP per alimentaristi',
  },
  '29.32': {
    earlier: 'Officine Meccaniche Maranellesi S.r.l.',
    title: { code: '40202026', title: 'Diploma di perito in meccanica', eqf: 4, age: 19 },
  },
};

const LEVELS = ['basic', 'intermediate', 'advanced', 'expert'] as const;

/**
 * Profiles for most interviewed workers of the demo programme, at various stages (complete, without
 * mobility or wishes yet, only the work history), their jobs and skills following their crisis
 * company's sector with real ESCO occupations and skills. One bulk insert, version 1 each.
 */
export async function seedDemoProfiles(
  trx: Executor,
  input: { networkId: string; cases: DemoCase[]; programme: DemoProgramme; consultantId: string | null; now: Date },
): Promise<Array<{ workerId: string; jobTitle: string | null; skills: number }>> {
  const rnd = seededRandom(20251101);
  const caseById = new Map(input.cases.map((c) => [c.caseId, c]));
  const year = input.now.getUTCFullYear();
  const profiles: BulkProfile[] = [];
  for (const w of input.programme.crisisWorkers) {
    const state = input.programme.stateOf.get(w.id);
    if (!state || !INTERVIEWED.has(state) || !rnd.chance(0.85)) continue;
    const c = caseById.get(w.cigsCaseId);
    const occupations = c && DEMO_OCCUPATIONS_BY_ATECO[c.ateco];
    const sector = c && SECTOR[c.ateco];
    if (!c || !occupations || !sector) continue;
    let birthYear = 1975;
    try {
      if (w.codiceFiscale) birthYear = Number(decodeCodiceFiscale(w.codiceFiscale, { referenceDate: input.now }).birthDate.slice(0, 4));
    } catch {
      // A code that does not decode keeps the default age.
    }
    const stage = rnd.next();
    const occupation = rnd.pick(occupations);
    const doc: ProfileDocument = emptyProfile();
    const firstJob = Math.min(year - 3, birthYear + sector.title.age + rnd.int(0, 3));
    const hired = Math.min(year - 2, firstJob + rnd.int(2, 12));
    doc.work.push({
      id: randomUUID(),
      employer: c.companyName,
      companyId: c.companyId,
      atecoCode: c.ateco,
      jobTitle: occupation.jobTitle,
      escoOccupationUri: occupation.uri,
      place: 'Provincia di Modena',
      country: 'IT',
      startDate: `${hired}-${String(rnd.int(1, 12)).padStart(2, '0')}`,
      highlights: [],
    });
    if (hired > firstJob + 1 && rnd.chance(0.6)) {
      doc.work.push({
        id: randomUUID(),
        employer: sector.earlier,
        atecoCode: c.ateco,
        jobTitle: rnd.pick(occupations).jobTitle,
        country: 'IT',
        startDate: String(firstJob),
        endDate: String(hired - 1),
        highlights: [],
      });
    }
    doc.education.push({
      id: randomUUID(),
      titleCode: '20000000',
      title: 'Licenza media',
      eqfLevel: 2,
      endDate: String(birthYear + 14),
      country: 'IT',
      courses: [],
    });
    if (rnd.chance(0.55))
      doc.education.push({
        id: randomUUID(),
        titleCode: sector.title.code,
        title: sector.title.title,
        eqfLevel: sector.title.eqf,
        endDate: String(birthYear + sector.title.age),
        country: 'IT',
        courses: [],
      });
    const skillCount = stage < 0.15 ? 2 : rnd.int(5, Math.min(8, occupation.skills.length));
    const skills: SkillEntry[] = occupation.skills.slice(0, skillCount).map(([uri, label]) => {
      const assessed = rnd.chance(0.4);
      return {
        id: randomUUID(),
        escoUri: uri,
        label,
        level: rnd.pick(LEVELS.slice(1)),
        assessedBy: assessed ? 'consultant' : 'self',
        source: assessed ? 'assessed' : 'declared',
        keywords: [],
      };
    });
    doc.skills.push(...skills);
    doc.languages.push({ id: randomUUID(), code: 'it', mother: true });
    if (rnd.chance(0.3))
      doc.languages.push({
        id: randomUUID(),
        code: 'en',
        mother: false,
        listening: 'A2',
        reading: 'A2',
        spokenInteraction: 'A1',
        spokenProduction: 'A1',
        writing: 'A1',
      });
    if (rnd.chance(0.85)) doc.drivingLicences.push('B');
    if (sector.certificate && rnd.chance(0.4))
      doc.certificates.push({ id: randomUUID(), name: sector.certificate, issuedOn: String(Math.max(hired, year - 8)) });
    if (stage >= 0.3) {
      doc.availability = {
        workingTimes: rnd.chance(0.3) ? ['full_time', 'part_time'] : ['full_time'],
        shifts: rnd.chance(0.5) ? ['day', 'two_shifts'] : ['day'],
        contractTypes: ['permanent', 'fixed_term'],
      };
      doc.mobility = { maxKm: rnd.pick([10, 15, 20, 30, 40]), means: rnd.chance(0.8) ? ['car'] : ['public_transport'], relocate: false };
    }
    if (stage >= 0.45) doc.desiredOccupations.push({ id: randomUUID(), escoOccupationUri: occupation.uri, label: occupation.jobTitle });
    profiles.push({
      workerId: w.id,
      networkId: input.networkId,
      officeId: w.officeId,
      document: doc,
      actorId: input.consultantId,
      changes: profileChanges(emptyProfile(), doc),
    });
  }
  await insertProfilesBulk(trx, profiles);
  return profiles.map((p) => ({ workerId: p.workerId, jobTitle: p.document.work[0]?.jobTitle ?? null, skills: p.document.skills.length }));
}
