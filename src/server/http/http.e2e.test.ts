import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, DEMO.admin);
});
afterAll(() => t.close());

describe('bad input gets a 4xx problem+json, never a 5xx or a stack trace', () => {
  it('answers an unknown API route with 404', async () => {
    const res = await admin.get('/api/v1/no-such-thing');
    expectProblem(res, 404, 'NOT_FOUND');
  });

  it('answers a known route with the wrong method with 405 and an Allow header', async () => {
    const res = await admin.request({ method: 'DELETE', url: '/api/v1/offices' });
    expectProblem(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.allow).toContain('GET');
    expect(res.headers.allow).toContain('POST');
  });

  it('refuses malformed JSON', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/staff',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "x@y.it", ',
    });
    const body = expectProblem(res, 400, 'MALFORMED_JSON');
    expect(body.detail).toMatch(/JSON/);
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const big = JSON.stringify({ email: 'a@b.it', fullName: 'x'.repeat(1_100_000), roles: [] });
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/staff',
      headers: { 'content-type': 'application/json' },
      payload: big,
    });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a content type other than JSON with 415', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/staff',
        headers: { 'content-type': contentType },
        payload: 'email=a@b.it',
      });
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('refuses unknown fields and invalid values, naming each field in Italian', async () => {
    const res = await admin.post('/api/v1/staff', { email: 'not-an-email', fullName: '', roles: [], isRoot: true });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body/email', 'body/fullName', 'body/roles']));
    expect(JSON.stringify(body.errors)).toMatch(/isRoot/);
    expect(body.detail).toBe('Alcuni dati inviati non sono validi.');
  });

  it('refuses an invalid path parameter with 400, not a database error', async () => {
    const res = await admin.get('/api/v1/offices/not-a-uuid');
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('answers in English when the client asks for it', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/nothing', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(res.json().detail).toBe('The requested resource does not exist.');
  });
});

describe('conventions', () => {
  it('reports database reachability on /api/health without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('gives every response a request id and strict security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('publishes an OpenAPI 3.1 document built from the schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/sign-in', '/api/v1/staff', '/api/v1/offices/{id}', '/api/v1/audit']),
    );
    const ref: string = doc.paths['/api/v1/auth/sign-in'].post.requestBody.content['application/json'].schema.$ref;
    const signInBody = doc.components.schemas[ref.split('/').pop()!];
    expect(signInBody.required).toEqual(['email', 'password']);
    expect(signInBody.additionalProperties).toBe(false);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('declares an access policy on every API route', () => {
    const apiRoutes = t.app.routeRegistry.routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(apiRoutes.length).toBeGreaterThan(15);
    const missing = apiRoutes.filter((r) => r.access !== 'public' && typeof r.access !== 'function');
    expect(missing).toEqual([]);
    const publicRoutes = apiRoutes.filter((r) => r.access === 'public' && !r.url.startsWith('/api/docs'));
    expect(publicRoutes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /api/health',
      'GET /api/openapi.json',
      // The worker's link to a meeting and a consultant's calendar feed: the token is the credential.
      'GET /api/v1/public/agenda-feeds/:token',
      'GET /api/v1/public/appointments/:token',
      // The employer's link to one candidate's outcome: that application only, until it is answered or expires.
      'GET /api/v1/public/candidate-outcome/:token',
      // The worker's link to a workshop: that worker's place in that session only.
      'GET /api/v1/public/workshops/:token',
      'POST /api/v1/auth/sign-in',
      'POST /api/v1/public/appointments/:token/cancel',
      'POST /api/v1/public/appointments/:token/confirm',
      'POST /api/v1/public/appointments/:token/reschedule',
      'POST /api/v1/public/candidate-outcome/:token',
      'POST /api/v1/public/workshops/:token/accept',
      'POST /api/v1/public/workshops/:token/decline',
      'POST /api/v1/public/workshops/:token/withdraw',
      'POST /api/v1/setup',
      'POST /api/v1/setup/check',
    ]);
  });
});
