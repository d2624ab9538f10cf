import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedVacancy, seedWorkers } from '../../../tests/factories/applications.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { buildEmployerWithSites, COMUNI } from '../../../tests/factories/vacancies.js';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { hashPassword } from '../auth/index.js';

/**
 * The staff's notices: `GET /api/v1/notices` lists what is addressed to the caller — by account, or
 * by a role they hold in one of their offices (Elena Rinaldi is a consultant in Modena and Sassuolo) —
 * newest first with the unread count; `POST /api/v1/notices/:id/read` marks one of those read and
 * answers 404 for anybody else's.
 */
let t: TestApp;
let modena: string;
let sassuolo: string;
let network: string;
let consultant: Agent;
let matcher: Agent;
const MINUTE = 60_000;

type Listed = { id: string; kind: string; officeName: string; readAt: string | null; text: { it: string; en: string }; link: unknown };

async function notice(o: {
  officeId: string;
  role?: 'consultant' | 'frontoffice' | 'matcher' | 'coordinator';
  userId?: string;
  kind: string;
  payload: Record<string, unknown>;
  programmeId?: string;
  minutesAgo: number;
}) {
  const row = await t.database.db
    .insertInto('staff_notifications')
    .values({
      office_id: o.officeId,
      programme_id: o.programmeId ?? null,
      recipient_role: o.role ?? null,
      recipient_user_id: o.userId ?? null,
      kind: o.kind,
      payload: JSON.stringify(o.payload),
      created_at: new Date(t.clock().getTime() - o.minutesAgo * MINUTE),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  modena = await officeIdByCode(t.database, 'CPI-MO');
  sassuolo = await officeIdByCode(t.database, 'CPI-SA');
  network = await networkOf(t.database.db, modena);
  consultant = await signIn(t.app, DEMO.consultant);
  expect((await consultant.put('/api/v1/auth/session/office', { officeId: modena })).statusCode).toBe(200);
  matcher = await signIn(t.app, DEMO.matcher);
});
afterAll(() => t.close());

describe('staff notices: 401, 403, 400 first', () => {
  const id = '00000000-0000-4000-8000-000000000000';
  it('answers 401 to anonymous callers', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/notices' }), 401, 'UNAUTHENTICATED');
    expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/notices/${id}/read`, payload: {} }), 401, 'UNAUTHENTICATED');
  });

  it('answers 403 to an account that holds no role any more', async () => {
    const user = await t.database.db
      .insertInto('staff_users')
      .values({
        email: 'ex.operatore@ricolloca.example',
        full_name: 'Antonio Bianchi',
        password_hash: await hashPassword('Password-di-prova-1'),
        must_change_password: false,
        last_office_id: modena,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db.insertInto('staff_roles').values({ user_id: user.id, office_id: modena, role: 'frontoffice' }).execute();
    const former = await signIn(t.app, 'ex.operatore@ricolloca.example', 'Password-di-prova-1');
    await t.database.db.deleteFrom('staff_roles').where('user_id', '=', user.id).execute();
    expectProblem(await former.get('/api/v1/notices'), 403, 'FORBIDDEN');
    expectProblem(await former.post(`/api/v1/notices/${id}/read`), 403, 'FORBIDDEN');
  });

  it('answers 400 to a bad query or id', async () => {
    expectProblem(await consultant.get('/api/v1/notices?limit=101'), 400, 'VALIDATION_FAILED');
    expectProblem(await consultant.get('/api/v1/notices?unread=forse'), 400, 'VALIDATION_FAILED');
    expectProblem(await consultant.post('/api/v1/notices/non-un-id/read'), 400, 'VALIDATION_FAILED');
  });
});

describe('staff notices: the inbox', () => {
  it('lists only the caller’s notices across their offices and roles, newest first, names the workers in scope, and marks read', async () => {
    const [esposito] = await seedWorkers(t.database.db, { networkId: network, officeId: modena, names: [['Ciro', 'Esposito']] });
    const [dangelo] = await seedWorkers(t.database.db, { networkId: network, officeId: sassuolo, names: [['Lucia', 'D’Angelo']] });
    const employer = await buildEmployerWithSites(t.database.db, {
      networkId: network,
      officeId: modena,
      name: 'Ceramiche Barbieri S.p.A.',
      sites: [{ comuneCode: COMUNI.sassuolo, name: 'Stabilimento', address: 'Via Radici in Piano 18' }],
    });
    const vacancy = (title: string) =>
      publishedVacancy(t.database.db, {
        networkId: network,
        officeId: modena,
        employerId: employer.employerId,
        siteId: employer.siteIds[0]!,
        title,
      });
    const withdrawnFrom = await vacancy('Addetto/a alla smaltatura');
    const hiredFor = await vacancy('Carrellista di magazzino');
    const programme = await t.database.db
      .selectFrom('programmes')
      .select(['id', 'name'])
      .orderBy('name')
      .limit(1)
      .executeTakeFirstOrThrow();
    const elena = await t.database.db.selectFrom('staff_users').select('id').where('email', '=', DEMO.consultant).executeTakeFirstOrThrow();
    const sara = await t.database.db.selectFrom('staff_users').select('id').where('email', '=', DEMO.matcher).executeTakeFirstOrThrow();

    const hiredElsewhere = (workerId: string) => ({ applicationId: crypto.randomUUID(), vacancyId: withdrawnFrom, workerId, hiredFor });
    const inModena = await notice({
      officeId: modena,
      role: 'consultant',
      kind: 'application.withdrawn_hired_elsewhere',
      payload: hiredElsewhere(esposito!.id),
      minutesAgo: 30,
    });
    const inSassuolo = await notice({
      officeId: sassuolo,
      role: 'consultant',
      kind: 'application.withdrawn_hired_elsewhere',
      payload: hiredElsewhere(dangelo!.id),
      minutesAgo: 10,
    });
    const promoted = await notice({
      officeId: modena,
      role: 'consultant',
      programmeId: programme.id,
      kind: 'waiting_list.promoted',
      payload: { workerId: esposito!.id },
      minutesAgo: 20,
    });
    const toElena = await notice({
      officeId: sassuolo,
      userId: elena.id,
      kind: 'application.employer_answer',
      payload: { vacancyId: hiredFor },
      minutesAgo: 5,
    });
    const toFrontOffice = await notice({
      officeId: modena,
      role: 'frontoffice',
      kind: 'waiting_list.promoted',
      payload: {},
      minutesAgo: 1,
    });
    const toSara = await notice({ officeId: modena, userId: sara.id, kind: 'application.employer_answer', payload: {}, minutesAgo: 2 });

    const page = (await consultant.get('/api/v1/notices')).json() as { items: Listed[]; total: number; unread: number };
    const mine = [toElena, inSassuolo, promoted, inModena];
    // The demo's notices to consultants of these offices may be there too: these come in this order, the others' never.
    expect(page.items.map((n) => n.id).filter((nid) => mine.includes(nid))).toEqual(mine);
    expect(page.items.map((n) => n.id)).not.toContain(toFrontOffice);
    expect(page.items.map((n) => n.id)).not.toContain(toSara);
    const byId = new Map(page.items.map((n) => [n.id, n]));
    expect(byId.get(inModena)).toMatchObject({
      officeName: expect.stringContaining('Modena'),
      readAt: null,
      text: {
        it: 'Assunzione con un’altra candidatura per «Carrellista di magazzino»: la candidatura di Esposito Ciro del vostro ufficio a «Addetto/a alla smaltatura» è stata ritirata.',
        en: 'Hired through another application for «Carrellista di magazzino»: your office’s application of Esposito Ciro to «Addetto/a alla smaltatura» was withdrawn.',
      },
      link: { to: 'vacancy', id: withdrawnFrom },
    });
    // Sassuolo's worker is out of Elena's scope while she works in Modena: the notice reaches her, the name does not.
    expect(byId.get(inSassuolo)!.text.it).toBe(
      'Assunzione con un’altra candidatura per «Carrellista di magazzino»: la candidatura di un lavoratore del vostro ufficio a «Addetto/a alla smaltatura» è stata ritirata.',
    );
    expect(JSON.stringify(byId.get(inSassuolo))).not.toContain('D’Angelo');
    expect(byId.get(promoted)).toMatchObject({
      text: { it: `Posto liberato in «${programme.name}» assegnato a Esposito Ciro, primo in lista d’attesa.` },
      link: { to: 'programme', id: programme.id },
    });
    expect(byId.get(toElena)!.text.it).toBe('L’azienda ha risposto sulla candidatura di un lavoratore a «Carrellista di magazzino».');

    // Marking read: the unread count drops by one, twice is harmless, another's notice is 404.
    const unreadBefore = page.unread;
    expect((await consultant.post(`/api/v1/notices/${inModena}/read`)).json()).toEqual({ ok: true });
    expect((await consultant.post(`/api/v1/notices/${inModena}/read`)).statusCode).toBe(200);
    const after = (await consultant.get('/api/v1/notices')).json() as { items: Listed[]; unread: number };
    expect(after.unread).toBe(unreadBefore - 1);
    expect(after.items.find((n) => n.id === inModena)!.readAt).not.toBeNull();
    const unreadOnly = (await consultant.get('/api/v1/notices?unread=true&limit=100')).json() as { items: Listed[]; total: number };
    expect(unreadOnly.items.map((n) => n.id)).not.toContain(inModena);
    expect(unreadOnly.total).toBe(after.unread);
    expectProblem(await consultant.post(`/api/v1/notices/${toFrontOffice}/read`), 404, 'NOTIFICATION_NOT_FOUND');
    expectProblem(await consultant.post(`/api/v1/notices/${toSara}/read`), 404, 'NOTIFICATION_NOT_FOUND');
    expectProblem(await consultant.post(`/api/v1/notices/${crypto.randomUUID()}/read`), 404, 'NOTIFICATION_NOT_FOUND');
    const frontNotice = await t.database.db
      .selectFrom('staff_notifications')
      .select('read_at')
      .where('id', '=', toFrontOffice)
      .executeTakeFirstOrThrow();
    expect(frontNotice.read_at).toBeNull();

    // The header's count: limit 0 gives the counts only, and reads nothing to audit.
    const counts = (await consultant.get('/api/v1/notices?limit=0')).json();
    expect(counts).toEqual({ items: [], total: page.total, unread: after.unread });

    // Paging: one at a time, newest first.
    const first = (await matcher.get('/api/v1/notices?limit=1')).json() as { items: Listed[]; total: number };
    expect(first.items).toHaveLength(1);
    expect(first.total).toBeGreaterThanOrEqual(1);

    // The read of the list and the mark are in the audit log, the list naming the workers it showed.
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'details'])
      .where('action', 'in', ['notice.list.read', 'notice.marked_read'])
      .where('actor_id', '=', elena.id)
      .execute();
    expect(audits.filter((a) => a.action === 'notice.marked_read').map((a) => a.entity_id)).toEqual([inModena]);
    const listed = audits.find((a) => a.action === 'notice.list.read')!;
    const details = (typeof listed.details === 'string' ? JSON.parse(listed.details) : listed.details) as { workerIds: string[] };
    expect(details.workerIds).toContain(esposito!.id);
    expect(details.workerIds).not.toContain(dangelo!.id);
  });
});
