import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** Where the embedded PGlite database lives when DATABASE_URL is not set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Named prepared statements on PostgreSQL (off behind a pooler that cannot keep them). */
  databasePreparedStatements: boolean;
  /** Behind a reverse proxy (HTTPS terminated there): trust X-Forwarded-* so cookies get Secure. */
  trustProxy: boolean;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): AppConfig {
  const port = Number(overrides.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${overrides.port ?? env.PORT}`);
  return {
    port,
    host: overrides.host ?? env.HOST ?? '0.0.0.0',
    dataDir: resolve(overrides.dataDir ?? env.DATA_DIR ?? 'data'),
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    databasePreparedStatements: !['false', '0', 'off'].includes((env.DATABASE_PREPARED_STATEMENTS ?? '').toLowerCase()),
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: resolve(env.WEB_DIR ?? 'dist/web'),
  };
}
