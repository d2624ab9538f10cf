import type { Actor } from '../auth/index.js';
import type { Executor } from '../db/executor.js';
import { officeNamesById } from '../organisation/index.js';
import { maskWorkerMatch, workerRefsByIds } from '../people/index.js';
import { vacancyRefsByIds } from '../vacancies/index.js';
import type { ApplicationSummary } from '../../shared/schemas/applications.schema.js';
import { rolesInApplicationOffice } from './application.policy.js';
import type { ApplicationRow } from './application.repository.js';
import { allowedApplicationMoves } from './application.states.js';

/**
 * A page of applications as the actor may see them: one query per kind of name (no N+1), the
 * worker masked by people's one rule when they are followed by an office outside the actor's
 * scope (initials and the office's name), and the moves the actor's roles in the application's
 * office allow.
 */
export async function applicationSummaries(db: Executor, actor: Actor, rows: readonly ApplicationRow[]): Promise<ApplicationSummary[]> {
  const [vacancies, workers] = await Promise.all([
    vacancyRefsByIds(
      db,
      rows.map((r) => r.vacancyId),
    ),
    workerRefsByIds(
      db,
      rows.map((r) => r.workerId),
    ),
  ]);
  const offices = await officeNamesById(db, [
    ...new Set([...rows.map((r) => r.officeId), ...[...workers.values()].map((w) => w.officeId)]),
  ]);
  return rows.map((r) => {
    const w = workers.get(r.workerId);
    const worker = maskWorkerMatch(actor, {
      id: r.workerId,
      networkId: w?.networkId ?? r.networkId,
      officeId: w?.officeId ?? r.officeId,
      officeName: offices.get(w?.officeId ?? r.officeId) ?? '',
      firstName: w?.firstName ?? '',
      lastName: w?.lastName ?? '',
      codiceFiscale: null,
      phone: null,
      birthDate: null,
      matchedOn: [],
    });
    return {
      id: r.id,
      vacancyId: r.vacancyId,
      vacancyTitle: vacancies.get(r.vacancyId)?.title ?? '',
      officeId: r.officeId,
      officeName: offices.get(r.officeId) ?? '',
      worker: {
        id: worker.id,
        officeId: worker.officeId,
        officeName: worker.officeName,
        firstName: worker.firstName,
        lastName: worker.lastName,
        inScope: worker.inScope,
      },
      source: r.source,
      state: r.state,
      reasonCode: r.reasonCode,
      sentAt: r.sentAt ? r.sentAt.toISOString() : null,
      interview: r.interviewAt ? { at: r.interviewAt.toISOString(), place: r.interviewPlace, contact: r.interviewContact } : null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      actions: allowedApplicationMoves(r.state, rolesInApplicationOffice(actor, r)).map((m) => ({ action: m.action, reasons: m.reasons })),
    };
  });
}
