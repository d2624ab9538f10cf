import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/database.js';
import type { Readiness } from '../../src/server/http/readiness.js';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-organisation.js';
import { createTestDatabase } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: FakeClock;
  close(): Promise<void>;
}

export interface FakeClock {
  (): Date;
  advance(ms: number): void;
  set(at: Date): void;
}

/** A clock tests move by hand; it starts at the real time so database defaults agree with it. */
export function createFakeClock(start = new Date()): FakeClock {
  let now = start.getTime();
  const clock = (() => new Date(now)) as FakeClock;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (at) => {
    now = at.getTime();
  };
  return clock;
}

/** The app on a fresh database of its own, with the demo organisation and staff loaded. */
export async function createTestApp(
  options: { seed?: boolean; webDir?: string; readiness?: Readiness; demo?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase({ demo: options.seed !== false });
  const clock = createFakeClock();
  const app = await buildApp({
    database,
    clock,
    logLevel: 'silent',
    webDir: options.webDir,
    readiness: options.readiness,
    demo: options.demo,
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface Agent {
  csrfToken: string;
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
}

/** Signs in through the API and returns a client that sends the session cookie and CSRF token. */
export async function signIn(app: FastifyInstance, email: string, password = DEMO_PASSWORD, ip = '127.0.0.1'): Promise<Agent> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, remoteAddress: ip });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'ricolloca_session');
  if (!cookie) throw new Error('no session cookie');
  return agentFor(app, `ricolloca_session=${cookie.value}`, response.json().csrfToken);
}

export function agentFor(app: FastifyInstance, cookie: string, csrfToken: string): Agent {
  const agent: Agent = {
    csrfToken,
    cookie,
    request: (options) => app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } }),
    get: (url) => agent.request({ method: 'GET', url }),
    post: (url, body) => agent.request({ method: 'POST', url, ...(body !== undefined && { payload: body as object }) }),
    patch: (url, body) => agent.request({ method: 'PATCH', url, payload: body as object }),
    put: (url, body) => agent.request({ method: 'PUT', url, payload: body as object }),
  };
  return agent;
}

export const DEMO = {
  admin: 'admin@ricolloca.example',
  coordinator: 'coordinatore@ricolloca.example',
  consultant: 'orientatrice@ricolloca.example',
  frontoffice: 'sportello@ricolloca.example',
  matcher: 'incontro@ricolloca.example',
};

export async function officeIdByCode(database: Database, code: string): Promise<string> {
  const row = await database.db.selectFrom('offices').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

export function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  const body = response.json();
  if (
    response.statusCode !== status ||
    body.code !== code ||
    !response.headers['content-type']?.toString().startsWith('application/problem+json')
  ) {
    throw new Error(
      `expected ${status} ${code} problem+json, got ${response.statusCode} ${response.headers['content-type']} ${response.body}`,
    );
  }
  if (typeof body.detail !== 'string' || body.detail.length === 0) throw new Error('problem without a detail message');
  return body;
}
