import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-organisation.js';
import { THROTTLE } from './sign-in-throttle.repository.js';
import { SESSION_IDLE_MS } from './auth.service.js';
import { DEMO, agentFor, createTestApp, expectProblem, officeIdByCode, signIn, type TestApp } from '../../../tests/helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signInRequest = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, remoteAddress: ip });

describe('POST /api/v1/auth/sign-in', () => {
  it('refuses a malformed request with 400 before looking at credentials', async () => {
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'nobody' } }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('signs in with the right password: HttpOnly, SameSite=Strict session cookie and the session view', async () => {
    const res = await signInRequest(DEMO.consultant.toUpperCase(), DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ricolloca_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value.length).toBeGreaterThanOrEqual(40);
    const body = res.json();
    expect(body.user).toMatchObject({ email: DEMO.consultant, fullName: 'Elena Rinaldi', mustChangePassword: false });
    expect(body.roles).toEqual(['consultant']);
    expect(body.offices.map((o: { code: string }) => o.code).sort()).toEqual(['CPI-MO', 'CPI-SA']);
    expect(body.currentOfficeId).toBe(await officeIdByCode(t.database, 'CPI-MO'));
    // A consultant may do consultant things, never administration.
    expect(body.capabilities).not.toContain('staff.manage');
    expect(body.capabilities).not.toContain('audit.read');
    expect(body.capabilities).not.toContain('offices.manage');
    // The cookie's token is never stored as such: only its hash is in the database.
    const stored = await t.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.value);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const { buildApp } = await import('../app.js');
    const app = await buildApp({ database: t.database, logLevel: 'silent', trustProxy: 1 });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: DEMO.matcher, password: DEMO_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    await app.close();
    expect(res.cookies.find((c) => c.name === 'ricolloca_session')!.secure).toBe(true);
  });

  it('answers a wrong password and an unknown e-mail alike, with 401 and an Italian message', async () => {
    const wrong = expectProblem(await signInRequest(DEMO.coordinator, 'not-the-password', '10.0.0.2'), 401, 'INVALID_CREDENTIALS');
    const unknown = expectProblem(
      await signInRequest('nessuno@ricolloca.example', 'whatever-it-is', '10.0.0.2'),
      401,
      'INVALID_CREDENTIALS',
    );
    expect(wrong.detail).toBe('E-mail o password non corretti.');
    expect(unknown.detail).toBe(wrong.detail);
    const failures = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'auth.sign_in_failed')
      .execute();
    expect(failures.map((f) => f.details.email)).toEqual(expect.arrayContaining([DEMO.coordinator, 'nessuno@ricolloca.example']));
  });

  it('throttles an account after 5 failures in 15 minutes, even with the right password, then lets it in again', async () => {
    const email = DEMO.frontoffice;
    for (let i = 0; i < THROTTLE.perAccount; i += 1) {
      expectProblem(await signInRequest(email, `wrong-${i}`, `10.1.0.${i}`), 401, 'INVALID_CREDENTIALS');
    }
    const blocked = await signInRequest(email, DEMO_PASSWORD, '10.1.0.99');
    const body = expectProblem(blocked, 429, 'SIGN_IN_THROTTLED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(body.detail).toMatch(/Troppi tentativi/);
    t.clock.advance(THROTTLE.windowMs + 1000);
    expect((await signInRequest(email, DEMO_PASSWORD, '10.1.0.99')).statusCode).toBe(200);
  });

  it('throttles one IP address guessing across many accounts', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < THROTTLE.perIp; i += 1) {
      await signInRequest(`guess${i}@ricolloca.example`, 'password-guess', ip);
    }
    expectProblem(await signInRequest(DEMO.admin, DEMO_PASSWORD, ip), 429, 'SIGN_IN_THROTTLED');
    // Another address is not affected.
    expect((await signInRequest(DEMO.admin, DEMO_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
    t.clock.advance(THROTTLE.windowMs + 1000);
  });
});

describe('session, sign-out and CSRF', () => {
  it('answers 401 without a cookie or with a forged one', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' }), 401, 'UNAUTHENTICATED');
    expectProblem(
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: 'ricolloca_session=forged' } }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('refuses a write without the CSRF token, or with another session’s token, with 403', async () => {
    const a = await signIn(t.app, DEMO.admin);
    const b = await signIn(t.app, DEMO.coordinator);
    const body = { language: 'en' };
    expectProblem(
      await a.request({ method: 'PUT', url: '/api/v1/auth/preferences', payload: body, headers: { 'x-csrf-token': '' } }),
      403,
      'CSRF_TOKEN_INVALID',
    );
    expectProblem(
      await a.request({ method: 'PUT', url: '/api/v1/auth/preferences', payload: body, headers: { 'x-csrf-token': b.csrfToken } }),
      403,
      'CSRF_TOKEN_INVALID',
    );
    expect((await a.put('/api/v1/auth/preferences', { language: 'it' })).statusCode).toBe(200);
  });

  it('refuses a write coming from another origin', async () => {
    const a = await signIn(t.app, DEMO.admin);
    const res = await a.request({
      method: 'PUT',
      url: '/api/v1/auth/preferences',
      payload: { language: 'it' },
      headers: { origin: 'https://evil.example', host: 'localhost:80' },
    });
    expectProblem(res, 403, 'CROSS_ORIGIN_REFUSED');
  });

  it('signs out: the same cookie no longer works', async () => {
    const a = await signIn(t.app, DEMO.matcher);
    expect((await a.post('/api/v1/auth/sign-out')).statusCode).toBe(200);
    expectProblem(await a.get('/api/v1/auth/session'), 401, 'UNAUTHENTICATED');
  });

  it('ends a session after 2 hours without activity', async () => {
    const a = await signIn(t.app, DEMO.matcher);
    t.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await a.get('/api/v1/auth/session')).statusCode).toBe(200);
    t.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await a.get('/api/v1/auth/session')).statusCode).toBe(200);
    t.clock.advance(SESSION_IDLE_MS + 1000);
    expectProblem(await a.get('/api/v1/auth/session'), 401, 'UNAUTHENTICATED');
  });
});

describe('office switcher', () => {
  it('moves the session to another office where the user holds a role, and remembers it for the next sign-in', async () => {
    const a = await signIn(t.app, DEMO.consultant);
    const sassuolo = await officeIdByCode(t.database, 'CPI-SA');
    const res = await a.put('/api/v1/auth/session/office', { officeId: sassuolo });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ currentOfficeId: sassuolo, roles: ['consultant'] });
    const again = await signIn(t.app, DEMO.consultant);
    expect((await again.get('/api/v1/auth/session')).json().currentOfficeId).toBe(sassuolo);
    await again.put('/api/v1/auth/session/office', { officeId: await officeIdByCode(t.database, 'CPI-MO') });
  });

  it('opens a session in the office last chosen only while it is open; otherwise in the first open office given', async () => {
    const admin = await signIn(t.app, DEMO.admin);
    const [carpi, mirandola] = [await officeIdByCode(t.database, 'CPI-CA'), await officeIdByCode(t.database, 'CPI-MI')];
    const password = 'Lambrusco.Sorbara.2026';
    const created = await admin.post('/api/v1/staff', {
      email: 'chiara.dangelo@ricolloca.example',
      fullName: 'Chiara D’Angelo',
      roles: [
        { officeId: carpi, role: 'consultant' },
        { officeId: mirandola, role: 'consultant' },
      ],
      temporaryPassword: password,
    });
    expect(created.statusCode).toBe(201);
    const sessionOffice = async () =>
      (await (await signIn(t.app, 'chiara.dangelo@ricolloca.example', password)).get('/api/v1/auth/session')).json().currentOfficeId;
    await t.database.db.updateTable('staff_users').set({ last_office_id: mirandola }).where('id', '=', created.json().account.id).execute();
    expect(await sessionOffice()).toBe(mirandola);
    // Mirandola closes: the next session starts in Carpi, the other office she holds a role in.
    expect((await admin.patch(`/api/v1/offices/${mirandola}`, { active: false })).statusCode).toBe(200);
    expect(await sessionOffice()).toBe(carpi);
    expect((await admin.patch(`/api/v1/offices/${mirandola}`, { active: true })).statusCode).toBe(200);
    expect(await sessionOffice()).toBe(mirandola);
  });

  it('refuses an office where the user holds no role with 403', async () => {
    const a = await signIn(t.app, DEMO.consultant);
    expectProblem(
      await a.put('/api/v1/auth/session/office', { officeId: await officeIdByCode(t.database, 'CPI-VI') }),
      403,
      'OFFICE_NOT_ASSIGNED',
    );
    expectProblem(await a.put('/api/v1/auth/session/office', { officeId: 'x' }), 400, 'VALIDATION_FAILED');
  });
});

describe('POST /api/v1/auth/password', () => {
  it('requires the current password and a strong new one', async () => {
    const a = await signIn(t.app, DEMO.coordinator);
    expectProblem(
      await a.post('/api/v1/auth/password', { currentPassword: 'wrong', newPassword: 'a long enough passphrase' }),
      400,
      'WRONG_CURRENT_PASSWORD',
    );
    expectProblem(
      await a.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await a.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'marco bellini 2026!' }),
      400,
      'PASSWORD_TOO_WEAK',
    );
    expectProblem(
      await a.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }),
      400,
      'PASSWORD_REUSED',
    );
  });

  it('changes the password, ends the account’s other sessions and keeps this one', async () => {
    const here = await signIn(t.app, DEMO.coordinator);
    const elsewhere = await signIn(t.app, DEMO.coordinator);
    const newPassword = 'giardini ducali in autunno';
    expect((await here.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword })).statusCode).toBe(200);
    expect((await here.get('/api/v1/auth/session')).statusCode).toBe(200);
    expectProblem(await elsewhere.get('/api/v1/auth/session'), 401, 'UNAUTHENTICATED');
    expectProblem(await signInRequest(DEMO.coordinator, DEMO_PASSWORD, '10.2.0.1'), 401, 'INVALID_CREDENTIALS');
    expect((await signInRequest(DEMO.coordinator, newPassword, '10.2.0.1')).statusCode).toBe(200);
    const hash = await t.database.db
      .selectFrom('staff_users')
      .select('password_hash')
      .where('email', '=', DEMO.coordinator)
      .executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('published passwords', () => {
  it('refuses the demo password as a new password, naming the field, in Italian and in English', async () => {
    const admin = await signIn(t.app, DEMO.admin);
    const created = await admin.post('/api/v1/staff', {
      email: 'giovanna.deluca@ricolloca.example',
      fullName: 'De Luca Giovanna',
      roles: [{ officeId: await officeIdByCode(t.database, 'CPI-MO'), role: 'consultant' }],
    });
    const { temporaryPassword } = created.json();
    const res = await signInRequest('giovanna.deluca@ricolloca.example', temporaryPassword, '10.4.0.1');
    const cookie = `ricolloca_session=${res.cookies.find((c) => c.name === 'ricolloca_session')!.value}`;
    const giovanna = agentFor(t.app, cookie, res.json().csrfToken);
    for (const published of [DEMO_PASSWORD, 'demo.modena.2026', ' Demo Modena 2026! ']) {
      const body = expectProblem(
        await giovanna.post('/api/v1/auth/password', { currentPassword: temporaryPassword, newPassword: published }),
        400,
        'PASSWORD_PUBLISHED',
      );
      expect(body.errors).toEqual([{ path: 'body/newPassword', message: expect.stringMatching(/password è pubblicata/) }]);
    }
    const english = expectProblem(
      await giovanna.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: temporaryPassword, newPassword: DEMO_PASSWORD },
        headers: { 'accept-language': 'en' },
      }),
      400,
      'PASSWORD_PUBLISHED',
    );
    expect(english.errors[0].message).toMatch(/published/);
    // Still the temporary password: nothing was changed.
    expect((await giovanna.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(true);
  });

  it('refuses it as the password an administrator chooses for a new account, and creates nothing', async () => {
    const admin = await signIn(t.app, DEMO.admin);
    const body = expectProblem(
      await admin.post('/api/v1/staff', {
        email: 'emanuele.barbieri@ricolloca.example',
        fullName: 'Barbieri Emanuele',
        roles: [{ officeId: await officeIdByCode(t.database, 'CPI-MO'), role: 'consultant' }],
        temporaryPassword: DEMO_PASSWORD,
      }),
      400,
      'PASSWORD_PUBLISHED',
    );
    expect(body.errors).toEqual([{ path: 'body/temporaryPassword', message: expect.stringMatching(/password è pubblicata/) }]);
    expectProblem(
      await admin.post('/api/v1/staff', {
        email: 'emanuele.barbieri@ricolloca.example',
        fullName: 'Barbieri Emanuele',
        roles: [{ officeId: await officeIdByCode(t.database, 'CPI-MO'), role: 'consultant' }],
        temporaryPassword: 'emanuele.barbieri.2026',
      }),
      400,
      'PASSWORD_TOO_WEAK',
    );
    expect((await admin.get('/api/v1/staff?q=barbieri')).json().items).toEqual([]);
  });
});

describe('a session that must change its temporary password', () => {
  it('may only read the session, change the password or sign out', async () => {
    const admin = await signIn(t.app, DEMO.admin);
    const created = await admin.post('/api/v1/staff', {
      email: 'nuova.collega@ricolloca.example',
      fullName: 'Nuova Collega',
      roles: [{ officeId: await officeIdByCode(t.database, 'CPI-MO'), role: 'consultant' }],
    });
    const { temporaryPassword } = created.json();
    const res = await signInRequest('nuova.collega@ricolloca.example', temporaryPassword, '10.3.0.1');
    expect(res.json().user.mustChangePassword).toBe(true);
    const cookie = `ricolloca_session=${res.cookies.find((c) => c.name === 'ricolloca_session')!.value}`;
    const agent = agentFor(t.app, cookie, res.json().csrfToken);
    expectProblem(await agent.get('/api/v1/offices'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await agent.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect(
      (await agent.post('/api/v1/auth/password', { currentPassword: temporaryPassword, newPassword: 'la torre ghirlandina' })).statusCode,
    ).toBe(200);
    expect((await agent.get('/api/v1/offices')).statusCode).toBe(200);
  });
});
