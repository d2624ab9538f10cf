import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { Database } from '../db/database.js';
import { DEMO, officeIdByCode, signIn, type Agent } from '../../../tests/helpers/test-app.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { buildCigsCase, buildWorkers, networkOf } from '../../../tests/factories/programmes.js';
import { buildCourse, buildProvider } from '../../../tests/factories/training.js';

// Seats hold under concurrency: 100 concurrent enrolments on a 12-seat course, on PGlite (one
// connection: the transactions are serialised) and on PostgreSQL (a pool of 20: the course row lock
// does the work).
const N = 100;
const SEATS = 12;

let database: Database;
let app: FastifyInstance;
let consultant: Agent;
let courseId: string;
let workerIds: string[];

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  // The real clock: enrolment times differ, as they would at the desks of several offices.
  app = await buildApp({ database, logLevel: 'silent' });
  await app.ready();
  consultant = await signIn(app, DEMO.consultant);
  const modena = await officeIdByCode(database, 'CPI-MO');
  const network = await networkOf(database.db, modena);
  const { caseId } = await buildCigsCase(database.db, network, { companyName: 'Ceramica Fiorano Tiles S.p.A.' });
  workerIds = await buildWorkers(database.db, { networkId: network, officeId: modena, caseId, count: N, lastName: 'Barbieri' });
  const providerId = await buildProvider(database.db, network, 'Cerform – Centro di formazione per la ceramica');
  courseId = await buildCourse(database.db, {
    networkId: network,
    providerId,
    seats: SEATS,
    title: 'Operatore di linea per la ceramica digitale',
    certificate: 'Attestato di frequenza',
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`${N} concurrent enrolments on a ${SEATS}-seat course`, () => {
  it('enrols exactly the seats, queues the rest in order of arrival, and never answers 5xx', async () => {
    const responses = await Promise.all(
      workerIds.map((workerId) => consultant.post(`/api/v1/training/courses/${courseId}/enrolments`, { workerId })),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([201]));
    const states = responses.map((r) => r.json().enrolment.state);
    expect(states.filter((s) => s === 'enrolled')).toHaveLength(SEATS);
    expect(states.filter((s) => s === 'waiting')).toHaveLength(N - SEATS);

    const rows = await database.db
      .selectFrom('training_enrolments')
      .select(['id', 'state', 'requested_at'])
      .where('course_id', '=', courseId)
      .execute();
    expect(rows.filter((r) => r.state === 'enrolled')).toHaveLength(SEATS);

    // Every seat was given before the first place in line: no enrolled worker asked after a waiting one.
    const lastEnrolled = Math.max(...rows.filter((r) => r.state === 'enrolled').map((r) => new Date(r.requested_at).getTime()));
    const firstWaiting = Math.min(...rows.filter((r) => r.state === 'waiting').map((r) => new Date(r.requested_at).getTime()));
    expect(lastEnrolled).toBeLessThanOrEqual(firstWaiting);

    const detail = (await consultant.get(`/api/v1/training/courses/${courseId}`)).json();
    expect(detail).toMatchObject({ seatsTaken: SEATS, seatsLeft: 0, waiting: N - SEATS });
    const positions = detail.enrolments
      .filter((e: { state: string }) => e.state === 'waiting')
      .map((e: { waitingPosition: number }) => e.waitingPosition);
    expect(positions).toEqual(Array.from({ length: N - SEATS }, (_, i) => i + 1));
  }, 120_000);

  it('gives the seats freed by concurrent withdrawals to the first waiting, one each', async () => {
    const detail = (await consultant.get(`/api/v1/training/courses/${courseId}`)).json();
    const enrolled = detail.enrolments.filter((e: { state: string }) => e.state === 'enrolled').slice(0, 5);
    const firstFive = detail.enrolments
      .filter((e: { state: string }) => e.state === 'waiting')
      .slice(0, 5)
      .map((e: { id: string }) => e.id);
    const responses = await Promise.all(
      enrolled.map((e: { id: string }) =>
        consultant.post(`/api/v1/training/enrolments/${e.id}/withdraw`, { reason: 'Assunto da un’altra azienda' }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const promoted = responses.flatMap((r) => r.json().promoted.map((p: { id: string }) => p.id));
    expect(promoted.sort()).toEqual([...firstFive].sort());
    const after = (await consultant.get(`/api/v1/training/courses/${courseId}`)).json();
    expect(after).toMatchObject({ seatsTaken: SEATS, waiting: N - SEATS - 5 });
  }, 60_000);
});
