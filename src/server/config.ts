import { isIP } from 'node:net';
import { resolve } from 'node:path';

/**
 * Which reverse proxies are trusted for X-Forwarded-For/-Proto/-Host: none (`false`), the
 * nearest N hops, or the proxies at these addresses or networks (CIDR). As Fastify's
 * `trustProxy` takes them; `true` (trust every hop) is never produced: with it a client's own
 * X-Forwarded-For would set the address used by sign-in throttling and written to the audit log.
 */
export type TrustProxy = false | number | string[];

export interface AppConfig {
  port: number;
  /** The address to listen on: 127.0.0.1 unless HOST or --host opens it (0.0.0.0, an interface's address). */
  host: string;
  /** Where the embedded PGlite database lives when DATABASE_URL is not set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Named prepared statements on PostgreSQL (off behind a pooler that cannot keep them). */
  databasePreparedStatements: boolean;
  /** Behind a reverse proxy (HTTPS terminated there): the proxies whose X-Forwarded-* are believed. */
  trustProxy: TrustProxy;
  /** A new PGlite data directory starts from the prepared template (DATABASE_TEMPLATE=off: initialised and migrated in place). */
  databaseTemplate: boolean;
  /** NODE_ENV=production: a real installation, where the demo is never loaded unless asked for. */
  production: boolean;
  logLevel: string;
  /** The built web app; served at / when present. */
  webDir: string;
}

export interface ConfigOverrides {
  port?: number | string;
  dataDir?: string;
  databaseUrl?: string;
  host?: string;
}

export const DEFAULT_HOST = '127.0.0.1';

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): AppConfig {
  const port = Number(overrides.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${overrides.port ?? env.PORT}`);
  return {
    port,
    host: overrides.host || env.HOST || DEFAULT_HOST,
    dataDir: resolve(overrides.dataDir ?? env.DATA_DIR ?? 'data'),
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    databasePreparedStatements: !['false', '0', 'off'].includes((env.DATABASE_PREPARED_STATEMENTS ?? '').toLowerCase()),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    databaseTemplate: !['false', '0', 'off'].includes((env.DATABASE_TEMPLATE ?? '').toLowerCase()),
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: resolve(env.WEB_DIR ?? 'dist/web'),
  };
}

/**
 * TRUST_PROXY: unset, empty, `false` or `0` trusts no proxy; a whole number N trusts the nearest N
 * hops (`1`: the one reverse proxy in front of Ricolloca); a comma-separated list of addresses and
 * networks trusts those (`127.0.0.1,10.0.0.0/8`; `loopback`, `linklocal` and `uniquelocal` name those ranges). `true` is refused: it would trust every hop, so
 * any client could choose the address it is throttled and audited by — say how many proxies there are.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return false;
  if (text.toLowerCase() === 'true') {
    throw new Error(
      'TRUST_PROXY=true is no longer accepted: it trusted every hop, so a client could set its own address in X-Forwarded-For. ' +
        'Give the number of reverse proxies in front of Ricolloca (TRUST_PROXY=1 for one) or their addresses (TRUST_PROXY=127.0.0.1,10.0.0.0/8).',
    );
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (!Number.isSafeInteger(hops) || hops > 100) throw new Error(`Invalid TRUST_PROXY hop count: ${text}`);
    return hops;
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const invalid = entries.filter((entry) => !isAddressOrNetwork(entry));
  if (invalid.length > 0) {
    throw new Error(
      `Invalid TRUST_PROXY entry: ${invalid.join(', ')} (expected a hop count such as 1, or addresses and CIDR networks such as 127.0.0.1,10.0.0.0/8)`,
    );
  }
  return entries;
}

/** proxy-addr's (Fastify's) names for the loopback, link-local and private ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrNetwork(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * The TRUST_PROXY setting as Fastify takes it. A hop count becomes a function of the hop's index
 * (0 is the connected peer): Fastify itself now trusts nothing for a bare number. With `1`, the
 * peer (the proxy) is believed about the client, and an address the client put in front of the
 * header (`X-Forwarded-For: 6.6.6.6, <real client>`) is not.
 */
export function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false || trust === 0) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}
