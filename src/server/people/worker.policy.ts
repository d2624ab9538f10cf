import { hasRole, type Actor } from '../auth/actor.js';

/**
 * Scope rule (issue 4 common brief): a worker belongs to one office of a network. Front-office
 * operators and consultants work on the workers of their current office; coordinators, matchers
 * and administrators on every office of their network.
 */
export function worksAcrossNetwork(actor: Actor): boolean {
  return hasRole(actor, 'admin') || hasRole(actor, 'coordinator') || hasRole(actor, 'matcher');
}

/** The office a worker query is limited to, or null for the whole network. */
export function workerOfficeFilter(actor: Actor): string | null {
  return worksAcrossNetwork(actor) ? null : actor.officeId;
}

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

/** Whether the actor may see or change this particular worker. */
export function canAccessWorker(actor: Actor, worker: { networkId: string; officeId: string }): boolean {
  if (!actor.networkId || worker.networkId !== actor.networkId) return false;
  return worksAcrossNetwork(actor) || worker.officeId === actor.officeId;
}
