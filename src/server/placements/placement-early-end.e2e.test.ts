import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationsEmployer, enrol, publishedVacancy, seedWorkers, type SeededWorker } from '../../../tests/factories/applications.js';
import { buildCigsCase, buildProgramme, networkOf } from '../../../tests/factories/programmes.js';
import { DEMO, createTestApp, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { romeToday } from '../../shared/time/rome-time.js';

// A hire that ends early gives the worker their path back (issue 12 item 6): the enrolment the hire
// closed as placed returns to a place, or to the waiting list when the programme is full, or stays
// closed with the reason when the worker's CIGS has ended; the answer says which, the consultant is
// told, and the timeline shows the hire and its end. On PostgreSQL, concurrent early ends on a
// programme with one free place give it to exactly one worker.

let t: TestApp;
let matcher: Agent;
let consultant: Agent;
let modena: string;
let network: string;
let employer: { employerId: string; siteIds: string[] };
let caseId: string;
const DAY = 86_400_000;

async function signedIn(email: string) {
  const agent = await signIn(t.app, email);
  expect((await agent.put('/api/v1/auth/session/office', { officeId: modena })).statusCode).toBe(200);
  return agent;
}

/** Workers of a crisis company in CIGS (cessazione attività), with a CV and consent to share it. */
async function crisisWorkers(names: Array<[string, string]>) {
  const ws = await seedWorkers(t.database.db, { networkId: network, officeId: modena, names });
  await t.database.db
    .updateTable('workers')
    .set({ cigs_case_id: caseId })
    .where(
      'id',
      'in',
      ws.map((w) => w.id),
    )
    .execute();
  return ws;
}

async function moveOk(id: string, body: Record<string, unknown>) {
  const res = await matcher.post(`/api/v1/applications/${id}/moves`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Proposed, pre-selected, sent, interviewed, offered and hired: the placement's id. */
async function hire(vacancyId: string, w: SeededWorker): Promise<string> {
  const proposed = await consultant.post('/api/v1/applications', { vacancyId, workerId: w.id, source: 'consultant' });
  expect(proposed.statusCode, proposed.body).toBe(201);
  let a = proposed.json();
  a = await moveOk(a.id, { action: 'preselect', version: a.version });
  a = await moveOk(a.id, { action: 'send', version: a.version, cvId: w.cvId });
  a = await moveOk(a.id, {
    action: 'interview',
    version: a.version,
    interview: { at: new Date(t.clock().getTime() + 2 * DAY).toISOString(), place: 'Via Emilia Est 1420, Modena' },
  });
  const startDate = romeToday(t.clock());
  a = await moveOk(a.id, {
    action: 'offer',
    version: a.version,
    offer: { contractType: 'fixed_term', ccnlCode: 'C011', ccnlLevel: 'C2', weeklyHours: 40, monthlyGrossCents: 215_000, startDate },
  });
  const done = await moveOk(a.id, { action: 'hire', version: a.version, hire: { contractType: 'fixed_term', startDate } });
  expect(done.placementId).toEqual(expect.any(String));
  return done.placementId;
}

async function vacancy(title: string, positions = 10) {
  return publishedVacancy(t.database.db, {
    networkId: network,
    officeId: modena,
    employerId: employer.employerId,
    siteId: employer.siteIds[0]!,
    title,
    positions,
  });
}

const endEarly = (placementId: string, by: Agent = consultant) =>
  by.post(`/api/v1/placements/${placementId}/end`, {
    version: 1,
    endDate: romeToday(t.clock()),
    reason: 'Mancato superamento del periodo di prova',
  });

async function stateOf(programmeId: string, workerId: string) {
  const row = await t.database.db
    .selectFrom('enrollments')
    .select('state')
    .where('programme_id', '=', programmeId)
    .where('worker_id', '=', workerId)
    .executeTakeFirstOrThrow();
  return row.state;
}

async function statesOf(programmeId: string) {
  const rows = await t.database.db
    .selectFrom('enrollments')
    .select(['worker_id', 'state'])
    .where('programme_id', '=', programmeId)
    .orderBy('worker_id')
    .execute();
  return new Map(rows.map((r) => [r.worker_id, r.state]));
}

beforeAll(async () => {
  t = await createTestApp();
  modena = await officeIdByCode(t.database, 'CPI-MO');
  network = await networkOf(t.database.db, modena);
  [matcher, consultant] = await Promise.all([signedIn(DEMO.matcher), signedIn(DEMO.consultant)]);
  employer = await applicationsEmployer(t.database.db, network, modena);
  caseId = (await buildCigsCase(t.database.db, network, { companyName: 'Ceramiche Sassolesi in liquidazione S.p.A.' })).caseId;
}, 120_000);

afterAll(async () => {
  await t.close();
});

describe('an early end reopens the worker’s path', () => {
  it('gives the place back when the programme has one, the others’ enrolments and the waiting list untouched', async () => {
    const programmeId = await buildProgramme(t.database.db, { networkId: network, officeIds: [modena], capacity: 3 });
    const [barbieri, esposito] = await crisisWorkers([
      ['Emanuele', 'Barbieri'],
      ['Rosa', 'Esposito'],
    ]);
    for (const w of [barbieri!, esposito!])
      await enrol(t.database.db, { programmeId, workerId: w.id, officeId: modena, state: 'registered' });
    const placementId = await hire(await vacancy('Addetto/a al confezionamento'), barbieri!);
    expect(await stateOf(programmeId, barbieri!.id)).toBe('placed');
    const others = await statesOf(programmeId);

    const res = await endEarly(placementId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      endDate: romeToday(t.clock()),
      enrolments: [{ programmeId, programmeName: 'Programma di prova', outcome: 'reopened', state: 'registered', code: null, reasons: [] }],
    });
    expect(await stateOf(programmeId, barbieri!.id)).toBe('registered');
    const after = await statesOf(programmeId);
    expect(after.get(esposito!.id)).toBe(others.get(esposito!.id));
    expect([...after.values()].filter((s) => s === 'waiting')).toEqual([]);

    // The log names the move, and the consultants of the worker's office are told.
    const log = await t.database.db
      .selectFrom('enrollment_transitions')
      .innerJoin('enrollments', 'enrollments.id', 'enrollment_transitions.enrollment_id')
      .select(['from_state', 'to_state', 'reason'])
      .where('enrollments.worker_id', '=', barbieri!.id)
      .orderBy('enrollment_transitions.id')
      .execute();
    expect(log.at(-1)).toMatchObject({ from_state: 'placed', to_state: 'registered' });
    expect(log.at(-1)!.reason).toContain('Mancato superamento del periodo di prova');
    const notices = await t.database.db
      .selectFrom('staff_notifications')
      .select(['recipient_role', 'payload'])
      .where('kind', '=', 'enrollment.early_end')
      .where('programme_id', '=', programmeId)
      .execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.recipient_role).toBe('consultant');
    const shown = (await consultant.get(`/api/v1/programmes/${programmeId}/notifications`)).json().items;
    expect(shown.map((n: { message: string }) => n.message)).toContain(
      'Assunzione di Barbieri Emanuele terminata in anticipo: di nuovo iscritto al programma.',
    );

    // The worker's timeline: the hire and its early end, beside the application's moves.
    const kinds = ((await consultant.get(`/api/v1/workers/${barbieri!.id}/timeline`)).json().items as Array<{ kind: string }>).map(
      (i) => i.kind,
    );
    for (const kind of ['application.offer', 'application.hired', 'placement.created', 'enrollment.placed', 'placement.ended_early'])
      expect(kinds).toContain(kind);
  });

  it('puts the worker on the waiting list when the programme is full', async () => {
    const programmeId = await buildProgramme(t.database.db, { networkId: network, officeIds: [modena], capacity: 2 });
    const [conti, greco, ricci] = await crisisWorkers([
      ['Giorgio', 'Conti'],
      ['Lucia', 'Greco'],
      ['Antonio', 'Ricci'],
    ]);
    await enrol(t.database.db, { programmeId, workerId: conti!.id, officeId: modena, state: 'registered' });
    await enrol(t.database.db, { programmeId, workerId: greco!.id, officeId: modena, state: 'registered' });
    await enrol(t.database.db, { programmeId, workerId: ricci!.id, officeId: modena, state: 'waiting' });
    const placementId = await hire(await vacancy('Carrellista'), conti!);
    // The hire freed Conti's place and gave it to Ricci, first in line: the programme is full again.
    expect(await stateOf(programmeId, ricci!.id)).toBe('registered');

    const res = await endEarly(placementId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().enrolments).toEqual([
      expect.objectContaining({
        programmeId,
        outcome: 'waiting',
        state: 'waiting',
        code: 'PROGRAMME_FULL',
        reasons: ['il programma non ha posti liberi'],
        waitingPosition: 1,
      }),
    ]);
    expect(await statesOf(programmeId)).toEqual(
      new Map([
        [conti!.id, 'waiting'],
        [greco!.id, 'registered'],
        [ricci!.id, 'registered'],
      ]),
    );
  });

  it('leaves the enrolment closed and says why when the worker’s CIGS has ended', async () => {
    const programmeId = await buildProgramme(t.database.db, { networkId: network, officeIds: [modena], capacity: 5 });
    const [gallo] = await crisisWorkers([['Francesca', 'Gallo']]);
    await enrol(t.database.db, { programmeId, workerId: gallo!.id, officeId: modena, state: 'registered' });
    const placementId = await hire(await vacancy('Manutentore/trice elettrico/a'), gallo!);
    const ended = romeToday(new Date(t.clock().getTime() - DAY));
    await t.database.db.updateTable('workers').set({ cigs_end_date: ended }).where('id', '=', gallo!.id).execute();

    const res = await endEarly(placementId);
    expect(res.statusCode, res.body).toBe(200);
    const [outcome] = res.json().enrolments;
    expect(outcome).toMatchObject({ programmeId, outcome: 'not_reopened', state: 'placed', code: 'WORKER_NOT_ELIGIBLE' });
    expect(outcome.reasons.join(' ')).toMatch(/CIGS/);
    expect(await stateOf(programmeId, gallo!.id)).toBe('placed');
  });

  it('leaves the enrolment closed and says why when the programme is no longer open', async () => {
    const programmeId = await buildProgramme(t.database.db, { networkId: network, officeIds: [modena], capacity: 5, status: 'open' });
    const [moretti] = await crisisWorkers([['Paolo', 'Moretti']]);
    await enrol(t.database.db, { programmeId, workerId: moretti!.id, officeId: modena, state: 'registered' });
    const placementId = await hire(await vacancy('Impiegato/a di magazzino'), moretti!);
    await t.database.db.updateTable('programmes').set({ status: 'closed' }).where('id', '=', programmeId).execute();
    const res = await endEarly(placementId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().enrolments).toEqual([
      expect.objectContaining({ outcome: 'not_reopened', code: 'PROGRAMME_NOT_OPEN', reasons: ['il programma non è più aperto'] }),
    ]);
  });
});

describe('hired through one application, the others close', () => {
  it('withdraws the worker’s other applications, cancels the interview one of them had booked, and says so on the timeline', async () => {
    const [pellegrino] = await crisisWorkers([['Davide', 'Pellegrino']]);
    const elsewhere = await vacancy('Autista patente C');
    // A second application, at the interview with another employer's time booked.
    let other = (
      await consultant.post('/api/v1/applications', { vacancyId: elsewhere, workerId: pellegrino!.id, source: 'consultant' })
    ).json();
    other = await moveOk(other.id, { action: 'preselect', version: other.version });
    other = await moveOk(other.id, { action: 'send', version: other.version, cvId: pellegrino!.cvId });
    other = await moveOk(other.id, {
      action: 'interview',
      version: other.version,
      interview: { at: new Date(t.clock().getTime() + 5 * DAY).toISOString(), place: 'Via Canaletto Sud 36, Modena' },
    });
    await hire(await vacancy('Magazziniere/a'), pellegrino!);
    const closed = (await matcher.get(`/api/v1/applications/${other.id}`)).json();
    expect(closed).toMatchObject({ state: 'withdrawn', reasonCode: 'hired_elsewhere' });
    const meetings = (await consultant.get(`/api/v1/workers/${pellegrino!.id}/appointments`)).json();
    const ofOther = [...meetings.upcoming, ...meetings.past].find((m: { applicationId: string | null }) => m.applicationId === other.id);
    expect(ofOther).toMatchObject({ status: 'cancelled', cancelReason: 'La candidatura è stata ritirata dal centro per l’impiego' });
    const timeline = (await consultant.get(`/api/v1/workers/${pellegrino!.id}/timeline`)).json().items as Array<{
      kind: string;
      details: Record<string, unknown>;
    }>;
    expect(timeline.find((e) => e.kind === 'application.withdrawn_hired_elsewhere')?.details).toMatchObject({
      applicationId: other.id,
      from: 'interview',
      reason: 'hired_elsewhere',
    });
  });
});

describe('concurrent early ends (the proof is on PostgreSQL; PGlite runs them one at a time)', () => {
  it('gives a programme’s one free place to exactly one of the workers whose hires ended', async () => {
    const programmeId = await buildProgramme(t.database.db, { networkId: network, officeIds: [modena], capacity: 6 });
    const names: Array<[string, string]> = [
      ['Marco', 'Romano'],
      ['Sara', 'Colombo'],
      ['Luca', 'Ferrari'],
      ['Elena', 'Bruno'],
      ['Davide', 'Marino'],
      ['Giulia', 'Rizzo'],
    ];
    const ws = await crisisWorkers(names);
    for (const w of ws) await enrol(t.database.db, { programmeId, workerId: w.id, officeId: modena, state: 'registered' });
    const v = await vacancy('Operaio/a di linea', 10);
    const placements: string[] = [];
    for (const w of ws) placements.push(await hire(v, w));
    // Five other workers take five of the six places: one is free.
    const fillers = await crisisWorkers(names.map(([f, l]) => [f, `${l} Secondo`] as [string, string]).slice(0, 5));
    for (const f of fillers) await enrol(t.database.db, { programmeId, workerId: f.id, officeId: modena, state: 'registered' });

    const answers = await Promise.all(placements.map((id) => endEarly(id)));
    expect(answers.map((r) => r.statusCode)).toEqual(placements.map(() => 200));
    const outcomes = answers.map((r) => r.json().enrolments[0].outcome).sort();
    expect(outcomes).toEqual(['reopened', 'waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
    const states = [...(await statesOf(programmeId)).values()];
    expect(states.filter((s) => s === 'registered')).toHaveLength(6);
    expect(states.filter((s) => s === 'waiting')).toHaveLength(5);
  });
});
