import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ENDPOINTS } from '../../shared/api/index.js';
import { DEMO, createTestApp, expectProblem, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

let t: TestApp;
let frontoffice: Agent;
let coordinator: Agent;

beforeAll(async () => {
  t = await createTestApp();
  frontoffice = await signIn(t.app, DEMO.frontoffice);
  coordinator = await signIn(t.app, DEMO.coordinator);
});
afterAll(() => t.close());

// Zod's own wording (English or its Italian locale), type names and paths must never reach a person.
const JARGON = /\bstring\b|undefined|>=|<=|Troppo|too small|too big|expected|received|Invalid input|uuid|regex|body\//i;

describe('the server registers exactly the contract', () => {
  it('has one route for every endpoint, and no /api/v1 route outside the contract', () => {
    const registered = t.app.routeRegistry.routes
      .filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    const contract = ALL_ENDPOINTS.map((e) => `${e.method} ${e.path}`);
    expect([...registered].sort()).toEqual([...contract].sort());
  });
});

describe('field errors are human and in the caller’s language', () => {
  it('answers a worker without names or phone in English, field by field', async () => {
    const response = await frontoffice.request({
      method: 'POST',
      url: '/api/v1/workers',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      payload: { firstName: ' ', phone: '', email: 'giuseppe.esposito@', birthDate: '31/12/1980' },
    });
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(body.detail).not.toMatch(/[àèìòù]|Richiesta/);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body/firstName', message: 'Enter the first name' },
        { path: 'body/lastName', message: 'Enter the last name' },
        { path: 'body/phone', message: 'Enter the phone number' },
        { path: 'body/email', message: 'Enter a valid e-mail address' },
        { path: 'body/birthDate', message: 'Enter a date as dd/mm/yyyy' },
      ]),
    );
    for (const error of body.errors as Array<{ message: string }>) expect(error.message).not.toMatch(JARGON);
  });

  it('answers the same request in Italian by default', async () => {
    const body = expectProblem(
      await frontoffice.post('/api/v1/workers', { firstName: 'Nicolò', lastName: '', phone: '' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toEqual([
      { path: 'body/lastName', message: 'Inserire il cognome' },
      { path: 'body/phone', message: 'Inserire il numero di telefono' },
    ]);
  });

  it('translates a message written in a schema (a programme’s code) and a querystring error', async () => {
    const body = expectProblem(
      await coordinator.request({
        method: 'POST',
        url: '/api/v1/programmes',
        headers: { 'accept-language': 'en' },
        payload: { code: 'x', name: 'Ricollocazione Barbieri', startsOn: '2026-01-01', capacity: 'many' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body/code', message: 'The code has 2 to 30 letters or digits' },
        { path: 'body/capacity', message: 'Enter a number' },
      ]),
    );
    for (const error of body.errors as Array<{ message: string }>) expect(error.message).not.toMatch(JARGON);
    const query = expectProblem(
      await frontoffice.request({ method: 'GET', url: '/api/v1/workers?limit=abc', headers: { 'accept-language': 'en' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect((query.errors as Array<{ path: string; message: string }>)[0]).toEqual({
      path: 'querystring/limit',
      message: expect.not.stringMatching(JARGON),
    });
  });
});

describe('field messages a domain writes in Italian', () => {
  it('are given in English when the shared catalogue knows them (a CIGS end moved before its start)', async () => {
    const company = (await coordinator.post('/api/v1/companies', { name: 'Officine Dall’Olio S.n.c.' })).json();
    const created = await coordinator.post(`/api/v1/companies/${company.id}/cigs-cases`, {
      reason: 'cessazione_attivita',
      startDate: '2026-03-01',
      endDate: '2027-02-28',
    });
    expect(created.statusCode).toBe(201);
    const response = await coordinator.request({
      method: 'PATCH',
      url: `/api/v1/companies/${company.id}/cigs-cases/${created.json().id}`,
      headers: { 'accept-language': 'en' },
      payload: { endDate: '2026-01-31' },
    });
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ path: 'body/endDate', message: 'The CIGS end date cannot be before its start date' }]);
  });
});

describe('OpenAPI documents the problem+json answers', () => {
  it('lists 400/401/403/404/409 (as applicable) with the Problem schema for every operation', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.components.schemas.Problem).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
    });
    const problemOf = (
      operation: { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> },
      status: number,
    ) => operation.responses[String(status)]?.content?.['application/problem+json']?.schema?.$ref;
    for (const endpoint of ALL_ENDPOINTS) {
      const path = endpoint.path.replace(/:(\w+)/g, '{$1}');
      const operation = document.paths[path]?.[endpoint.method.toLowerCase()];
      expect(operation, `${endpoint.method} ${path}`).toBeDefined();
      const isPublic =
        endpoint.path === '/api/v1/auth/sign-in' ||
        endpoint.path.startsWith('/api/v1/setup') ||
        endpoint.path.startsWith('/api/v1/public/');
      const expected = [
        ...(endpoint.params || endpoint.query || endpoint.body || endpoint.bodyKind ? [400] : []),
        ...(isPublic ? [] : [401, 403]),
        ...(endpoint.path.includes(':') ? [404] : []),
        ...(endpoint.problems ?? []),
      ];
      for (const status of expected)
        expect([`${endpoint.method} ${path}`, status, problemOf(operation, status)]).toEqual([
          `${endpoint.method} ${path}`,
          status,
          '#/components/schemas/Problem',
        ]);
      expect(operation.responses[String(endpoint.status)], `${endpoint.method} ${path} success`).toBeDefined();
    }
    // Spot checks a reader would make: a worker's 409 (duplicate codice fiscale) and the public sign-in without 401.
    expect(problemOf(document.paths['/api/v1/workers'].post, 409)).toBe('#/components/schemas/Problem');
    expect(document.paths['/api/v1/auth/sign-in'].post.responses['401']).toBeUndefined();
  });
});
