import { join } from 'node:path';
import type { AppConfig } from './config.js';
import { openDatabase, type Database } from './db/database.js';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
export function openConfiguredDatabase(config: AppConfig, options: { background?: boolean } = {}): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ url: config.databaseUrl, preparedStatements: config.databasePreparedStatements });
  return openDatabase({ dataDir: join(config.dataDir, 'pgdata'), background: options.background });
}

export function describeDatabase(config: AppConfig): string {
  if (!config.databaseUrl) return `PGlite in ${join(config.dataDir, 'pgdata')}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
