import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import type { EnrollmentState } from '../../src/server/db/schema-programmes.js';
import { officeIdByCode, type TestApp } from '../helpers/test-app.js';
import { agendaConsultant } from './agenda.js';
import { buildProgramme, networkOf } from './programmes.js';
import { buildWorker, insertWorkers } from './workers.js';

/**
 * An office of its own (the demo fills CPI Modena's lists), with workers of crisis companies and
 * their enrolments, for workshop invitations by selection. A test fixture: it writes the tables.
 */
export async function workshopOffice(
  db: Kysely<DB>,
  networkId: string,
  o: { code: string; name: string; comune: string; address: string },
) {
  const office = await db
    .insertInto('offices')
    .values({
      network_id: networkId,
      code: o.code,
      name: o.name,
      comune: o.comune,
      address: o.address,
      postal_code: '41012',
      phone: '059 649111',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return office.id;
}

export interface OfficeWorker {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string;
  codiceFiscale: string | null;
}

/** Workers of one office, each with an optional CIGS case and an enrolment in `programmeId` in the given state. */
export async function enrolledWorkers(
  db: Kysely<DB>,
  o: { officeId: string; programmeId: string },
  people: Array<{ firstName: string; lastName: string; caseId: string | null; state: EnrollmentState | null; email?: string | null }>,
  index: number,
): Promise<OfficeWorker[]> {
  const seeds = people.map((p, i) =>
    buildWorker(
      { officeId: o.officeId, firstName: p.firstName, lastName: p.lastName, cigsCaseId: p.caseId, email: p.email ?? null },
      index + i,
    ),
  );
  const ids = await insertWorkers(db, seeds);
  const enrolled = people.flatMap((p, i) => (p.state ? [{ worker_id: ids[i]!, state: p.state }] : []));
  if (enrolled.length)
    await db
      .insertInto('enrollments')
      .values(enrolled.map((e) => ({ programme_id: o.programmeId, office_id: o.officeId, worker_id: e.worker_id, state: e.state })))
      .execute();
  return seeds.map((s, i) => ({
    id: ids[i]!,
    firstName: s.firstName,
    lastName: s.lastName,
    email: s.email,
    phone: s.phone!,
    codiceFiscale: s.codiceFiscale,
  }));
}

/** A delivered CV support session (servizi erogati), as an attended meeting records it. */
export async function deliveredCvSupport(db: Kysely<DB>, w: { networkId: string; officeId: string; workerId: string }) {
  await db
    .insertInto('service_records')
    .values({
      network_id: w.networkId,
      office_id: w.officeId,
      worker_id: w.workerId,
      service_code: 'cv_support',
      delivery: 'individual',
      delivered_on: '2026-09-15',
      minutes: 60,
      source_type: 'manual',
    })
    .execute();
}

/**
 * The world of the workshop tests: Thursday 1 October 2026, 09:00 in Rome; an office of Carpi of
 * its own (`code` tells the test files' offices apart) with the consultant Laura Ferrari; a
 * programme open to Carpi (and to CPI Modena with `withModena`).
 */
export async function carpiWorkshopWorld(t: TestApp, o: { code: string; email: string; capacity: number; withModena?: boolean }) {
  t.clock.set(new Date('2026-10-01T07:00:00Z'));
  const modena = await officeIdByCode(t.database, 'CPI-MO');
  const networkId = await networkOf(t.database.db, modena);
  const carpi = await workshopOffice(t.database.db, networkId, {
    code: o.code,
    name: 'CPI Carpi',
    comune: 'Carpi',
    address: 'Via Peruzzi 22',
  });
  const laura = await agendaConsultant(t.app, t.database.db, { officeId: carpi, fullName: 'Laura Ferrari', email: o.email });
  const programmeId = await buildProgramme(t.database.db, {
    networkId,
    officeIds: o.withModena ? [carpi, modena] : [carpi],
    capacity: o.capacity,
  });
  return { modena, networkId, carpi, laura, programmeId };
}
