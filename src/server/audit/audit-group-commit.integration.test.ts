import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepository, createAuditService } from './index.js';
import { DEMO, createTestApp, expectProblem, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

let t: TestApp;
let consultant: Agent;
let workers: Array<{ id: string; last_name: string; first_name: string }>;

beforeAll(async () => {
  t = await createTestApp();
  consultant = await signIn(t.app, DEMO.consultant);
  const officeId = (await consultant.get('/api/v1/auth/session')).json().currentOfficeId as string;
  workers = await t.database.db
    .selectFrom('workers')
    .select(['id', 'last_name', 'first_name'])
    .where('office_id', '=', officeId)
    .orderBy('last_name')
    .limit(40)
    .execute();
});
afterAll(() => t.close());

const readsOf = (ids: string[]) =>
  t.database.db
    .selectFrom('audit_log')
    // The transaction time to the microsecond (a JavaScript Date keeps milliseconds only).
    .select(['entity_id', 'entity_label', 'request_id', 'actor_label', sql<string>`at::text`.as('at')])
    .where('action', '=', 'worker.read')
    .where('entity_id', 'in', ids)
    .execute();

describe('audited reads share their commits (group commit)', () => {
  it('40 concurrent worker reads: 40 answers, 40 audit rows, each with its own request id, written in fewer commits', async () => {
    expect(workers).toHaveLength(40);
    const before = await readsOf(workers.map((w) => w.id));
    const answers = await Promise.all(workers.map((w) => consultant.get(`/api/v1/workers/${w.id}`)));
    expect(answers.map((a) => a.statusCode)).toEqual(workers.map(() => 200));
    expect(answers.map((a) => a.json().lastName)).toEqual(workers.map((w) => w.last_name));

    const rows = (await readsOf(workers.map((w) => w.id))).filter((r) => !before.some((b) => b.request_id === r.request_id));
    expect(rows).toHaveLength(40);
    const byRequest = new Map(rows.map((r) => [r.request_id, r]));
    expect(byRequest.size).toBe(40);
    for (const [i, answer] of answers.entries()) {
      const row = byRequest.get(String(answer.headers['x-request-id']));
      expect(row?.entity_id).toBe(workers[i]!.id);
      expect(row?.entity_label).toBe(`${workers[i]!.last_name} ${workers[i]!.first_name}`);
      expect(row?.actor_label).toContain('orientatrice@ricolloca.example');
    }
    // Rows committed together carry the same transaction time: fewer distinct times than reads.
    expect(new Set(rows.map((r) => r.at)).size).toBeLessThan(40);
  });

  it('when the audit write fails, every waiting read answers 500 without the worker’s data, and reads work again after', async () => {
    await sql`create function audit_refused() returns trigger language plpgsql as $$
      begin raise exception 'audit log unavailable'; end; $$`.execute(t.database.db);
    await sql`create trigger audit_refused before insert on audit_log for each statement execute function audit_refused()`.execute(
      t.database.db,
    );
    try {
      const some = workers.slice(0, 10);
      const answers = await Promise.all(some.map((w) => consultant.get(`/api/v1/workers/${w.id}`)));
      for (const [i, answer] of answers.entries()) {
        expectProblem(answer, 500, 'INTERNAL_ERROR');
        expect(answer.body).not.toContain(some[i]!.last_name);
      }
    } finally {
      await sql`drop trigger audit_refused on audit_log`.execute(t.database.db);
      await sql`drop function audit_refused()`.execute(t.database.db);
    }
    const again = await consultant.get(`/api/v1/workers/${workers[0]!.id}`);
    expect(again.statusCode).toBe(200);
    const rows = await readsOf([workers[0]!.id]);
    expect(rows.some((r) => r.request_id === again.headers['x-request-id'])).toBe(true);
  });

  it('a row recorded in a transaction stays in that transaction: rolled back with it', async () => {
    const worker = workers[1]!;
    const audit = createAuditService({ db: t.database.db, repository: createAuditRepository() });
    const ctx = { actor: null, requestId: 'rolled-back-request', ip: '127.0.0.1' };
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await audit.record(trx, ctx, { action: 'worker.read', entityType: 'worker', entityId: worker.id });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await readsOf([worker.id])).some((r) => r.request_id === 'rolled-back-request')).toBe(false);
    await audit.record(
      t.database.db,
      { ...ctx, requestId: 'root-request' },
      { action: 'worker.read', entityType: 'worker', entityId: worker.id },
    );
    expect((await readsOf([worker.id])).some((r) => r.request_id === 'root-request')).toBe(true);
  });
});
