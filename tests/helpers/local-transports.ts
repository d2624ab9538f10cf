import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One request the SMS gateway received: its bearer token and the body the product posted. */
export interface GatewayRequest {
  auth: string | undefined;
  body: { to: string; text: string; sender: string };
}

export interface LocalTransports {
  /** The gateway's next answer is a 503 "gateway busy". */
  failNextSms(): void;
  /** Restores the environment and stops both servers. */
  close(): Promise<void>;
}

/**
 * Real transports for the e2e tests that send: a local SMTP server (smtp-server) parsing what it
 * receives into `mails`, and an HTTP server standing in for the SMS gateway, which records every
 * request in `requests` and the texts it accepted in `sms`. Sets SMTP_URL, SMTP_FROM,
 * SMS_PROVIDER_URL and SMS_PROVIDER_TOKEN for the app the test builds next (channelsFromEnv), and
 * puts the environment back on close.
 */
export async function startLocalTransports(options: {
  from: string;
  mails: ParsedMail[];
  sms?: GatewayRequest['body'][];
  requests?: GatewayRequest[];
  /** Addresses the SMTP server refuses (550), for as long as they are in the set. */
  refusedRecipients?: Set<string>;
}): Promise<LocalTransports> {
  const saved = { ...process.env };
  const { mails } = options;
  const requests = options.requests ?? [];
  let failNext = false;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refusedRecipients?.has(address.address.toLowerCase())) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        mails.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const gateway: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const request: GatewayRequest = { auth: req.headers.authorization, body: JSON.parse(data) };
      requests.push(request);
      if (failNext) {
        failNext = false;
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'gateway busy' }));
        return;
      }
      options.sms?.push(request.body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sms-${requests.length}` }));
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.SMTP_FROM = options.from;
  process.env.SMS_PROVIDER_URL = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/messages`;
  process.env.SMS_PROVIDER_TOKEN = 'test-token';
  return {
    failNextSms: () => void (failNext = true),
    async close() {
      process.env = saved;
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    },
  };
}
