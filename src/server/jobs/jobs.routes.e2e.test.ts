import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { enqueueJobs } from './job-queue.js';
import { createJobsRepository } from './jobs.repository.js';

let t: TestApp;
let admin: Agent;
let modenaNetwork: string;
let otherNetwork: string;
const repo = createJobsRepository();
const meeting = 'c0ffee00-0000-4000-8000-000000000042';

/** A job that failed on its last attempt, as the runner leaves it. */
async function failedJob(key: string, networkId: string | null, error: string) {
  const now = t.clock();
  await enqueueJobs(t.database.db, [
    {
      kind: 'appointments.reminder',
      dedupeKey: key,
      subjectId: meeting,
      subjectVersion: 2,
      networkId,
      runAt: now,
      maxAttempts: 1,
      payload: { workerId: 'b3f1e2d4-0000-4000-8000-000000000007', to: 'giuseppe.esposito@example.it' },
    },
  ]);
  const [job] = await repo.claim(t.database.db, { runner: 'test', kinds: ['appointments.reminder'], now, leaseMs: 60_000, limit: 1 });
  await repo.fail(t.database.db, { id: job!.id, runner: 'test', error, now, retryAt: null });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, DEMO.admin);
  modenaNetwork = (await t.database.db.selectFrom('networks').select('id').executeTakeFirstOrThrow()).id;
  otherNetwork = (
    await t.database.db
      .insertInto('networks')
      .values({ code: 'RE', name: 'Provincia di Reggio Emilia' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await failedJob(`reminder:${meeting}:2`, modenaNetwork, '550 5.1.1 <giuseppe.esposito@example.it>: casella inesistente');
  await failedJob('reminder:other-network:0', otherNetwork, '550 5.1.1 casella inesistente');
});
afterAll(() => t.close());

describe('GET /api/v1/jobs', () => {
  it('answers 401, 403 and 400 as it should', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/jobs?state=failed' }), 401, 'UNAUTHENTICATED');
    expectProblem(await (await signIn(t.app, DEMO.consultant)).get('/api/v1/jobs?state=failed'), 403, 'FORBIDDEN');
    expectProblem(await (await signIn(t.app, DEMO.frontoffice)).get('/api/v1/jobs?state=failed'), 403, 'FORBIDDEN');
    expectProblem(await admin.get('/api/v1/jobs?state=fallito'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.get('/api/v1/jobs?limit=1000'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.get('/api/v1/jobs?kind=DROP%20TABLE'), 400, 'VALIDATION_FAILED');
  });

  it('lists the network’s failed jobs with subject, attempts and last error, never the payload', async () => {
    for (const who of [admin, await signIn(t.app, DEMO.coordinator)]) {
      const response = await who.get('/api/v1/jobs?state=failed');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({
        kind: 'appointments.reminder',
        subjectId: meeting,
        subjectVersion: 2,
        state: 'failed',
        attempts: 1,
        maxAttempts: 1,
        lastError: '550 5.1.1 <giuseppe.esposito@example.it>: casella inesistente',
      });
      expect(body.items[0].finishedAt).toEqual(expect.any(String));
      expect(JSON.stringify(body)).not.toContain('b3f1e2d4');
      expect(body.nextBefore).toBeNull();
    }
    // The default state is "failed"; nothing else is failed or queued here.
    expect((await admin.get('/api/v1/jobs')).json().items).toHaveLength(1);
    expect((await admin.get('/api/v1/jobs?state=queued&kind=appointments.reminder')).json().items).toEqual([]);
  });

  it('records who looked at the list in the audit log', async () => {
    await admin.get('/api/v1/jobs?state=failed');
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'jobs.listed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ state: 'failed', count: 1 });
  });
});
