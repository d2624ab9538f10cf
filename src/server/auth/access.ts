import type { FastifyInstance, FastifyRequest } from 'fastify';
import { httpErrors } from '../http/http.errors.js';
import type { Actor, Policy, RequestContext } from './actor.js';
import type { ActorContext } from './scope.js';
import { authErrors } from './auth.errors.js';
import { safeEqual, type AuthService } from './auth.service.js';

export const SESSION_COOKIE = 'ricolloca_session';
export const CSRF_HEADER = 'x-csrf-token';

/** 'public', or the named policy a signed-in actor must satisfy. */
export type RouteAccess = 'public' | Policy;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable while the account still has to replace its temporary password. */
    allowWithTemporaryPassword?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function requestContext(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: request.id, ip: request.ip };
}

/** The context of a route whose policy guaranteed a signed-in actor. */
export function actorContext(request: FastifyRequest): ActorContext {
  if (!request.actor) throw httpErrors.unauthenticated();
  return { actor: request.actor, requestId: request.id, ip: request.ip };
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Authentication, CSRF and authorisation run in onRequest, before the body is parsed, so an
 * anonymous caller gets 401 and a caller without the permission 403 before any validation.
 */
export function registerAccessControl(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    // Routes outside the API (static web app, not-found) declare no access and need none.
    if (access === undefined) return;
    if (UNSAFE_METHODS.has(request.method) && !sameOrigin(request)) throw httpErrors.crossOrigin();
    if (access === 'public') return;

    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await auth.authenticate(token) : null;
    if (!actor) throw httpErrors.unauthenticated();
    request.actor = actor;

    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, actor.session.csrfToken)) throw httpErrors.csrfFailed();
    }
    if (actor.mustChangePassword && !request.routeOptions.config.allowWithTemporaryPassword) {
      throw authErrors.passwordChangeRequired();
    }
    if (!access(actor)) throw httpErrors.forbidden();
  });
}
