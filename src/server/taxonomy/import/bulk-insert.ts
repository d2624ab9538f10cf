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

/** How long one step of a staged import (its own transaction on PGlite) should last. */
export const STEP_TARGET_MS = 100;

/**
 * Rows per step. One transaction (PostgreSQL): always `rows`. Staged (PGlite, whose statements run
 * on the server's thread and hold its only connection): the size follows what the last step took,
 * aiming at STEP_TARGET_MS, because a row's cost differs tenfold between tables (a label feeds six
 * indexes, a relation two) and with the load of the machine; never more than `rows`.
 */
export function stepSizer(staged: boolean, rows: number) {
  let size = staged ? Math.min(rows, 500) : rows;
  return {
    size: () => size,
    took(ms: number, written: number) {
      if (!staged || written === 0) return;
      size = Math.max(50, Math.min(rows, Math.round((written * STEP_TARGET_MS) / Math.max(ms, 1))));
    },
  };
}

/** Writes `rows` a part per step, each part as large as the sizer says; `onPart` (awaited) hears the rows done so far. */
export async function writeInSteps<R>(
  step: <T>(fn: (executor: Executor) => Promise<T>) => Promise<T>,
  rows: readonly R[],
  sizer: ReturnType<typeof stepSizer>,
  write: (executor: Executor, part: readonly R[]) => Promise<unknown>,
  onPart?: (done: number) => Promise<void> | void,
): Promise<void> {
  for (let at = 0; at < rows.length;) {
    const part = rows.slice(at, at + sizer.size());
    const started = performance.now();
    await step((executor) => write(executor, part));
    sizer.took(performance.now() - started, part.length);
    at += part.length;
    await onPart?.(at);
  }
}
