import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENDA_PASSWORD, agendaConsultant } from '../../../tests/factories/agenda.js';
import { planWorld } from '../../../tests/factories/plans.js';
import type { OfficeWorker } from '../../../tests/factories/workshops.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

// The patto di servizio through HTTP, as a consultant of CPI Modena builds it with a worker:
// the draft, themes → objectives → actions, the signature that enrols the worker, the reviews,
// the overdue actions, the close, the PDF, and what another office may not see.

let t: TestApp;
let marta: Agent;
let martaId: string;
let programmeId: string;
let barbieri: OfficeWorker;
let esposito: OfficeWorker;
let dangelo: OfficeWorker;
let planId: string;

const NOW = new Date('2026-12-01T09:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
  const modena = await officeIdByCode(t.database, 'CPI-MO');
  const world = await planWorld(t.app, t.database.db, {
    officeId: modena,
    consultant: { fullName: 'Marta Ferrari', email: 'marta.ferrari@cpi-modena.example' },
    workers: [
      { firstName: 'Emanuele', lastName: 'Barbieri', state: 'assessed' },
      { firstName: 'Maria Grazia', lastName: 'Esposito', state: 'registered' },
      { firstName: 'Nicolò', lastName: 'D’Angelo', state: null },
    ],
    index: 9400,
  });
  marta = world.consultant.agent;
  martaId = world.consultant.id;
  programmeId = world.programmeId;
  [barbieri, esposito, dangelo] = world.workers as [OfficeWorker, OfficeWorker, OfficeWorker];
});
afterAll(() => t.close());

const plansOf = (w: OfficeWorker) => `/api/v1/workers/${w.id}/plans`;

describe('the plan’s guards', () => {
  it('answers 401 without a session, 403 to the front office, 400 to a malformed request', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: plansOf(barbieri) }), 401, 'UNAUTHENTICATED');
    const frontoffice = await signIn(t.app, DEMO.frontoffice);
    expectProblem(await frontoffice.get(plansOf(barbieri)), 403, 'FORBIDDEN');
    expectProblem(await frontoffice.get('/api/v1/plans/overdue-actions'), 403, 'FORBIDDEN');
    const bad = expectProblem(
      await marta.post(plansOf(barbieri), { programmeId: 'ceramica', reviewIntervalDays: 3 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body/programmeId', 'body/reviewIntervalDays']);
    expectProblem(await marta.get('/api/v1/plans/not-a-plan'), 400, 'VALIDATION_FAILED');
  });

  it('refuses a plan for a worker who is not in the programme', async () => {
    expectProblem(await marta.post(plansOf(dangelo), { programmeId }), 422, 'PLAN_WORKER_NOT_IN_PROGRAMME');
  });
});

describe('building and signing a plan', () => {
  it('drafts the plan with Marta Ferrari as the consultant of reference, one open plan per programme', async () => {
    const created = await marta.post(plansOf(barbieri), { programmeId, contactIntervalDays: 15, willingTraining: true });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    planId = plan.id;
    expect(plan).toMatchObject({
      state: 'draft',
      version: 1,
      worker: { name: 'Barbieri Emanuele' },
      programme: { name: 'Ricollocazione lavoratori ceramica 2026' },
      consultant: { id: martaId, name: 'Marta Ferrari' },
      contactIntervalDays: 15,
      reviewIntervalDays: 90,
      willingTraining: true,
      acceptsCongruousOffers: false,
      moves: ['sign', 'close'],
    });
    expectProblem(await marta.post(plansOf(barbieri), { programmeId }), 409, 'PLAN_ALREADY_OPEN');
  });

  it('will not sign a plan without actions', async () => {
    expectProblem(await marta.post(`/api/v1/plans/${planId}/sign`, { signedOn: '2026-12-01', how: 'paper' }), 422, 'PLAN_WITHOUT_ACTIONS');
  });

  it('builds themes and objectives from the actions added, in the order given', async () => {
    const add = (body: Record<string, unknown>) => marta.post(`/api/v1/plans/${planId}/actions`, body);
    expect(
      (
        await add({
          themeTitle: 'Ricerca attiva del lavoro',
          objectiveTitle: 'Un curriculum aggiornato',
          description: 'Preparare il curriculum con l’orientatrice',
          owner: 'worker',
          dueDate: '2026-12-15',
        })
      ).statusCode,
    ).toBe(201);
    await add({
      themeTitle: 'Ricerca attiva del lavoro',
      objectiveTitle: 'Candidature nel distretto ceramico',
      description: 'Segnalare le offerte delle aziende di Sassuolo e Fiorano',
      owner: 'consultant',
      dueDate: '2026-12-22',
    });
    const last = await add({
      themeTitle: 'Formazione',
      objectiveTitle: 'Patentino per il carrello elevatore',
      description: 'Frequentare il corso di 12 ore e sostenere l’esame',
      owner: 'worker',
      dueDate: '2027-01-31',
    });
    const plan = last.json();
    expect(plan.version).toBe(4);
    expect(
      plan.themes.map((th: { title: string; objectives: { title: string; actions: unknown[] }[] }) => [
        th.title,
        th.objectives.map((o) => o.title),
      ]),
    ).toEqual([
      ['Ricerca attiva del lavoro', ['Un curriculum aggiornato', 'Candidature nel distretto ceramico']],
      ['Formazione', ['Patentino per il carrello elevatore']],
    ]);
    expectProblem(
      await add({ description: 'Portare il libretto di lavoro', owner: 'worker', dueDate: '2026-02-30' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses an update made on a version someone else has changed since (409), and saves one on the current version', async () => {
    const stale = expectProblem(
      await marta.put(`/api/v1/plans/${planId}`, { baseVersion: 1, profilingClass: 'Fascia 2' }),
      409,
      'PLAN_VERSION_CONFLICT',
    );
    expect(stale.currentVersion).toBe(4);
    const saved = await marta.put(`/api/v1/plans/${planId}`, {
      baseVersion: 4,
      profilingClass: 'Fascia 2 - bassa intensità di aiuto',
      acceptsCongruousOffers: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 5, profilingClass: 'Fascia 2 - bassa intensità di aiuto', acceptsCongruousOffers: true });
  });

  it('refuses a signature by OTP (no self-service yet) and one dated tomorrow', async () => {
    const otp = expectProblem(
      await marta.post(`/api/v1/plans/${planId}/sign`, { signedOn: '2026-12-01', how: 'otp' }),
      422,
      'PLAN_OTP_NOT_AVAILABLE',
    );
    expect(otp.detail).toMatch(/su carta o di persona/);
    expectProblem(await marta.post(`/api/v1/plans/${planId}/sign`, { signedOn: '2026-12-02', how: 'paper' }), 422, 'PLAN_DATE_IN_FUTURE');
  });

  it('signing moves the assessed enrolment to enrolled, in the same transaction, and sets the first review', async () => {
    const signed = await marta.post(`/api/v1/plans/${planId}/sign`, { signedOn: '2026-12-01', how: 'paper' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().enrollment).toEqual({ moved: true, state: 'enrolled', code: null });
    expect(signed.json().plan).toMatchObject({ state: 'signed', signedOn: '2026-12-01', signedHow: 'paper', nextReviewOn: '2027-03-01' });
    const db = t.database.db;
    const enrollment = await db
      .selectFrom('enrollments')
      .select(['id', 'state'])
      .where('worker_id', '=', barbieri.id)
      .where('programme_id', '=', programmeId)
      .executeTakeFirstOrThrow();
    expect(enrollment.state).toBe('enrolled');
    const log = await db
      .selectFrom('enrollment_transitions')
      .select(['from_state', 'to_state', 'reason', 'actor_id'])
      .where('enrollment_id', '=', enrollment.id)
      .execute();
    expect(log).toContainEqual({
      from_state: 'assessed',
      to_state: 'enrolled',
      reason: 'Patto di servizio personalizzato firmato',
      actor_id: martaId,
    });
    expectProblem(await marta.post(`/api/v1/plans/${planId}/sign`, { signedOn: '2026-12-01', how: 'paper' }), 409, 'PLAN_MOVE_NOT_ALLOWED');
  });

  it('signs a plan of a worker only registered, and says why the enrolment did not move', async () => {
    const plan = (await marta.post(plansOf(esposito), { programmeId })).json();
    await marta.post(`/api/v1/plans/${plan.id}/actions`, {
      description: 'Colloquio di orientamento',
      owner: 'consultant',
      dueDate: '2026-12-10',
    });
    const signed = await marta.post(`/api/v1/plans/${plan.id}/sign`, { signedOn: '2026-11-30', how: 'in_person' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().enrollment).toEqual({ moved: false, state: 'registered', code: 'TRANSITION_NOT_ALLOWED' });
    expect(signed.json().plan.state).toBe('signed');
    const row = await t.database.db
      .selectFrom('enrollments')
      .select('state')
      .where('worker_id', '=', esposito.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('registered');
  });

  it('prints the plan for signature: the office, the worker, the actions, both parties’ commitments, two signatures, page numbers', async () => {
    const response = await marta.get(`/api/v1/plans/${planId}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('patto-di-servizio-barbieri-emanuele.pdf');
    const dir = mkdtempSync(join(tmpdir(), 'patto-'));
    const file = join(dir, 'patto.pdf');
    writeFileSync(file, response.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'])
      .toString()
      .replace(/[ \t]+/g, ' ');
    for (const expected of [
      'Patto di servizio personalizzato',
      'art. 20 del D.Lgs. 14 settembre 2015, n. 150',
      'Barbieri Emanuele',
      barbieri.codiceFiscale!,
      'Ricollocazione lavoratori ceramica 2026',
      'Marta Ferrari',
      'Fascia 2 - bassa intensità di aiuto',
      'almeno uno ogni 15 giorni',
      'Preparare il curriculum con l’orientatrice',
      '15/12/2026',
      'Centro per l’impiego',
      'congrue offerte di lavoro',
      'Regolamento (UE) 2016/679',
      'Firma del lavoratore',
      'Pagina 1 di',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/firmato il 01\/12\/2026 su carta/);
  });

  it('keeps every version, who made it and what changed', async () => {
    const versions = (await marta.get(`/api/v1/plans/${planId}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(versions[0]).toMatchObject({ change: 'Patto firmato', actor: 'Marta Ferrari' });
    expect(versions[5].change).toBe('Patto creato in bozza');
    expect(versions[0].snapshot.themes[1].objectives[0].actions[0].description).toBe('Frequentare il corso di 12 ore e sostenere l’esame');
  });
});

describe('reviews, overdue actions and closing', () => {
  it('lists the actions past their date for the consultant, and the office’s for the coordinator only', async () => {
    // Nineteen days on: the sessions of 1 December have long expired.
    t.clock.set(new Date('2026-12-20T10:00:00Z'));
    marta = await signIn(t.app, 'marta.ferrari@cpi-modena.example', AGENDA_PASSWORD);
    const mine = (await marta.get('/api/v1/plans/overdue-actions')).json().items;
    expect(mine).toEqual(
      [
        expect.objectContaining({
          planId,
          worker: { id: barbieri.id, name: 'Barbieri Emanuele' },
          dueDate: '2026-12-15',
          daysOverdue: 5,
          owner: 'worker',
        }),
        expect.objectContaining({ worker: { id: esposito.id, name: 'Esposito Maria Grazia' }, dueDate: '2026-12-10', daysOverdue: 10 }),
      ].reverse(),
    );
    expectProblem(await marta.get('/api/v1/plans/overdue-actions?scope=office'), 403, 'PLAN_OFFICE_LIST_FORBIDDEN');
    const coordinator = await signIn(t.app, DEMO.coordinator);
    const office = (await coordinator.get('/api/v1/plans/overdue-actions?scope=office')).json().items;
    expect(office.map((a: { planId: string }) => a.planId)).toContain(planId);
  });

  it('marks an action done today, which takes it off the overdue list', async () => {
    const plan = (await marta.get(`/api/v1/plans/${planId}`)).json();
    const cv = plan.themes[0].objectives[0].actions[0];
    expect(cv.overdue).toBe(true);
    const done = (await marta.patch(`/api/v1/plans/${planId}/actions/${cv.id}`, { status: 'done' })).json();
    expect(done.themes[0].objectives[0].actions[0]).toMatchObject({ status: 'done', doneOn: '2026-12-20', overdue: false });
    const mine = (await marta.get('/api/v1/plans/overdue-actions')).json().items;
    expect(mine.map((a: { actionId: string }) => a.actionId)).not.toContain(cv.id);
  });

  it('records a review: confirmed moves the next review one interval on; “revise” reopens the plan to be signed again', async () => {
    const confirmed = await marta.post(`/api/v1/plans/${planId}/reviews`, {
      reviewedOn: '2026-12-20',
      note: 'CV pronto, due candidature inviate.',
      outcome: 'confirmed',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json()).toMatchObject({
      state: 'signed',
      nextReviewOn: '2027-03-20',
      reviews: [{ reviewedOn: '2026-12-20', reviewer: 'Marta Ferrari' }],
    });
    expectProblem(
      await marta.post(`/api/v1/plans/${planId}/reviews`, { reviewedOn: '2026-11-20', note: 'Prima della firma', outcome: 'confirmed' }),
      422,
      'PLAN_DATE_BEFORE_SIGNATURE',
    );
    const revise = (
      await marta.post(`/api/v1/plans/${planId}/reviews`, {
        reviewedOn: '2026-12-20',
        note: 'Aggiungere il corso di inglese.',
        outcome: 'revise',
      })
    ).json();
    expect(revise).toMatchObject({ state: 'under_review', moves: ['sign', 'close'] });
    const again = (await marta.post(`/api/v1/plans/${planId}/sign`, { signedOn: '2026-12-20', how: 'in_person' })).json();
    expect(again.enrollment).toEqual({ moved: false, state: 'enrolled', code: 'ALREADY_ENROLLED' });
    expect(again.plan).toMatchObject({ state: 'signed', signedOn: '2026-12-20', nextReviewOn: '2027-03-20' });
  });

  it('closes the plan with its outcome; a closed plan no longer changes, and a new one may be opened', async () => {
    expectProblem(
      await marta.post(`/api/v1/plans/${planId}/close`, { closedOn: '2026-12-20', outcomeSummary: ' ' }),
      400,
      'VALIDATION_FAILED',
    );
    const closed = await marta.post(`/api/v1/plans/${planId}/close`, {
      closedOn: '2026-12-20',
      outcomeSummary: 'Assunto a tempo indeterminato da Ceramiche Fiorano come addetto alla scelta.',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', closedOn: '2026-12-20', nextReviewOn: null, moves: [] });
    expectProblem(
      await marta.post(`/api/v1/plans/${planId}/actions`, { description: 'Altro', owner: 'worker', dueDate: '2027-01-10' }),
      409,
      'PLAN_CLOSED',
    );
    const list = (await marta.get(plansOf(barbieri))).json().items;
    expect(list).toEqual([expect.objectContaining({ id: planId, state: 'closed', closedOn: '2026-12-20' })]);
    expect((await marta.post(plansOf(barbieri), { programmeId })).statusCode).toBe(201);
  });
});

describe('office scope and audit', () => {
  it('is not found for a consultant of another office, and every read and change is in the audit log', async () => {
    const carpi = await officeIdByCode(t.database, 'CPI-CA');
    const other = await agendaConsultant(t.app, t.database.db, {
      officeId: carpi,
      fullName: 'Giulia Conti',
      email: 'giulia.conti@cpi-carpi.example',
    });
    expectProblem(await other.agent.get(`/api/v1/plans/${planId}`), 404, 'PLAN_NOT_FOUND');
    expectProblem(await other.agent.get(`/api/v1/plans/${planId}/pdf`), 404, 'PLAN_NOT_FOUND');
    expectProblem(await other.agent.get(plansOf(barbieri)), 404, 'WORKER_NOT_FOUND');
    expectProblem(
      await other.agent.post(`/api/v1/plans/${planId}/reviews`, { reviewedOn: '2026-12-20', note: 'x', outcome: 'confirmed' }),
      404,
      'PLAN_NOT_FOUND',
    );
    const rows = await t.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', planId).execute();
    const actions = new Set(rows.filter((r) => r.actor_id === martaId).map((r) => r.action));
    for (const a of [
      'plan.created',
      'plan.action_added',
      'plan.updated',
      'plan.signed',
      'plan.read',
      'plan.printed',
      'plan.versions_read',
      'plan.action_updated',
      'plan.reviewed',
      'plan.closed',
    ])
      expect(actions, a).toContain(a);
  });
});
