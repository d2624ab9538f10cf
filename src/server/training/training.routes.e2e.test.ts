import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeFixtureZips } from '../../../tests/fixtures/taxonomy/esco-fixture.js';
import { buildCourse, buildProvider, loadEscoMini, SKILLS } from '../../../tests/factories/training.js';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { getProfile } from '../profiles/index.js';
import { upsertNetworkLabels } from '../taxonomy/index.js';
import { accountWith, matrixPasswordHash } from '../../../tests/security/idor-world.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

let t: TestApp;
let coordinator: Agent;
let consultant: Agent;
let frontoffice: Agent;
let carpiConsultant: Agent;
let modena: string;
let network: string;
let providerId: string;
/** Workers of Modena: Barbieri Emanuele, Esposito Giulia, D'Angelo Nicolò, Conti Francesca. */
let workers: string[];
let carpiWorker: string;

beforeAll(async () => {
  t = await createTestApp();
  await loadEscoMini(t.database);
  coordinator = await signIn(t.app, DEMO.coordinator);
  consultant = await signIn(t.app, DEMO.consultant);
  frontoffice = await signIn(t.app, DEMO.frontoffice);
  modena = await officeIdByCode(t.database, 'CPI-MO');
  const carpi = await officeIdByCode(t.database, 'CPI-CA');
  network = await networkOf(t.database.db, modena);
  carpiConsultant = (
    await accountWith(t.app, t.database.db, {
      email: 'f.dangelo.formazione@ricolloca.example',
      fullName: 'Francesca D’Angelo',
      officeId: carpi,
      role: 'consultant',
      passwordHash: await matrixPasswordHash(),
    })
  ).agent;
  workers = await insertWorkers(t.database.db, [
    buildWorker({ officeId: modena, lastName: 'Barbieri', firstName: 'Emanuele', sex: 'M' }, 101),
    buildWorker({ officeId: modena, lastName: 'Esposito', firstName: 'Giulia', sex: 'F' }, 102),
    buildWorker({ officeId: modena, lastName: 'D’Angelo', firstName: 'Nicolò', sex: 'M' }, 103),
    buildWorker({ officeId: modena, lastName: 'Conti', firstName: 'Francesca', sex: 'F' }, 104),
  ]);
  carpiWorker = (
    await insertWorkers(t.database.db, [buildWorker({ officeId: carpi, lastName: 'Ferrari', firstName: 'Luca', sex: 'M' }, 105)])
  )[0]!;
  providerId = await buildProvider(t.database.db, network, 'Formodena – Formazione Professionale per i Territori Modenesi');
});
afterAll(async () => {
  await t.close();
  removeFixtureZips();
});

const validCourse = () => ({
  providerId,
  title: 'Carrellista: conduzione di carrelli elevatori semoventi',
  description: 'Formazione teorica e pratica ai sensi dell’Accordo Stato-Regioni del 22/02/2012.',
  hours: 12,
  startDate: '2099-05-04',
  endDate: '2099-05-08',
  schedule: 'Lunedì–venerdì 8:30–11:00',
  delivery: 'in_person',
  comuneCode: '036023',
  seats: 10,
  costEur: 0,
  funding: 'gol',
  enrolmentDeadline: '2099-04-27',
  certificate: 'Patentino carrellisti',
  status: 'open',
  skills: [{ uri: SKILLS.teamwork.uri }],
});

describe('providers and courses', () => {
  it('answers 401 to anonymous callers', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/training/courses' }), 401, 'UNAUTHENTICATED');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/training/providers', payload: {} }), 401, 'UNAUTHENTICATED');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/workers/${workers[0]}/courses` }), 401, 'UNAUTHENTICATED');
  });

  it('answers 403 when a consultant tries to change the catalogue', async () => {
    expectProblem(await consultant.post('/api/v1/training/providers', { name: 'Ente', taxCode: '01234567890' }), 403, 'FORBIDDEN');
    expectProblem(await consultant.post('/api/v1/training/courses', validCourse()), 403, 'FORBIDDEN');
  });

  it('answers 400 with the fields at fault: end before start, a bad tax code, an unknown field', async () => {
    const bad = await coordinator.post('/api/v1/training/courses', {
      ...validCourse(),
      startDate: '2099-05-08',
      endDate: '2099-05-04',
      hours: 0,
    });
    const paths = expectProblem(bad, 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body/endDate', 'body/hours']));
    const provider = await coordinator.post('/api/v1/training/providers', { name: 'Ente', taxCode: '123', accreditamento: 'x' });
    const providerPaths = expectProblem(provider, 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path);
    expect(providerPaths).toContain('body/taxCode');
    expectProblem(await coordinator.get('/api/v1/training/courses?openSeats=forse'), 400, 'VALIDATION_FAILED');
  });

  it('lets a coordinator register a provider, once per partita IVA', async () => {
    const res = await coordinator.post('/api/v1/training/providers', {
      name: 'IAL Emilia-Romagna – sede di Modena',
      taxCode: 'IT 02105150377',
      accreditationNote: 'Ente accreditato dalla Regione Emilia-Romagna per la formazione professionale',
      email: 'modena@ial.example',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ taxCode: '02105150377', courseCount: 0 });
    expectProblem(
      await coordinator.post('/api/v1/training/providers', { name: 'Doppione', taxCode: '02105150377' }),
      409,
      'PROVIDER_TAX_CODE_ALREADY_USED',
    );
    const list = (await frontoffice.get('/api/v1/training/providers')).json().items.map((p: { name: string }) => p.name);
    expect(list).toContain('IAL Emilia-Romagna – sede di Modena');
  });

  it('adds a course with its ESCO skills named by ESCO, and refuses a skill ESCO does not know', async () => {
    const res = await coordinator.post('/api/v1/training/courses', validCourse());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      place: 'Modena (MO)',
      seatsLeft: 10,
      providerName: 'Formodena – Formazione Professionale per i Territori Modenesi',
      skills: [{ uri: SKILLS.teamwork.uri, label: 'teamwork principles' }],
    });
    // Named by the one label rule: once the network has an Italian label for the skill, the course
    // shows it to an Italian reader, marked as Italian, and ESCO's English one to an English reader.
    await upsertNetworkLabels(
      t.database.db,
      network,
      null,
      [{ conceptUri: SKILLS.teamwork.uri, label: 'principi del lavoro di squadra', alternatives: [] }],
      new Date(),
    );
    const read = (await consultant.get(`/api/v1/training/courses/${res.json().id}`)).json();
    expect(read.skills).toEqual([{ uri: SKILLS.teamwork.uri, label: 'principi del lavoro di squadra', labelLanguage: 'it' }]);
    const listed = (await consultant.get('/api/v1/training/courses?q=Carrellista')).json().items;
    expect(listed.map((c: { skills: unknown }) => c.skills)).toContainEqual(read.skills);
    const unknown = 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000';
    const refused = await coordinator.post('/api/v1/training/courses', { ...validCourse(), skills: [{ uri: unknown }] });
    expect(expectProblem(refused, 422, 'COURSE_SKILL_UNKNOWN').detail).toContain(unknown);
  });

  it('finds courses by text, skill, comune, start date and open seats', async () => {
    const full = await buildCourse(t.database.db, {
      networkId: network,
      providerId,
      seats: 1,
      title: 'Saldatura a elettrodo rivestito su carpenteria pesante',
      skillUris: [SKILLS.weldingInspection.uri],
    });
    await t.database.db
      .insertInto('training_enrolments')
      .values({ network_id: network, office_id: modena, course_id: full, worker_id: workers[3]!, state: 'enrolled' })
      .execute();
    const search = async (q: string) => {
      const res = await frontoffice.get(`/api/v1/training/courses?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((c: { title: string }) => c.title) as string[];
    };
    expect(await search('q=ELETTRODO')).toContain('Saldatura a elettrodo rivestito su carpenteria pesante');
    expect(await search(`skillUri=${encodeURIComponent(SKILLS.weldingInspection.uri)}`)).toEqual([
      'Saldatura a elettrodo rivestito su carpenteria pesante',
    ]);
    expect(await search('q=elettrodo&openSeats=true')).toEqual([]);
    expect(await search('comuneCode=036023&q=carrelli')).toContain('Carrellista: conduzione di carrelli elevatori semoventi');
    expect(await search('online=true&q=carrelli')).toEqual([]);
    expect(await search('from=2099-05-01&q=elettrodo')).toEqual([]);
  });
});

describe('enrolling workers', () => {
  let courseId: string;
  beforeAll(async () => {
    courseId = await buildCourse(t.database.db, {
      networkId: network,
      providerId,
      seats: 2,
      hours: 40,
      title: 'HACCP per addetti alla produzione alimentare',
      certificate: 'Attestato di formazione HACCP',
      startDate: '2024-09-02',
      endDate: '2099-09-30',
      skillUris: [SKILLS.foodSafety.uri],
    });
  });

  it('answers 401, 403 and 400 first', async () => {
    expectProblem(
      await t.app.inject({ method: 'POST', url: `/api/v1/training/courses/${courseId}/enrolments`, payload: { workerId: workers[0] } }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await frontoffice.post(`/api/v1/training/courses/${courseId}/enrolments`, { workerId: workers[0] }), 403, 'FORBIDDEN');
    const bad = await consultant.post(`/api/v1/training/courses/${courseId}/enrolments`, { workerId: 'Barbieri' });
    expect(expectProblem(bad, 400, 'VALIDATION_FAILED').errors[0].path).toBe('body/workerId');
  });

  it('gives the seats in order, then the waiting list; the same worker twice is 409', async () => {
    // The waiting list is first asked, first served: a minute between two requests.
    const enrol = (workerId: string) => {
      t.clock.advance(60_000);
      return consultant.post(`/api/v1/training/courses/${courseId}/enrolments`, { workerId });
    };
    const first = await enrol(workers[0]!);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().enrolment).toMatchObject({ state: 'enrolled', workerName: 'Barbieri Emanuele', waitingPosition: null });
    expect((await enrol(workers[1]!)).json().enrolment.state).toBe('enrolled');
    const third = (await enrol(workers[2]!)).json().enrolment;
    expect(third).toMatchObject({ state: 'waiting', waitingPosition: 1, workerName: 'D’Angelo Nicolò' });
    const twice = expectProblem(await enrol(workers[0]!), 409, 'ALREADY_ENROLLED');
    expect(twice.detail).toBe('Il lavoratore è già iscritto al corso (stato: iscritto).');
  });

  it('shows the course with the enrolled and the waiting list, and audits the read', async () => {
    const res = await consultant.get(`/api/v1/training/courses/${courseId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ seats: 2, seatsTaken: 2, seatsLeft: 0, waiting: 1, otherOfficesEnrolled: 0 });
    expect(body.enrolments.map((e: { workerName: string; state: string }) => `${e.workerName}: ${e.state}`)).toEqual([
      'Barbieri Emanuele: enrolled',
      'Esposito Giulia: enrolled',
      'D’Angelo Nicolò: waiting',
    ]);
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_label'])
      .where('entity_id', '=', courseId)
      .where('action', '=', 'training.course_enrolments_read')
      .execute();
    expect(reads).toEqual([{ action: 'training.course_enrolments_read', entity_label: 'HACCP per addetti alla produzione alimentare' }]);
  });

  it('keeps another office’s workers out of a consultant’s reach', async () => {
    expectProblem(
      await carpiConsultant.post(`/api/v1/training/courses/${courseId}/enrolments`, { workerId: workers[3] }),
      404,
      'WORKER_NOT_FOUND',
    );
    expectProblem(await carpiConsultant.get(`/api/v1/workers/${workers[0]}/courses`), 404, 'WORKER_NOT_FOUND');
    const detail = (await carpiConsultant.get(`/api/v1/training/courses/${courseId}`)).json();
    expect(detail.enrolments).toEqual([]);
    expect(detail.otherOfficesEnrolled).toBe(3);
    const enrolmentId = (await consultant.get(`/api/v1/training/courses/${courseId}`)).json().enrolments[0].id;
    expectProblem(
      await carpiConsultant.post(`/api/v1/training/enrolments/${enrolmentId}/withdraw`, { reason: 'Prova' }),
      404,
      'TRAINING_ENROLMENT_NOT_FOUND',
    );
    t.clock.advance(60_000);
    const own = await carpiConsultant.post(`/api/v1/training/courses/${courseId}/enrolments`, { workerId: carpiWorker });
    expect(own.json().enrolment).toMatchObject({ state: 'waiting', waitingPosition: 2 });
  });

  it('gives a withdrawn worker’s seat to the first of the waiting list', async () => {
    const list = (await consultant.get(`/api/v1/training/courses/${courseId}`)).json().enrolments;
    const esposito = list.find((e: { workerName: string }) => e.workerName === 'Esposito Giulia');
    expectProblem(await consultant.post(`/api/v1/training/enrolments/${esposito.id}/withdraw`, {}), 400, 'VALIDATION_FAILED');
    const res = await consultant.post(`/api/v1/training/enrolments/${esposito.id}/withdraw`, { reason: 'Assunta a tempo determinato' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().enrolment.state).toBe('withdrawn');
    expect(res.json().promoted.map((p: { workerName: string; state: string }) => `${p.workerName}: ${p.state}`)).toEqual([
      'D’Angelo Nicolò: enrolled',
    ]);
    const after = (await coordinator.get(`/api/v1/training/courses/${courseId}`)).json();
    expect(after.enrolments.find((e: { workerName: string }) => e.workerName === 'Ferrari Luca')).toMatchObject({ waitingPosition: 1 });
    const moves = await t.database.db
      .selectFrom('training_enrolment_moves')
      .select(['from_state', 'to_state', 'actor_id', 'reason'])
      .where('course_id', '=', courseId)
      .where('to_state', '=', 'enrolled')
      .where('from_state', '=', 'waiting')
      .execute();
    expect(moves).toEqual([
      { from_state: 'waiting', to_state: 'enrolled', actor_id: null, reason: expect.stringContaining('Posto liberato') },
    ]);
    expectProblem(
      await consultant.post(`/api/v1/training/enrolments/${esposito.id}/withdraw`, { reason: 'Di nuovo' }),
      409,
      'TRAINING_MOVE_NOT_ALLOWED',
    );
  });

  it('records hours attended, never above the course hours', async () => {
    const barbieri = (await consultant.get(`/api/v1/training/courses/${courseId}`)).json().enrolments[0];
    const over = await consultant.put(`/api/v1/training/enrolments/${barbieri.id}/attendance`, { hoursAttended: 41 });
    expect(expectProblem(over, 422, 'HOURS_ABOVE_COURSE').detail).toBe('Le ore frequentate non possono superare le 40 ore del corso.');
    expectProblem(
      await consultant.put(`/api/v1/training/enrolments/${barbieri.id}/attendance`, { hoursAttended: 12.3 }),
      400,
      'VALIDATION_FAILED',
    );
    const ok = await consultant.put(`/api/v1/training/enrolments/${barbieri.id}/attendance`, { hoursAttended: 24.5 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ hoursAttended: 24.5, state: 'enrolled' });
  });

  it('completes the course: the certificate, the delivered service in minutes, the audit', async () => {
    const barbieri = (await consultant.get(`/api/v1/training/courses/${courseId}`)).json().enrolments[0];
    const future = await consultant.post(`/api/v1/training/enrolments/${barbieri.id}/complete`, {
      completedOn: '2099-09-30',
      hoursAttended: 38,
      certificateObtained: true,
    });
    expectProblem(future, 422, 'COMPLETION_IN_FUTURE');
    const today = new Date().toISOString().slice(0, 10);
    const res = await consultant.post(`/api/v1/training/enrolments/${barbieri.id}/complete`, {
      completedOn: today,
      hoursAttended: 38,
      certificateObtained: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'completed', hoursAttended: 38, certificateObtained: true, completedOn: today });
    const service = await t.database.db
      .selectFrom('service_records')
      .select(['service_code', 'minutes', 'source_type', 'office_id'])
      .where('source_id', '=', barbieri.id)
      .execute();
    expect(service).toEqual([{ service_code: 'training', minutes: 38 * 60, source_type: 'course', office_id: modena }]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity_id', '=', barbieri.id)
      .where('action', '=', 'training.enrolment_completed')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ hoursAttended: 38, certificateObtained: true, skills: [SKILLS.foodSafety.uri] });
    // The course's skills are now in the worker's profile, from the course.
    const profile = await getProfile(t.database.db, workers[0]!);
    expect(profile.document.skills).toContainEqual(
      expect.objectContaining({ escoUri: SKILLS.foodSafety.uri, source: 'course', courseId: barbieri.courseId }),
    );
    // A completed worker keeps the seat: nobody is promoted, and the course stays full.
    expect((await consultant.get(`/api/v1/training/courses/${courseId}`)).json().seatsLeft).toBe(0);
  });

  it('lists a worker’s courses, audited as a read of the worker', async () => {
    const res = await consultant.get(`/api/v1/workers/${workers[0]}/courses`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        courseTitle: 'HACCP per addetti alla produzione alimentare',
        providerName: 'Formodena – Formazione Professionale per i Territori Modenesi',
        state: 'completed',
        certificate: 'Attestato di formazione HACCP',
      }),
    ]);
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['entity_label', 'office_id'])
      .where('entity_id', '=', workers[0]!)
      .where('action', '=', 'training.worker_courses_read')
      .execute();
    expect(reads).toEqual([{ entity_label: 'Barbieri Emanuele', office_id: modena }]);
  });

  it('refuses enrolments on a closed course and after the deadline, in Italian', async () => {
    const closed = await buildCourse(t.database.db, {
      networkId: network,
      providerId,
      status: 'closed',
      title: 'Inglese A2 per la logistica',
    });
    const refused = expectProblem(
      await consultant.post(`/api/v1/training/courses/${closed}/enrolments`, { workerId: workers[3] }),
      422,
      'COURSE_NOT_OPEN',
    );
    expect(refused.detail).toBe('Le iscrizioni al corso sono chiuse: il corso non è aperto.');
    const late = await buildCourse(t.database.db, {
      networkId: network,
      providerId,
      title: 'Disegno tecnico con AutoCAD',
      startDate: '2024-02-05',
      enrolmentDeadline: '2024-01-26',
    });
    const lateRes = expectProblem(
      await consultant.post(`/api/v1/training/courses/${late}/enrolments`, { workerId: workers[3] }),
      422,
      'ENROLMENT_DEADLINE_PASSED',
    );
    expect(lateRes.detail).toBe('Le iscrizioni al corso si sono chiuse il 26/01/2024.');
  });
});
