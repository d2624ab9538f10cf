import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Database } from './database.js';
import { projectPath } from '../paths.js';
import { loadReferenceData } from '../taxonomy/index.js';

export const MIGRATIONS_DIR = projectPath('migrations');

export interface MigrationFile {
  version: number;
  name: string;
  script: string;
  checksum: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`Migration file name not numbered as NNNN_name.sql: ${file}`);
    const script = readFileSync(`${dir}/${file}`, 'utf8');
    return {
      version: Number(match[1]),
      name: match[2]!,
      script,
      checksum: createHash('sha256').update(script).digest('hex'),
    };
  });
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
  /** Data steps that changed something, e.g. "reference data: istat-cp2011 2011". */
  data: string[];
}

/**
 * A step run after the schema migrations, on every migrate: it must be idempotent and cheap when
 * there is nothing to do. Returns what it changed, for the report.
 */
export interface DataStep {
  name: string;
  run(database: Database): Promise<string[]>;
}

/** The reference classifications (comuni, CP2011, ATECO …) are part of a migrated database. */
export const DATA_STEPS: readonly DataStep[] = [
  {
    name: 'reference data',
    run: async (database) =>
      (await loadReferenceData(database)).filter((r) => r.status === 'loaded').map((r) => `${r.source} ${r.version}`),
  },
];

/**
 * Applies the numbered plain-SQL migrations that are not yet in schema_migrations, each in its
 * own transaction. Migrations are append-only: an applied file whose text changed is an error.
 * Then runs the data steps (by default only with the product's own migrations directory).
 */
export async function migrate(
  database: Database,
  dir = MIGRATIONS_DIR,
  dataSteps: readonly DataStep[] = dir === MIGRATIONS_DIR ? DATA_STEPS : [],
): Promise<MigrationReport> {
  await database.execScript(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`);
  const done = await database.db.selectFrom('schema_migrations').selectAll().execute();
  const byVersion = new Map(done.map((m) => [m.version, m]));
  const report: MigrationReport = { applied: [], alreadyApplied: 0, data: [] };
  for (const migration of readMigrations(dir)) {
    const previous = byVersion.get(migration.version);
    if (previous) {
      if (previous.checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.version}_${migration.name} was changed after it was applied; add a new migration instead`);
      }
      report.alreadyApplied += 1;
      continue;
    }
    await database.runScriptInTransaction(migration.script, {
      sql: 'insert into schema_migrations (version, name, checksum) values ($1, $2, $3)',
      params: [migration.version, migration.name, migration.checksum],
    });
    report.applied.push(`${String(migration.version).padStart(4, '0')}_${migration.name}`);
  }
  for (const step of dataSteps) {
    for (const change of await step.run(database)) report.data.push(`${step.name}: ${change}`);
  }
  return report;
}

export async function databaseIsReachable(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}
