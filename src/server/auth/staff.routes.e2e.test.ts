import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-organisation.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';

let t: TestApp;
let admin: Agent;
let modena: string;
let carpi: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, DEMO.admin);
  modena = await officeIdByCode(t.database, 'CPI-MO');
  carpi = await officeIdByCode(t.database, 'CPI-CA');
});
afterAll(() => t.close());

describe('who may manage staff accounts', () => {
  it('answers 401 to anonymous callers on every staff route', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/staff'],
      ['POST', '/api/v1/staff'],
      ['GET', `/api/v1/staff/${modena}`],
      ['PATCH', `/api/v1/staff/${modena}`],
      ['POST', `/api/v1/staff/${modena}/disable`],
      ['POST', `/api/v1/staff/${modena}/reset-password`],
    ] as const) {
      expectProblem(await t.app.inject({ method, url, payload: method === 'GET' ? undefined : {} }), 401, 'UNAUTHENTICATED');
    }
  });

  it('answers 403 to signed-in staff who are not administrators in their current office', async () => {
    for (const email of [DEMO.coordinator, DEMO.consultant, DEMO.frontoffice, DEMO.matcher]) {
      const agent = await signIn(t.app, email);
      expectProblem(await agent.get('/api/v1/staff'), 403, 'FORBIDDEN');
      expectProblem(await agent.post('/api/v1/staff', { email: 'x@y.it', fullName: 'X', roles: [] }), 403, 'FORBIDDEN');
    }
  });

  it('answers 400 to invalid payloads, naming the fields', async () => {
    const res = await admin.post('/api/v1/staff', { email: 'no', fullName: ' ', roles: [{ officeId: modena, role: 'superuser' }] });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body/email', 'body/fullName', 'body/roles/0/role']),
    );
    expectProblem(await admin.get('/api/v1/staff?status=sometimes'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.get('/api/v1/staff/123'), 400, 'VALIDATION_FAILED');
  });
});

describe('creating and maintaining accounts', () => {
  it('creates a consultant with a one-time temporary password, audited', async () => {
    const res = await admin.post('/api/v1/staff', {
      email: ' Paolo.Verdi@Ricolloca.example ',
      fullName: 'Paolo Verdi',
      roles: [
        { officeId: carpi, role: 'consultant' },
        { officeId: modena, role: 'consultant' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const { account, temporaryPassword } = res.json();
    expect(account).toMatchObject({
      email: 'paolo.verdi@ricolloca.example',
      fullName: 'Paolo Verdi',
      disabled: false,
      mustChangePassword: true,
    });
    expect(account.roles).toHaveLength(2);
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'paolo.verdi@ricolloca.example', password: temporaryPassword },
    });
    expect(signedIn.statusCode).toBe(200);
    const audit = await admin.get(`/api/v1/audit?entityId=${account.id}&action=staff.created`);
    expect(audit.json().items[0]).toMatchObject({
      actorLabel: 'Giulia Ferrari <admin@ricolloca.example>',
      officeName: 'Centro per l’impiego di Modena',
    });
  });

  it('refuses a second account with the same e-mail, whatever its case, with 409', async () => {
    const res = await admin.post('/api/v1/staff', {
      email: 'ORIENTATRICE@ricolloca.example',
      fullName: 'Altra',
      roles: [{ officeId: modena, role: 'consultant' }],
    });
    expectProblem(res, 409, 'EMAIL_ALREADY_USED');
  });

  it('refuses roles in an office outside the administrator’s network', async () => {
    const network = await t.database.db
      .insertInto('networks')
      .values({ code: 'BO', name: 'Città metropolitana di Bologna' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bologna = await t.database.db
      .insertInto('offices')
      .values({ network_id: network.id, code: 'CPI-BO', name: 'Centro per l’impiego di Bologna', opening_hours: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await admin.post('/api/v1/staff', {
      email: 'fuori@ricolloca.example',
      fullName: 'Fuori Rete',
      roles: [{ officeId: bologna.id, role: 'admin' }],
    });
    expectProblem(res, 400, 'OFFICE_OUTSIDE_NETWORK');
    const none = await t.database.db.selectFrom('staff_users').select('id').where('email', '=', 'fuori@ricolloca.example').execute();
    expect(none).toEqual([]);
  });

  it('lists accounts with filters by text, office, role and status', async () => {
    const all = (await admin.get('/api/v1/staff')).json();
    expect(all.items.map((a: { email: string }) => a.email)).toEqual(expect.arrayContaining(Object.values(DEMO)));
    const byText = (await admin.get('/api/v1/staff?q=rinal')).json();
    expect(byText.items.map((a: { fullName: string }) => a.fullName)).toEqual(['Elena Rinaldi']);
    const sassuolo = await officeIdByCode(t.database, 'CPI-SA');
    const bySassuoloConsultants = (await admin.get(`/api/v1/staff?officeId=${sassuolo}&role=consultant`)).json();
    const sassuoloConsultants = await t.database.db
      .selectFrom('staff_roles as r')
      .innerJoin('staff_users as u', 'u.id', 'r.user_id')
      .select('u.email')
      .where('r.office_id', '=', sassuolo)
      .where('r.role', '=', 'consultant')
      .execute();
    // Elena Rinaldi and the office's other consultants (the demo's agenda has several per office).
    expect(bySassuoloConsultants.items.map((a: { email: string }) => a.email).sort()).toEqual(
      sassuoloConsultants.map((c) => c.email).sort(),
    );
    expect(bySassuoloConsultants.items.map((a: { email: string }) => a.email)).toContain(DEMO.consultant);
    const frontOfficeOnly = (await admin.get(`/api/v1/staff?officeId=${sassuolo}&role=frontoffice`)).json();
    expect(frontOfficeOnly.items.map((a: { email: string }) => a.email)).not.toContain(DEMO.consultant);
    const frontOffice = (await admin.get('/api/v1/staff?role=frontoffice&status=active')).json();
    expect(frontOffice.items.map((a: { email: string }) => a.email)).toEqual([DEMO.frontoffice]);
  });

  it('lists only accounts holding a role in the administrator’s network', async () => {
    const db = t.database.db;
    const network = await db
      .insertInto('networks')
      .values({ code: 'PR', name: 'Provincia di Parma' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const parma = await db
      .insertInto('offices')
      .values({ network_id: network.id, code: 'CPI-PR', name: 'Centro per l’impiego di Parma', opening_hours: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const romano = await db
      .insertInto('staff_users')
      .values({ email: 'nicolo.romano@pr.example', full_name: 'Nicolò Romano', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('staff_roles').values({ user_id: romano.id, office_id: parma.id, role: 'consultant' }).execute();
    const emails = (await admin.get('/api/v1/staff?status=all')).json().items.map((a: { email: string }) => a.email);
    expect(emails).toEqual(expect.arrayContaining(Object.values(DEMO)));
    expect(emails).not.toContain('nicolo.romano@pr.example');
    expect((await admin.get('/api/v1/staff?q=romano')).json().items).toEqual([]);
    expectProblem(await admin.get(`/api/v1/staff/${romano.id}`), 404, 'STAFF_NOT_FOUND');
  });

  it('records each read of the staff list with the accounts shown, never the searched name', async () => {
    const res = await admin.get('/api/v1/staff?q=rinaldi');
    expect(res.statusCode).toBe(200);
    const shown = res.json().items.map((a: { id: string }) => a.id);
    expect(shown).toHaveLength(1);
    const read = await t.database.db
      .selectFrom('audit_log')
      .select(['details', 'entity_type'])
      .where('action', '=', 'staff.list.read')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(read.entity_type).toBe('staff_user');
    expect(read.details).toMatchObject({ ids: shown, query: { searched: true } });
    expect(JSON.stringify(read.details).toLowerCase()).not.toContain('rinaldi');
  });

  it('reads one account and records the read in the audit log', async () => {
    const elena = (await admin.get('/api/v1/staff?q=rinaldi')).json().items[0];
    const res = await admin.get(`/api/v1/staff/${elena.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().email).toBe(DEMO.consultant);
    const reads = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'staff.read')
      .where('entity_id', '=', elena.id)
      .execute();
    expect(reads).toHaveLength(1);
    expectProblem(await admin.get(`/api/v1/staff/${modena}`), 404, 'STAFF_NOT_FOUND');
  });

  it('changes name and roles, keeping the change in the audit trail', async () => {
    const luca = (await admin.get('/api/v1/staff?q=galli')).json().items[0];
    const res = await admin.patch(`/api/v1/staff/${luca.id}`, {
      fullName: 'Luca Galli Rossi',
      roles: [{ officeId: carpi, role: 'frontoffice' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fullName: 'Luca Galli Rossi', roles: [{ officeId: carpi, role: 'frontoffice' }] });
    const entry = (await admin.get(`/api/v1/audit?entityId=${luca.id}&action=staff.updated`)).json().items[0];
    expect(entry.details.fullName).toEqual({ from: 'Luca Galli', to: 'Luca Galli Rossi' });
  });

  it('applies a change of roles or name to sessions already open, at their next request', async () => {
    const federica = await signIn(t.app, DEMO.frontoffice);
    const before = (await federica.get('/api/v1/auth/session')).json();
    expect(before.roles).toEqual(['frontoffice']);
    const account = (await admin.get(`/api/v1/staff?q=${encodeURIComponent(DEMO.frontoffice)}`)).json().items[0];
    const kept = account.roles as Array<{ officeId: string; role: string }>;

    await admin.patch(`/api/v1/staff/${account.id}`, {
      fullName: 'Federica Nuova',
      roles: [...kept, { officeId: before.currentOfficeId, role: 'consultant' }],
    });
    const after = (await federica.get('/api/v1/auth/session')).json();
    expect(after.roles).toEqual(['consultant', 'frontoffice']);
    expect(after.user.fullName).toBe('Federica Nuova');
    expect(after.capabilities).toEqual(expect.arrayContaining(['workers.edit']));

    // The database keeps open sessions current whatever path changes the roles (here, as another
    // instance of the server would): this instance hears of it within moments.
    await t.database.db.deleteFrom('staff_roles').where('user_id', '=', account.id).where('role', '=', 'consultant').execute();
    await vi.waitFor(async () => expect((await federica.get('/api/v1/auth/session')).json().roles).toEqual(['frontoffice']), {
      timeout: 3000,
    });
    await t.database.db.updateTable('staff_users').set({ disabled_at: new Date() }).where('id', '=', account.id).execute();
    await vi.waitFor(async () => expect((await federica.get('/api/v1/auth/session')).statusCode).toBe(401), { timeout: 3000 });
    await admin.post(`/api/v1/staff/${account.id}/enable`);
    await admin.patch(`/api/v1/staff/${account.id}`, { fullName: account.fullName });
  });

  it('does not let administrators lock themselves out', async () => {
    const me = (await admin.get('/api/v1/staff?q=ferrari')).json().items[0];
    expectProblem(await admin.post(`/api/v1/staff/${me.id}/disable`), 409, 'CANNOT_DISABLE_SELF');
    expectProblem(
      await admin.patch(`/api/v1/staff/${me.id}`, { roles: [{ officeId: modena, role: 'consultant' }] }),
      409,
      'CANNOT_REMOVE_OWN_ADMIN',
    );
  });

  it('disables an account: its sessions end at once and it cannot sign in; enabling restores access', async () => {
    const sara = await signIn(t.app, DEMO.matcher);
    const account = (await admin.get('/api/v1/staff?q=colombo')).json().items[0];
    const disabled = await admin.post(`/api/v1/staff/${account.id}/disable`);
    expect(disabled.json().disabled).toBe(true);
    expectProblem(await sara.get('/api/v1/auth/session'), 401, 'UNAUTHENTICATED');
    // The right password of a disabled account is refused as a wrong one would be (no 403 to tell them apart).
    const refused = expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: DEMO.matcher, password: DEMO_PASSWORD } }),
      401,
      'INVALID_CREDENTIALS',
    );
    expect(refused.detail).toBe('E-mail o password non corretti.');
    expect((await admin.get('/api/v1/staff?status=disabled')).json().items.map((a: { email: string }) => a.email)).toEqual([DEMO.matcher]);
    await admin.post(`/api/v1/staff/${account.id}/enable`);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: DEMO.matcher, password: DEMO_PASSWORD } }))
        .statusCode,
    ).toBe(200);
  });

  it('issues a new temporary password that replaces the old one', async () => {
    const account = (await admin.get('/api/v1/staff?q=bellini')).json().items[0];
    const res = await admin.post(`/api/v1/staff/${account.id}/reset-password`);
    const { temporaryPassword } = res.json();
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: DEMO.coordinator, password: DEMO_PASSWORD },
        remoteAddress: '10.5.0.1',
      }),
      401,
      'INVALID_CREDENTIALS',
    );
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: DEMO.coordinator, password: temporaryPassword },
      remoteAddress: '10.5.0.1',
    });
    expect(ok.json().user.mustChangePassword).toBe(true);
  });
});

describe('concurrent changes of one account', () => {
  it('replaces the roles of 20 concurrent requests one after the other: never a 500, and the last set wins whole', async () => {
    const created = await admin.post('/api/v1/staff', {
      email: 'emanuele.barbieri@ricolloca.example',
      fullName: 'Barbieri Emanuele',
      roles: [{ officeId: modena, role: 'consultant' }],
      temporaryPassword: 'Piazza Grande al tramonto',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().account.id;
    const roles = ['consultant', 'frontoffice', 'matcher', 'coordinator'] as const;
    // Each request asks for a different set, overlapping with the others (the same key in several).
    const sets = Array.from({ length: 20 }, (_, i) =>
      [
        { officeId: modena, role: roles[i % 4]! },
        { officeId: carpi, role: roles[(i + 1) % 4]! },
        ...(i % 2 === 0 ? [{ officeId: carpi, role: roles[(i + 2) % 4]! }] : []),
      ].sort((a, b) => a.officeId.localeCompare(b.officeId) || a.role.localeCompare(b.role)),
    );
    const responses = await Promise.all(sets.map((set) => admin.patch(`/api/v1/staff/${id}`, { roles: set })));
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(responses.filter((r) => r.statusCode === 200).length).toBeGreaterThan(0);
    const final = (await admin.get(`/api/v1/staff/${id}`)).json().roles;
    expect(sets.map((s) => JSON.stringify(s))).toContain(JSON.stringify(final));
    // Every change is in the audit trail, each "from" being what the previous one wrote.
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'staff.updated')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(entries).toHaveLength(responses.filter((r) => r.statusCode === 200).length);
    type RoleSet = Array<{ officeId: string; role: string }>;
    const change = (entry: (typeof entries)[number]) => (entry.details as { roles: { from: RoleSet; to: RoleSet } }).roles;
    const asKey = (set: RoleSet) => JSON.stringify(set.map((r) => `${r.officeId}:${r.role}`).sort());
    for (let i = 1; i < entries.length; i += 1) {
      expect(asKey(change(entries[i]!).from)).toBe(asKey(change(entries[i - 1]!).to));
    }
    expect(asKey(change(entries.at(-1)!).to)).toBe(asKey(final));
  });
});
