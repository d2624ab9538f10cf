import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, type ActorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import type { Dashboard, ExportQuery, Funnel } from '../../shared/schemas/reports.schema.js';
import { SERVICE_CODES, type ServiceTotals, type ServiceTotalsQuery } from '../../shared/schemas/services.schema.js';
import { officeIdsInNetwork } from '../organisation/index.js';
import { programmeErrors, romeDate } from '../programmes/index.js';
import type { Language } from '../http/problem.js';
import type { ExportTable } from './export.js';
import { exportLabels, type ExportLabels } from './export-labels.js';
import type { ReportsRepository } from './reports.repository.js';

const OUTREACH_STATUSES = ['not_contacted', 'invited', 'reminded', 'registered', 'declined', 'unreachable'] as const;

/** The coordinators' dashboard of a programme, and every one of its tables as a download. */
export function createReportsService(deps: { db: Kysely<DB>; repository: ReportsRepository; audit: AuditService; clock: () => Date }) {
  const { db, repository: repo, audit, clock } = deps;

  /** The dashboard, with the workers its waiting and expiring lists name (for the audit entry of whoever reads them). */
  async function collect(
    ctx: ActorContext,
    programmeId: string | undefined,
    limits = { waiting: 100, expiring: 50 },
  ): Promise<{ dashboard: Dashboard; named: { waiting: string[]; expiring: string[] } }> {
    const networkId = requireNetwork(ctx.actor);
    const today = romeDate(clock());
    const programmes = await repo.programmes(db, networkId);
    if (programmeId && !programmes.some((p) => p.id === programmeId)) throw programmeErrors.programmeNotFound();
    const selected = programmeId ?? programmes[0]?.id ?? null;
    const empty = { available: false, byStatus: {}, reached: 0, responded: 0, responseRate: null, registrationRate: null };
    if (!selected) {
      return {
        named: { waiting: [], expiring: [] },
        dashboard: {
          asOf: today,
          programmeId: null,
          programmes,
          byOffice: [],
          byCompany: [],
          waitingList: { total: 0, items: [] },
          expiring: { within30: 0, within60: 0, within90: 0, items: [] },
          outreach: empty,
        },
      };
    }
    // Independent read-only queries: on PostgreSQL they run side by side on the pool.
    const [byOffice, byCompany, waiting, expiringRows, outreachCounts] = await Promise.all([
      repo.byOffice(db, selected),
      repo.byCompany(db, selected),
      repo.waitingList(db, selected, limits.waiting),
      repo.expiring(db, selected, today, limits.expiring),
      repo.outreach(db, selected),
    ]);
    const { workerIds: waitingIds, ...waitingList } = waiting;
    const { workerIds: expiringIds, ...expiring } = expiringRows;
    return {
      named: { waiting: waitingIds, expiring: expiringIds },
      dashboard: {
        asOf: today,
        programmeId: selected,
        programmes,
        byOffice,
        byCompany,
        waitingList,
        expiring,
        outreach: outreachSummary(outreachCounts) ?? empty,
      },
    };
  }

  /**
   * The funder's totals of delivered services over Rome days, for the offices of the caller's
   * network (one of them with `officeId`; an office of another network counts nothing).
   */
  async function serviceTotals(ctx: ActorContext, q: ServiceTotalsQuery): Promise<ServiceTotals> {
    const networkId = requireNetwork(ctx.actor);
    const offices = await officeIdsInNetwork(db, networkId);
    const officeIds = q.officeId ? (offices.has(q.officeId) ? [q.officeId] : []) : null;
    const totals = await repo.serviceTotals(db, {
      networkId,
      officeIds,
      programmeId: q.programmeId,
      from: q.from,
      to: q.to,
      groupBy: q.groupBy,
    });
    return { from: q.from, to: q.to, groupBy: q.groupBy, ...totals };
  }

  /** The people a page of totals names: its workers when grouped by worker. */
  const workersNamed = (t: ServiceTotals) => (t.groupBy === 'worker' ? t.groups.flatMap((g) => (g.id ? [g.id] : [])) : []);

  return {
    /** Audited: per worker, the totals name people (the workers, by id). */
    async serviceTotals(ctx: ActorContext, q: ServiceTotalsQuery): Promise<ServiceTotals> {
      const totals = await serviceTotals(ctx, q);
      await audit.record(db, ctx, {
        action: 'report.services.read',
        entityType: 'service_record',
        entityId: null,
        details: {
          groupBy: q.groupBy,
          from: q.from,
          to: q.to,
          officeId: q.officeId ?? null,
          programmeId: q.programmeId ?? null,
          workerIds: workersNamed(totals),
        },
      });
      return totals;
    },

    /** Audited: its waiting list and expiring workers name people (one row naming them). */
    async dashboard(ctx: ActorContext, programmeId?: string): Promise<Dashboard> {
      const { dashboard: d, named } = await collect(ctx, programmeId);
      await audit.record(db, ctx, {
        action: 'report.dashboard.read',
        entityType: 'programme',
        entityId: d.programmeId,
        details: { workerIds: [...new Set([...named.waiting, ...named.expiring])] },
      });
      return d;
    },

    /** One table of the dashboard in full (no display limits), for CSV or XLSX, in the caller's language. */
    async exportTable(ctx: ActorContext, table: string, query: ExportQuery, language: Language = 'it'): Promise<ExportTable> {
      const programmeId = query.programmeId;
      const l = exportLabels(language);
      const h = l.headers;
      if (table === 'services') {
        const today = romeDate(clock());
        const totals = await serviceTotals(ctx, {
          from: query.from ?? `${today.slice(0, 4)}-01-01`,
          to: query.to ?? today,
          groupBy: query.groupBy ?? 'office',
          officeId: query.officeId,
          programmeId,
        });
        await audit.record(db, ctx, {
          action: 'report.exported',
          entityType: 'service_record',
          entityId: null,
          details: { table, groupBy: totals.groupBy, from: totals.from, to: totals.to, workerIds: workersNamed(totals) },
        });
        return servicesTable(totals, l);
      }
      const { dashboard: d, named } = await collect(ctx, programmeId, { waiting: 1_000_000, expiring: 1_000_000 });
      const funnelCols = [
        { header: h.eligible },
        { header: h.contacted },
        { header: h.registered },
        { header: h.enrolled },
        { header: h.placed },
      ];
      const funnelCells = (f: Funnel) => [f.eligible, f.contacted, f.registered, f.enrolled, f.placed];
      await audit.record(db, ctx, {
        action: 'report.exported',
        entityType: 'programme',
        entityId: d.programmeId,
        entityLabel: d.programmes.find((p) => p.id === d.programmeId)?.name ?? '',
        // The people a file names (waiting list, expiring workers): an export is a read of their data.
        details: { table, workerIds: table === 'waiting' ? named.waiting : table === 'expiring' ? named.expiring : [] },
      });
      switch (table) {
        case 'programmes':
          return {
            name: l.sheets.programmes,
            columns: [
              { header: h.code },
              { header: h.programme, width: 50 },
              { header: h.status },
              { header: h.capacity },
              { header: h.used },
              { header: h.free },
              { header: h.waiting },
              ...funnelCols,
            ],
            rows: d.programmes.map((p) => [
              p.code,
              p.name,
              l.programmeStatus[p.status] ?? p.status,
              p.capacity,
              p.used,
              p.free,
              p.waiting,
              ...funnelCells(p.funnel),
            ]),
          };
        case 'offices':
          return {
            name: l.sheets.offices,
            columns: [{ header: h.office, width: 45 }, { header: h.placesUsed }, { header: h.waiting }, ...funnelCols],
            rows: d.byOffice.map((o) => [o.name, o.used, o.waiting, ...funnelCells(o.funnel)]),
          };
        case 'companies':
          return {
            name: l.sheets.companies,
            columns: [{ header: h.company, width: 45 }, { header: h.placesUsed }, { header: h.waiting }, ...funnelCols],
            rows: d.byCompany.map((c) => [c.name, c.used, c.waiting, ...funnelCells(c.funnel)]),
          };
        case 'waiting':
          return {
            name: l.sheets.waiting,
            columns: [
              { header: h.position },
              { header: h.worker, width: 35 },
              { header: h.office, width: 40 },
              { header: h.cigsEnd, type: 'date' },
              { header: h.requestedAt, width: 18, type: 'datetime' },
            ],
            rows: d.waitingList.items.map((w) => [w.position, w.workerName, w.officeName, w.cigsEndDate, w.requestedAt]),
          };
        case 'expiring':
          return {
            name: l.sheets.expiring,
            columns: [
              { header: h.worker, width: 35 },
              { header: h.office, width: 40 },
              { header: h.company, width: 35 },
              { header: h.cigsEnd, type: 'date' },
              { header: h.daysLeft },
              { header: h.programmeState, width: 24 },
            ],
            rows: d.expiring.items.map((w) => [
              w.workerName,
              w.officeName,
              w.companyName,
              w.cigsEndDate,
              w.daysLeft,
              w.state ? (l.enrollmentStates[w.state] ?? w.state) : l.notInProgramme,
            ]),
          };
        default:
          return {
            name: l.sheets.outreach,
            columns: [{ header: h.outcome }, { header: h.workers }],
            rows: OUTREACH_STATUSES.map((s) => [l.outreachStatus[s] ?? s, d.outreach.byStatus[s] ?? 0]),
          };
      }
    },
  };
}

/**
 * The funder's totals as one sheet: a row per group and service code (count, hours, distinct
 * workers), the group's total over every code after its codes, and the grand totals at the end.
 * Hours with two decimals, as a fund's statement of hours delivered asks.
 */
function servicesTable(t: ServiceTotals, l: ExportLabels): ExportTable {
  const h = l.headers;
  const none = l.servicesNone[t.groupBy] ?? '';
  const rows: ExportTable['rows'] = [];
  const cells = (c: { count: number; hours: number; workers: number }) => [c.count, c.hours, c.workers];
  for (const g of t.groups) {
    for (const code of SERVICE_CODES) {
      const c = g.byCode[code];
      if (c) rows.push([g.name || none, l.serviceCodes[code] ?? code, ...cells(c)]);
    }
    rows.push([g.name || none, l.allServices, ...cells(g.total)]);
  }
  for (const code of SERVICE_CODES) {
    const c = t.byCode[code];
    if (c) rows.push([l.everyGroup, l.serviceCodes[code] ?? code, ...cells(c)]);
  }
  rows.push([l.everyGroup, l.allServices, ...cells(t.total)]);
  return {
    name: l.sheets.services,
    columns: [
      { header: l.servicesGroup[t.groupBy] ?? '', width: 40 },
      { header: h.service, width: 32 },
      { header: h.count },
      { header: h.hours },
      { header: h.servedWorkers },
    ],
    rows,
  };
}

/**
 * Response rate = answers (registered or declined) over workers actually contacted (invited,
 * reminded, answered or found unreachable); registration rate = registered over contacted.
 */
export function outreachSummary(counts: Record<string, number> | undefined): Dashboard['outreach'] | undefined {
  if (!counts) return undefined;
  const byStatus = Object.fromEntries(OUTREACH_STATUSES.map((s) => [s, counts[s] ?? 0]));
  const reached = byStatus.invited! + byStatus.reminded! + byStatus.registered! + byStatus.declined! + byStatus.unreachable!;
  const responded = byStatus.registered! + byStatus.declined!;
  return {
    available: true,
    byStatus,
    reached,
    responded,
    responseRate: reached > 0 ? Math.round((responded / reached) * 1000) / 10 : null,
    registrationRate: reached > 0 ? Math.round((byStatus.registered! / reached) * 1000) / 10 : null,
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
