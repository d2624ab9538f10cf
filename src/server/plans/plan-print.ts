import type { Kysely } from 'kysely';
import type { ActorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { officeById } from '../organisation/index.js';
import { displayNameOf } from '../people/index.js';
import { romeToday } from '../../shared/time/rome-date.js';
import { renderPlanPdf } from './plan-pdf.js';
import type { PlanService } from './plan.service.js';
import { planErrors } from './plans.errors.js';

/** The plan printed for signature: read in the actor's scope (the read is audited), with the office's header. */
export function createPlanPrint(deps: { db: Kysely<DB>; clock: () => Date; plans: PlanService }) {
  return {
    async render(ctx: ActorContext, planId: string): Promise<{ pdf: Buffer; fileName: string }> {
      const { plan, detail, worker } = await deps.plans.forPrint(ctx, planId);
      const office = await officeById(deps.db, plan.officeId);
      if (!office) throw planErrors.planNotFound();
      const pdf = await renderPlanPdf({
        office,
        plan: detail,
        worker: {
          name: worker ? displayNameOf(worker.firstName, worker.lastName) : detail.worker.name,
          codiceFiscale: worker?.codiceFiscale ?? null,
          birthDate: worker?.birthDate ?? null,
        },
        printedOn: romeToday(deps.clock()),
      });
      const slug = detail.worker.name
        .normalize('NFD')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase();
      return { pdf, fileName: `patto-di-servizio-${slug}.pdf` };
    },
  };
}

export type PlanPrintService = ReturnType<typeof createPlanPrint>;
