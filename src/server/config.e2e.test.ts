import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { loadConfig, parseTrustProxy } from './config.js';
import type { Database } from './db/database.js';
import { DEMO } from '../../tests/helpers/test-app.js';
import { createTestDatabase } from '../../tests/helpers/test-database.js';

describe('TRUST_PROXY and HOST', () => {
  it('listens on 127.0.0.1 unless HOST or --host opens it', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }, { host: '192.0.2.10' }).host).toBe('192.0.2.10');
  });

  it('takes no proxy, a hop count or a list of addresses and networks, and refuses true with the way out', () => {
    for (const none of [undefined, '', '0', 'false']) expect(parseTrustProxy(none)).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy(' 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8,loopback')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY=1 for one/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/Invalid TRUST_PROXY entry: 10\.0\.0\.0\/33/);
    expect(() => parseTrustProxy('proxy.example.it')).toThrow(/Invalid TRUST_PROXY entry/);
  });
});

describe('the client address behind a proxy', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase({ demo: true });
  });
  afterAll(() => database.close());

  /** A failed sign-in through a proxy at 127.0.0.1, as the audit log records its address. */
  async function auditedAddress(env: NodeJS.ProcessEnv, forwardedFor: string) {
    const app = await buildApp({ database, logLevel: 'silent', trustProxy: loadConfig(env).trustProxy });
    let seen = '';
    app.addHook('onRequest', async (request) => {
      seen = request.ip;
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: DEMO.frontoffice, password: `wrong-${forwardedFor}` },
        headers: { 'x-forwarded-for': forwardedFor },
        remoteAddress: '127.0.0.1',
      });
      expect(res.statusCode).toBe(401);
    } finally {
      await app.close();
    }
    const entry = await database.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'auth.sign_in_failed')
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    return { audited: entry.ip, requestIp: seen };
  }

  it('with TRUST_PROXY=1 is the one the proxy saw, not the one the client wrote in front', async () => {
    expect(await auditedAddress({ TRUST_PROXY: '1' }, '6.6.6.6, 203.0.113.7')).toEqual({
      audited: '203.0.113.7',
      requestIp: '203.0.113.7',
    });
  });

  it('with a trusted proxy address is the client the proxy names', async () => {
    expect(await auditedAddress({ TRUST_PROXY: '127.0.0.1' }, '6.6.6.6, 203.0.113.8')).toEqual({
      audited: '203.0.113.8',
      requestIp: '203.0.113.8',
    });
    // A proxy at another address is not believed.
    expect(await auditedAddress({ TRUST_PROXY: '10.0.0.0/8' }, '203.0.113.9')).toEqual({ audited: '127.0.0.1', requestIp: '127.0.0.1' });
  });

  it('without TRUST_PROXY ignores X-Forwarded-For', async () => {
    expect(await auditedAddress({}, '6.6.6.6, 203.0.113.7')).toEqual({ audited: '127.0.0.1', requestIp: '127.0.0.1' });
  });
});
