// What other domains use from auth: who is acting, and the office-scope rule.
export { hasRole, type Actor, type Policy, type RequestContext } from './actor.js';
export { actorContext, requestContext, type RouteAccess } from './access.js';
export { canActOnWorker, noCurrentOffice, requireNetwork, requireOffice, workerOfficeFilter, worksAcrossNetwork, type ActorContext } from './scope.js';
export { hashPassword } from './password.js';
