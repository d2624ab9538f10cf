import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { Database } from '../db/database.js';
import type { FastifyInstance } from 'fastify';
import { DEMO, officeIdByCode, signIn, type Agent } from '../../../tests/helpers/test-app.js';
import { createTestDatabase, onPostgres } from '../../../tests/helpers/test-database.js';
import { compareWaitingPriority } from './enrollment.states.js';
import { buildCigsCase, buildProgramme, buildWorkers, networkOf } from '../../../tests/factories/programmes.js';

// Capacity holds under concurrency: 500 concurrent registrations against 10 free places on PostgreSQL. PGlite is
// one connection and serialises transactions by design, so there the same test runs with N = 60
// to stay fast; the guarantee it shows on PGlite is only the serialisation itself.
const N = onPostgres() ? 500 : 60;
const PLACES = 10;

let database: Database;
let app: FastifyInstance;
let frontoffice: Agent;
let programmeId: string;
let workerIds: string[];

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  // The real clock: registration times differ, as they would at the hotline.
  app = await buildApp({ database, logLevel: 'silent' });
  await app.ready();
  frontoffice = await signIn(app, DEMO.frontoffice);
  const modena = await officeIdByCode(database, 'CPI-MO');
  const network = await networkOf(database.db, modena);
  const { caseId } = await buildCigsCase(database.db, network);
  programmeId = await buildProgramme(database.db, { networkId: network, officeIds: [modena], capacity: PLACES });
  // CIGS end dates over about 40 days, many shared, so both priority keys matter.
  workerIds = await buildWorkers(database.db, {
    networkId: network,
    officeId: modena,
    caseId,
    count: N,
    cigsEnd: (i) => new Date(Date.UTC(2099, 0, 1 + ((i * 7919) % 40))).toISOString().slice(0, 10),
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`${N} concurrent registrations against ${PLACES} free places`, () => {
  it('gives exactly the free places, queues the rest in priority order, and never answers 5xx', async () => {
    const responses = await Promise.all(
      workerIds.map((workerId) => frontoffice.post(`/api/v1/programmes/${programmeId}/enrollments`, { workerId, channel: 'hotline' })),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([201]));
    const states = responses.map((r) => r.json().state);
    expect(states.filter((s) => s === 'registered')).toHaveLength(PLACES);
    expect(states.filter((s) => s === 'waiting')).toHaveLength(N - PLACES);

    const rows = await database.db
      .selectFrom('enrollments')
      .select(['id', 'state', 'priority_cigs_end', 'requested_at'])
      .where('programme_id', '=', programmeId)
      .execute();
    expect(rows.filter((r) => r.state === 'registered')).toHaveLength(PLACES);
    const waiting = rows
      .filter((r) => r.state === 'waiting')
      .map((r) => ({ id: r.id, priorityCigsEnd: r.priority_cigs_end, requestedAt: r.requested_at }));
    expect(waiting).toHaveLength(N - PLACES);

    // The list the coordinators see is in priority order: CIGS end, then registration time.
    const coordinator = await signIn(app, DEMO.coordinator);
    const listed: Array<{ id: string; waitingPosition: number }> = [];
    for (let offset = 0; offset < waiting.length; offset += 200) {
      listed.push(
        ...(await coordinator.get(`/api/v1/programmes/${programmeId}/enrollments?state=waiting&limit=200&offset=${offset}`)).json().items,
      );
    }
    const expected = [...waiting].sort(compareWaitingPriority).map((w) => w.id);
    expect(listed.map((e) => e.id)).toEqual(expected);
    expect(listed.map((e) => e.waitingPosition)).toEqual(expected.map((_, i) => i + 1));
  }, 120_000);
});
