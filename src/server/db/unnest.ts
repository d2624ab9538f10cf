import { sql, type RawBuilder } from 'kysely';
import type { Executor } from './executor.js';

/**
 * Bulk writes as one statement per batch: every column travels as one array parameter and the
 * rows come from `unnest(…)`, the same on PostgreSQL and PGlite (no thousand-parameter VALUES
 * lists, no per-row round trips). Used by the owners' repositories for imports of 100,000 rows.
 */

/** Rows per statement: every column is one array parameter, so this only bounds memory. */
export const BATCH_ROWS = 5_000;

export interface UnnestColumn<R> {
  name: string;
  type: 'text' | 'uuid' | 'date' | 'int' | 'jsonb';
  value: (row: R) => unknown;
}

export function batches<T>(rows: readonly T[], size = BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < rows.length; at += size) out.push(rows.slice(at, at + size));
  return out;
}

function arrays<R>(columns: ReadonlyArray<UnnestColumn<R>>, rows: readonly R[]): RawBuilder<unknown>[] {
  return columns.map((c) => {
    const values = rows.map((r) => {
      const v = c.value(r);
      return c.type === 'jsonb' && v !== null && v !== undefined ? JSON.stringify(v) : (v ?? null);
    });
    return sql`${values}::${sql.raw(c.type)}[]`;
  });
}

/** Multi-row INSERT … SELECT FROM unnest(…). `table` is the caller's own table. */
export async function insertMany<R>(executor: Executor, table: string, columns: ReadonlyArray<UnnestColumn<R>>, rows: readonly R[]) {
  for (const batch of batches(rows)) {
    const names = sql.join(columns.map((c) => sql.ref(c.name)));
    await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays(columns, batch))})`.execute(executor);
  }
}

/** UPDATE … FROM unnest(…) keyed by the first column (id). */
export async function updateMany<R>(executor: Executor, table: string, columns: ReadonlyArray<UnnestColumn<R>>, rows: readonly R[]) {
  const [key, ...rest] = columns;
  for (const batch of batches(rows)) {
    const sets = sql.join(rest.map((c) => sql`${sql.ref(c.name)} = v.${sql.ref(c.name)}`));
    const names = sql.join(columns.map((c) => sql.ref(c.name)));
    await sql`update ${sql.table(table)} as t set ${sets}, updated_at = now()
      from unnest(${sql.join(arrays(columns, batch))}) as v(${names})
      where t.${sql.ref(key!.name)} = v.${sql.ref(key!.name)}`.execute(executor);
  }
}
