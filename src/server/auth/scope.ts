import { DomainError } from '../http/problem.js';
import { hasRole, type Actor, type RequestContext } from './actor.js';

/** A request context whose actor is signed in: what every staff use case receives. */
export type ActorContext = RequestContext & { actor: Actor };

/** Raised by any use case that needs a current office (and so a network) when none is chosen. */
export function noCurrentOffice(): DomainError {
  return new DomainError('NO_CURRENT_OFFICE', 409, { it: 'Scegliere prima una sede di lavoro.', en: 'Choose an office to work in first.' });
}

/** The network the actor works in now; every list and write is scoped to it. */
export function requireNetwork(actor: Actor): string {
  if (!actor.networkId) throw noCurrentOffice();
  return actor.networkId;
}

/** The office the actor works in now, with its network. */
export function requireOffice(actor: Actor): { officeId: string; networkId: string } {
  if (!actor.officeId || !actor.networkId) throw noCurrentOffice();
  return { officeId: actor.officeId, networkId: actor.networkId };
}

/**
 * The office-scope rule for personal data: a worker belongs to one office of a network.
 * Front-office operators and consultants work on the workers of their current office;
 * coordinators, job matchers and administrators on every office of their network.
 */
export function worksAcrossNetwork(actor: Actor): boolean {
  return hasRole(actor, 'admin') || hasRole(actor, 'coordinator') || hasRole(actor, 'matcher');
}

/** The office a query of workers is limited to, or null for the whole network. */
export function workerOfficeFilter(actor: Actor): string | null {
  return worksAcrossNetwork(actor) ? null : actor.officeId;
}

/** Whether the actor may see or change a record of this office and network. */
export function canActOnWorker(actor: Actor, record: { networkId: string; officeId: string }): boolean {
  if (!actor.networkId || record.networkId !== actor.networkId) return false;
  return worksAcrossNetwork(actor) || record.officeId === actor.officeId;
}
