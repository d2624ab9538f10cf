import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeFixtureZips } from '../../../tests/fixtures/taxonomy/esco-fixture.js';
import { buildCourse, buildProvider, loadEscoMini, SKILLS } from '../../../tests/factories/training.js';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

/** What the course form and the enrolment log rely on: the optimistic version, the date rules beside the field, the log's who/when/why. */

let t: TestApp;
let coordinator: Agent;
let consultant: Agent;
let network: string;
let providerId: string;
/** Workers of Modena: D'Angelo Nicolò, Esposito Giulia, Barbieri De Luca Maria Chiara. */
let workers: string[];

beforeAll(async () => {
  t = await createTestApp();
  await loadEscoMini(t.database);
  coordinator = await signIn(t.app, DEMO.coordinator);
  consultant = await signIn(t.app, DEMO.consultant);
  const modena = await officeIdByCode(t.database, 'CPI-MO');
  network = await networkOf(t.database.db, modena);
  workers = await insertWorkers(t.database.db, [
    buildWorker({ officeId: modena, lastName: 'D’Angelo', firstName: 'Nicolò', sex: 'M' }, 201),
    buildWorker({ officeId: modena, lastName: 'Esposito', firstName: 'Giulia', sex: 'F' }, 202),
    buildWorker({ officeId: modena, lastName: 'Barbieri De Luca', firstName: 'Maria Chiara', sex: 'F' }, 203),
  ]);
  providerId = await buildProvider(t.database.db, network, 'Cooperativa Formazione “L’Officina” di Mirandola');
});
afterAll(async () => {
  await t.close();
  removeFixtureZips();
});

const welding = () => ({
  providerId,
  title: 'Saldatura a filo continuo (MIG/MAG)',
  hours: 80,
  startDate: '2099-09-07',
  endDate: '2099-10-30',
  delivery: 'in_person' as const,
  place: 'Officina didattica, via Valli 12, Mirandola',
  seats: 12,
  funding: 'gol' as const,
  enrolmentDeadline: '2099-08-31',
  certificate: 'Certificazione EN ISO 9606-1',
  status: 'open' as const,
  skills: [{ uri: SKILLS.arcWelding.uri }, { uri: SKILLS.weldingEquipment.uri }],
});

describe('the course form’s rules', () => {
  it('answers 401, 403, then 400 for a change without the version it was made on', async () => {
    const id = await buildCourse(t.database.db, { networkId: network, providerId });
    expectProblem(
      await t.app.inject({ method: 'PATCH', url: `/api/v1/training/courses/${id}`, payload: { baseVersion: 1, seats: 14 } }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await consultant.patch(`/api/v1/training/courses/${id}`, { baseVersion: 1, seats: 14 }), 403, 'FORBIDDEN');
    const bad = expectProblem(await coordinator.patch(`/api/v1/training/courses/${id}`, { seats: 14 }), 400, 'VALIDATION_FAILED');
    expect(bad.errors.map((e: { path: string }) => e.path)).toContain('body/baseVersion');
  });

  it('refuses a deadline after the start, and fewer than one seat, beside the fields in Italian', async () => {
    const res = await coordinator.post('/api/v1/training/courses', { ...welding(), enrolmentDeadline: '2099-09-10', seats: 0 });
    const errors = expectProblem(res, 400, 'VALIDATION_FAILED').errors as Array<{ path: string; message: string }>;
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'body/enrolmentDeadline', message: 'La scadenza delle iscrizioni non può seguire l’inizio del corso' },
        expect.objectContaining({ path: 'body/seats' }),
      ]),
    );
    // The deadline on the first day is still allowed: enrolments close the day lessons begin.
    const sameDay = await coordinator.post('/api/v1/training/courses', { ...welding(), enrolmentDeadline: '2099-09-07' });
    expect(sameDay.statusCode, sameDay.body).toBe(201);
  });

  it('says an unknown ESCO skill beside the skills', async () => {
    const unknown = 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000';
    const res = await coordinator.post('/api/v1/training/courses', { ...welding(), skills: [{ uri: unknown }] });
    expect(expectProblem(res, 422, 'COURSE_SKILL_UNKNOWN').errors).toEqual([
      { path: 'body/skills', message: `Competenze ESCO sconosciute: ${unknown}` },
    ]);
  });

  it('saves on the version read and raises it; a stale save is told to reload, and nothing of it is kept', async () => {
    const created = (await coordinator.post('/api/v1/training/courses', welding())).json();
    expect(created).toMatchObject({
      version: 1,
      skills: expect.arrayContaining([expect.objectContaining({ uri: SKILLS.arcWelding.uri })]),
    });
    const first = await coordinator.patch(`/api/v1/training/courses/${created.id}`, { baseVersion: 1, seats: 14 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ seats: 14, version: 2 });
    const stale = expectProblem(
      await coordinator.patch(`/api/v1/training/courses/${created.id}`, { baseVersion: 1, title: 'Saldatura MIG/MAG – serale' }),
      409,
      'COURSE_VERSION_CONFLICT',
    );
    expect(stale.detail).toBe('Il corso è stato modificato da un’altra persona (ora è alla versione 2): ricaricarlo e rifare la modifica.');
    expect(stale.currentVersion).toBe(2);
    const now = (await coordinator.get(`/api/v1/training/courses/${created.id}`)).json();
    expect(now).toMatchObject({ title: 'Saldatura a filo continuo (MIG/MAG)', seats: 14, version: 2 });
  });

  it('refuses a new start that would leave the saved deadline after it, beside the deadline', async () => {
    const created = (await coordinator.post('/api/v1/training/courses', welding())).json();
    const res = await coordinator.patch(`/api/v1/training/courses/${created.id}`, { baseVersion: 1, startDate: '2099-08-24' });
    expect(expectProblem(res, 422, 'COURSE_DATES_INVALID').errors).toEqual([
      { path: 'body/enrolmentDeadline', message: 'La scadenza delle iscrizioni non può seguire l’inizio del corso' },
    ]);
  });
});

describe('the enrolment log', () => {
  it('shows each move with who made it, when and why, on the course and on the worker’s courses', async () => {
    const courseId = await buildCourse(t.database.db, {
      networkId: network,
      providerId,
      seats: 1,
      title: 'Carrellista: carrelli elevatori semoventi',
      startDate: '2099-05-04',
      endDate: '2099-05-08',
    });
    t.clock.set(new Date('2026-04-14T08:30:00Z'));
    await consultant.post(`/api/v1/training/courses/${courseId}/enrolments`, {
      workerId: workers[0],
      reason: 'Richiesto nel patto di servizio',
    });
    t.clock.set(new Date('2026-04-14T09:00:00Z'));
    await consultant.post(`/api/v1/training/courses/${courseId}/enrolments`, { workerId: workers[1] });
    const detail = (await consultant.get(`/api/v1/training/courses/${courseId}`)).json();
    const dangelo = detail.enrolments.find((e: { workerName: string }) => e.workerName === 'D’Angelo Nicolò');
    t.clock.set(new Date('2026-04-20T14:15:00Z'));
    const withdrawn = await consultant.post(`/api/v1/training/enrolments/${dangelo.id}/withdraw`, {
      reason: 'Assunto dall’Acetaia Malpighi',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    const after = (await coordinator.get(`/api/v1/training/courses/${courseId}`)).json();
    const logOf = (name: string) => after.enrolments.find((e: { workerName: string }) => e.workerName === name).moves;
    expect(logOf('D’Angelo Nicolò')).toEqual([
      { from: null, to: 'enrolled', actorName: 'Elena Rinaldi', reason: 'Richiesto nel patto di servizio', at: '2026-04-14T08:30:00.000Z' },
      {
        from: 'enrolled',
        to: 'withdrawn',
        actorName: 'Elena Rinaldi',
        reason: 'Assunto dall’Acetaia Malpighi',
        at: '2026-04-20T14:15:00.000Z',
      },
    ]);
    // The freed seat went to the first waiting without anyone acting: the log says the system did it.
    expect(logOf('Esposito Giulia')).toEqual([
      { from: null, to: 'waiting', actorName: 'Elena Rinaldi', reason: '', at: '2026-04-14T09:00:00.000Z' },
      {
        from: 'waiting',
        to: 'enrolled',
        actorName: null,
        reason: 'Posto liberato: assegnato al primo della lista d’attesa',
        at: '2026-04-20T14:15:00.000Z',
      },
    ]);

    const mine = (await consultant.get(`/api/v1/workers/${workers[1]}/courses`)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].moves.map((m: { to: string }) => m.to)).toEqual(['waiting', 'enrolled']);
    const none = (await consultant.get(`/api/v1/workers/${workers[2]}/courses`)).json().items;
    expect(none).toEqual([]);
  });
});
