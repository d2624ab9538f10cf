import { randomUUID } from 'node:crypto';
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
 * against 49 ms pooled (bench/agenda-reminders.bench.ts). A message waits mostly for the server's
 * four answers (MAIL, RCPT, DATA, the end of data), so the pool's size sets the pace: 1,000
 * reminders with their .ics took 16.9 s over 3 connections and 6.9 s over 10 on this machine
 * (bench/agenda/smtp-baseline.ts, load 8.5), and 2,000 took 14.6 s over 8 and 7.6 s over 16 (load 10.8).
 * Ten by default, within what relays commonly allow one client; a provider that allows fewer says
 * so in SMTP_URL, whose query parameters are nodemailer's options (`?maxConnections=3`).
 */
export function smtpTransportUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  if (url.searchParams.get('pool') === 'true' && !url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '10');
  return url.toString();
}

export function smtpEmailSender(smtpUrl: string, from: string): EmailSender {
  const transport = nodemailer.createTransport(smtpTransportUrl(smtpUrl));
  return {
    kind: 'smtp',
    async send({ to, subject, text, calendar }) {
      const info = await transport.sendMail({
        from,
        to,
        subject,
        text,
        ...(calendar ? { icalEvent: { method: calendar.method, content: calendar.content, filename: calendar.filename } } : {}),
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
