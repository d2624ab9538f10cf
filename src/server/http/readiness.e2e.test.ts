import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, signIn, type TestApp } from '../../../tests/helpers/test-app.js';
import { createReadiness } from './readiness.js';

let t: TestApp;
const readiness = createReadiness();
beforeAll(async () => {
  t = await createTestApp({ readiness });
});
afterAll(() => t.close());

describe('while the server prepares its database', () => {
  it('answers every API call with 503 SERVICE_STARTING and a Retry-After, in Italian, before any sign-in check', async () => {
    readiness.setPhase('demo data');
    for (const [method, url] of [
      ['GET', '/api/v1/auth/session'],
      ['POST', '/api/v1/auth/sign-in'],
      ['GET', '/api/v1/workers'],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'POST' ? { email: DEMO.consultant, password: 'x' } : undefined });
      const body = expectProblem(res, 503, 'SERVICE_STARTING');
      expect(body.detail).toMatch(/si sta avviando/);
      expect(res.headers['retry-after']).toBe('3');
    }
  });

  it('reports the phase on /api/health, and keeps the API documentation available', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'starting', phase: 'demo data' });
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
  });

  it('serves normally once ready', async () => {
    readiness.markReady();
    await expect(readiness.whenReady).resolves.toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok', database: 'ok' });
    const agent = await signIn(t.app, DEMO.consultant);
    expect((await agent.get('/api/v1/auth/session')).statusCode).toBe(200);
  });
});
