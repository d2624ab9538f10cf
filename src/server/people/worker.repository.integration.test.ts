import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { DEMO_OFFICES } from '../demo/demo-organisation.js';
import { seedDemoPeople } from '../demo/demo-people.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { validateCodiceFiscale } from '../../shared/identity/codice-fiscale.js';
import { isValidPartitaIva } from '../../shared/schemas/companies.schema.js';
import { appendWorkerEvent } from './worker-events.repository.js';
import { findWorkerMatches } from './worker-matches.js';
import { createWorkerRepository } from './worker.repository.js';
import { workerPagesByIds } from './worker-page.repository.js';
import { addWorkerPhone } from './worker-intake.repository.js';
import { cigsCaseDetails } from '../companies/index.js';
import { staffNamesById } from '../auth/index.js';

let database: Database;
let networkId: string;
let seedMs = 0;
const workers = createWorkerRepository();

beforeAll(async () => {
  database = await createTestDatabase();
  const started = performance.now();
  await seedDemo(database);
  seedMs = performance.now() - started;
  networkId = (await database.db.selectFrom('networks').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(() => database.close());

describe('demo people', () => {
  it('loads about 700 workers of Modena-area companies in crisis, quickly', async () => {
    console.info(`seedDemo (whole demo: organisation, people, programmes, outreach) took ${seedMs.toFixed(0)} ms`);
    const count = await database.db
      .selectFrom('workers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThanOrEqual(650);
    expect(Number(count.n)).toBeLessThanOrEqual(750);
    const perOffice = await database.db
      .selectFrom('workers')
      .select(['office_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('office_id')
      .execute();
    expect(perOffice).toHaveLength(7);
    const companyRows = await database.db.selectFrom('companies').select(['tax_code', 'comune_code']).execute();
    expect(companyRows.length).toBeGreaterThanOrEqual(5);
    expect(companyRows.every((c) => isValidPartitaIva(c.tax_code!) && c.comune_code!.startsWith('036'))).toBe(true);
  });

  it('gives every worker a valid-format codice fiscale (or none, for hotline-only records) and a comune of the province', async () => {
    const rows = await database.db.selectFrom('workers').select(['codice_fiscale', 'residence_comune_code', 'cigs_end_date']).execute();
    const withCf = rows.filter((r) => r.codice_fiscale);
    expect(withCf.length).toBeGreaterThan(rows.length * 0.9);
    expect(withCf.every((r) => validateCodiceFiscale(r.codice_fiscale!).valid)).toBe(true);
    expect(rows.every((r) => r.residence_comune_code!.startsWith('036'))).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect(rows.every((r) => r.cigs_end_date! > today)).toBe(true);
  });
});

describe('demo people generator', () => {
  it('is deterministic and takes well under a second', async () => {
    const other = await database.db.insertInto('networks').values({ code: 'MO2', name: 'Copia' }).returning('id').executeTakeFirstOrThrow();
    const officeIds = new Map<string, string>();
    for (const office of DEMO_OFFICES) {
      const row = await database.db
        .insertInto('offices')
        .values({ network_id: other.id, code: `${office.code}-2`, name: office.name, opening_hours: '[]' })
        .returning('id')
        .executeTakeFirstOrThrow();
      officeIds.set(office.code, row.id);
    }
    const started = performance.now();
    const result = await database.db.transaction().execute((trx) =>
      seedDemoPeople(trx, {
        networkId: other.id,
        officeIds,
        officeComuni: DEMO_OFFICES.map((o) => ({ code: o.code, comune: o.comune })),
        operatorId: null,
        now: new Date(),
      }),
    );
    const ms = performance.now() - started;
    console.info(`seedDemoPeople: ${result.companies} companies, ${result.workers} workers in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2000);
    const codes = async (network: string) =>
      (
        await database.db
          .selectFrom('workers')
          .select('codice_fiscale')
          .where('network_id', '=', network)
          .where('codice_fiscale', 'is not', null)
          .orderBy('codice_fiscale')
          .execute()
      ).map((r) => r.codice_fiscale);
    expect(await codes(other.id)).toEqual(await codes(networkId));
  });
});

describe('worker repository', () => {
  it('pages by (last name, first name, id) and filters by text', async () => {
    const first = await workers.list(database.db, networkId, null, { limit: 10 });
    expect(first.items).toHaveLength(10);
    const second = await workers.list(database.db, networkId, null, { limit: 10, cursor: first.nextCursor! });
    const all = [...first.items, ...second.items].map((w) => `${w.lastName}|${w.firstName}|${w.id}`);
    expect(new Set(all).size).toBe(20);
    const rossi = await workers.list(database.db, networkId, null, { limit: 100, q: 'rossi' });
    expect(rossi.items.length).toBeGreaterThan(0);
    expect(rossi.items.every((w) => w.lastName === 'Rossi' || w.firstName.toLowerCase().includes('rossi'))).toBe(true);
  });

  it('gives the same pages whether a name search sorts its matches or walks the name index', async () => {
    const walking = createWorkerRepository({ searchSortCap: 3 });
    for (const q of ['rossi', 'maria', 'ba']) {
      const sorted = await workers.list(database.db, networkId, null, { limit: 7, q });
      const walked = await walking.list(database.db, networkId, null, { limit: 7, q });
      expect(walked).toEqual(sorted);
      if (sorted.nextCursor) {
        const next = await workers.list(database.db, networkId, null, { limit: 7, q, cursor: sorted.nextCursor });
        expect(await walking.list(database.db, networkId, null, { limit: 7, q, cursor: sorted.nextCursor })).toEqual(next);
      }
    }
  });

  it('finds matches by codice fiscale, phone and name, and appends timeline events', async () => {
    const someone = await database.db
      .selectFrom('workers')
      .selectAll()
      .where('network_id', '=', networkId)
      .where('codice_fiscale', 'is not', null)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const byCf = await findWorkerMatches(database.db, networkId, { codiceFiscale: someone.codice_fiscale!.toLowerCase() });
    expect(byCf[0]).toMatchObject({ id: someone.id, matchedOn: expect.arrayContaining(['codiceFiscale']) });
    const byPhone = await findWorkerMatches(database.db, networkId, { phone: someone.phone!.replace('+39', '') });
    expect(byPhone.map((m) => m.id)).toContain(someone.id);
    const byName = await findWorkerMatches(database.db, networkId, {
      firstName: someone.first_name.toUpperCase(),
      lastName: someone.last_name,
      birthDate: someone.birth_date,
    });
    expect(byName.map((m) => m.id)).toContain(someone.id);
    await database.db.transaction().execute((trx) =>
      appendWorkerEvent(trx, {
        workerId: someone.id,
        officeId: someone.office_id,
        kind: 'intake.call',
        actorId: null,
        details: { outcome: 'registered' },
      }),
    );
    const timeline = await workers.timeline(database.db, someone.id);
    expect(timeline[0]).toMatchObject({ kind: 'intake.call', details: { outcome: 'registered' } });
  });

  it('returns the current consent per purpose', async () => {
    const someone = await database.db
      .selectFrom('worker_consents as k')
      .innerJoin('workers as w', 'w.id', 'k.worker_id')
      .select(['k.worker_id', 'k.office_id'])
      .where('w.network_id', '=', networkId)
      .where('k.purpose', '=', 'programme')
      .limit(1)
      .executeTakeFirstOrThrow();
    await workers.insertConsent(database.db, {
      workerId: someone.worker_id,
      officeId: someone.office_id,
      purpose: 'programme',
      granted: false,
      channel: 'paper',
      recordedBy: null,
      note: 'revoca scritta',
      at: new Date(Date.now() + 1000),
    });
    const page = (await workerPagesByIds(database.db, [someone.worker_id])).get(someone.worker_id);
    const programme = page?.consents.filter((c) => c.purpose === 'programme');
    expect(programme).toEqual([expect.objectContaining({ granted: false, channel: 'paper', note: 'revoca scritta', recordedBy: null })]);
  });
});

describe('worker pages read together', () => {
  it('reads many workers in one call, each with its own case, consents and phones', async () => {
    const sample = await database.db
      .selectFrom('workers')
      .select(['id', 'office_id', 'cigs_case_id', 'last_name'])
      .where('network_id', '=', networkId)
      .where('cigs_case_id', 'is not', null)
      .orderBy('last_name')
      .limit(40)
      .execute();
    const someone = sample[7]!;
    // Two more numbers for one of them, the later one recorded last.
    await addWorkerPhone(database.db, {
      workerId: someone.id,
      officeId: someone.office_id,
      phone: '+393471234567',
      source: 'hotline',
      recordedBy: null,
      at: new Date('2026-11-02T09:00:00Z'),
    });
    await addWorkerPhone(database.db, {
      workerId: someone.id,
      officeId: someone.office_id,
      phone: '+393339876543',
      source: 'desk',
      recordedBy: null,
      at: new Date('2026-11-20T15:30:00Z'),
    });

    const ids = [...sample.map((w) => w.id), sample[0]!.id, '00000000-0000-4000-8000-000000000000'];
    const pages = await workerPagesByIds(database.db, ids);
    expect(pages.size).toBe(sample.length);
    expect(pages.has('00000000-0000-4000-8000-000000000000')).toBe(false);

    const cases = await cigsCaseDetails(
      database.db,
      sample.map((w) => w.cigs_case_id),
    );
    for (const w of sample) {
      const page = pages.get(w.id)!;
      expect(page.worker.last_name).toBe(w.last_name);
      const expected = cases.get(w.cigs_case_id!)!;
      expect(page.cigs).toEqual({
        companyId: expected.companyId,
        companyName: expected.companyName,
        reason: expected.reason,
        startDate: expected.startDate,
      });
      const purposes = page.consents.map((c) => c.purpose);
      expect(purposes).toEqual([...new Set(purposes)].sort());
    }
    const phones = pages.get(someone.id)!.phones.map((p) => p.phone);
    expect(phones.indexOf('+393339876543')).toBeLessThan(phones.indexOf('+393471234567'));

    // Who recorded a consent is named as the staff list names them.
    const operator = await database.db.selectFrom('staff_users').select('id').limit(1).executeTakeFirstOrThrow();
    await workers.insertConsent(database.db, {
      workerId: someone.id,
      officeId: someone.office_id,
      purpose: 'contact_sms',
      granted: true,
      channel: 'phone',
      recordedBy: operator.id,
      note: 'consenso raccolto al telefono',
      at: new Date(Date.now() + 2000),
    });
    const names = await staffNamesById(database.db, [operator.id]);
    const consents = (await workerPagesByIds(database.db, [someone.id])).get(someone.id)!.consents;
    expect(consents.find((c) => c.purpose === 'contact_sms')).toMatchObject({ granted: true, recordedBy: names.get(operator.id) });
    expect(consents.every((c) => !Number.isNaN(Date.parse(c.recordedAt)) && c.recordedAt.endsWith('Z'))).toBe(true);
  });
});
