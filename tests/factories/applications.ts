import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { cvChoicesSchema } from '../../src/shared/schemas/cvs.schema.js';
import { buildEmployerWithSites, COMUNI } from './vacancies.js';

/** Seeds of the applications' tests: published vacancies, workers with their consent and CV, enrolments. */

export async function publishedVacancy(
  db: Kysely<DB>,
  o: { networkId: string; officeId: string; employerId: string; siteId: string; title: string; positions?: number },
): Promise<string> {
  const row = await db
    .insertInto('vacancies')
    .values({
      network_id: o.networkId,
      office_id: o.officeId,
      employer_id: o.employerId,
      site_id: o.siteId,
      comune_code: COMUNI.mirandola,
      cp2011_code: '6.2.1.2.0',
      title: o.title,
      contract_type: 'permanent',
      working_time: 'full_time',
      positions: o.positions ?? 1,
      deadline: '2099-12-31',
      state: 'published',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function applicationsEmployer(db: Kysely<DB>, networkId: string, officeId: string) {
  return buildEmployerWithSites(db, {
    networkId,
    officeId,
    name: 'Carpenterie Barbieri & Figli S.r.l.',
    sites: [{ comuneCode: COMUNI.mirandola, name: 'Stabilimento di via Statale Nord', address: 'Via Statale Nord 112' }],
  });
}

export interface SeededWorker {
  id: string;
  cvId: string;
  firstName: string;
  lastName: string;
}

/**
 * Workers of an office, each with a CV and, unless `consent` says otherwise, the consent to send
 * their profile to employers granted. Bulk inserts: the concurrency test seeds fifty.
 */
export async function seedWorkers(
  db: Kysely<DB>,
  o: { networkId: string; officeId: string; names: Array<[string, string]>; consent?: boolean | null },
): Promise<SeededWorker[]> {
  const workers = await db
    .insertInto('workers')
    .values(
      o.names.map(([firstName, lastName]) => ({
        network_id: o.networkId,
        office_id: o.officeId,
        first_name: firstName,
        last_name: lastName,
        search_name: `${lastName} ${firstName}`.toLowerCase(),
        cigs_end_date: '2099-06-30',
      })),
    )
    .returning(['id', 'first_name', 'last_name'])
    .execute();
  const cvs = await db
    .insertInto('worker_cvs')
    .values(
      workers.map((w) => ({
        id: crypto.randomUUID(),
        worker_id: w.id,
        network_id: o.networkId,
        office_id: o.officeId,
        title: 'CV per le aziende',
        language: 'it' as const,
        choices: JSON.stringify(cvChoicesSchema.parse({})),
        version: 1,
      })),
    )
    .returning(['id', 'worker_id'])
    .execute();
  const consent = o.consent === undefined ? true : o.consent;
  if (consent !== null) {
    await db
      .insertInto('worker_consents')
      .values(
        workers.map((w) => ({
          worker_id: w.id,
          office_id: o.officeId,
          purpose: 'share_with_employers' as const,
          granted: consent,
          channel: 'in_person' as const,
        })),
      )
      .execute();
  }
  const cvOf = new Map(cvs.map((c) => [c.worker_id, c.id]));
  return workers.map((w) => ({ id: w.id, cvId: cvOf.get(w.id)!, firstName: w.first_name, lastName: w.last_name }));
}

/** A worker's consent to send the profile to employers, recorded now (the latest record is the one in force). */
export async function recordEmployerConsent(db: Kysely<DB>, workerId: string, officeId: string, granted: boolean) {
  await db
    .insertInto('worker_consents')
    .values({ worker_id: workerId, office_id: officeId, purpose: 'share_with_employers', granted, channel: 'paper' })
    .execute();
}

export async function enrol(
  db: Kysely<DB>,
  o: { programmeId: string; workerId: string; officeId: string; state: 'registered' | 'waiting' | 'enrolled'; requestedAt?: Date },
) {
  const row = await db
    .insertInto('enrollments')
    .values({
      programme_id: o.programmeId,
      worker_id: o.workerId,
      office_id: o.officeId,
      state: o.state,
      channel: 'desk',
      requested_at: o.requestedAt ?? new Date(),
      priority_cigs_end: '2099-06-30',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
