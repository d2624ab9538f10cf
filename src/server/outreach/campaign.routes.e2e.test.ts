import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, createTestApp, expectProblem, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { buildOutreachWorld } from '../../../tests/factories/outreach.js';
import { accountWith, createOffice, matrixPasswordHash } from '../../../tests/security/idor-world.js';
import { extractPdfPages } from './pdf-text.test-helper.js';
import { countSms } from '../../shared/messages/sms-segments.js';

const NOW = new Date('2026-11-30T09:30:00Z');
const TODAY = '2026-11-30';
let t: TestApp;
let coordinator: Agent;
let front: Agent;
let network: string;
let world: Awaited<ReturnType<typeof buildOutreachWorld>>;

async function at(when: Date) {
  t.clock.set(when);
  coordinator = await signIn(t.app, DEMO.coordinator);
  front = await signIn(t.app, DEMO.frontoffice);
}

beforeAll(async () => {
  t = await createTestApp();
  await at(NOW);
  network = await networkOf(t.database.db, await officeIdByCode(t.database, 'CPI-MO'));
  world = await buildOutreachWorld(t.database.db, network, TODAY);
});
afterAll(() => t.close());

const SMS_BODY =
  'Gentile {{nome}} {{cognome}}, la CIGS finisce il {{data_fine_cigs}} (tra {{giorni_alla_fine_cigs}} giorni). Chiami {{sede}} al {{telefono_sede}}: {{orari_centralino}}.';

async function template(channel: 'sms' | 'email' | 'letter', body = SMS_BODY, subject = '') {
  const res = await coordinator.post('/api/v1/outreach/templates', { name: `Modello ${channel} ${Math.random()}`, channel, subject, body });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function campaign(channel: 'sms' | 'email' | 'letter', templateId: string, extra: Record<string, unknown> = {}) {
  const res = await coordinator.post('/api/v1/outreach/campaigns', {
    name: `Campagna ${channel}`,
    channel,
    templateId,
    programmeId: world.programmeId,
    ...extra,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const id = '00000000-0000-4000-8000-000000000000';
const endpoints: Array<[string, string]> = [
  ['GET', '/api/v1/outreach/transports'],
  ['GET', '/api/v1/outreach/templates'],
  ['POST', '/api/v1/outreach/templates'],
  ['PUT', `/api/v1/outreach/templates/${id}`],
  ['POST', '/api/v1/outreach/preview'],
  ['GET', '/api/v1/outreach/campaigns'],
  ['POST', '/api/v1/outreach/campaigns'],
  ['GET', `/api/v1/outreach/campaigns/${id}`],
  ['GET', `/api/v1/outreach/campaigns/${id}/start-preview`],
  ['GET', `/api/v1/outreach/campaigns/${id}/messages`],
  ['POST', `/api/v1/outreach/campaigns/${id}/start`],
  ['POST', `/api/v1/outreach/campaigns/${id}/finish`],
  ['GET', `/api/v1/outreach/campaigns/${id}/recipients`],
  ['POST', `/api/v1/outreach/campaigns/${id}/recipients/${id}/status`],
  ['POST', `/api/v1/outreach/campaigns/${id}/letters`],
  ['POST', '/api/v1/outreach/reminders/run'],
];

describe('outreach endpoints: 401, 403, 400 first', () => {
  it('answers 401 to anonymous callers', async () => {
    for (const [method, url] of endpoints)
      expectProblem(
        await t.app.inject({ method: method as 'GET', url, payload: method === 'GET' ? undefined : {} }),
        401,
        'UNAUTHENTICATED',
      );
  });
  it('answers 403 to the front office (campaigns are the coordinators’)', async () => {
    for (const [method, url] of endpoints)
      expectProblem(await front.request({ method: method as 'GET', url, payload: method === 'GET' ? undefined : {} }), 403, 'FORBIDDEN');
  });
  it('answers 400 to bad input', async () => {
    expectProblem(await coordinator.post('/api/v1/outreach/templates', { name: 'x', channel: 'fax', body: 'x' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await coordinator.post('/api/v1/outreach/templates', { name: 'x', channel: 'sms', body: 'Ciao {{nomee}}' }),
      400,
      'UNKNOWN_PLACEHOLDER',
    );
    expectProblem(await coordinator.post('/api/v1/outreach/preview', { channel: 'sms' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await coordinator.post('/api/v1/outreach/campaigns', { name: 'x', channel: 'sms', templateId: 'nope' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await coordinator.get(`/api/v1/outreach/campaigns/${id}/recipients?limit=0`), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.get(`/api/v1/outreach/campaigns/${id}/messages?limit=0`), 400, 'VALIDATION_FAILED');
    expectProblem(await coordinator.get('/api/v1/outreach/campaigns/abc/start-preview'), 400, 'VALIDATION_FAILED');
    expectProblem(
      await coordinator.post('/api/v1/outreach/campaigns', { name: 'x', channel: 'sms', templateId: id, excludeReachedDays: -1 }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await coordinator.post(`/api/v1/outreach/campaigns/${id}/recipients/${id}/status`, { status: 'invited' }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('templates and preview', () => {
  it('previews an SMS for a synthetic sample with its length and segments', async () => {
    const res = await coordinator.post('/api/v1/outreach/preview', { channel: 'sms', body: SMS_BODY });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.sample).toEqual({ name: 'Maria Rossi', synthetic: true });
    expect(p.body).toContain('Gentile Maria Rossi, la CIGS finisce il 31/03/2027');
    // The ’ of "Centro per l’impiego" is sent as ' so the SMS stays GSM-7 (160/153 a part).
    expect(p.body).toContain("Chiami Centro per l'impiego di Modena");
    expect(p.sms).toMatchObject({ encoding: 'GSM-7', segments: 2, perSegment: 153 });
    const accented = (
      await coordinator.post('/api/v1/outreach/preview', { channel: 'sms', body: 'È arrivato il momento, {{nome}}' })
    ).json();
    expect(accented.sms).toMatchObject({ encoding: 'UCS-2', segments: 1, perSegment: 70, nonGsmCharacters: ['È'] });
  });

  it('previews for a real worker with their own data, and flags unknown placeholders', async () => {
    const res = await coordinator.post('/api/v1/outreach/preview', {
      channel: 'email',
      subject: 'Per {{nome}}',
      body: '{{azienda}} {{giorni_alla_fine_cigs}} {{sconosciuto}}',
      workerId: world.ids['Trenta Giorni'],
    });
    expect(res.json()).toMatchObject({
      subject: 'Per Mario',
      body: 'Ceramiche Prova S.p.A. 30 {{sconosciuto}}',
      sample: { name: 'Mario Trenta Giorni', synthetic: false },
      unknownPlaceholders: ['sconosciuto'],
      sms: null,
    });
  });

  it('refuses a campaign whose template is for another channel', async () => {
    const sms = await template('sms');
    expectProblem(
      await coordinator.post('/api/v1/outreach/campaigns', { name: 'x', channel: 'email', templateId: sms }),
      400,
      'TEMPLATE_CHANNEL_MISMATCH',
    );
  });
});

describe('an SMS campaign', () => {
  let campaignId: string;
  it('targets eligible workers who have not registered, soonest CIGS end first', async () => {
    campaignId = await campaign('sms', await template('sms'), { reminderAfterDays: 7, maxReminders: 1 });
    const started = await coordinator.post(`/api/v1/outreach/campaigns/${campaignId}/start`);
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ status: 'running', counts: { invited: 3, unreachable: 1 }, messages: { sent: 3, queued: 0 } });
    const list = (await coordinator.get(`/api/v1/outreach/campaigns/${campaignId}/recipients`)).json();
    expect(list.total).toBe(4);
    expect(list.items.map((r: { name: string }) => r.name)).toEqual([
      'Mario Trenta Giorni',
      'Mario Senza Telefono',
      'Mario Tre Mesi',
      'Mario Nove Mesi',
    ]);
    expect(list.items[1]).toMatchObject({ status: 'unreachable' });
    const msg = await t.database.db
      .selectFrom('outreach_messages')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('to_address', '=', '+393401000002')
      .executeTakeFirstOrThrow();
    expect(msg).toMatchObject({ transport: 'outbox', status: 'sent' });
    expect(msg.body).toContain('Gentile Mario Trenta Giorni, la CIGS finisce il 30/12/2026 (tra 30 giorni)');
    expect(msg.body).toContain('lun, mar, mer, ven 10:00-13:30');
    expectProblem(await coordinator.post(`/api/v1/outreach/campaigns/${campaignId}/start`), 409, 'CAMPAIGN_STATE');
  });

  it('records a worker’s answer and refuses a transition the state machine does not allow', async () => {
    const list = (await coordinator.get(`/api/v1/outreach/campaigns/${campaignId}/recipients?status=invited`)).json();
    const nine = list.items.find((r: { name: string }) => r.name === 'Mario Nove Mesi');
    const res = await coordinator.post(`/api/v1/outreach/campaigns/${campaignId}/recipients/${nine.id}/status`, {
      status: 'declined',
      reason: 'Ha già un lavoro',
    });
    expect(res.json()).toEqual({ id: nine.id, status: 'declined' });
    const unreachable = (await coordinator.get(`/api/v1/outreach/campaigns/${campaignId}/recipients?status=unreachable`)).json().items[0];
    expectProblem(
      await coordinator.post(`/api/v1/outreach/campaigns/${campaignId}/recipients/${unreachable.id}/status`, { status: 'declined' }),
      409,
      'RECIPIENT_TRANSITION_NOT_ALLOWED',
    );
  });

  it('reminds those still invited after the configured days, once, then stops at the maximum', async () => {
    await at(new Date(NOW.getTime() + 6 * 86400000));
    await coordinator.post('/api/v1/outreach/reminders/run');
    expect((await coordinator.get(`/api/v1/outreach/campaigns/${campaignId}`)).json().counts).toMatchObject({ invited: 2, reminded: 0 });
    await at(new Date(NOW.getTime() + 7 * 86400000 + 60000));
    // A coordinator of another network asking "send now" sends its own network's reminders, not these.
    const reggio = (
      await t.database.db.insertInto('networks').values({ code: 'RE', name: 'Reggio Emilia' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    const outsider = await accountWith(t.app, t.database.db, {
      email: 'coordinatore.guastalla@matrice.example',
      fullName: 'Esposito Emanuele',
      officeId: await createOffice(t.database.db, reggio, 'CPI-GU', 'Centro per l’impiego di Guastalla', 'Guastalla'),
      role: 'coordinator',
      passwordHash: await matrixPasswordHash(),
    });
    expect((await outsider.agent.post('/api/v1/outreach/reminders/run')).json()).toEqual({ reminded: 0, sent: 0, failed: 0 });
    expect((await coordinator.get(`/api/v1/outreach/campaigns/${campaignId}`)).json().counts).toMatchObject({ invited: 2, reminded: 0 });
    const run = (await coordinator.post('/api/v1/outreach/reminders/run')).json();
    expect(run.reminded).toBeGreaterThanOrEqual(2); // the demo campaign's people are due too
    const c = (await coordinator.get(`/api/v1/outreach/campaigns/${campaignId}`)).json();
    expect(c.counts).toMatchObject({ invited: 0, reminded: 2, declined: 1, unreachable: 1 });
    const reminder = await t.database.db
      .selectFrom('outreach_messages')
      .select('body')
      .where('campaign_id', '=', campaignId)
      .where('to_address', '=', '+393401000002')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(reminder.body.startsWith('Promemoria: Gentile Mario')).toBe(true);
    await at(new Date(NOW.getTime() + 20 * 86400000));
    await coordinator.post('/api/v1/outreach/reminders/run');
    expect((await coordinator.get(`/api/v1/outreach/campaigns/${campaignId}`)).json().messages.sent).toBe(5); // max 1 reminder each
    await at(NOW);
  });

  it('finishes the campaign', async () => {
    expect((await coordinator.post(`/api/v1/outreach/campaigns/${campaignId}/finish`)).json()).toMatchObject({ status: 'done' });
    expectProblem(await coordinator.post(`/api/v1/outreach/campaigns/${campaignId}/finish`), 409, 'CAMPAIGN_STATE');
  });
});

describe('starting a campaign: what it will send, and who it leaves out', () => {
  it('shows the recipients, the messages and their billed SMS parts before starting, then the outbox holds each message as sent', async () => {
    const w = await buildOutreachWorld(t.database.db, network, TODAY);
    const smsTemplate = await template('sms');
    const first = await campaign('sms', smsTemplate, { programmeId: w.programmeId });
    const preview = (await coordinator.get(`/api/v1/outreach/campaigns/${first}/start-preview`)).json();
    expect(preview).toMatchObject({
      recipients: 4,
      messages: 3,
      unreachable: 1,
      excluded: { registered: 1, declined: 0, recentlyReached: 0 },
      excludeReachedDays: 30,
      programme: { capacity: 100, placesFree: 99, full: false },
    });
    expect(preview.sample.map((r: { name: string }) => r.name)).toEqual([
      'Trenta Giorni Mario',
      'Senza Telefono Mario',
      'Tre Mesi Mario',
      'Nove Mesi Mario',
    ]);
    expect(preview.sample[1]).toMatchObject({ reachable: false });
    // The preview changes nothing.
    expect((await coordinator.get(`/api/v1/outreach/campaigns/${first}`)).json()).toMatchObject({
      status: 'draft',
      messages: { queued: 0, sent: 0 },
    });

    await coordinator.post(`/api/v1/outreach/campaigns/${first}/start`);
    const outbox = (await coordinator.get(`/api/v1/outreach/campaigns/${first}/messages`)).json();
    expect(outbox.total).toBe(3);
    expect(outbox.items.map((m: { workerName: string }) => m.workerName)).toEqual([
      'Trenta Giorni Mario',
      'Tre Mesi Mario',
      'Nove Mesi Mario',
    ]);
    const stored = await t.database.db
      .selectFrom('outreach_messages')
      .select(['to_address', 'body'])
      .where('campaign_id', '=', first)
      .execute();
    for (const m of outbox.items) {
      expect(m).toMatchObject({ channel: 'sms', transport: 'outbox', status: 'sent', recipientStatus: 'invited' });
      expect(stored).toContainEqual({ to_address: m.to, body: m.body });
    }
    expect(preview.smsParts).toBe(outbox.items.reduce((n: number, m: { body: string }) => n + countSms(m.body).segments, 0));
    expect(
      await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'outreach.outbox_read')
        .where('entity_id', '=', first)
        .executeTakeFirst(),
    ).toBeDefined();

    // An outcome recorded by hand from the outbox: Trenta Giorni declines.
    const trenta = outbox.items[0];
    expect(
      (
        await coordinator.post(`/api/v1/outreach/campaigns/${first}/recipients/${trenta.recipientId}/status`, {
          status: 'declined',
          reason: 'Non interessato',
        })
      ).json().status,
    ).toBe('declined');
    expect((await coordinator.get(`/api/v1/outreach/campaigns/${first}/messages`)).json().items[0].recipientStatus).toBe('declined');

    // A second campaign leaves out who declined, who is registered, and who was reached in the last 30 days; the unreachable one is tried again.
    const second = await campaign('sms', smsTemplate, { programmeId: w.programmeId });
    expect((await coordinator.get(`/api/v1/outreach/campaigns/${second}/start-preview`)).json()).toMatchObject({
      recipients: 1,
      excluded: { registered: 1, declined: 1, recentlyReached: 2 },
    });
    const noWindow = await campaign('sms', smsTemplate, { programmeId: w.programmeId, excludeReachedDays: 0 });
    expect((await coordinator.get(`/api/v1/outreach/campaigns/${noWindow}`)).json().excludeReachedDays).toBe(0);
    expect((await coordinator.get(`/api/v1/outreach/campaigns/${noWindow}/start-preview`)).json()).toMatchObject({
      recipients: 3,
      excluded: { registered: 1, declined: 1, recentlyReached: 0 },
    });

    // A full programme is said before starting: whoever answers will wait.
    expect((await coordinator.patch(`/api/v1/programmes/${w.programmeId}`, { capacity: 1 })).statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/outreach/campaigns/${second}/start-preview`)).json().programme).toMatchObject({
      capacity: 1,
      placesFree: 0,
      full: true,
    });
    expectProblem(await coordinator.get(`/api/v1/outreach/campaigns/${first}/start-preview`), 409, 'CAMPAIGN_STATE');
  });
});

describe('a letter campaign', () => {
  it('returns one A4 page per reachable recipient with their name, and marks the letters printed', async () => {
    const letterBody =
      'Gentile {{nome}} {{cognome}},\nla sua cassa integrazione presso {{azienda}} termina il {{data_fine_cigs}}. Chiami il {{telefono_sede}}.';
    // A world of its own: the SMS campaign above reached these workers (and one declined), and a new campaign leaves them out.
    const letters = await buildOutreachWorld(t.database.db, network, TODAY);
    // A street address with its CAP, as the desk types it.
    await t.database.db
      .updateTable('workers')
      .set({ address: 'Via Emilia Est 120, 41122' })
      .where('id', '=', letters.ids['Trenta Giorni']!)
      .execute();
    const campaignId = await campaign('letter', await template('letter', letterBody, 'Invito al servizio di ricollocazione'), {
      programmeId: letters.programmeId,
    });
    const started = (await coordinator.post(`/api/v1/outreach/campaigns/${campaignId}/start`)).json();
    expect(started.counts).toMatchObject({ invited: 3, unreachable: 1 });
    expect(started.messages).toMatchObject({ queued: 3 });
    const res = await coordinator.post(`/api/v1/outreach/campaigns/${campaignId}/letters`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pages = extractPdfPages(res.rawPayload);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Gentile Mario Trenta Giorni');
    expect(pages[1]).toContain('Mario Tre Mesi');
    expect(pages[2]).toContain('Mario Nove Mesi');
    expect(pages[0]).toContain('Oggetto: Invito al servizio di ricollocazione');
    expect(pages[0]).toContain('termina il 30/12/2026');
    // The window of the envelope: name without salutation, street, then CAP, comune and province.
    expect(pages[0]).toContain('Mario Trenta Giorni Via Emilia Est 120 41122 Modena (MO)');
    expect(pages[0]).not.toContain('Gentile Mario Trenta Giorni Via');
    expect(pages[0]).toContain('Modena, 30 novembre 2026');
    expect((await coordinator.get(`/api/v1/outreach/campaigns/${campaignId}`)).json().messages).toMatchObject({ queued: 0, sent: 3 });
    // A reprint days later carries the letters' own date, not the day of the reprint.
    await at(new Date(NOW.getTime() + 3 * 86400000));
    const reprint = extractPdfPages((await coordinator.post(`/api/v1/outreach/campaigns/${campaignId}/letters`)).rawPayload);
    expect(reprint[0]).toContain('Modena, 30 novembre 2026');
    expect(reprint[0]).not.toContain('3 dicembre 2026');
    await at(NOW);
    const sms = await campaign('sms', await template('sms'));
    expectProblem(await coordinator.post(`/api/v1/outreach/campaigns/${sms}/letters`), 409, 'NOT_A_LETTER_CAMPAIGN');
  });
});

describe('the demo campaigns', () => {
  it('has a running SMS campaign and a finished letter campaign with mixed statuses', async () => {
    const items = (await coordinator.get('/api/v1/outreach/campaigns')).json().items as Array<{
      channel: string;
      status: string;
      counts: Record<string, number>;
    }>;
    const sms = items.find((c) => c.channel === 'sms' && c.status === 'running' && c.counts.registered! > 0);
    const letter = items.find((c) => c.channel === 'letter' && c.status === 'done');
    expect(sms?.counts).toMatchObject({
      invited: expect.any(Number),
      reminded: expect.any(Number),
      declined: expect.any(Number),
      unreachable: expect.any(Number),
    });
    expect(letter?.counts.registered).toBeGreaterThan(0);
    expect((await coordinator.get('/api/v1/outreach/transports')).json()).toEqual({ email: 'outbox', sms: 'outbox' });
  });
});
