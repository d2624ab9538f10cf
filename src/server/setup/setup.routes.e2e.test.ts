import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { Database } from '../db/database.js';
import { DEMO_PASSWORD } from '../demo/index.js';
import { createSetupLink, type SetupLink } from './index.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { expectProblem, signIn } from '../../../tests/helpers/test-app.js';

// A real installation's first start: an empty database (no demo), the link `serve` prints.
let database: Database;
let app: FastifyInstance;
let link: SetupLink;
let token: string;
beforeAll(async () => {
  database = await createTestDatabase();
  link = createSetupLink();
  app = await buildApp({ database, logLevel: 'silent', setupLink: link });
  await app.ready();
  token = link.issue();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const PASSWORD = 'Tramonto sul Crostolo 47';
const request = (overrides: { token?: string; password?: string; comune?: string } = {}) => ({
  token: overrides.token ?? token,
  network: { name: 'Provincia di Reggio Emilia' },
  office: { code: 'cpi-re', name: 'Centro per l’impiego di Reggio Emilia', comune: overrides.comune ?? 'reggio nell’emilia' },
  admin: { fullName: 'De Luca Giovanna', email: 'Giovanna.DeLuca@provincia.re.it', password: overrides.password ?? PASSWORD },
});
const complete = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/setup', payload: payload as object, headers, remoteAddress: '192.0.2.44' });
const check = (value: string) => app.inject({ method: 'POST', url: '/api/v1/setup/check', payload: { token: value } });
const accounts = () => database.db.selectFrom('staff_users').select(['email', 'must_change_password']).execute();

describe('the first-access link of a new installation', () => {
  it('refuses a wrong token with 403 and an Italian message, and creates nothing', async () => {
    const wrong = 'x'.repeat(43);
    const checked = expectProblem(await check(wrong), 403, 'SETUP_LINK_INVALID');
    expect(checked.detail).toContain('Il link di primo accesso non è valido');
    expectProblem(await complete(request({ token: wrong })), 403, 'SETUP_LINK_INVALID');
    // A link cut short when copied says which link to use, not "correct the fields".
    expect(expectProblem(await check('abc'), 403, 'SETUP_LINK_INVALID').detail).toContain('usare quello stampato');
    expect(await accounts()).toEqual([]);
    expect(await database.db.selectFrom('networks').select('id').execute()).toEqual([]);
  });

  it('answers the right token, and refuses a request from another site like sign-in does', async () => {
    expect((await check(token)).json()).toEqual({ available: true });
    const forged = await complete(request(), { origin: 'https://phishing.example' });
    expect(forged.statusCode).toBe(403);
    expect(await accounts()).toEqual([]);
  });

  it('refuses the published demo password and a weak one, naming the field, in the caller’s language', async () => {
    const published = expectProblem(await complete(request({ password: DEMO_PASSWORD })), 400, 'PASSWORD_PUBLISHED');
    expect(published.errors).toEqual([{ path: 'body/admin/password', message: expect.stringContaining('pubblicata') }]);
    const weak = expectProblem(
      await complete(request({ password: 'giovanna.deluca-2026' }), { 'accept-language': 'en' }),
      400,
      'PASSWORD_TOO_WEAK',
    );
    expect(weak.detail).toMatch(/too weak/);
    expect(await accounts()).toEqual([]);
  });

  it('refuses a comune that is not in the ISTAT list, beside the field', async () => {
    const unknown = expectProblem(await complete(request({ comune: 'Reggio Calabra' })), 400, 'COMUNE_UNKNOWN');
    expect(unknown.errors[0].path).toBe('body/office/comune');
    expect(unknown.detail).toContain('Comune non trovato');
  });

  it('creates the network, the first office and its administrator once, audited; the administrator signs in', async () => {
    const res = await complete(request());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      email: 'giovanna.deluca@provincia.re.it',
      networkName: 'Provincia di Reggio Emilia',
      officeCode: 'CPI-RE',
    });

    const office = await database.db
      .selectFrom('offices as o')
      .innerJoin('networks as n', 'n.id', 'o.network_id')
      .select(['o.code', 'o.name', 'o.comune', 'o.province', 'n.name as network'])
      .executeTakeFirstOrThrow();
    expect(office).toEqual({
      code: 'CPI-RE',
      name: 'Centro per l’impiego di Reggio Emilia',
      comune: "Reggio nell'Emilia",
      province: 'RE',
      network: 'Provincia di Reggio Emilia',
    });
    // The administrator chose the password: no temporary password to replace.
    expect(await accounts()).toEqual([{ email: 'giovanna.deluca@provincia.re.it', must_change_password: false }]);
    const agent = await signIn(app, 'giovanna.deluca@provincia.re.it', PASSWORD);
    const session = (await agent.get('/api/v1/auth/session')).json();
    expect(session.capabilities).toEqual(expect.arrayContaining(['staff.manage', 'offices.manage']));

    const entry = await database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_label', 'ip', 'details'])
      .where('action', '=', 'setup.completed')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity_label: 'De Luca Giovanna', ip: '192.0.2.44' });
    expect(entry.details).toMatchObject({ email: 'giovanna.deluca@provincia.re.it', network: 'Provincia di Reggio Emilia' });
  });

  it('never works again: the same link answers 409, and so does a new link once an account exists', async () => {
    const again = expectProblem(await complete(request()), 409, 'SETUP_ALREADY_DONE');
    expect(again.detail).toContain('Ricolloca è già configurato');
    expectProblem(await check(token), 409, 'SETUP_ALREADY_DONE');
    // A restart of `serve` would not print a link now; even a freshly issued token cannot open it.
    const fresh = link.issue();
    expectProblem(await complete(request({ token: fresh })), 409, 'SETUP_ALREADY_DONE');
    expect(await accounts()).toHaveLength(1);
  });
});

describe('two set-ups at once', () => {
  it('create one administrator: the other answers 409', async () => {
    const otherDatabase = await createTestDatabase();
    const otherLink = createSetupLink();
    const other = await buildApp({ database: otherDatabase, logLevel: 'silent', setupLink: otherLink });
    try {
      const value = otherLink.issue();
      const body = (email: string, code: string) => ({
        ...request({ token: value }),
        office: { code, name: 'Centro per l’impiego di Carpi', comune: 'Carpi' },
        admin: { fullName: 'Barbieri Emanuele', email, password: PASSWORD },
      });
      const answers = await Promise.all([
        other.inject({ method: 'POST', url: '/api/v1/setup', payload: body('emanuele.barbieri@provincia.mo.it', 'CPI-CA') }),
        other.inject({ method: 'POST', url: '/api/v1/setup', payload: body('d.angelo@provincia.mo.it', 'CPI-CA2') }),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
      expect(await otherDatabase.db.selectFrom('staff_users').select('email').execute()).toHaveLength(1);
    } finally {
      await other.close();
      await otherDatabase.close();
    }
  });
});
