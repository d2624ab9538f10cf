import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, DEMO.admin);
});
afterAll(() => t.close());

const json = (agent: Agent, method: 'POST' | 'PATCH' | 'PUT', url: string, text: string, language?: string) =>
  agent.request({
    method,
    url,
    headers: { 'content-type': 'application/json', ...(language && { 'accept-language': language }) },
    payload: text,
  });

const fieldPaths = (body: { errors?: Array<{ path: string }> }) => (body.errors ?? []).map((e) => e.path);

describe('a NUL character or a lone UTF-16 surrogate anywhere in the input is INVALID_TEXT, never a 500', () => {
  it('names the body field holding a NUL character, and stores nothing', async () => {
    const res = await json(admin, 'POST', '/api/v1/companies', JSON.stringify({ name: 'Ceramiche D\u0000Angelo S.r.l.' }));
    const body = expectProblem(res, 400, 'INVALID_TEXT');
    expect(fieldPaths(body)).toEqual(['body/name']);
    expect(body.detail).toBe('Il testo inviato contiene caratteri non ammessi (un carattere nullo o un carattere Unicode incompleto).');
    expect(body.errors[0].message).toMatch(/^Il testo contiene un carattere non ammesso/);
    const list = await admin.get('/api/v1/companies?q=Ceramiche%20D');
    expect(list.json().items.map((c: { name: string }) => c.name)).not.toContain('Ceramiche D\u0000Angelo S.r.l.');
  });

  it('finds a lone surrogate sent as a JSON escape in a nested field, and answers in English for an English user', async () => {
    const text =
      '{"name":"Barbieri Emanuele & C. S.n.c.","contacts":[{"name":"De Luca Giovanna","role":"hr"},{"name":"D\'Angelo \\ud83d","role":"union"}]}';
    const res = await json(admin, 'POST', '/api/v1/companies', text, 'en-GB,en;q=0.9');
    const body = expectProblem(res, 400, 'INVALID_TEXT');
    expect(fieldPaths(body)).toEqual(['body/contacts/1/name']);
    expect(body.detail).toBe(
      'The text sent contains characters that are not allowed (a null character or an incomplete Unicode character).',
    );
    expect(body.errors[0].message).toMatch(/^The text contains a character that is not allowed/);
  });

  it('checks object keys too, and never echoes the bad character back', async () => {
    const res = await json(admin, 'POST', '/api/v1/companies', '{"name":"Officine Esposito","not\\u0000es":"x"}');
    const body = expectProblem(res, 400, 'INVALID_TEXT');
    expect(fieldPaths(body)).toEqual(['body/not\uFFFDes']);
    expect(res.body).not.toContain('\\u0000');
  });

  it('checks the query string and the path parameters', async () => {
    const query = expectProblem(await admin.get('/api/v1/workers?q=Barbieri%00'), 400, 'INVALID_TEXT');
    expect(fieldPaths(query)).toEqual(['querystring/q']);
    const path = expectProblem(await admin.get('/api/v1/workers/%00'), 400, 'INVALID_TEXT');
    expect(fieldPaths(path)).toEqual(['params/id']);
    // A lone surrogate cannot be percent-encoded as UTF-8: its bytes are refused as an invalid address.
    expectProblem(await admin.get('/api/v1/workers/%ED%A0%80'), 400, 'INVALID_URL_ENCODING');
  });

  it('lets real names through: accents, apostrophes and characters outside the BMP (a surrogate pair)', async () => {
    const res = await admin.get(`/api/v1/workers?q=${encodeURIComponent('D’Angelo Nicolò 😀')}`);
    expect(res.statusCode).toBe(200);
    const created = await json(admin, 'POST', '/api/v1/companies', JSON.stringify({ name: 'Pasticceria Nicolò 🍰 di D’Angelo' }));
    expect(created.statusCode).toBe(201);
    expect(created.json().name).toBe('Pasticceria Nicolò 🍰 di D’Angelo');
  });
});

describe('the framework’s own refusals are problem+json with a stable code and an Italian detail', () => {
  it('answers broken percent-encoding in the path with INVALID_URL_ENCODING', async () => {
    const body = expectProblem(await admin.get('/api/v1/workers/%E0%A4%A'), 400, 'INVALID_URL_ENCODING');
    expect(body.detail).toMatch(/codifica percentuale non valida/);
  });

  it('answers a path parameter over 200 characters with PATH_PARAMETER_TOO_LONG', async () => {
    const body = expectProblem(await admin.get(`/api/v1/workers/${'a'.repeat(201)}`), 400, 'PATH_PARAMETER_TOO_LONG');
    expect(body.detail).toMatch(/200 caratteri/);
    // 200 characters still reach the route, whose schema refuses a non-UUID.
    expectProblem(await admin.get(`/api/v1/workers/${'a'.repeat(200)}`), 400, 'VALIDATION_FAILED');
  });

  it('answers a URL over 8 KB with URL_TOO_LONG before signing in is even checked', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/workers?q=${'Barbieri'.repeat(1100)}` });
    const body = expectProblem(res, 414, 'URL_TOO_LONG');
    expect(body.detail).toMatch(/troppo lungo/);
  });

  it('answers a URL over 16 KB, which Node refuses before Fastify, with a HEADERS_TOO_LARGE problem', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${address}/api/v1/workers?q=${'x'.repeat(17 * 1024)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await res.json();
    expect(body).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
    expect(body.detail).toMatch(/troppo lunghi/);
    // The server still answers the next caller.
    expect((await fetch(`${address}/api/health`)).status).toBe(200);
  });

  it('answers an empty body declared as JSON with EMPTY_BODY', async () => {
    expectProblem(await json(admin, 'POST', '/api/v1/companies', ''), 400, 'EMPTY_BODY');
  });

  it('answers malformed JSON, a wrong content type and a body over 1 MB each with its own code', async () => {
    expectProblem(await json(admin, 'POST', '/api/v1/companies', '{"name": "Ceramiche Rossi",'), 400, 'MALFORMED_JSON');
    const form = await admin.request({
      method: 'POST',
      url: '/api/v1/companies',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=Ceramiche+Rossi',
    });
    expectProblem(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const big = JSON.stringify({ name: 'Ceramiche Rossi', notes: 'Barbieri '.repeat(130_000) });
    const tooBig = expectProblem(await json(admin, 'POST', '/api/v1/companies', big), 413, 'PAYLOAD_TOO_LARGE');
    expect(tooBig.detail).toBe('Il corpo della richiesta supera la dimensione massima consentita (1 MB).');
  });

  it('names the upload’s own limit when a list of workers is over 40 MB', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/imports/workers?fileName=elenco-enorme.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(41 * 1024 * 1024, 'Barbieri;Emanuele\n'),
    });
    const body = expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(body.detail).toBe('Il corpo della richiesta supera la dimensione massima consentita (40 MB).');
  });
});
