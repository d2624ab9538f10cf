import { canActOnWorker, type Actor } from '../auth/index.js';

export { workerOfficeFilter, worksAcrossNetwork } from '../auth/index.js';

/** Anyone with a role in their current office may look workers up (within the scope above). */
export function canReadWorkers(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** Recording and correcting personal data: the hotline, consultants, coordinators, administrators. */
export function canEditWorkers(actor: Actor): boolean {
  return ['admin', 'coordinator', 'consultant', 'frontoffice'].some((role) => actor.roles.includes(role as never));
}

/** Staff who work with the person (matchers included) leave notes on their file. */
export function canAddWorkerNotes(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** Whether the actor may see or change this particular worker (the office-scope rule of auth). */
export const canAccessWorker = canActOnWorker;
