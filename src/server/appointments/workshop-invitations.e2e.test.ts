import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaConsultant } from '../../../tests/factories/agenda.js';
import { buildCigsCase } from '../../../tests/factories/programmes.js';
import { carpiWorkshopWorld, deliveredCvSupport, enrolledWorkers, type OfficeWorker } from '../../../tests/factories/workshops.js';
import { DEMO, createTestApp, expectProblem, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

// Workshop invitations by selection: everyone enrolled from one crisis company, or everyone
// enrolled without CV support received yet, in the session's office only; previewed (audited as a
// read of personal data) before sending, those already invited shown as such and never twice.

let t: TestApp;
let laura: Awaited<ReturnType<typeof agendaConsultant>>;
let carpi: string;
let sessionId: string;
let ceramiche: { companyId: string; caseId: string };
let maglificio: { companyId: string; caseId: string };
let w: Record<'esposito1' | 'esposito2' | 'barbieri' | 'dangelo' | 'conti' | 'ricci' | 'modena', OfficeWorker>;

const candidates = (who: Agent, query: string) => who.get(`/api/v1/workshops/${sessionId}/invitation-candidates?${query}`);

beforeAll(async () => {
  t = await createTestApp();
  const world = await carpiWorkshopWorld(t, {
    code: 'CPI-CARPI-T',
    email: 'laura.ferrari@cpi-carpi.example',
    capacity: 100,
    withModena: true,
  });
  ({ carpi, laura } = world);
  const { modena, networkId, programmeId } = world;
  ceramiche = await buildCigsCase(t.database.db, networkId, { companyName: 'Ceramiche Sassolesi S.p.A.' });
  maglificio = await buildCigsCase(t.database.db, networkId, { companyName: 'Maglificio Carpigiano S.r.l.' });
  const [esposito1, esposito2, barbieri, dangelo, conti, ricci] = await enrolledWorkers(
    t.database.db,
    { officeId: carpi, programmeId },
    [
      // Two workers of the same name: the preview tells them apart by codice fiscale.
      { firstName: 'Giuseppe', lastName: 'Esposito', caseId: ceramiche.caseId, state: 'registered' },
      { firstName: 'Giuseppe', lastName: 'Esposito', caseId: ceramiche.caseId, state: 'assessed' },
      // Placed: the enrolment has ended.
      { firstName: 'Anna', lastName: 'Barbieri', caseId: ceramiche.caseId, state: 'placed' },
      // Not enrolled in any programme.
      { firstName: 'Nicolò', lastName: 'D’Angelo', caseId: ceramiche.caseId, state: null },
      { firstName: 'Francesca', lastName: 'Conti', caseId: maglificio.caseId, state: 'enrolled' },
      { firstName: 'Marco', lastName: 'Ricci', caseId: maglificio.caseId, state: 'contacted' },
    ],
    9300,
  );
  // Of the same company and enrolled, but of another office.
  const [other] = await enrolledWorkers(
    t.database.db,
    { officeId: modena, programmeId },
    [{ firstName: 'Luca', lastName: 'Barbieri', caseId: ceramiche.caseId, state: 'enrolled' }],
    9310,
  );
  w = {
    esposito1: esposito1!,
    esposito2: esposito2!,
    barbieri: barbieri!,
    dangelo: dangelo!,
    conti: conti!,
    ricci: ricci!,
    modena: other!,
  };
  await deliveredCvSupport(t.database.db, { networkId, officeId: carpi, workerId: ricci!.id });
  const created = await laura.agent.post('/api/v1/workshops', {
    officeId: carpi,
    topic: 'cv_writing',
    title: 'Scrivere il curriculum',
    facilitatorIds: [laura.id],
    place: 'Sala civica, Via Peruzzi 22',
    start: '2026-10-20T07:30:00Z',
    durationMinutes: 120,
    seats: 12,
  });
  expect(created.statusCode).toBe(201);
  sessionId = created.json().items[0].id;
}, 60_000);
afterAll(() => t.close());

describe('GET /api/v1/workshops/:id/invitation-candidates', () => {
  it('401 without a session, 403 for a job matcher, 400 without exactly one selection', async () => {
    expectProblem(
      await t.app.inject({ method: 'GET', url: `/api/v1/workshops/${sessionId}/invitation-candidates?without=cv_support` }),
      401,
      'UNAUTHENTICATED',
    );
    const matcher = await signIn(t.app, DEMO.matcher);
    expect((await candidates(matcher, 'without=cv_support')).statusCode).toBe(403);
    const none = expectProblem(await candidates(laura.agent, ''), 400, 'VALIDATION_FAILED');
    expect(none.errors).toEqual([
      expect.objectContaining({ path: 'querystring/companyId', message: 'Scegliere un’azienda oppure «senza supporto al CV ricevuto»' }),
    ]);
    expectProblem(await candidates(laura.agent, `companyId=${ceramiche.companyId}&without=cv_support`), 400, 'VALIDATION_FAILED');
    expectProblem(await candidates(laura.agent, 'without=cv'), 400, 'VALIDATION_FAILED');
  });

  it('by company: the enrolled workers of the session’s office employed by it, same names told apart; the read is audited', async () => {
    const response = await candidates(laura.agent, `companyId=${ceramiche.companyId}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // Not Anna Barbieri (placed), not Nicolò D'Angelo (not enrolled), not Luca Barbieri (Modena).
    expect(body.items.map((i: { worker: { id: string } }) => i.worker.id).sort()).toEqual([w.esposito1.id, w.esposito2.id].sort());
    expect(body.items.map((i: { worker: { name: string } }) => i.worker.name)).toEqual(['Esposito Giuseppe', 'Esposito Giuseppe']);
    expect(new Set(body.items.map((i: { codiceFiscale: string }) => i.codiceFiscale))).toEqual(
      new Set([w.esposito1.codiceFiscale, w.esposito2.codiceFiscale]),
    );
    expect(w.esposito1.codiceFiscale).not.toBe(w.esposito2.codiceFiscale);
    expect(body.items.every((i: { companyName: string }) => i.companyName === 'Ceramiche Sassolesi S.p.A.')).toBe(true);
    expect(body).toMatchObject({ count: 2, truncated: false });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'workshop.candidates_read')
      .where('entity_id', '=', sessionId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(laura.id);
    expect(JSON.stringify(audit[0]!.details)).toContain(w.esposito1.id);
  });

  it('without CV support received: enrolled workers of the office with no delivered cv_support service', async () => {
    const body = (await candidates(laura.agent, 'without=cv_support')).json();
    const ids = body.items.map((i: { worker: { id: string } }) => i.worker.id);
    // Marco Ricci has had CV support; Anna Barbieri's enrolment ended; Nicolò D'Angelo is not enrolled.
    expect(ids.sort()).toEqual([w.esposito1.id, w.esposito2.id, w.conti.id].sort());
    expect(body.count).toBe(3);
  });

  it('lists the office’s crisis companies with their enrolled workers', async () => {
    const body = (await laura.agent.get(`/api/v1/workshops/${sessionId}/invitation-companies`)).json();
    expect(body.items).toEqual([
      { id: ceramiche.companyId, name: 'Ceramiche Sassolesi S.p.A.', workers: 2 },
      { id: maglificio.companyId, name: 'Maglificio Carpigiano S.r.l.', workers: 2 },
    ]);
  });
});

describe('POST /api/v1/workshops/:id/invitations with the previewed selection', () => {
  it('invites a ticked subset; the preview then shows them as invited, and sending again invites nobody twice', async () => {
    const ticked = [w.esposito1.id, w.conti.id];
    const sent = await laura.agent.post(`/api/v1/workshops/${sessionId}/invitations`, { workerIds: ticked });
    expect(sent.json()).toEqual({ invited: 2, already: 0 });
    const preview = (await candidates(laura.agent, 'without=cv_support')).json();
    const status = Object.fromEntries(
      preview.items.map((i: { worker: { id: string }; participantStatus: string | null }) => [i.worker.id, i.participantStatus]),
    );
    expect(status).toEqual({ [w.esposito1.id]: 'invited', [w.esposito2.id]: null, [w.conti.id]: 'invited' });
    expect(preview.count).toBe(1);
    const again = await laura.agent.post(`/api/v1/workshops/${sessionId}/invitations`, {
      workerIds: preview.items.map((i: { worker: { id: string } }) => i.worker.id),
    });
    expect(again.json()).toEqual({ invited: 1, already: 2 });
    const session = (await laura.agent.get(`/api/v1/workshops/${sessionId}`)).json();
    expect(session.participants.filter((p: { status: string }) => p.status === 'invited')).toHaveLength(3);
  });

  it('refuses a worker of another office, even for a coordinator who sees both', async () => {
    const coordinator = await signIn(t.app, DEMO.coordinator);
    const refused = expectProblem(
      await coordinator.post(`/api/v1/workshops/${sessionId}/invitations`, { workerIds: [w.modena.id] }),
      422,
      'WORKER_NOT_IN_SESSION_OFFICE',
    );
    expect(refused.errors).toEqual([expect.objectContaining({ path: 'body/workerIds' })]);
  });
});
