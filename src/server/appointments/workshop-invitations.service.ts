import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { ActorContext } from '../auth/index.js';
import { cigsCaseIdsOfCompany, companyOfCases } from '../companies/index.js';
import type { DB } from '../db/schema.js';
import { cigsCasesOfOfficeWorkers, displayNameOf, officeWorkersWhere } from '../people/index.js';
import { workersWithOpenEnrollment } from '../programmes/index.js';
import { workersWithDeliveredService } from '../services/index.js';
import type { InvitationCandidatesQuery } from '../../shared/schemas/workshops.schema.js';
import type { WorkshopService } from './workshop.service.js';
import type { WorkshopRepository } from './workshop.repository.js';

/** The most a preview lists (and a POST of invitations takes). */
const MAX_CANDIDATES = 500;

/**
 * Invitations by selection, previewed before sending: the workers of the session's office with an
 * open enrolment (any state before placed, withdrawn or CIGS ended), either employed by one crisis
 * company, or without CV support yet — no delivered service `cv_support` (the CV itself arrives
 * with the career-services work; until then this is what "without a CV" means). Those already in
 * the session are listed as such and never invited twice (the POST skips them too).
 */
export function createWorkshopInvitations(deps: {
  db: Kysely<DB>;
  workshops: WorkshopRepository;
  service: WorkshopService;
  audit: AuditService;
}) {
  const { db, workshops, service, audit } = deps;

  return {
    /** The crisis companies the office's enrolled workers come from, for the selection's list. */
    async companies(ctx: ActorContext, id: string) {
      const s = await service.sessionFor(db, ctx, id);
      const cases = await cigsCasesOfOfficeWorkers(db, { officeId: s.officeId, in: [workersWithOpenEnrollment(db)] });
      const companies = await companyOfCases(db, [...cases.keys()]);
      const byCompany = new Map<string, { id: string; name: string; workers: number }>();
      for (const [caseId, n] of cases) {
        const c = companies.get(caseId);
        if (!c) continue;
        const entry = byCompany.get(c.companyId) ?? { id: c.companyId, name: c.companyName, workers: 0 };
        entry.workers += n;
        byCompany.set(c.companyId, entry);
      }
      return { items: [...byCompany.values()].sort((a, b) => a.name.localeCompare(b.name, 'it')) };
    },

    /** The preview: who the selection names, each told apart by codice fiscale and company. A read of personal data, audited. */
    async candidates(ctx: ActorContext, id: string, q: InvitationCandidatesQuery) {
      const s = await service.sessionFor(db, ctx, id);
      const workers = await officeWorkersWhere(db, {
        officeId: s.officeId,
        cigsCaseIds: q.companyId ? await cigsCaseIdsOfCompany(db, q.companyId) : undefined,
        in: [workersWithOpenEnrollment(db)],
        notIn: q.without === 'cv_support' ? [workersWithDeliveredService(db, 'cv_support')] : [],
        limit: MAX_CANDIDATES + 1,
      });
      const truncated = workers.length > MAX_CANDIDATES;
      const listed = workers.slice(0, MAX_CANDIDATES);
      const [participants, companies] = await Promise.all([
        workshops.participants(db, id),
        companyOfCases(
          db,
          listed.map((w) => w.cigsCaseId),
        ),
      ]);
      const statusOf = new Map(participants.map((p) => [p.workerId, p.status]));
      const items = listed.map((w) => ({
        worker: { id: w.id, name: displayNameOf(w.firstName, w.lastName) },
        codiceFiscale: w.codiceFiscale,
        companyName: (w.cigsCaseId && companies.get(w.cigsCaseId)?.companyName) || null,
        participantStatus: statusOf.get(w.id) ?? null,
      }));
      await audit.record(db, ctx, {
        action: 'workshop.candidates_read',
        entityType: 'group_session',
        entityId: id,
        entityLabel: s.title,
        officeId: s.officeId,
        details: { companyId: q.companyId ?? null, without: q.without ?? null, workerIds: items.map((i) => i.worker.id) },
      });
      return { items, count: items.filter((i) => i.participantStatus === null).length, truncated };
    },
  };
}

export type WorkshopInvitations = ReturnType<typeof createWorkshopInvitations>;
