import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../src/server/db/database.js';

/**
 * The database a taxonomy benchmark runs on: PGlite in memory (the default, or on disk with
 * BENCH_PGLITE_DIR), or a fresh PostgreSQL database created beside BENCH_DATABASE_URL and dropped
 * afterwards, so a benchmark never touches data it did not make.
 */
export interface BenchDatabase {
  label: string;
  database: Database;
  dispose(): Promise<void>;
}

export async function openBenchDatabases(): Promise<Array<() => Promise<BenchDatabase>>> {
  const openers: Array<() => Promise<BenchDatabase>> = [
    async () => {
      const dir = process.env.BENCH_PGLITE_DIR;
      const database = dir ? await openDatabase({ dataDir: dir }) : await openDatabase({ memory: true });
      return { label: dir ? `PGlite (disk ${dir})` : 'PGlite (memory)', database, dispose: () => database.close() };
    },
  ];
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    openers.push(async () => {
      const name = `rc_bench_${randomBytes(4).toString('hex')}`;
      const admin = await openDatabase({ url, poolSize: 1 });
      await admin.execScript(`create database ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const database = await openDatabase({ url: target.toString() });
      return {
        label: `PostgreSQL (${target.host})`,
        database,
        async dispose() {
          await database.close();
          await admin.execScript(`drop database if exists ${name} with (force)`);
          await admin.close();
        },
      };
    });
  }
  return openers;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
