import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/database.js';
import type { DB } from '../../src/server/db/schema.js';
import { importEsco, readEscoZips } from '../../src/server/taxonomy/index.js';
import { escoMiniZips } from '../fixtures/taxonomy/esco-fixture.js';

/** Real ESCO skills of the miniature bundle (tests/fixtures/taxonomy/esco-mini). */
export const SKILLS = {
  arcWelding: { uri: 'http://data.europa.eu/esco/skill/27d26fd6-5795-4f0a-884e-112df7c68314', label: 'apply arc welding techniques' },
  weldingEquipment: { uri: 'http://data.europa.eu/esco/skill/2fcd95a4-1f9a-41cf-95a9-4701bde476b4', label: 'operate welding equipment' },
  weldingInspection: { uri: 'http://data.europa.eu/esco/skill/34016949-da9c-4107-98e3-1080ae405e27', label: 'perform welding inspection' },
  foodSafety: { uri: 'http://data.europa.eu/esco/skill/3f4e4eab-a8e0-4aed-b8bb-79afe7c890e3', label: 'food safety principles' },
  spokenEnglish: { uri: 'http://data.europa.eu/esco/skill/64ff8d5f-58a8-4efb-af5a-e161854b3e9a', label: 'understand spoken English' },
  teamwork: { uri: 'http://data.europa.eu/esco/skill/a5b0cd5c-e13a-4ab3-8d93-4d242adcfb01', label: 'teamwork principles' },
};

/** The miniature ESCO bundle (English and relations) as the current release. */
export async function loadEscoMini(database: Database): Promise<void> {
  const zips = escoMiniZips();
  await importEsco(database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
}

let taxSequence = 0;

/** A training provider with an 11-digit partita IVA unique in the run. */
export async function buildProvider(db: Kysely<DB>, networkId: string, name = 'Centro Formazione Emilia Ovest'): Promise<string> {
  taxSequence += 1;
  const taxCode = String(90_000_000_000 + Math.floor(Math.random() * 9_000_000_000) + taxSequence).slice(0, 11);
  const row = await db
    .insertInto('training_providers')
    .values({ network_id: networkId, name, tax_code: taxCode })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A course open for enrolment, in Modena, with a given number of seats. */
export async function buildCourse(
  db: Kysely<DB>,
  o: {
    networkId: string;
    providerId: string;
    seats?: number;
    title?: string;
    hours?: number;
    status?: 'draft' | 'open' | 'closed' | 'cancelled';
    startDate?: string;
    endDate?: string;
    enrolmentDeadline?: string | null;
    certificate?: string;
    skillUris?: string[];
  },
): Promise<string> {
  const row = await db
    .insertInto('training_courses')
    .values({
      network_id: o.networkId,
      provider_id: o.providerId,
      title: o.title ?? 'Saldatura a filo MIG/MAG – livello base',
      hours: o.hours ?? 80,
      start_date: o.startDate ?? '2099-03-02',
      end_date: o.endDate ?? '2099-04-30',
      delivery: 'in_person',
      place: 'Modena (MO)',
      comune_code: '036023',
      seats: o.seats ?? 12,
      funding: 'gol',
      enrolment_deadline: o.enrolmentDeadline === undefined ? null : o.enrolmentDeadline,
      certificate: o.certificate ?? 'Certificazione EN ISO 9606-1',
      status: o.status ?? 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.skillUris?.length) {
    await db
      .insertInto('training_course_skills')
      .values(o.skillUris.map((uri) => ({ course_id: row.id, network_id: o.networkId, skill_uri: uri, label: uri })))
      .execute();
  }
  return row.id;
}
