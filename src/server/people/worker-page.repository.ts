import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { staffNameColumns } from '../auth/index.js';
import { cigsCaseWithCompanyColumns } from '../companies/index.js';
import { compiledOnce } from '../db/compiled-once.js';
import type { Executor } from '../db/executor.js';
import type { ConsentChannel, ConsentPurpose, WorkerPhonesTable } from '../db/schema-people.js';
import type { CigsReason } from '../db/schema-companies.js';
import type { WorkerDetailRow } from './worker.repository.js';

type WorkerPhoneSource = WorkerPhonesTable['source'];

/** A worker's page as one statement reads it: the record, the CIGS case, current consents, phones. */
export interface WorkerPageRow {
  worker: WorkerDetailRow;
  cigs: { companyId: string; companyName: string; reason: CigsReason; startDate: string } | null;
  /** The latest consent per purpose, in purpose order. */
  consents: Array<{
    purpose: ConsentPurpose;
    granted: boolean;
    channel: ConsentChannel;
    recordedAt: string;
    recordedBy: string | null;
    note: string;
  }>;
  /** Every phone number recorded for the worker, the latest first. */
  phones: Array<{ phone: string; source: WorkerPhoneSource; recordedAt: Date; recordedBy: string | null }>;
}

// Timestamps inside json_agg arrive as text ('2026-11-30T10:15:00.123456+00:00').
const isoOf = (value: string | Date) => new Date(value).toISOString();

// Built and compiled once: its text is the same for any number of ids (one array parameter).
const readPages = compiledOnce((db: Executor, ids: readonly string[]) =>
  db
    .selectFrom('workers as w')
    .leftJoin(cigsCaseWithCompanyColumns(db).as('cc'), 'cc.id', 'w.cigs_case_id')
    .selectAll('w')
    .select([
      'cc.company_id as cc_company_id',
      'cc.company_name as cc_company_name',
      'cc.reason as cc_reason',
      'cc.start_date as cc_start_date',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('worker_consents as k')
          .leftJoin(staffNameColumns(db).as('s'), 's.id', 'k.recorded_by')
          .select(['k.purpose', 'k.granted', 'k.channel', 'k.recorded_at', 's.full_name as recorded_by_name', 'k.note'])
          .distinctOn('k.purpose')
          .whereRef('k.worker_id', '=', 'w.id')
          .orderBy('k.purpose')
          .orderBy('k.recorded_at', 'desc')
          .orderBy('k.id', 'desc'),
      ).as('consents'),
      jsonArrayFrom(
        eb
          .selectFrom('worker_phones as p')
          .select(['p.phone', 'p.source', 'p.recorded_at', 'p.recorded_by'])
          .whereRef('p.worker_id', '=', 'w.id')
          .orderBy('p.recorded_at', 'desc'),
      ).as('phones'),
    ])
    .where('w.id', '=', sql<string>`any(${ids}::uuid[])`),
);

/**
 * The pages of several workers in one statement: each worker with its CIGS case and company
 * (companies' published sub-query), its current consents with who recorded them (auth's staff
 * names sub-query) and its phones, as JSON arrays. The worker page of every concurrent request is
 * read by one such statement (worker.service.ts groups them).
 */
export async function workerPagesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, WorkerPageRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await readPages(db, unique);
  const pages = new Map<string, WorkerPageRow>();
  for (const { cc_company_id, cc_company_name, cc_reason, cc_start_date, consents, phones, ...worker } of rows) {
    pages.set(worker.id, {
      worker,
      cigs:
        cc_company_id !== null && cc_company_name !== null && cc_reason !== null && cc_start_date !== null
          ? { companyId: cc_company_id, companyName: cc_company_name, reason: cc_reason, startDate: cc_start_date }
          : null,
      // The order is set here, not left to json_agg over an ordered sub-query.
      consents: consents
        .map((k) => ({
          purpose: k.purpose,
          granted: k.granted,
          channel: k.channel,
          recordedAt: isoOf(k.recorded_at),
          recordedBy: k.recorded_by_name,
          note: k.note,
        }))
        .sort((a, b) => (a.purpose < b.purpose ? -1 : a.purpose > b.purpose ? 1 : 0)),
      phones: phones
        .map((p) => ({ phone: p.phone, source: p.source, recordedAt: new Date(p.recorded_at), recordedBy: p.recorded_by }))
        .sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime()),
    });
  }
  return pages;
}
