import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalTransports, type GatewayRequest, type LocalTransports } from '../../../tests/helpers/local-transports.js';
import { DEMO, createTestApp, officeIdByCode, signIn, type Agent, type TestApp } from '../../../tests/helpers/test-app.js';
import { networkOf } from '../../../tests/factories/programmes.js';
import { httpSmsProvider, smtpEmailSender } from './channels.js';
import { buildOutreachWorld } from '../../../tests/factories/outreach.js';

// Real transports against local servers: an SMTP server (smtp-server) that parses what it
// receives (mailparser), and an HTTP server standing in for the SMS gateway.
const received: ParsedMail[] = [];
const smsRequests: GatewayRequest[] = [];
let transports: LocalTransports;
let t: TestApp;
let coordinator: Agent;
let world: Awaited<ReturnType<typeof buildOutreachWorld>>;

beforeAll(async () => {
  transports = await startLocalTransports({ from: 'CPI Modena <cpi.modena@ricolloca.example>', mails: received, requests: smsRequests });
  t = await createTestApp();
  t.clock.set(new Date('2026-11-30T09:30:00Z'));
  coordinator = await signIn(t.app, DEMO.coordinator);
  const network = await networkOf(t.database.db, await officeIdByCode(t.database, 'CPI-MO'));
  world = await buildOutreachWorld(t.database.db, network, '2026-11-30');
});

afterAll(async () => {
  await t.close();
  await transports.close();
});

async function startCampaign(channel: 'sms' | 'email', subject: string, body: string) {
  const template = (await coordinator.post('/api/v1/outreach/templates', { name: `T ${channel}`, channel, subject, body })).json();
  const campaign = (
    await coordinator.post('/api/v1/outreach/campaigns', {
      name: `C ${channel}`,
      channel,
      templateId: template.id,
      programmeId: world.programmeId,
      excludeReachedDays: 0,
    })
  ).json();
  return (await coordinator.post(`/api/v1/outreach/campaigns/${campaign.id}/start`)).json();
}

describe('e-mail over SMTP', () => {
  it('reports the real transports', async () => {
    expect((await coordinator.get('/api/v1/outreach/transports')).json()).toEqual({ email: 'smtp', sms: 'http' });
  });

  it('delivers each recipient their own Italian message with the placeholders filled', async () => {
    const c = await startCampaign(
      'email',
      'Servizio di ricollocazione per {{nome}} {{cognome}}',
      'Gentile {{nome}} {{cognome}},\nla sua CIGS presso {{azienda}} termina il {{data_fine_cigs}}: mancano {{giorni_alla_fine_cigs}} giorni.\nChiami il {{telefono_sede}} ({{orari_centralino}}).',
    );
    // Two of the four have an e-mail address; the others are unreachable by this channel.
    expect(c).toMatchObject({ counts: { invited: 2, unreachable: 2 }, messages: { sent: 2, failed: 0 } });
    expect(received).toHaveLength(2);
    const mail = received.find((m) => (m.to as { text: string }).text === 'trenta@posta.example')!;
    expect(mail.subject).toBe('Servizio di ricollocazione per Mario Trenta Giorni');
    expect(mail.from?.text).toContain('cpi.modena@ricolloca.example');
    expect(mail.text).toContain('Gentile Mario Trenta Giorni,');
    expect(mail.text).toContain('la sua CIGS presso Ceramiche Prova S.p.A. termina il 30/12/2026: mancano 30 giorni.');
    expect(mail.text).toContain('(lun, mar, mer, ven 10:00-13:30)');
    const stored = await t.database.db
      .selectFrom('outreach_messages')
      .select(['transport', 'status', 'provider_id'])
      .where('to_address', '=', 'trenta@posta.example')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ transport: 'smtp', status: 'sent' });
    expect(stored.provider_id).toContain('@');
  });
});

describe('e-mail over SMTP with STARTTLS', () => {
  it('upgrades its own connection to TLS when the server offers it and the URL requires it', async () => {
    // smtp-server's own self-signed certificate: trusted here by the URL, as a relay's would be by its CA.
    const secured: boolean[] = [];
    const got: ParsedMail[] = [];
    const tlsServer = new SMTPServer({
      authOptional: true,
      logger: false,
      onData(stream, session, callback) {
        secured.push(session.secure);
        simpleParser(stream).then((mail) => {
          got.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    const port = (tlsServer.server.address() as AddressInfo).port;
    const sender = smtpEmailSender(
      `smtp://127.0.0.1:${port}?requireTLS=true&tls.rejectUnauthorized=false`,
      'CPI Modena <cpi.modena@ricolloca.example>',
    );
    try {
      await sender.send({
        to: 'ilaria.conti@posta.example',
        subject: 'Promemoria',
        text: 'Gentile Ilaria Conti, le ricordiamo il colloquio.',
      });
      await sender.send({
        to: 'nicolo.dangelo@posta.example',
        subject: 'Promemoria',
        text: "Gentile Nicolò D'Angelo, le ricordiamo il colloquio.",
      });
      expect(secured).toEqual([true, true]);
      expect(got.map((m) => m.text?.trim())).toEqual([
        'Gentile Ilaria Conti, le ricordiamo il colloquio.',
        "Gentile Nicolò D'Angelo, le ricordiamo il colloquio.",
      ]);
    } finally {
      sender.close?.();
      await new Promise<void>((resolve) => tlsServer.close(() => resolve()));
    }
  });
});

describe('SMS through the HTTP provider adapter', () => {
  it('posts JSON with the bearer token and records the provider id', async () => {
    const c = await startCampaign('sms', '', 'Gentile {{nome}} {{cognome}}, CIGS fino al {{data_fine_cigs}}. Chiami il {{telefono_sede}}.');
    expect(c.messages).toMatchObject({ sent: 3, failed: 0 });
    expect(smsRequests).toHaveLength(3);
    expect(smsRequests[0]).toEqual({
      auth: 'Bearer test-token',
      body: {
        to: '+393401000002',
        text: 'Gentile Mario Trenta Giorni, CIGS fino al 30/12/2026. Chiami il +39 059 000 9999.',
        sender: 'CPI',
      },
    });
    const stored = await t.database.db
      .selectFrom('outreach_messages')
      .select(['transport', 'provider_id'])
      .where('to_address', '=', '+393401000002')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ transport: 'http', provider_id: 'sms-1' });
  });

  it('throws the provider’s error so the message is marked failed', async () => {
    transports.failNextSms();
    const provider = httpSmsProvider({ url: process.env.SMS_PROVIDER_URL!, token: 'test-token' });
    await expect(provider.send('+393401000002', 'ciao')).rejects.toThrow('SMS provider answered 503: gateway busy');
  });
});
