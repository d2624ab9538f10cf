import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCigsCase, buildProgramme, networkOf } from '../../../tests/factories/programmes.js';
import { buildWorker, insertWorkers, type WorkerSeed } from '../../../tests/factories/workers.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

// Monday 30 November 2026, 10:30 in Rome: the Modena hotline is open.
const MONDAY_1030 = new Date('2026-11-30T09:30:00Z');

let t: TestApp;
let front: Agent;
let coordinator: Agent;
let modena: string;
let carpi: string;
let network: string;
let programme: string;
let seq = 500;

/** A worker of an office with an eligible CIGS case (cessazione attività), realistic name, valid CF and mobile. */
async function worker(
  overrides: Partial<WorkerSeed> & { officeId?: string } = {},
  reason: 'cessazione_attivita' | 'riorganizzazione' = 'cessazione_attivita',
) {
  const { caseId } = await buildCigsCase(t.database.db, network, { reason });
  const seed = buildWorker({ officeId: modena, cigsCaseId: caseId, ...overrides }, seq++);
  const [id] = await insertWorkers(t.database.db, [seed]);
  return { id: id!, ...seed, name: `${seed.firstName} ${seed.lastName}`, national: seed.phone?.replace('+39', '') ?? '' };
}

const count = async (table: 'workers' | 'enrollments' | 'hotline_calls', column: string, value: string) =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select(sql<number>`count(*)`.as('n'))
        .where(sql.ref(column), '=', value)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(MONDAY_1030);
  front = await signIn(t.app, DEMO.frontoffice);
  coordinator = await signIn(t.app, DEMO.coordinator);
  modena = await officeIdByCode(t.database, 'CPI-MO');
  carpi = await officeIdByCode(t.database, 'CPI-CA');
  network = await networkOf(t.database.db, modena);
  programme = await buildProgramme(t.database.db, { networkId: network, officeIds: [modena, carpi], capacity: 1000 });
});
afterAll(() => t.close());

describe('a caller name with digits', () => {
  it('is refused with the field named and a human message, in Italian and in English', async () => {
    const res = await front.post('/api/v1/hotline/calls', { name: 'Giuseppe Barbieri 3331234567', phone: '333 123 4567' });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ path: 'body/name', message: 'Il nome non può contenere cifre' }]);
    const en = await front.request({
      method: 'POST',
      url: '/api/v1/hotline/calls',
      payload: { name: 'Nicolò D’Angelo 2', phone: '3331234567' },
      headers: { 'accept-language': 'en' },
    });
    expect(expectProblem(en, 400, 'VALIDATION_FAILED').errors).toEqual([{ path: 'body/name', message: 'A name cannot contain digits' }]);
    expect(await count('hotline_calls', 'caller_name', 'Giuseppe Barbieri 3331234567')).toBe(0);
  });
});

describe('a known worker calling from a new number', () => {
  it('keeps the new number as a further contact with its date, and the timeline says so', async () => {
    const w = await worker({ firstName: 'Emanuele', lastName: 'Benedetti' });
    const res = await front.post('/api/v1/hotline/calls', {
      name: 'Benedetti Emanuele',
      phone: '347 000 1122',
      workerId: w.id,
      action: 'callback',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ workerId: w.id, workerCreated: false, phoneAdded: true });
    const db = t.database.db;
    expect((await db.selectFrom('workers').select('phone').where('id', '=', w.id).executeTakeFirstOrThrow()).phone).toBe(w.phone);
    const phones = await db.selectFrom('worker_phones').select(['phone', 'source', 'recorded_at']).where('worker_id', '=', w.id).execute();
    expect(phones).toEqual([{ phone: '+393470001122', source: 'hotline', recorded_at: MONDAY_1030 }]);
    // The worker's record shows it beside the number on record.
    expect((await front.get(`/api/v1/workers/${w.id}`)).json()).toMatchObject({
      phone: w.phone,
      otherPhones: [{ phone: '+393470001122', source: 'hotline', recordedAt: MONDAY_1030.toISOString() }],
    });
    const kinds = (await db.selectFrom('worker_events').select('kind').where('worker_id', '=', w.id).execute()).map((e) => e.kind);
    expect(kinds).toContain('worker.phone_added');
    // The same number again is not a new contact.
    expect(
      (
        await front.post('/api/v1/hotline/calls', {
          name: 'Emanuele Benedetti',
          phone: '+39 347 000 1122',
          workerId: w.id,
          action: 'callback',
        })
      ).json().phoneAdded,
    ).toBe(false);
  });

  it('gives a worker with no phone on record the caller’s number', async () => {
    const w = await worker({ firstName: 'Giuseppe', lastName: 'Esposito', phone: null });
    expect(
      (
        await front.post('/api/v1/hotline/calls', { name: 'Giuseppe Esposito', phone: '339 555 0101', workerId: w.id, action: 'callback' })
      ).json().phoneAdded,
    ).toBe(true);
    expect((await t.database.db.selectFrom('workers').select('phone').where('id', '=', w.id).executeTakeFirstOrThrow()).phone).toBe(
      '+393395550101',
    );
  });
});

describe('a caller another office follows', () => {
  it('is never created twice: the codice fiscale of a Carpi worker is refused naming the office', async () => {
    const w = await worker({ officeId: carpi, firstName: 'Nicolò', lastName: "Dall'Olio" });
    const res = await front.post('/api/v1/hotline/calls', {
      name: "Nicolò Dall'Olio",
      phone: '3401112233',
      codiceFiscale: w.codiceFiscale!,
    });
    expect(expectProblem(res, 409, 'WORKER_IN_OTHER_OFFICE').detail).toMatch(/^Il lavoratore è seguito dal CPI di Carpi/);
    expect(await count('workers', 'codice_fiscale', w.codiceFiscale!)).toBe(1);
    // Confirming the masked match itself is refused the same way.
    expectProblem(
      await front.post('/api/v1/hotline/calls', { name: "Nicolò Dall'Olio", phone: '3401112233', workerId: w.id }),
      409,
      'WORKER_IN_OTHER_OFFICE',
    );
  });

  it('hands the call over to that office: a callback in its queue with the reason, nothing more shown', async () => {
    const w = await worker({ officeId: carpi, firstName: 'Giuseppe', lastName: 'Fontana' });
    const matches = (await front.post('/api/v1/hotline/matches', { name: w.name, phone: w.national })).json().candidates;
    expect(matches[0]).toMatchObject({
      id: w.id,
      firstName: 'G.',
      lastName: 'F.',
      phone: null,
      codiceFiscale: null,
      inScope: false,
      officeName: 'Centro per l’impiego di Carpi',
    });

    const res = await front.post('/api/v1/hotline/calls', {
      name: w.name,
      phone: '333 777 8899',
      workerId: w.id,
      action: 'handover',
      reason: 'Chiede un appuntamento',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      outcome: 'handed_over',
      handedOverTo: 'CPI di Carpi',
      workerCreated: false,
      eligibility: null,
      enrollment: null,
    });
    expect(JSON.stringify(body)).not.toContain(w.codiceFiscale!);

    const carpiQueue = (await coordinator.get('/api/v1/callbacks')).json().items;
    const cb = carpiQueue.find((c: { id: string }) => c.id === body.callbackId);
    expect(cb).toMatchObject({ officeId: carpi, workerId: w.id, name: w.name });
    expect(cb.reason).toBe('Chiamata passata dal CPI di Modena il 30/11/2026: Chiede un appuntamento. Numero dato: +393337778899');
    const modenaQueue = (await front.get('/api/v1/callbacks')).json().items;
    expect(modenaQueue.map((c: { id: string }) => c.id)).not.toContain(body.callbackId);
    // No worker was created, and Carpi's worker record was not changed by Modena.
    expect(await count('workers', 'codice_fiscale', w.codiceFiscale!)).toBe(1);
    expect((await t.database.db.selectFrom('workers').select('phone').where('id', '=', w.id).executeTakeFirstOrThrow()).phone).toBe(
      w.phone,
    );
  });

  it('does not hand over a worker of the operator’s own office', async () => {
    const w = await worker({ firstName: 'Anna', lastName: 'Gallo' });
    expectProblem(
      await front.post('/api/v1/hotline/calls', { name: w.name, phone: w.national, workerId: w.id, action: 'handover' }),
      409,
      'HANDOVER_TO_OWN_OFFICE',
    );
    expectProblem(
      await front.post('/api/v1/hotline/calls', { name: w.name, phone: w.national, action: 'handover' }),
      400,
      'HANDOVER_NEEDS_WORKER',
    );
  });
});

describe('a caller already in the programme is told their real state', () => {
  it('already registered: says so and names the programme, registers nothing again', async () => {
    const w = await worker({ firstName: 'Marco', lastName: 'Conti' });
    expect(
      (await front.post('/api/v1/hotline/calls', { name: w.name, phone: w.national, workerId: w.id, programmeId: programme })).json()
        .outcome,
    ).toBe('registered');
    const again = (
      await front.post('/api/v1/hotline/calls', { name: w.name, phone: w.national, workerId: w.id, programmeId: programme })
    ).json();
    expect(again).toMatchObject({
      outcome: 'already_enrolled',
      enrollmentState: 'registered',
      programme: { id: programme, name: 'Programma di prova' },
      enrollment: { state: 'registered', waitingPosition: null },
    });
    expect(await count('enrollments', 'worker_id', w.id)).toBe(1);
  });

  it('on the waiting list: says their position (12th)', async () => {
    const full = await buildProgramme(t.database.db, { networkId: network, officeIds: [modena], capacity: 1 });
    const people = [];
    for (let i = 0; i < 13; i++) people.push(await worker({ cigsEndDate: '2099-06-30' }));
    // Same CIGS end for all: the order is the time of the call, one second apart.
    for (const [i, p] of people.entries()) {
      t.clock.set(new Date(MONDAY_1030.getTime() + i * 1000));
      await front.post('/api/v1/hotline/calls', { name: p.name, phone: p.national, workerId: p.id, programmeId: full });
    }
    t.clock.set(MONDAY_1030);
    const twelfth = people[12]!;
    const res = (
      await front.post('/api/v1/hotline/calls', { name: twelfth.name, phone: twelfth.national, workerId: twelfth.id, programmeId: full })
    ).json();
    expect(res).toMatchObject({
      outcome: 'already_enrolled',
      enrollmentState: 'waiting',
      enrollment: { state: 'waiting', waitingPosition: 12 },
    });
  });

  it('withdrawn: says when they withdrew', async () => {
    const w = await worker({ firstName: 'Chiara', lastName: 'Romano' });
    await front.post('/api/v1/hotline/calls', { name: w.name, phone: w.national, workerId: w.id, programmeId: programme });
    await t.database.db
      .updateTable('enrollments')
      .set({ state: 'withdrawn', state_changed_at: new Date('2026-10-15T10:00:00Z') })
      .where('worker_id', '=', w.id)
      .execute();
    const res = (
      await front.post('/api/v1/hotline/calls', { name: w.name, phone: w.national, workerId: w.id, programmeId: programme })
    ).json();
    expect(res).toMatchObject({ outcome: 'already_enrolled', enrollment: { state: 'withdrawn', since: '2026-10-15' } });
  });
});

describe('one call is one transaction', () => {
  async function failCallRecords(on: boolean) {
    if (on) {
      await sql`create or replace function test_fail_call() returns trigger language plpgsql as $$ begin raise exception 'guasto simulato'; end $$`.execute(
        t.database.db,
      );
      await sql`create trigger test_fail_call before insert on hotline_calls for each row execute function test_fail_call()`.execute(
        t.database.db,
      );
    } else {
      await sql`drop trigger test_fail_call on hotline_calls`.execute(t.database.db);
    }
  }

  it('a failure on the call record leaves no worker and no call; the retry creates exactly one worker', async () => {
    const call = {
      name: 'Emanuele Costa',
      phone: '366 123 9876',
      codiceFiscale: buildWorker({ firstName: 'Emanuele', lastName: 'Costa' }, 9001).codiceFiscale!,
    };
    await failCallRecords(true);
    try {
      const res = await front.post('/api/v1/hotline/calls', call);
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('guasto simulato');
    } finally {
      await failCallRecords(false);
    }
    expect(await count('workers', 'codice_fiscale', call.codiceFiscale)).toBe(0);
    expect(await count('hotline_calls', 'phone', '+393661239876')).toBe(0);
    const retry = await front.post('/api/v1/hotline/calls', call);
    expect(retry.statusCode).toBe(201);
    expect(await count('workers', 'codice_fiscale', call.codiceFiscale)).toBe(1);
    expect(await count('hotline_calls', 'phone', '+393661239876')).toBe(1);
  });

  it('two calls of the same new caller at once create one worker (the unique race is retried)', async () => {
    const other = await signIn(t.app, DEMO.frontoffice);
    const call = {
      name: 'Giuseppe Romano',
      phone: '328 765 0099',
      codiceFiscale: buildWorker({ firstName: 'Giuseppe', lastName: 'Romano' }, 9002).codiceFiscale!,
    };
    const [a, b] = await Promise.all([front.post('/api/v1/hotline/calls', call), other.post('/api/v1/hotline/calls', call)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(await count('workers', 'codice_fiscale', call.codiceFiscale)).toBe(1);
    expect(a.json().workerId).toBe(b.json().workerId);
    expect([a.json().workerCreated, b.json().workerCreated].sort()).toEqual([false, true]);
  });

  it('a failure after the registration leaves no enrolment; the retry registers once', async () => {
    const w = await worker({ firstName: 'Giulia', lastName: 'Ferrari' });
    await failCallRecords(true);
    try {
      expect(
        (await front.post('/api/v1/hotline/calls', { name: w.name, phone: w.national, workerId: w.id, programmeId: programme })).statusCode,
      ).toBe(500);
    } finally {
      await failCallRecords(false);
    }
    expect(await count('enrollments', 'worker_id', w.id)).toBe(0);
    expect(await count('hotline_calls', 'worker_id', w.id)).toBe(0);
    expect(
      (await front.post('/api/v1/hotline/calls', { name: w.name, phone: w.national, workerId: w.id, programmeId: programme })).json()
        .outcome,
    ).toBe('registered');
    expect(await count('enrollments', 'worker_id', w.id)).toBe(1);
  });
});

describe('several open programmes for the office', () => {
  it('lists them default first (earliest start), registers into the default, or into the operator’s choice, and names it', async () => {
    const db = t.database.db;
    const office = await officeIdByCode(t.database, 'CPI-SA');
    const later = await buildProgramme(db, { networkId: network, officeIds: [office], capacity: 50 });
    await db.updateTable('programmes').set({ name: 'GOL Ceramica 2026', starts_on: '2026-03-01' }).where('id', '=', later).execute();
    const earlier = await buildProgramme(db, { networkId: network, officeIds: [office], capacity: 50 });
    await db.updateTable('programmes').set({ name: 'Ricollocazione Modena', starts_on: '2025-01-01' }).where('id', '=', earlier).execute();
    const status = (await coordinator.get(`/api/v1/hotline/status?officeId=${office}`)).json();
    const ids = status.programmes.map((p: { id: string }) => p.id);
    expect(ids.indexOf(earlier)).toBeLessThan(ids.indexOf(later));
    expect(status.programmes.find((p: { id: string }) => p.id === later)).toEqual({ id: later, name: 'GOL Ceramica 2026' });

    const modenaStatus = (await front.get('/api/v1/hotline/status')).json();
    expect(modenaStatus.programmes.map((p: { id: string }) => p.id)).toContain(programme);

    const chosen = await worker({ firstName: 'Luca', lastName: 'Russo', officeId: office });
    const res = (
      await coordinator.post('/api/v1/hotline/calls', {
        name: chosen.name,
        phone: chosen.national,
        workerId: chosen.id,
        programmeId: later,
      })
    ).json();
    expect(res).toMatchObject({ outcome: 'registered', programme: { id: later, name: 'GOL Ceramica 2026' } });
    const byDefault = await worker({ firstName: 'Sara', lastName: 'Bianchi', officeId: office });
    const def = (
      await coordinator.post('/api/v1/hotline/calls', { name: byDefault.name, phone: byDefault.national, workerId: byDefault.id })
    ).json();
    expect(def.programme.id).toBe(status.programmes[0].id);
  });
});

describe('callbacks', () => {
  it('the timeline shows each outcome, the third unanswered attempt closes it as unreachable', async () => {
    const w = await worker({ firstName: 'Paolo', lastName: 'De Luca' });
    const cb = (await front.post('/api/v1/hotline/calls', { name: w.name, phone: w.national, workerId: w.id, action: 'callback' })).json()
      .callbackId as string;
    for (const outcome of ['no_answer', 'busy'])
      expect((await front.post(`/api/v1/callbacks/${cb}/attempts`, { outcome })).json().closedAs).toBeNull();
    expect((await front.post(`/api/v1/callbacks/${cb}/attempts`, { outcome: 'no_answer' })).json()).toMatchObject({
      attempts: 3,
      closedAs: 'unreachable',
    });
    const events = await t.database.db
      .selectFrom('worker_events')
      .select(['kind', 'details'])
      .where('worker_id', '=', w.id)
      .where('kind', 'like', 'hotline.callback.%')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.kind, e.details.closedAs])).toEqual([
      ['hotline.callback.no_answer', null],
      ['hotline.callback.busy', null],
      ['hotline.callback.unreachable', 'unreachable'],
    ]);
  });

  it('audits each read of the queue, one row per page naming its workers', async () => {
    const w = await worker({ firstName: 'Elena', lastName: 'Costa' });
    await front.post('/api/v1/hotline/calls', { name: w.name, phone: w.national, workerId: w.id, action: 'callback' });
    const before = Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select(sql<number>`count(*)`.as('n'))
          .where('action', '=', 'hotline.callbacks_read')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const items = (await front.get('/api/v1/callbacks')).json().items as Array<{ workerId: string | null }>;
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'hotline.callbacks_read')
      .orderBy('at', 'desc')
      .execute();
    expect(rows.length).toBe(before + 1);
    const named = (rows[0]!.details as { workerIds: string[] }).workerIds;
    expect(named).toContain(w.id);
    expect(new Set(named)).toEqual(new Set(items.map((i) => i.workerId).filter(Boolean)));
  });
});
