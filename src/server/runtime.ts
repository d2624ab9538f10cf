import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
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
    // After the checkpoint, recovery needs the WAL from its redo point to the current position:
    // the other segments are recycled ones (64 MB of the dump's 138) that a start would write out.
    const { rows } = await sql<{ redo: string; current: string }>`
      select (select redo_wal_file from pg_control_checkpoint()) as redo, pg_walfile_name(pg_current_wal_lsn()) as current`.execute(
      database.db,
    );
    const needed = rows[0]!;
    const dump = Buffer.from(await (await database.dump!()).arrayBuffer());
    const bytes = gzipSync(withoutTarEntries(dump, (path) => isUnneededWalSegment(path, needed.redo, needed.current)));
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

/** A WAL segment file outside [redo, current] (names are fixed-width hexadecimal: they sort as they count). */
function isUnneededWalSegment(path: string, redo: string, current: string): boolean {
  const match = /^\/?pg_wal\/([0-9A-F]{24})$/.exec(path);
  if (!match) return false;
  const segment = match[1]!;
  return segment < redo || segment > current;
}

/** A ustar archive (as PGlite dumps a data directory) without the file entries `drop` names. */
function withoutTarEntries(tar: Buffer, drop: (path: string) => boolean): Buffer {
  const kept: Buffer[] = [];
  const text = (from: number, to: number) => tar.subarray(from, to).toString('latin1').replace(/\0.*$/s, '');
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const prefix = text(offset + 345, offset + 500);
    const name = text(offset, offset + 100);
    const size = Number.parseInt(text(offset + 124, offset + 136).trim() || '0', 8);
    const type = String.fromCharCode(header[156]!);
    const end = offset + 512 + Math.ceil(size / 512) * 512;
    if (!((type === '0' || type === '\0') && drop(prefix ? `${prefix}/${name}` : name))) kept.push(tar.subarray(offset, end));
    offset = end;
  }
  kept.push(Buffer.alloc(1024));
  return Buffer.concat(kept);
}

/**
 * A process killed while PGlite was filling a new data directory from the template leaves half a
 * directory that would never open: with its marker still there and no live process holding the
 * directory's lock, it held no data yet, and is removed so that this start loads it again.
 */
function discardInterruptedLoad(dataDir: string, marker: string) {
  if (!existsSync(marker)) return;
  const lock = `${dataDir}.lock`;
  const holder = existsSync(lock) ? Number.parseInt(readFileSync(lock, 'utf8'), 10) : NaN;
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processIsRunning(holder)) return;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(marker, { force: true });
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
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

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR.
 * A new PGlite data directory starts from the prepared template, as `serve` does: a command run
 * first on a new directory (migrate, create-user, import …) then takes a second or two instead of
 * initialising PostgreSQL and loading the reference data (ten seconds and more of CPU).
 */
export function openConfiguredDatabase(config: AppConfig, options: { background?: boolean } = {}): Promise<Database> {
  return openConfiguredDatabaseFast(config, { ...options, template: true }).then((opened) => opened.database);
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
  const loading = `${dataDir}.loading`;
  discardInterruptedLoad(dataDir, loading);
  if (options.template && isNewDataDirectory(dataDir) && databaseTemplateIsUsable()) {
    const loadDataDir = new Blob([readFileSync(DATABASE_TEMPLATE)]);
    // A marker says the directory is being filled from the template until PGlite has opened it.
    mkdirSync(dirname(loading), { recursive: true });
    writeFileSync(loading, String(process.pid));
    const database = await openDatabase({ dataDir, background: options.background, loadDataDir });
    database.opened.then(() => rmSync(loading, { force: true })).catch(() => undefined);
    return { database, fromTemplate: true };
  }
  return { database: await openDatabase({ dataDir, background: options.background }), fromTemplate: false };
}

export function describeDatabase(config: AppConfig): string {
  if (!config.databaseUrl) return `PGlite in ${join(config.dataDir, 'pgdata')}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
