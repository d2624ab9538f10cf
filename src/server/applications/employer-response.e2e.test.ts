import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedVacancy, seedWorkers, type SeededWorker } from '../../../tests/factories/applications.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { buildEmployerWithSites, COMUNI } from '../../../tests/factories/vacancies.js';
import { DEMO, createTestApp, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

/**
 * The response indicator on a small world whose answers are known: a machinery maker of Mirandola is
 * sent four candidates; it calls one to an interview after 2 days, answers another through the
 * signed link after 6 days (the event inserted as the link records it), leaves one unanswered, and
 * the office withdraws the fourth before any answer. So: 2 of 3 answered, in median after 4 days.
 */
let t: TestApp;
let mirandola: string;
let network: string;
let matcher: Agent;
let consultant: Agent;
const DAY = 86_400_000;

const signedIn = async (email: string) => {
  const agent = await signIn(t.app, email);
  expect((await agent.put('/api/v1/auth/session/office', { officeId: mirandola })).statusCode).toBe(200);
  return agent;
};

async function sentApplication(vacancyId: string, w: SeededWorker) {
  let a = (await consultant.post('/api/v1/applications', { vacancyId, workerId: w.id, source: 'consultant' })).json();
  for (const body of [{ action: 'preselect' }, { action: 'send', cvId: w.cvId }]) {
    const res = await matcher.post(`/api/v1/applications/${a.id}/moves`, { version: a.version, ...body });
    expect(res.statusCode, res.body).toBe(200);
    a = res.json();
  }
  return a as { id: string; version: number };
}

/** A move days later: signed in again, since the session of the days before has lapsed on the fake clock. */
async function move(a: { id: string; version: number }, body: Record<string, unknown>) {
  matcher = await signedIn(DEMO.matcher);
  const res = await matcher.post(`/api/v1/applications/${a.id}/moves`, { version: a.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

let employerId: string;
let silentEmployerId: string;
let answeredVacancy: string;
let silentVacancy: string;

beforeAll(async () => {
  t = await createTestApp();
  mirandola = await officeIdByCode(t.database, 'CPI-MO');
  network = await networkOf(t.database.db, mirandola);
  matcher = await signedIn(DEMO.matcher);
  consultant = await signedIn(DEMO.consultant);
  const employer = await buildEmployerWithSites(t.database.db, {
    networkId: network,
    officeId: mirandola,
    name: 'Oleodinamica Malagoli S.p.A.',
    sites: [{ comuneCode: COMUNI.mirandola, name: 'Stabilimento', address: 'Via Dorando Pietri 7' }],
  });
  employerId = employer.employerId;
  const silent = await buildEmployerWithSites(t.database.db, {
    networkId: network,
    officeId: mirandola,
    name: 'Logistica Bassa Modenese S.r.l.',
    sites: [{ comuneCode: COMUNI.mirandola, name: 'Magazzino', address: 'Via Giovanni Pico 40' }],
  });
  silentEmployerId = silent.employerId;
  answeredVacancy = await publishedVacancy(t.database.db, {
    networkId: network,
    officeId: mirandola,
    employerId,
    siteId: employer.siteIds[0]!,
    title: 'Montatore/trice oleodinamico/a',
    positions: 4,
  });
  silentVacancy = await publishedVacancy(t.database.db, {
    networkId: network,
    officeId: mirandola,
    employerId: silentEmployerId,
    siteId: silent.siteIds[0]!,
    title: 'Magazziniere/a carrellista',
    positions: 2,
  });
});
afterAll(async () => {
  await t.close();
});

describe('the employer’s history and response indicator', () => {
  it('counts 2 answered of 3 asked, in median after 4 days, with an answer through the signed link and an office withdrawal left out', async () => {
    const [esposito, dangelo, barbieri, nicolo, conti] = await seedWorkers(t.database.db, {
      networkId: network,
      officeId: mirandola,
      names: [
        ['Ciro', 'Esposito'],
        ['Lucia', 'D’Angelo'],
        ['Nicolò', 'Barbieri'],
        ['Nicolò', 'Ferraresi'],
        ['Giulia', 'Conti'],
      ],
    });
    // Before any candidate: the page says none was sent.
    const before = (await matcher.get(`/api/v1/employers/${employerId}`)).json();
    expect(before.history).toEqual({
      vacancies: { published: 1 },
      interviews: 0,
      hires: 0,
      response: { sent: 0, answered: 0, considered: 0, medianDaysToAnswer: null },
    });

    const interviewed = await sentApplication(answeredVacancy, esposito!);
    const linkAnswered = await sentApplication(answeredVacancy, dangelo!);
    await sentApplication(answeredVacancy, barbieri!);
    const withdrawn = await sentApplication(answeredVacancy, nicolo!);
    const sentAt = t.clock();

    // Day 2: the employer calls Esposito to an interview.
    t.clock.advance(2 * DAY);
    await move(interviewed, {
      action: 'interview',
      interview: { at: new Date(t.clock().getTime() + 3 * DAY).toISOString(), place: 'Via Dorando Pietri 7' },
    });
    // Day 3: the office withdraws Ferraresi (no longer available) before the employer said anything.
    t.clock.advance(1 * DAY);
    await move(withdrawn, { action: 'withdraw', reason: 'worker_unavailable' });
    // Day 6: the employer answers for D’Angelo through the signed link («still evaluating»): an event, no move.
    await t.database.db
      .insertInto('application_events')
      .values({
        application_id: linkAnswered.id,
        kind: 'employer_answer',
        note: 'Candidatura in valutazione',
        actor_id: null,
        at: new Date(sentAt.getTime() + 6 * DAY),
      })
      .execute();

    const employer = (await matcher.get(`/api/v1/employers/${employerId}`)).json();
    expect(employer.history).toEqual({
      vacancies: { published: 1 },
      interviews: 1,
      hires: 0,
      response: { sent: 4, answered: 2, considered: 3, medianDaysToAnswer: 4 },
    });

    // The employers list shows the same indicator as a column.
    const list = (await matcher.get('/api/v1/employers?q=Malagoli')).json();
    expect(list.items.map((e: { name: string; response: unknown }) => [e.name, e.response])).toContainEqual([
      'Oleodinamica Malagoli S.p.A.',
      { sent: 4, answered: 2, considered: 3, medianDaysToAnswer: 4 },
    ]);

    // The other employer is sent Conti and never answers; its vacancy is on the board's «without an answer», the answered one is not.
    consultant = await signedIn(DEMO.consultant);
    await sentApplication(silentVacancy, conti!);
    const board = (await matcher.get(`/api/v1/vacancies/board?officeId=${mirandola}`)).json();
    const silentRows = board.withoutAnswer.map((v: { title: string; employerName: string; candidatesSent: number }) => [
      v.title,
      v.employerName,
      v.candidatesSent,
    ]);
    expect(silentRows).toContainEqual(['Magazziniere/a carrellista', 'Logistica Bassa Modenese S.r.l.', 1]);
    expect(silentRows.map((r: unknown[]) => r[0])).not.toContain('Montatore/trice oleodinamico/a');
    // The board's candidates in each stage: Esposito at the interview, D’Angelo and Barbieri still sent; Ferraresi withdrawn is not counted.
    const stagesOf = (title: string) =>
      board.candidateStages.vacancies.find((v: { title: string }) => v.title === title)?.byStage as Record<string, number> | undefined;
    expect(stagesOf('Montatore/trice oleodinamico/a')).toEqual({ proposed: 0, preselected: 0, sent: 2, interview: 1, offer: 0, hired: 0 });
    expect(stagesOf('Magazziniere/a carrellista')).toMatchObject({ sent: 1, interview: 0 });
    // The totals add up every vacancy of the office on the board, the demo's included.
    const rows = board.candidateStages.vacancies as Array<{ byStage: Record<string, number> }>;
    expect(board.candidateStages.totals.sent).toBeGreaterThanOrEqual(rows.reduce((n, v) => n + v.byStage.sent!, 0));

    // Its page: one candidate asked, none answered, no median.
    const silentEmployer = (await matcher.get(`/api/v1/employers/${silentEmployerId}`)).json();
    expect(silentEmployer.history.response).toEqual({ sent: 1, answered: 0, considered: 1, medianDaysToAnswer: null });
  });
});
