import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, type Actor, type ActorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import type { Dashboard, Funnel } from '../../shared/schemas/reports.schema.js';
import { romeDate } from '../programmes/eligibility.js';
import { programmeErrors } from '../programmes/programme.errors.js';
import type { ExportTable } from './export.js';
import type { ReportsRepository } from './reports.repository.js';


const OUTREACH_STATUSES = ['not_contacted', 'invited', 'reminded', 'registered', 'declined', 'unreachable'] as const;
const STATE_LABELS: Record<string, string> = {
  eligible: 'Avente diritto',
  contacted: 'Contattato',
  declined: 'Ha rifiutato',
  withdrawn: 'Ritirato',
  cigs_ended: 'CIGS terminata',
};

/** The coordinators' dashboard of a programme, and every one of its tables as a download. */
export function createReportsService(deps: { db: Kysely<DB>; repository: ReportsRepository; audit: AuditService; clock: () => Date }) {
  const { db, repository: repo, audit, clock } = deps;

  async function dashboard(ctx: ActorContext, programmeId: string | undefined, limits = { waiting: 100, expiring: 50 }): Promise<Dashboard> {
    const networkId = requireNetwork(ctx.actor);
    const today = romeDate(clock());
    const programmes = await repo.programmes(db, networkId);
    if (programmeId && !programmes.some((p) => p.id === programmeId)) throw programmeErrors.programmeNotFound();
    const selected = programmeId ?? programmes[0]?.id ?? null;
    const empty = { available: false, byStatus: {}, reached: 0, responded: 0, responseRate: null, registrationRate: null };
    if (!selected) {
      return { asOf: today, programmeId: null, programmes, byOffice: [], byCompany: [], waitingList: { total: 0, items: [] }, expiring: { within30: 0, within60: 0, within90: 0, items: [] }, outreach: empty };
    }
    // Independent read-only queries: on PostgreSQL they run side by side on the pool.
    const [byOffice, byCompany, waitingList, expiring, outreachCounts] = await Promise.all([
      repo.byOffice(db, selected),
      repo.byCompany(db, selected),
      repo.waitingList(db, selected, limits.waiting),
      repo.expiring(db, selected, today, limits.expiring),
      repo.outreach(db, selected),
    ]);
    await audit.record(db, ctx, { action: 'report.dashboard.read', entityType: 'programme', entityId: selected });
    return { asOf: today, programmeId: selected, programmes, byOffice, byCompany, waitingList, expiring, outreach: outreachSummary(outreachCounts) ?? empty };
  }

  return {
    dashboard: (ctx: ActorContext, programmeId?: string) => dashboard(ctx, programmeId),

    /** One table of the dashboard in full (no display limits), for CSV or XLSX. */
    async exportTable(ctx: ActorContext, table: string, programmeId?: string): Promise<ExportTable> {
      const d = await dashboard(ctx, programmeId, { waiting: 1_000_000, expiring: 1_000_000 });
      const funnelCols = [{ header: 'Aventi diritto' }, { header: 'Contattati' }, { header: 'Iscritti' }, { header: 'Con patto di servizio' }, { header: 'Collocati' }];
      const funnelCells = (f: Funnel) => [f.eligible, f.contacted, f.registered, f.enrolled, f.placed];
      await audit.record(db, ctx, { action: 'report.exported', entityType: 'programme', entityId: d.programmeId, details: { table } });
      switch (table) {
        case 'programmes':
          return {
            name: 'Programmi',
            columns: [{ header: 'Codice' }, { header: 'Programma', width: 50 }, { header: 'Stato' }, { header: 'Posti' }, { header: 'Occupati' }, { header: 'Liberi' }, { header: 'In attesa' }, ...funnelCols],
            rows: d.programmes.map((p) => [p.code, p.name, p.status, p.capacity, p.used, p.free, p.waiting, ...funnelCells(p.funnel)]),
          };
        case 'offices':
          return { name: 'Sedi', columns: [{ header: 'Sede', width: 45 }, { header: 'Posti occupati' }, { header: 'In attesa' }, ...funnelCols], rows: d.byOffice.map((o) => [o.name, o.used, o.waiting, ...funnelCells(o.funnel)]) };
        case 'companies':
          return { name: 'Aziende', columns: [{ header: 'Azienda', width: 45 }, { header: 'Posti occupati' }, { header: 'In attesa' }, ...funnelCols], rows: d.byCompany.map((c) => [c.name, c.used, c.waiting, ...funnelCells(c.funnel)]) };
        case 'waiting':
          return {
            name: 'Lista d’attesa',
            columns: [{ header: 'Posizione' }, { header: 'Lavoratore', width: 35 }, { header: 'Sede', width: 40 }, { header: 'Fine CIGS' }, { header: 'Richiesta il', width: 24 }],
            rows: d.waitingList.items.map((w) => [w.position, w.workerName, w.officeName, w.cigsEndDate, w.requestedAt]),
          };
        case 'expiring':
          return {
            name: 'CIGS in scadenza',
            columns: [{ header: 'Lavoratore', width: 35 }, { header: 'Sede', width: 40 }, { header: 'Azienda', width: 35 }, { header: 'Fine CIGS' }, { header: 'Giorni rimasti' }, { header: 'Stato nel programma' }],
            rows: d.expiring.items.map((w) => [w.workerName, w.officeName, w.companyName, w.cigsEndDate, w.daysLeft, w.state ? (STATE_LABELS[w.state] ?? w.state) : 'Non presente']),
          };
        default:
          return {
            name: 'Contatti',
            columns: [{ header: 'Esito' }, { header: 'Lavoratori' }],
            rows: OUTREACH_STATUSES.map((s) => [s, d.outreach.byStatus[s] ?? 0]),
          };
      }
    },
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
