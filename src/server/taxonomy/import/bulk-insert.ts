import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor.js';

/**
 * Inserts many rows with one statement per chunk: each column travels as one array parameter and
 * `unnest` turns the arrays back into rows. Runs the same on PostgreSQL and PGlite, needs no COPY
 * support from either driver, and costs a few parameters however many rows there are.
 */
export interface BulkColumn<R> {
  name: string;
  /** PostgreSQL element type of the array: text, int, bigint, boolean, jsonb, float8. */
  type: 'text' | 'int' | 'bigint' | 'boolean' | 'jsonb' | 'float8';
  value: (row: R) => unknown;
}

export const CHUNK_ROWS = 10_000;

export function chunks<T>(rows: readonly T[], size = CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < rows.length; at += size) out.push(rows.slice(at, at + size));
  return out;
}

export async function insertRows<R>(
  executor: Executor,
  table: string,
  columns: ReadonlyArray<BulkColumn<R>>,
  rows: readonly R[],
  onConflict: 'error' | 'do nothing' = 'error',
): Promise<void> {
  if (rows.length === 0) return;
  const arrays: RawBuilder<unknown>[] = columns.map((column) => {
    const values = rows.map((row) => {
      const value = column.value(row);
      return column.type === 'jsonb' && value !== null ? JSON.stringify(value) : value;
    });
    return sql`${values}::${sql.raw(column.type)}[]`;
  });
  const names = sql.join(columns.map((column) => sql.ref(column.name)));
  const conflict = onConflict === 'do nothing' ? sql`on conflict do nothing` : sql``;
  await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)}) ${conflict}`.execute(executor);
}
