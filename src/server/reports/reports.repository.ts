import { companyNamesById } from '../companies/index.js';
import type { Executor } from '../db/executor.js';
import { officeNamesById } from '../organisation/index.js';
import { recipientStatusCounts } from '../outreach/index.js';
import { staffNamesById } from '../auth/index.js';
import { workerRefsByIds } from '../people/index.js';
import {
  expiringEligible,
  funnelByCompany,
  funnelByOffice,
  programmeFunnels,
  programmeNamesById,
  waitingListHead,
  type FunnelCounts,
} from '../programmes/index.js';
import { serviceTotals, type ServiceTotalsFilter, type TotalsFigures } from '../services/index.js';
import type { Funnel } from '../../shared/schemas/reports.schema.js';
import type { ServiceTotals, TotalsCell } from '../../shared/schemas/services.schema.js';

// The order of names, as localeCompare(…, 'it') without building a collator per comparison (20,000 workers).
const italian = new Intl.Collator('it');

const cellOf = (f: TotalsFigures): TotalsCell => ({ ...f, hours: Math.round((f.minutes / 60) * 100) / 100 });

/** The names of the groups of the services' totals, from their owners' batch lookups. */
async function groupNames(db: Executor, groupBy: ServiceTotalsFilter['groupBy'], ids: string[]): Promise<Map<string, string>> {
  switch (groupBy) {
    case 'worker': {
      const workers = await workerRefsByIds(db, ids);
      return new Map([...workers].map(([id, w]) => [id, `${w.lastName} ${w.firstName}`.trim()]));
    }
    case 'consultant':
      return staffNamesById(db, ids);
    case 'office':
      return officeNamesById(db, ids);
    default:
      return programmeNamesById(db, ids);
  }
}

const funnelOf = (r: FunnelCounts): Funnel => ({
  eligible: r.eligible,
  contacted: r.contacted,
  registered: r.registered,
  enrolled: r.enrolled,
  placed: r.placed,
});

/**
 * The dashboard's reads. Reports owns no table: each figure comes from the query its owner
 * publishes (programmes' funnels, waiting list and expiring eligible workers, outreach's answers),
 * and the names from the owners' batch lookups (organisation, companies, people), one query per
 * table of the dashboard.
 */
export function createReportsRepository() {
  return {
    async programmes(db: Executor, networkId: string) {
      const rows = await programmeFunnels(db, networkId);
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        status: r.status,
        capacity: r.capacity,
        used: r.used,
        free: Math.max(0, r.capacity - r.used),
        waiting: r.waiting,
        funnel: funnelOf(r),
      }));
    },

    async byOffice(db: Executor, programmeId: string) {
      const rows = await funnelByOffice(db, programmeId);
      const names = await officeNamesById(
        db,
        rows.map((r) => r.office_id),
      );
      return rows
        .map((r) => ({ id: r.office_id, name: names.get(r.office_id) ?? '', used: r.used, waiting: r.waiting, funnel: funnelOf(r) }))
        .sort((a, b) => italian.compare(a.name, b.name));
    },

    async byCompany(db: Executor, programmeId: string) {
      const rows = await funnelByCompany(db, programmeId);
      const names = await companyNamesById(
        db,
        rows.map((r) => r.company_id),
      );
      return rows
        .map((r) => ({
          id: r.company_id,
          name: (r.company_id && names.get(r.company_id)) || 'Senza azienda',
          used: r.used,
          waiting: r.waiting,
          funnel: funnelOf(r),
        }))
        .sort((a, b) => b.funnel.eligible - a.funnel.eligible || italian.compare(a.name, b.name));
    },

    async waitingList(db: Executor, programmeId: string, limit: number) {
      const { total, rows } = await waitingListHead(db, programmeId, limit);
      const [workers, offices] = await Promise.all([
        workerRefsByIds(
          db,
          rows.map((r) => r.worker_id),
        ),
        officeNamesById(
          db,
          rows.map((r) => r.office_id),
        ),
      ]);
      return {
        total,
        /** The workers named, for the audit entry of the read (not part of the answer). */
        workerIds: rows.map((r) => r.worker_id),
        items: rows.map((r) => {
          const w = workers.get(r.worker_id);
          return {
            position: r.position,
            workerName: w ? `${w.lastName} ${w.firstName}`.trim() : '',
            officeName: offices.get(r.office_id) ?? '',
            cigsEndDate: r.priority_cigs_end,
            requestedAt: r.requested_at ? new Date(r.requested_at).toISOString() : null,
          };
        }),
      };
    },

    async expiring(db: Executor, programmeId: string, today: string, limit: number) {
      const e = await expiringEligible(db, programmeId, today, limit);
      const [offices, companies] = await Promise.all([
        officeNamesById(
          db,
          e.rows.map((r) => r.office_id),
        ),
        companyNamesById(
          db,
          e.rows.map((r) => r.company_id),
        ),
      ]);
      return {
        within30: e.within30,
        within60: e.within60,
        within90: e.within90,
        workerIds: e.rows.map((r) => r.id),
        items: e.rows.map((r) => ({
          workerName: `${r.last_name} ${r.first_name}`.trim(),
          officeName: offices.get(r.office_id) ?? '',
          companyName: r.company_id ? (companies.get(r.company_id) ?? null) : null,
          cigsEndDate: r.cigs_end_date!,
          daysLeft: r.days_left,
          state: r.state,
        })),
      };
    },

    /**
     * The funder's totals of delivered services (services' published query), each group named;
     * groups by name, the records without a consultant or a programme (name '') last.
     */
    async serviceTotals(db: Executor, filter: ServiceTotalsFilter): Promise<Omit<ServiceTotals, 'from' | 'to' | 'groupBy'>> {
      const rows = await serviceTotals(db, filter);
      const keys = [...new Set(rows.groups.flatMap((g) => (g.key ? [g.key] : [])))];
      const names = await groupNames(db, filter.groupBy, keys);
      const groups = new Map<string | null, ServiceTotals['groups'][number]>();
      for (const g of rows.groups) {
        let group = groups.get(g.key);
        if (!group) {
          group = {
            id: g.key,
            name: g.key ? (names.get(g.key) ?? '') : '',
            byCode: {},
            total: cellOf({ count: 0, minutes: 0, workers: 0 }),
          };
          groups.set(g.key, group);
        }
        if (g.code) group.byCode[g.code] = cellOf(g);
        else group.total = cellOf(g);
      }
      return {
        groups: [...groups.values()].sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : italian.compare(a.name, b.name))),
        byCode: Object.fromEntries([...rows.byCode].map(([code, f]) => [code, cellOf(f)])),
        total: cellOf(rows.total),
      };
    },

    /** Outreach answers by status (outreach's published count). */
    outreach: (db: Executor, programmeId: string) => recipientStatusCounts(db, programmeId),
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
