import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { buildApp } from '../app.js';
import { openDatabase, type Database } from '../db/database.js';
import { DEMO_PASSWORD } from './published-passwords.js';
import { THROTTLE } from './sign-in-throttle.repository.js';
import { verifyPassword } from './password.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type TestApp } from '../../../tests/helpers/test-app.js';

// Every argon2 verification the sign-in runs goes through this spy: "evaluated" below means a
// password was actually verified, whatever the answer said.
vi.mock('./password.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./password.js')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const verifications = vi.mocked(verifyPassword);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => {
  // Each test starts in a window of its own.
  t.clock.advance(THROTTLE.windowMs + 1000);
  verifications.mockClear();
});

const signInRequest = (app: FastifyInstance, email: string, password: string, ip: string, extra: Record<string, unknown> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password, ...extra }, remoteAddress: ip });

const statusCounts = (responses: Array<{ statusCode: number }>) => {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
};

const failuresAudited = async (emails: string[]) =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select(sql<string>`details->>'email'`.as('email'))
      .where('action', '=', 'auth.sign_in_failed')
      .execute()
  ).filter((row) => emails.includes(row.email)).length;

describe('sign-in throttling under concurrent guesses', () => {
  it('verifies at most 5 of 200 concurrent wrong passwords for one account from one address', async () => {
    const guesses = Array.from({ length: 200 }, (_, i) => `Ghirlandina.${i}.sbagliata`);
    const responses = await Promise.all(guesses.map((g) => signInRequest(t.app, DEMO.frontoffice, g, '10.20.0.1')));
    expect(statusCounts(responses)).toEqual({ 401: THROTTLE.perAccount, 429: 200 - THROTTLE.perAccount });
    expect(verifications).toHaveBeenCalledTimes(THROTTLE.perAccount);
    expect(await failuresAudited([DEMO.frontoffice])).toBe(THROTTLE.perAccount);
    const refused = responses.find((r) => r.statusCode === 429)!;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  });

  it('verifies at most 30 of 200 concurrent guesses spread over 50 accounts from one address', async () => {
    const accounts = [
      ...Object.values(DEMO),
      ...Array.from(
        { length: 45 },
        (_, i) => `utente.${['deluca', 'dangelo', 'barbieri', 'esposito', 'romano'][i % 5]}${i}@ricolloca.example`,
      ),
    ];
    expect(new Set(accounts).size).toBe(50);
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => signInRequest(t.app, accounts[i % 50]!, `Secchia.Panaro.${i}`, '10.20.0.2')),
    );
    expect(statusCounts(responses)).toEqual({ 401: THROTTLE.perIp, 429: 200 - THROTTLE.perIp });
    expect(verifications).toHaveBeenCalledTimes(THROTTLE.perIp);
    // Another address is not held back by this one.
    expect((await signInRequest(t.app, DEMO.admin, DEMO_PASSWORD, '10.20.0.22')).statusCode).toBe(200);
  });

  it('refuses the right password sent as the 40th of 40 concurrent guesses', async () => {
    const guesses = [...Array.from({ length: 39 }, (_, i) => `Tortellini.${i}.sbagliati`), DEMO_PASSWORD];
    const responses = await Promise.all(guesses.map((g) => signInRequest(t.app, DEMO.coordinator, g, '10.20.0.3')));
    expectProblem(responses[39]!, 429, 'SIGN_IN_THROTTLED');
    expect(responses.filter((r) => r.statusCode === 200)).toEqual([]);
    expect(verifications).toHaveBeenCalledTimes(THROTTLE.perAccount);
    expect(verifications.mock.calls.map(([, password]) => password)).not.toContain(DEMO_PASSWORD);
  });

  it('holds across two instances of the app on one database', async () => {
    const second = await secondInstance(t);
    try {
      const apps = [t.app, second.app];
      // Each guess from an address of its own: only the account's limit applies.
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => signInRequest(apps[i % 2]!, DEMO.matcher, `Lambrusco.${i}.sbagliato`, `10.21.${i}.1`)),
      );
      expect(statusCounts(responses)).toEqual({ 401: THROTTLE.perAccount, 429: 100 - THROTTLE.perAccount });
      expect(verifications).toHaveBeenCalledTimes(THROTTLE.perAccount);
      expectProblem(await signInRequest(second.app, DEMO.matcher, DEMO_PASSWORD, '10.21.200.1'), 429, 'SIGN_IN_THROTTLED');
    } finally {
      await second.close();
    }
  });

  it('lets the account in again after the window, and a success clears its count', async () => {
    for (let i = 0; i < THROTTLE.perAccount - 1; i += 1) {
      expectProblem(await signInRequest(t.app, DEMO.consultant, `Modena.${i}.sbagliata`, '10.20.0.5'), 401, 'INVALID_CREDENTIALS');
    }
    expect((await signInRequest(t.app, DEMO.consultant, DEMO_PASSWORD, '10.20.0.5')).statusCode).toBe(200);
    // Four failures before the success no longer count: five more wrong guesses are verified.
    for (let i = 0; i < THROTTLE.perAccount; i += 1) {
      expectProblem(await signInRequest(t.app, DEMO.consultant, `Sassuolo.${i}.sbagliata`, '10.20.0.5'), 401, 'INVALID_CREDENTIALS');
    }
    expectProblem(await signInRequest(t.app, DEMO.consultant, DEMO_PASSWORD, '10.20.0.5'), 429, 'SIGN_IN_THROTTLED');
    expect(verifications).toHaveBeenCalledTimes(2 * THROTTLE.perAccount);
  });
});

describe('a disabled account', () => {
  it('answers its right password exactly as a wrong one, after verifying it, and counts the failure', async () => {
    const admin = await signIn(t.app, DEMO.admin, DEMO_PASSWORD, '10.22.0.9');
    const created = await admin.post('/api/v1/staff', {
      email: 'giovanna.deluca@ricolloca.example',
      fullName: 'De Luca Giovanna',
      roles: [{ officeId: await officeIdByCode(t.database, 'CPI-MO'), role: 'consultant' }],
      temporaryPassword: 'Fiume Secchia in piena',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().account.id;
    expect((await admin.post(`/api/v1/staff/${id}/disable`)).statusCode).toBe(200);
    verifications.mockClear();

    const right = await signInRequest(t.app, 'giovanna.deluca@ricolloca.example', 'Fiume Secchia in piena', '10.22.0.1');
    const wrong = await signInRequest(t.app, 'giovanna.deluca@ricolloca.example', 'Fiume Panaro in secca', '10.22.0.1');
    expect(right.statusCode).toBe(401);
    expect(right.json()).toMatchObject({ code: wrong.json().code, detail: wrong.json().detail, title: wrong.json().title });
    expect(right.json().detail).toBe('E-mail o password non corretti.');
    expect(right.headers['content-type']).toBe(wrong.headers['content-type']);
    expect(verifications).toHaveBeenCalledTimes(2);
    // Both count: three more tries and the account is throttled like any other.
    for (let i = 0; i < THROTTLE.perAccount - 2; i += 1) {
      expect((await signInRequest(t.app, 'giovanna.deluca@ricolloca.example', 'Fiume Secchia in piena', '10.22.0.1')).statusCode).toBe(401);
    }
    expectProblem(
      await signInRequest(t.app, 'giovanna.deluca@ricolloca.example', 'Fiume Secchia in piena', '10.22.0.1'),
      429,
      'SIGN_IN_THROTTLED',
    );
  });
});

describe('the session cookie', () => {
  const sessionCookieHeader = (res: { headers: Record<string, unknown> }) => {
    const header = res.headers['set-cookie'];
    const all = Array.isArray(header) ? header : [String(header)];
    return all.find((c: string) => c.startsWith('ricolloca_session='))!;
  };

  it('is a browser session cookie without "Ricordami", and lasts 12 hours with it', async () => {
    const plain = await signInRequest(t.app, DEMO.frontoffice, DEMO_PASSWORD, '10.23.0.1');
    expect(plain.statusCode).toBe(200);
    const plainCookie = sessionCookieHeader(plain);
    expect(plainCookie).toMatch(/HttpOnly/);
    expect(plainCookie).not.toMatch(/Max-Age/i);
    expect(plainCookie).not.toMatch(/Expires/i);

    const notRemembered = await signInRequest(t.app, DEMO.frontoffice, DEMO_PASSWORD, '10.23.0.1', { remember: false });
    expect(sessionCookieHeader(notRemembered)).not.toMatch(/Max-Age|Expires/i);

    const remembered = await signInRequest(t.app, DEMO.frontoffice, DEMO_PASSWORD, '10.23.0.1', { remember: true });
    expect(remembered.statusCode).toBe(200);
    expect(sessionCookieHeader(remembered)).toMatch(/Max-Age=43200(;|$)/);
  });

  it('keeps the server-side expiry either way: a browser session cookie still ends after 2 hours idle', async () => {
    const plain = await signInRequest(t.app, DEMO.frontoffice, DEMO_PASSWORD, '10.23.0.2');
    const cookie = sessionCookieHeader(plain).split(';')[0]!;
    t.clock.advance(2 * 60 * 60_000 + 1000);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } }), 401, 'UNAUTHENTICATED');
  });
});

describe('housekeeping', () => {
  it('deletes ended sessions and sign-in attempts older than 30 days on a sign-in, keeping the recent ones', async () => {
    t.clock.advance(61 * 60_000);
    const now = t.clock().getTime();
    const day = 24 * 60 * 60_000;
    await t.database.db
      .insertInto('sign_in_attempts')
      .values([
        { email_key: 'f.esposito@example.it', ip: '10.24.0.1', succeeded: false, at: new Date(now - 40 * day) },
        { email_key: 'f.esposito@example.it', ip: '10.24.0.1', succeeded: false, at: new Date(now - day) },
      ])
      .execute();
    const user = await t.database.db.selectFrom('staff_users').select('id').where('email', '=', DEMO.frontoffice).executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('sessions')
      .values({ token_hash: 'ended-session-of-yesterday', user_id: user.id, csrf_token: 'x', expires_at: new Date(now - day) })
      .execute();

    expect((await signInRequest(t.app, DEMO.frontoffice, DEMO_PASSWORD, '10.24.0.2')).statusCode).toBe(200);

    const attempts = await t.database.db
      .selectFrom('sign_in_attempts')
      .select('at')
      .where('email_key', '=', 'f.esposito@example.it')
      .execute();
    expect(attempts.map((a) => new Date(a.at).getTime())).toEqual([now - day]);
    const ended = await t.database.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('token_hash', '=', 'ended-session-of-yesterday')
      .execute();
    expect(ended).toEqual([]);
  });
});

/** A second app on the same database: on PostgreSQL through a pool of its own, as another server would be. */
async function secondInstance(first: TestApp): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  let database: Database = first.database;
  let ownDatabase = false;
  const adminUrl = inject('pgAdminUrl');
  if (adminUrl) {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(first.database.db);
    const url = new URL(adminUrl);
    url.pathname = `/${rows[0]!.name}`;
    database = await openDatabase({ url: url.toString(), poolSize: 10 });
    ownDatabase = true;
  }
  const app = await buildApp({ database, clock: first.clock, logLevel: 'silent' });
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      if (ownDatabase) await database.close();
    },
  };
}
