import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { buildProgramme } from '../../../tests/factories/programmes.js';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import { insertManualServicesBulk, type BulkManualService } from './manual-services.repository.js';
import { recordDeliveredServicesBulk } from './service-records.repository.js';
import { serviceTotals, type ServiceTotalsFilter } from './service-totals.repository.js';

/**
 * The funder's totals on a known set, in a network of its own (the demo's records stay out):
 * two offices (Mirandola, Vignola), three workers, two consultants, one programme.
 */
let database: Database;
let networkId: string;
let mirandola: string;
let vignola: string;
let programmeId: string;
let [esposito, dangelo, barbieri] = ['', '', ''];
let [ferrari, lombardi] = ['', ''];

beforeAll(async () => {
  database = await createTestDatabase({ demo: false });
  const db = database.db;
  networkId = (await db.insertInto('networks').values({ code: 'MO2', name: 'Rete di prova' }).returning('id').executeTakeFirstOrThrow()).id;
  const office = async (code: string, name: string, comune: string) =>
    (
      await db
        .insertInto('offices')
        .values({ network_id: networkId, code, name, comune, province: 'MO', opening_hours: '[]' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  mirandola = await office('CPI-MI', 'Centro per l’impiego di Mirandola', 'Mirandola');
  vignola = await office('CPI-VI', 'Centro per l’impiego di Vignola', 'Vignola');
  [esposito, dangelo] = (await insertWorkers(db, [
    buildWorker({ networkId, officeId: mirandola, firstName: 'Giuseppe', lastName: 'Esposito' }, 8101),
    buildWorker({ networkId, officeId: mirandola, firstName: 'Nicolò', lastName: "D'Angelo" }, 8102),
  ])) as [string, string];
  [barbieri] = (await insertWorkers(db, [
    buildWorker({ networkId, officeId: vignola, firstName: 'Chiara', lastName: 'Barbieri' }, 8103),
  ])) as [string];
  const staff = async (email: string, name: string) =>
    (await db.insertInto('staff_users').values({ email, full_name: name, password_hash: null }).returning('id').executeTakeFirstOrThrow())
      .id;
  ferrari = await staff('anna.ferrari@totali.example', 'Ferrari Anna');
  lombardi = await staff('marco.lombardi@totali.example', 'Lombardi Marco');
  programmeId = await buildProgramme(db, { networkId, officeIds: [mirandola, vignola] });

  const manual = (o: Partial<BulkManualService> & Pick<BulkManualService, 'workerId' | 'deliveredOn' | 'minutes'>): BulkManualService => ({
    networkId,
    officeId: mirandola,
    programmeId,
    staffId: ferrari,
    serviceCode: 'cv_support',
    note: '',
    createdBy: ferrari,
    ...o,
  });
  await db.transaction().execute(async (trx) => {
    await insertManualServicesBulk(trx, [
      // Esposito: two CV sessions and a coaching in March, one CV session on 1 April (outside a March range).
      manual({ workerId: esposito, deliveredOn: '2026-03-02', minutes: 60 }),
      manual({ workerId: esposito, deliveredOn: '2026-03-16', minutes: 45 }),
      manual({ workerId: esposito, deliveredOn: '2026-03-20', minutes: 90, serviceCode: 'interview_coaching', staffId: lombardi }),
      manual({ workerId: esposito, deliveredOn: '2026-04-01', minutes: 30 }),
      // D'Angelo: CV support on the first day of March, outside any programme, no consultant named.
      manual({ workerId: dangelo, deliveredOn: '2026-03-01', minutes: 120, programmeId: null, staffId: null }),
      // Barbieri (Vignola): CV support on the last day of March.
      manual({ workerId: barbieri, officeId: vignola, deliveredOn: '2026-03-31', minutes: 50, staffId: lombardi }),
    ]);
    // An attended workshop recorded by the agenda for Esposito and Barbieri.
    const session = '00000000-0000-4000-8000-00000000a001';
    await recordDeliveredServicesBulk(
      trx,
      [esposito, barbieri].map((workerId) => ({
        networkId,
        officeId: mirandola,
        workerId,
        programmeId,
        staffId: ferrari,
        serviceCode: 'group_workshop' as const,
        delivery: 'group' as const,
        deliveredOn: '2026-03-10',
        minutes: 120,
        source: { type: 'group_session' as const, id: session },
        createdBy: ferrari,
      })),
    );
  });
});
afterAll(() => database.close());

const march = (o: Partial<ServiceTotalsFilter> = {}): ServiceTotalsFilter => ({
  networkId,
  officeIds: null,
  from: '2026-03-01',
  to: '2026-03-31',
  groupBy: 'office',
  ...o,
});

describe('the funder’s totals of delivered services', () => {
  it('count, minutes and distinct workers per office and code, with each office’s and the grand totals', async () => {
    const t = await serviceTotals(database.db, march());
    const of = (key: string | null, code: string | null) => t.groups.find((g) => g.key === key && g.code === code);
    // Mirandola in March: CV 60+45 (Esposito) + 120 (D'Angelo), coaching 90, workshop 2 × 120.
    expect(of(mirandola, 'cv_support')).toEqual({ key: mirandola, code: 'cv_support', count: 3, minutes: 225, workers: 2 });
    expect(of(mirandola, 'interview_coaching')).toMatchObject({ count: 1, minutes: 90, workers: 1 });
    expect(of(mirandola, 'group_workshop')).toMatchObject({ count: 2, minutes: 240, workers: 2 });
    // Three workers served in Mirandola (Esposito, D'Angelo, and Barbieri at the workshop), not 2 + 1 + 2.
    expect(of(mirandola, null)).toMatchObject({ count: 6, minutes: 555, workers: 3 });
    expect(of(vignola, null)).toMatchObject({ count: 1, minutes: 50, workers: 1 });
    expect(t.byCode.get('cv_support')).toEqual({ count: 4, minutes: 275, workers: 3 });
    expect(t.total).toEqual({ count: 7, minutes: 605, workers: 3 });
  });

  it('takes the first and last day of the range and nothing outside it', async () => {
    const first = await serviceTotals(database.db, march({ to: '2026-03-01' }));
    expect(first.total).toEqual({ count: 1, minutes: 120, workers: 1 });
    const april = await serviceTotals(database.db, march({ from: '2026-04-01', to: '2026-04-30' }));
    expect(april.total).toEqual({ count: 1, minutes: 30, workers: 1 });
    const empty = await serviceTotals(database.db, march({ from: '2026-05-01', to: '2026-05-31' }));
    expect(empty).toEqual({ groups: [], byCode: new Map(), total: { count: 0, minutes: 0, workers: 0 } });
  });

  it('groups by worker, by consultant (none named is a group of its own) and by programme', async () => {
    const workers = await serviceTotals(database.db, march({ groupBy: 'worker' }));
    const total = (key: string | null) => workers.groups.find((g) => g.key === key && g.code === null);
    expect(total(esposito)).toMatchObject({ count: 4, minutes: 315, workers: 1 });
    expect(total(dangelo)).toMatchObject({ count: 1, minutes: 120 });
    expect(total(barbieri)).toMatchObject({ count: 2, minutes: 170 });

    const consultants = await serviceTotals(database.db, march({ groupBy: 'consultant' }));
    const byConsultant = (key: string | null) => consultants.groups.find((g) => g.key === key && g.code === null);
    expect(byConsultant(ferrari)).toMatchObject({ count: 4, minutes: 345, workers: 2 });
    expect(byConsultant(lombardi)).toMatchObject({ count: 2, minutes: 140, workers: 2 });
    expect(byConsultant(null)).toMatchObject({ count: 1, minutes: 120, workers: 1 });

    const programmes = await serviceTotals(database.db, march({ groupBy: 'programme' }));
    expect(programmes.groups.filter((g) => g.code === null).map((g) => [g.key, g.count, g.minutes])).toEqual(
      expect.arrayContaining([
        [programmeId, 6, 485],
        [null, 1, 120],
      ]),
    );
  });

  it('keeps to the offices and the programme asked for, and to the network', async () => {
    const vignolaOnly = await serviceTotals(database.db, march({ officeIds: [vignola] }));
    expect(vignolaOnly.total).toEqual({ count: 1, minutes: 50, workers: 1 });
    expect(vignolaOnly.groups.every((g) => g.key === vignola)).toBe(true);
    expect((await serviceTotals(database.db, march({ officeIds: [] }))).total.count).toBe(0);
    const inProgramme = await serviceTotals(database.db, march({ programmeId }));
    expect(inProgramme.total).toEqual({ count: 6, minutes: 485, workers: 2 });
    const otherNetwork = await serviceTotals(database.db, march({ networkId: '00000000-0000-4000-8000-000000000099' }));
    expect(otherNetwork.total.count).toBe(0);
  });
});
