import { hasRole, type Actor } from '../auth/index.js';

/**
 * Who works with the agenda. Front-office operators book the first meeting during a call;
 * consultants run their own meetings; coordinators and administrators oversee every office's.
 * Job matchers do not hold meetings with workers here (their interviews are the employers').
 */
export function canUseAgenda(actor: Actor): boolean {
  return hasRole(actor, 'consultant') || hasRole(actor, 'frontoffice') || hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}

/**
 * Who reads meetings: the agenda's users, and job matchers for the employer interviews they record
 * (their own agenda, a meeting, a worker's meetings); they book, move and cancel nothing here.
 */
export function canReadAgenda(actor: Actor): boolean {
  return canUseAgenda(actor) || hasRole(actor, 'matcher');
}

/** A job matcher without an agenda role reads only their own agenda (the interviews they recorded). */
export function readsOwnAgendaOnly(actor: Actor): boolean {
  return !canUseAgenda(actor) && hasRole(actor, 'matcher');
}

/** Rooms, and any consultant's availability: coordinators and administrators. */
export function canManageAgenda(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
}

/** A consultant keeps their own weekly availability and absences; coordinators keep everyone's. */
export function canEditAvailabilityOf(actor: Actor, consultantId: string): boolean {
  return canManageAgenda(actor) || (hasRole(actor, 'consultant') && actor.userId === consultantId);
}

/** A consultant's private calendar feed: held by consultants (and coordinators who also meet workers). */
export function canHoldAgendaFeed(actor: Actor): boolean {
  return hasRole(actor, 'consultant') || hasRole(actor, 'coordinator');
}
