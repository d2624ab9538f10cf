import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppConfig } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate, readMigrations } from './db/migrate.js';
import { projectPath } from './paths.js';

/**
 * A migrated PGlite database with the reference data loaded, as a data-directory dump built once
 * by `npm ci` / `npm run build` (scripts/build.mjs → `ricolloca build-template`). A first start
 * on an empty data directory loads it in one step instead of initialising PostgreSQL, running
 * every migration and loading ~190,000 rows of reference data (≈ 8 s on two cores).
 */
export const DATABASE_TEMPLATE = projectPath('dist/pgdata-template/pgdata.tar.gz');
const TEMPLATE_MANIFEST = projectPath('dist/pgdata-template/manifest.json');

interface TemplateManifest {
  pglite: string;
  migrations: Array<{ version: number; checksum: string }>;
}

function pgliteVersion(): string {
  try {
    return JSON.parse(readFileSync(projectPath('node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function currentManifest(): TemplateManifest {
  return { pglite: pgliteVersion(), migrations: readMigrations().map((m) => ({ version: m.version, checksum: m.checksum })) };
}

/**
 * Whether the template may seed a new data directory: built by this PGlite version, and every
 * migration it holds is, unchanged, one of today's (a migration added since is applied after
 * loading it; reference data added since is loaded by migrate's data step).
 */
export function databaseTemplateIsUsable(): boolean {
  if (!existsSync(DATABASE_TEMPLATE) || !existsSync(TEMPLATE_MANIFEST)) return false;
  try {
    const built = JSON.parse(readFileSync(TEMPLATE_MANIFEST, 'utf8')) as TemplateManifest;
    const now = currentManifest();
    if (built.pglite !== now.pglite) return false;
    const today = new Map(now.migrations.map((m) => [m.version, m.checksum]));
    return built.migrations.every((m) => today.get(m.version) === m.checksum);
  } catch {
    return false;
  }
}

/** Whether the template matches today's migrations exactly (nothing to rebuild). */
export function databaseTemplateIsCurrent(): boolean {
  if (!databaseTemplateIsUsable()) return false;
  const built = JSON.parse(readFileSync(TEMPLATE_MANIFEST, 'utf8')) as TemplateManifest;
  return built.migrations.length === currentManifest().migrations.length;
}

/** Builds the template in memory (migrations and reference data) and writes it beside, then into place. */
export async function buildDatabaseTemplate(): Promise<{ bytes: number; ms: number }> {
  const started = performance.now();
  const manifest = currentManifest();
  const database = await openDatabase({ memory: true });
  try {
    await migrate(database);
    await database.execScript('checkpoint');
    const dump = await database.dump!();
    const bytes = Buffer.from(await new Response(dump.stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
    mkdirSync(dirname(DATABASE_TEMPLATE), { recursive: true });
    const temporary = `${DATABASE_TEMPLATE}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, DATABASE_TEMPLATE);
    writeFileSync(TEMPLATE_MANIFEST, JSON.stringify(manifest, null, 2));
    return { bytes: bytes.length, ms: performance.now() - started };
  } finally {
    await database.close();
  }
}

/** A PGlite data directory that does not exist yet, or is empty. */
function isNewDataDirectory(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

export interface OpenedDatabase {
  database: Database;
  /** The data directory was new and was loaded from the prepared template. */
  fromTemplate: boolean;
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
export function openConfiguredDatabase(config: AppConfig, options: { background?: boolean } = {}): Promise<Database> {
  return openConfiguredDatabaseFast(config, { ...options, template: false }).then((opened) => opened.database);
}

/**
 * As openConfiguredDatabase; with `template`, a new PGlite data directory is loaded from the
 * prepared template when it is usable (else initialised as usual).
 */
export async function openConfiguredDatabaseFast(
  config: AppConfig,
  options: { background?: boolean; template?: boolean } = {},
): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    return {
      database: await openDatabase({ url: config.databaseUrl, preparedStatements: config.databasePreparedStatements }),
      fromTemplate: false,
    };
  }
  const dataDir = join(config.dataDir, 'pgdata');
  if (options.template && isNewDataDirectory(dataDir) && databaseTemplateIsUsable()) {
    const loadDataDir = new Blob([readFileSync(DATABASE_TEMPLATE)]);
    return { database: await openDatabase({ dataDir, background: options.background, loadDataDir }), fromTemplate: true };
  }
  return { database: await openDatabase({ dataDir, background: options.background }), fromTemplate: false };
}

export function describeDatabase(config: AppConfig): string {
  if (!config.databaseUrl) return `PGlite in ${join(config.dataDir, 'pgdata')}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
