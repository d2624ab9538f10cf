import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import nodemailer from 'nodemailer';

/**
 * Channel adapters. Where no external service is configured the local outbox transport is
 * used: the message is stored in outreach_messages (as every message is) and marked sent
 * without leaving the machine, and the web UI says so. Real transports:
 * - e-mail over SMTP with nodemailer (env SMTP_URL, e.g. smtp://user:pass@host:587, and
 *   SMTP_FROM for the sender);
 * - SMS through a provider adapter: a generic HTTP gateway (env SMS_PROVIDER_URL and
 *   SMS_PROVIDER_TOKEN) receiving POST {to, text, sender} with a bearer token.
 */
export interface SentReceipt {
  providerId: string;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /**
   * An iCalendar invitation or cancellation (RFC 5545/5546), sent as the text/calendar alternative
   * with its METHOD and as an .ics attachment, as Outlook, Thunderbird and Google Calendar expect.
   */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string; filename: string };
  /** Files attached as they are (a candidate's CV PDF sent to an employer). */
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

export interface EmailSender {
  kind: 'smtp' | 'outbox';
  send(message: EmailMessage): Promise<SentReceipt>;
  close?(): void;
}

export interface SmsProvider {
  kind: 'http' | 'outbox';
  send(to: string, text: string): Promise<SentReceipt>;
}

export interface Channels {
  email: EmailSender;
  sms: SmsProvider;
}

/** Records only: the outbox row is the whole delivery. */
export function outboxEmailSender(): EmailSender {
  return { kind: 'outbox', send: async () => ({ providerId: `outbox-${randomUUID()}` }) };
}

export function outboxSmsProvider(): SmsProvider {
  return { kind: 'outbox', send: async () => ({ providerId: `outbox-${randomUUID()}` }) };
}

/**
 * SMTP through a pool of connections (unless SMTP_URL says `pool=false`): a campaign or a run of
 * reminders sends thousands of messages, and a new connection per message cost 150 ms each here
 * against 49 ms pooled (bench/agenda-reminders.bench.ts). Ten connections by default, within what
 * relays commonly allow one client; a provider that allows fewer says so in SMTP_URL, whose query
 * parameters are nodemailer's options (`?maxConnections=3`). Measured with the product's sender
 * alone against a local smtp-server (bench/agenda/smtp-baseline.ts), 2,000 reminders with their
 * .ics: with Nagle's algorithm on, 14.6 s over 8 connections and 7.6 s over 16 (each message waited
 * for a delayed ACK); with it off (`openWithoutNagle`), 4.0 s over 3 and 3.6 s over 10.
 */
export function smtpTransportUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  if (url.searchParams.get('pool') === 'true' && !url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '10');
  return url.toString();
}

/**
 * The TCP connection to the SMTP server, opened with Nagle's algorithm off. A message's data goes
 * out in several writes; with Nagle the last one waited for the server's delayed ACK, about 40 ms a
 * message whatever the connection's speed (49 ms a message pooled, 4.5 ms without Nagle, measured
 * here). nodemailer upgrades this connection to TLS itself (smtps, or STARTTLS).
 */
function openWithoutNagle(
  options: { host?: string; port?: number },
  callback: (err: Error | null, socket?: { connection: ReturnType<typeof connect> }) => void,
) {
  const socket = connect({ host: options.host, port: options.port ?? 25, noDelay: true });
  const failed = (err: Error) => callback(err);
  socket.once('error', failed);
  socket.once('connect', () => {
    socket.off('error', failed);
    callback(null, { connection: socket });
  });
}

export function smtpEmailSender(smtpUrl: string, from: string): EmailSender {
  const transport = nodemailer.createTransport(smtpTransportUrl(smtpUrl));
  // nodemailer's own hook for the connection (`getSocket`), which a URL cannot carry.
  (transport.transporter as unknown as { getSocket: typeof openWithoutNagle }).getSocket = openWithoutNagle;
  return {
    kind: 'smtp',
    async send({ to, subject, text, calendar, attachments }) {
      const info = await transport.sendMail({
        from,
        to,
        subject,
        text,
        ...(calendar ? { icalEvent: { method: calendar.method, content: calendar.content, filename: calendar.filename } } : {}),
        ...(attachments?.length
          ? { attachments: attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) }
          : {}),
      });
      return { providerId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}

/** A generic HTTP SMS gateway: POST JSON, bearer token, answer { id } (or { messageId }). */
export function httpSmsProvider(options: { url: string; token: string; sender?: string; timeoutMs?: number }): SmsProvider {
  return {
    kind: 'http',
    async send(to, text) {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        body: JSON.stringify({ to, text, sender: options.sender ?? 'CPI' }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const body = (await response.json().catch(() => ({}))) as { id?: unknown; messageId?: unknown; error?: unknown };
      if (!response.ok) throw new Error(`SMS provider answered ${response.status}${body.error ? `: ${String(body.error)}` : ''}`);
      const id = body.id ?? body.messageId;
      if (typeof id !== 'string' && typeof id !== 'number') throw new Error('SMS provider answered without a message id');
      return { providerId: String(id) };
    },
  };
}

export function channelsFromEnv(env: NodeJS.ProcessEnv = process.env): Channels {
  const email = env.SMTP_URL
    ? smtpEmailSender(env.SMTP_URL, env.SMTP_FROM ?? 'Centro per l’impiego <noreply@ricolloca.example>')
    : outboxEmailSender();
  const sms =
    env.SMS_PROVIDER_URL && env.SMS_PROVIDER_TOKEN
      ? httpSmsProvider({ url: env.SMS_PROVIDER_URL, token: env.SMS_PROVIDER_TOKEN, sender: env.SMS_SENDER })
      : outboxSmsProvider();
  return { email, sms };
}
