import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationsEmployer,
  enrol,
  publishedVacancy,
  recordEmployerConsent,
  seedWorkers,
  type SeededWorker,
} from '../../../tests/factories/applications.js';
import { buildProgramme, networkOf } from '../../../tests/factories/programmes.js';
import { accountWith, matrixPasswordHash } from '../../../tests/security/idor-world.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { romeToday } from '../../shared/time/rome-time.js';

let t: TestApp;
let matcher: Agent;
let consultant: Agent;
let frontoffice: Agent;
let coordinator: Agent;
let admin: Agent;
let carpiConsultant: Agent;
let carpiMatcher: Agent;
let modena: string;
let carpi: string;
let network: string;
let employer: { employerId: string; siteIds: string[] };

const DAY = 86_400_000;
const ID = '00000000-0000-4000-8000-000000000000';

async function vacancy(title: string, positions = 1) {
  return publishedVacancy(t.database.db, {
    networkId: network,
    officeId: modena,
    employerId: employer.employerId,
    siteId: employer.siteIds[0]!,
    title,
    positions,
  });
}
const workers = (names: Array<[string, string]>, consent?: boolean | null) =>
  seedWorkers(t.database.db, { networkId: network, officeId: modena, names, consent });

async function propose(vacancyId: string, workerId: string, by: Agent = consultant) {
  const res = await by.post('/api/v1/applications', { vacancyId, workerId, source: 'consultant' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function moveOk(id: string, body: Record<string, unknown>) {
  const res = await matcher.post(`/api/v1/applications/${id}/moves`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const interview = { at: '2026-12-15T09:30:00+01:00', place: 'Via Statale Nord 112, Mirandola', contact: 'Sig.ra Barbieri, 0535 123456' };

/** Proposed → preselected → sent → interview → offer, as the matcher does it. */
async function toOffer(vacancyId: string, w: SeededWorker) {
  let a = await propose(vacancyId, w.id);
  a = await moveOk(a.id, { action: 'preselect', version: a.version });
  a = await moveOk(a.id, { action: 'send', version: a.version, cvId: w.cvId });
  a = await moveOk(a.id, { action: 'interview', version: a.version, interview });
  return moveOk(a.id, { action: 'offer', version: a.version, offer: offerTerms() });
}

/** The offer's terms: Metalmeccanici industria, level C2 (the demo's minimum 2.010,00 € at 40 hours), paid above it. */
const offerTerms = () => ({
  contractType: 'permanent',
  ccnlCode: 'C011',
  ccnlLevel: 'C2',
  weeklyHours: 40,
  monthlyGrossCents: 215_000,
  startDate: romeToday(new Date(t.clock().getTime() + 21 * DAY)),
});

beforeAll(async () => {
  t = await createTestApp();
  modena = await officeIdByCode(t.database, 'CPI-MO');
  carpi = await officeIdByCode(t.database, 'CPI-CA');
  network = await networkOf(t.database.db, modena);
  [matcher, consultant, frontoffice, coordinator, admin] = await Promise.all([
    signIn(t.app, DEMO.matcher),
    signIn(t.app, DEMO.consultant),
    signIn(t.app, DEMO.frontoffice),
    signIn(t.app, DEMO.coordinator),
    signIn(t.app, DEMO.admin),
  ]);
  for (const agent of [matcher, consultant, coordinator, admin])
    expect((await agent.put('/api/v1/auth/session/office', { officeId: modena })).statusCode).toBe(200);
  const passwordHash = await matrixPasswordHash();
  carpiConsultant = (
    await accountWith(t.app, t.database.db, {
      email: 'g.esposito.carpi@ricolloca.example',
      fullName: 'Giulia Esposito',
      officeId: carpi,
      role: 'consultant',
      passwordHash,
    })
  ).agent;
  carpiMatcher = (
    await accountWith(t.app, t.database.db, {
      email: 'n.dallolio.incontro@ricolloca.example',
      fullName: 'Nicolò Dall’Olio',
      officeId: carpi,
      role: 'matcher',
      passwordHash,
    })
  ).agent;
  employer = await applicationsEmployer(t.database.db, network, modena);
});
afterAll(async () => {
  await t.close();
});

describe('applications: who may call', () => {
  it('answers 401 to anonymous callers on every route', async () => {
    for (const [method, url] of [
      ['GET', `/api/v1/vacancies/${ID}/applications`],
      ['GET', `/api/v1/workers/${ID}/applications`],
      ['POST', '/api/v1/applications'],
      ['GET', `/api/v1/applications/${ID}`],
      ['POST', `/api/v1/applications/${ID}/moves`],
      ['GET', '/api/v1/applications/settings'],
      ['PUT', '/api/v1/applications/settings'],
      ['GET', '/api/v1/placements/follow-ups'],
      ['POST', `/api/v1/placements/follow-ups/${ID}/answer`],
      ['GET', `/api/v1/placements/${ID}`],
      ['POST', `/api/v1/placements/${ID}/end`],
    ] as const) {
      expectProblem(await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} }), 401, 'UNAUTHENTICATED');
    }
  });

  it('answers 403 when the role does not allow it: front office proposing, consultants moving, a matcher changing the settings', async () => {
    const v = await vacancy('Magazziniere/a');
    const [w] = await workers([['Emanuele', 'Barbieri']]);
    expectProblem(
      await frontoffice.post('/api/v1/applications', { vacancyId: v, workerId: w!.id, source: 'consultant' }),
      403,
      'FORBIDDEN',
    );
    const a = await propose(v, w!.id);
    expectProblem(await consultant.post(`/api/v1/applications/${a.id}/moves`, { action: 'preselect', version: 1 }), 403, 'FORBIDDEN');
    expectProblem(await matcher.put('/api/v1/applications/settings', { expiryDays: 30, version: 0 }), 403, 'FORBIDDEN');
    expectProblem(await frontoffice.get('/api/v1/placements/follow-ups'), 403, 'FORBIDDEN');
    // A job matcher of Carpi sees Modena's application on the vacancy, but does not move it.
    const other = expectProblem(
      await carpiMatcher.post(`/api/v1/applications/${a.id}/moves`, { action: 'preselect', version: 1 }),
      403,
      'APPLICATION_OTHER_OFFICE',
    );
    expect(other.detail).toContain('altra sede');
  });

  it('answers 400 beside the field for bad input', async () => {
    const res = await consultant.post('/api/v1/applications', { vacancyId: 'nope', source: 'telefono' });
    const paths = expectProblem(res, 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body/vacancyId', 'body/workerId', 'body/source']));
    expectProblem(await matcher.post(`/api/v1/applications/${ID}/moves`, { action: 'promote', version: 1 }), 400, 'VALIDATION_FAILED');
    expectProblem(await matcher.post(`/api/v1/applications/${ID}/moves`, { action: 'preselect', version: 0 }), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.put('/api/v1/applications/settings', { expiryDays: 3, version: 0 }), 400, 'VALIDATION_FAILED');
  });
});

describe('applications: the moves of the table', () => {
  it('walks a proposal to the interview, each move logged with who, from, to and the note', async () => {
    const v = await vacancy('Saldatore/trice a filo');
    const [w] = await workers([['Nicolò', 'D’Angelo']]);
    const res = await consultant.post('/api/v1/applications', {
      vacancyId: v,
      workerId: w!.id,
      source: 'worker_interest',
      note: 'Ha chiesto lui di candidarsi',
    });
    expect(res.statusCode).toBe(201);
    let a = res.json();
    expect(a).toMatchObject({ state: 'proposed', source: 'worker_interest', version: 1, worker: { lastName: 'D’Angelo', inScope: true } });
    // A consultant proposes; the moves after that are the job matcher's.
    expect(a.actions).toEqual([]);
    a = await moveOk(a.id, { action: 'preselect', version: 1 });
    expect(a.actions.map((m: { action: string }) => m.action)).toEqual(['send', 'decline', 'withdraw']);
    expectProblem(
      await matcher.post(`/api/v1/applications/${a.id}/moves`, { action: 'send', version: a.version }),
      400,
      'VALIDATION_FAILED',
    );
    a = await moveOk(a.id, { action: 'send', version: a.version, cvId: w!.cvId });
    expect(a).toMatchObject({ state: 'sent', cvId: w!.cvId });
    expect(a.sentAt).not.toBeNull();
    a = await moveOk(a.id, { action: 'interview', version: a.version, interview });
    expect(a.interview).toEqual({ at: new Date(interview.at).toISOString(), place: interview.place, contact: interview.contact });
    const read = (await matcher.get(`/api/v1/applications/${a.id}`)).json();
    expect(read.events.map((e: { from: string | null; to: string }) => `${e.from}→${e.to}`)).toEqual([
      'null→proposed',
      'proposed→preselected',
      'preselected→sent',
      'sent→interview',
    ]);
    expect(read.events[0]).toMatchObject({ note: 'Ha chiesto lui di candidarsi', actorName: expect.any(String) });
    expect(read.events[1].actorName).not.toBe(read.events[0].actorName);
  });

  it('refuses a stale version with 409 and a move the table does not allow with an Italian 409', async () => {
    const v = await vacancy('Operatore/trice CNC');
    const [w] = await workers([['Giulia', 'Esposito']]);
    const a = await propose(v, w!.id);
    await moveOk(a.id, { action: 'preselect', version: 1 });
    expectProblem(
      await matcher.post(`/api/v1/applications/${a.id}/moves`, { action: 'withdraw', version: 1, reason: 'worker_unavailable' }),
      409,
      'APPLICATION_VERSION_CONFLICT',
    );
    const p = expectProblem(
      await matcher.post(`/api/v1/applications/${a.id}/moves`, {
        action: 'hire',
        version: 2,
        hire: { contractType: 'permanent', startDate: '2027-01-11' },
      }),
      409,
      'APPLICATION_MOVE_NOT_ALLOWED',
    );
    expect(p.detail).toBe('Una candidatura nello stato «preselezionata» non si può chiudere con l’assunzione.');
  });

  it('asks a reason of the list for refusals, declines and withdrawals, and a note with «Altro»', async () => {
    const v = await vacancy('Addetto/a alle pulizie industriali');
    const [a1, a2, a3] = await workers([
      ['Francesca', 'Ricci'],
      ['Paolo', 'Marchesi'],
      ['Chiara', 'Conti'],
    ]);
    let refused = await propose(v, a1!.id);
    refused = await moveOk(refused.id, { action: 'preselect', version: 1 });
    refused = await moveOk(refused.id, { action: 'send', version: 2, cvId: a1!.cvId });
    const missing = expectProblem(
      await matcher.post(`/api/v1/applications/${refused.id}/moves`, { action: 'refuse', version: 3 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(missing.errors).toEqual([{ path: 'body/reason', message: 'Scegliere il motivo' }]);
    const noNote = expectProblem(
      await matcher.post(`/api/v1/applications/${refused.id}/moves`, { action: 'refuse', version: 3, reason: 'other' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(noNote.errors).toEqual([{ path: 'body/note', message: 'Con «Altro» descrivere il motivo nella nota' }]);
    refused = await moveOk(refused.id, { action: 'refuse', version: 3, reason: 'position_filled' });
    expect(refused).toMatchObject({ state: 'refused', reasonCode: 'position_filled', actions: [] });

    const declined = await moveOk((await propose(v, a2!.id)).id, { action: 'decline', version: 1, reason: 'distance' });
    expect(declined).toMatchObject({ state: 'declined', reasonCode: 'distance' });

    const w3 = await propose(v, a3!.id);
    // «Assunto con un’altra candidatura» is the hire's own: nobody picks it.
    const systemReason = expectProblem(
      await matcher.post(`/api/v1/applications/${w3.id}/moves`, { action: 'withdraw', version: 1, reason: 'hired_elsewhere' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(systemReason.errors).toEqual([{ path: 'body/reason', message: 'Motivo non previsto per questo passaggio' }]);
    const withdrawn = await moveOk(w3.id, { action: 'withdraw', version: 1, reason: 'other', note: 'Trasferita in Toscana' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', reasonCode: 'other' });
    expect(withdrawn.events.at(-1)).toMatchObject({
      from: 'proposed',
      to: 'withdrawn',
      reasonCode: 'other',
      note: 'Trasferita in Toscana',
    });
  });
});

describe('applications: the consent to send the profile to employers', () => {
  it('refuses to send without the consent in force, naming it, and sends once it is granted', async () => {
    const v = await vacancy('Pasticcere/a');
    const [never, revoked] = await workers(
      [
        ['Mario', 'Rossi'],
        ['Anna', 'Bianchi'],
      ],
      null,
    );
    const a = await moveOk((await propose(v, never!.id)).id, { action: 'preselect', version: 1 });
    const p = expectProblem(
      await matcher.post(`/api/v1/applications/${a.id}/moves`, { action: 'send', version: 2, cvId: never!.cvId }),
      422,
      'APPLICATION_CONSENT_MISSING',
    );
    expect(p.detail).toContain('«Invio del profilo alle aziende»');
    // The CV must be the worker's own.
    const wrongCv = expectProblem(
      await matcher.post(`/api/v1/applications/${a.id}/moves`, { action: 'send', version: 2, cvId: revoked!.cvId }),
      400,
      'VALIDATION_FAILED',
    );
    expect(wrongCv.errors).toEqual([{ path: 'body/cvId', message: 'Il CV non è di questo lavoratore' }]);
    await recordEmployerConsent(t.database.db, never!.id, modena, true);
    expect((await moveOk(a.id, { action: 'send', version: 2, cvId: never!.cvId })).state).toBe('sent');

    // The latest record is the one in force: granted, then withdrawn.
    await recordEmployerConsent(t.database.db, revoked!.id, modena, true);
    await recordEmployerConsent(t.database.db, revoked!.id, modena, false);
    const b = await moveOk((await propose(v, revoked!.id)).id, { action: 'preselect', version: 1 });
    expectProblem(
      await matcher.post(`/api/v1/applications/${b.id}/moves`, { action: 'send', version: 2, cvId: revoked!.cvId }),
      422,
      'APPLICATION_CONSENT_MISSING',
    );
  });
});

describe('applications: one open application per worker and vacancy', () => {
  it('answers a second office with 409 naming the office that proposed, and shows it to both, masked for the other', async () => {
    const v = await vacancy('Carrellista');
    const [w] = await workers([['Emanuele', 'Barbieri']]);
    const first = await propose(v, w!.id);
    // The coordinator works in Carpi too, and sees the network's workers.
    expect((await coordinator.put('/api/v1/auth/session/office', { officeId: carpi })).statusCode).toBe(200);
    const p = expectProblem(
      await coordinator.post('/api/v1/applications', { vacancyId: v, workerId: w!.id, source: 'consultant' }),
      409,
      'APPLICATION_ALREADY_PROPOSED',
    );
    expect(p.detail).toMatch(/l’ha proposto la sede .*Modena/);
    expect((await coordinator.put('/api/v1/auth/session/office', { officeId: modena })).statusCode).toBe(200);

    const mine = (await consultant.get(`/api/v1/vacancies/${v}/applications`)).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ id: first.id, worker: { firstName: 'Emanuele', lastName: 'Barbieri', inScope: true } });
    const theirs = (await carpiConsultant.get(`/api/v1/vacancies/${v}/applications`)).json();
    expect(theirs.items[0]).toMatchObject({ id: first.id, worker: { firstName: 'E.', lastName: 'B.', inScope: false }, actions: [] });
    expect(theirs.items[0].officeName).toMatch(/Modena/);
    // The worker's own list is for who may see the worker.
    expectProblem(await carpiConsultant.get(`/api/v1/workers/${w!.id}/applications`), 404, 'WORKER_NOT_FOUND');
    expect((await consultant.get(`/api/v1/workers/${w!.id}/applications`)).json().items.map((i: { id: string }) => i.id)).toEqual([
      first.id,
    ]);

    // Once closed, the worker may be proposed again.
    await moveOk(first.id, { action: 'withdraw', version: 1, reason: 'worker_unavailable' });
    expect((await propose(v, w!.id)).state).toBe('proposed');
  });
});

describe('applications: the hire', () => {
  it('creates the placement, fills the position, closes the enrolment, moves the waiting list, withdraws the other applications and schedules the follow-ups', async () => {
    const v = await vacancy('Manutentore/trice meccanico/a', 1);
    const elsewhere = await vacancy('Tornitore/trice', 2);
    const [hired, waiting] = await workers([
      ['Nicolò', 'Barbieri'],
      ['Rosa', 'Esposito'],
    ]);
    const programme = await buildProgramme(t.database.db, { networkId: network, officeIds: [modena], capacity: 1 });
    const placeHeld = await enrol(t.database.db, { programmeId: programme, workerId: hired!.id, officeId: modena, state: 'enrolled' });
    const inLine = await enrol(t.database.db, { programmeId: programme, workerId: waiting!.id, officeId: modena, state: 'waiting' });
    const other = await propose(elsewhere, hired!.id);

    const offer = await toOffer(v, hired!);
    // The hire's own contract and start date win over the offer's terms.
    const startDate = romeToday(new Date(t.clock().getTime() + 14 * DAY));
    const done = await moveOk(offer.id, { action: 'hire', version: offer.version, hire: { contractType: 'fixed_term', startDate } });
    expect(done.state).toBe('hired');
    expect(done.placementId).toEqual(expect.any(String));

    const vacancyNow = (await matcher.get(`/api/v1/vacancies/${v}`)).json();
    expect(vacancyNow).toMatchObject({ state: 'filled', positionsFilled: 1 });
    const enrolments = await t.database.db
      .selectFrom('enrollments')
      .select(['id', 'state'])
      .where('id', 'in', [placeHeld, inLine])
      .execute();
    expect(Object.fromEntries(enrolments.map((e) => [e.id, e.state]))).toEqual({ [placeHeld]: 'placed', [inLine]: 'registered' });

    const otherNow = (await matcher.get(`/api/v1/applications/${other.id}`)).json();
    expect(otherNow).toMatchObject({ state: 'withdrawn', reasonCode: 'hired_elsewhere' });
    expect(otherNow.events.at(-1)).toMatchObject({ from: 'proposed', to: 'withdrawn', actorName: null });
    const notices = await t.database.db
      .selectFrom('staff_notifications')
      .select(['office_id', 'kind'])
      .where('kind', '=', 'application.withdrawn_hired_elsewhere')
      .execute();
    expect(notices).toContainEqual({ office_id: modena, kind: 'application.withdrawn_hired_elsewhere' });

    const placement = (await matcher.get(`/api/v1/placements/${done.placementId}`)).json();
    expect(placement).toMatchObject({
      applicationId: offer.id,
      vacancyId: v,
      workerId: hired!.id,
      contractType: 'fixed_term',
      startDate,
      endDate: null,
    });
    const monthsOn = (n: number) => {
      const d = new Date(`${startDate}T12:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() + n);
      return d.toISOString().slice(0, 10);
    };
    expect(placement.followUps.map((f: { months: number; dueOn: string }) => [f.months, f.dueOn])).toEqual([
      [1, monthsOn(1)],
      [3, monthsOn(3)],
      [6, monthsOn(6)],
    ]);
    // The consultant who proposed the worker follows the hire.
    const proposer = await t.database.db
      .selectFrom('staff_users')
      .select('full_name')
      .where('email', '=', DEMO.consultant)
      .executeTakeFirstOrThrow();
    expect(placement.followUps.map((f: { consultantName: string }) => f.consultantName)).toEqual([
      proposer.full_name,
      proposer.full_name,
      proposer.full_name,
    ]);

    // A second hire on the filled vacancy is refused by the vacancy.
    const [late] = await workers([['Luca', 'Greco']]);
    expectProblem(
      await consultant.post('/api/v1/applications', { vacancyId: v, workerId: late!.id, source: 'consultant' }),
      422,
      'APPLICATION_VACANCY_NOT_OPEN',
    );
  });

  it('lists the follow-ups due, records an answer once, and ends a placement early', async () => {
    const v = await vacancy('Autista patente C', 2);
    const [w] = await workers([['Davide', 'Pellegrino']]);
    const offer = await toOffer(v, w!);
    const startDate = romeToday(t.clock());
    const done = await moveOk(offer.id, { action: 'hire', version: offer.version, hire: { contractType: 'permanent', startDate } });
    const inAMonth = romeToday(new Date(t.clock().getTime() + 32 * DAY));
    expect(
      (await consultant.get(`/api/v1/placements/follow-ups?dueBy=${romeToday(t.clock())}`))
        .json()
        .items.map((f: { placementId: string }) => f.placementId),
    ).not.toContain(done.placementId);
    const due = (await consultant.get(`/api/v1/placements/follow-ups?dueBy=${inAMonth}`))
      .json()
      .items.filter((f: { placementId: string }) => f.placementId === done.placementId);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      months: 1,
      workerName: 'Pellegrino Davide',
      employerName: 'Carpenterie Barbieri & Figli S.r.l.',
      vacancyTitle: 'Autista patente C',
    });
    expectProblem(await carpiConsultant.get(`/api/v1/placements/follow-ups?officeId=${modena}`), 403, 'PLACEMENT_OTHER_OFFICE');
    expectProblem(
      await consultant.post(`/api/v1/placements/follow-ups/${due[0].id}/answer`, { satisfaction: 9 }),
      400,
      'VALIDATION_FAILED',
    );
    const answer = await consultant.post(`/api/v1/placements/follow-ups/${due[0].id}/answer`, {
      stillEmployed: true,
      satisfaction: 4,
      needs: 'Corso per il patentino CQC',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      stillEmployed: true,
      satisfaction: 4,
      needs: 'Corso per il patentino CQC',
      answeredAt: expect.any(String),
    });
    expectProblem(
      await consultant.post(`/api/v1/placements/follow-ups/${due[0].id}/answer`, { stillEmployed: false }),
      409,
      'FOLLOW_UP_ALREADY_ANSWERED',
    );

    const before = expectProblem(
      await consultant.post(`/api/v1/placements/${done.placementId}/end`, { version: 1, endDate: '2020-01-01', reason: 'Dimissioni' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(before.errors).toEqual([{ path: 'body/endDate', message: 'La data di fine non può precedere l’inizio del rapporto' }]);
    const ended = await consultant.post(`/api/v1/placements/${done.placementId}/end`, {
      version: 1,
      endDate: startDate,
      reason: 'Mancato superamento del periodo di prova',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: startDate, endReason: 'Mancato superamento del periodo di prova', version: 2 });
    expectProblem(
      await consultant.post(`/api/v1/placements/${done.placementId}/end`, { version: 2, endDate: startDate, reason: 'Di nuovo' }),
      409,
      'PLACEMENT_ALREADY_ENDED',
    );
    // An ended placement has no follow-up left to do.
    const after = (await consultant.get(`/api/v1/placements/follow-ups?dueBy=2099-12-31`)).json().items;
    expect(after.map((f: { placementId: string }) => f.placementId)).not.toContain(done.placementId);
  });
});
