import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authEndpoints } from '../../shared/api/auth.endpoints.js';
import { SESSION_COOKIE, actorContext, requestContext } from './access.js';
import { isSignedIn } from './auth.policy.js';
import { SESSION_ABSOLUTE_MS, type AuthService } from './auth.service.js';
import { route } from '../http/endpoint-route.js';
import { pickLanguage } from '../http/problem.js';

const tags = ['Accesso'];

export function registerSessionRoutes(app: FastifyInstance, auth: AuthService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const cookieOptions = (secure: boolean) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
  });

  route(r, authEndpoints.signIn, {
    config: { access: 'public' },
    schema: { tags, summary: 'Accesso del personale con e-mail e password' },
    handler: async (request, reply) => {
      const { email, password, remember = false } = request.body;
      const { token, actor } = await auth.signIn(requestContext(request), {
        email,
        password,
        userAgent: request.headers['user-agent'] ?? '',
      });
      // Without "Ricordami" a browser session cookie (no Max-Age): it ends when the browser closes.
      // Either way the server ends the session after 2 hours idle or 12 hours in all.
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions(request.protocol === 'https'),
        ...(remember && { maxAge: SESSION_ABSOLUTE_MS / 1000 }),
      });
      return auth.view(actor);
    },
  });

  route(r, authEndpoints.signOut, {
    config: { access: isSignedIn, allowWithTemporaryPassword: true },
    schema: { tags, summary: 'Uscita: chiude la sessione corrente' },
    handler: async (request, reply) => {
      await auth.signOut(actorContext(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request.protocol === 'https'));
      return { ok: true as const };
    },
  });

  route(r, authEndpoints.session, {
    config: { access: isSignedIn, allowWithTemporaryPassword: true },
    schema: { tags, summary: 'La sessione corrente: utente, sedi, ruoli e token CSRF' },
    handler: async (request) => auth.view(actorContext(request).actor),
  });

  route(r, authEndpoints.switchOffice, {
    config: { access: isSignedIn },
    schema: { tags, summary: 'Cambia la sede in cui si lavora' },
    handler: async (request) => {
      const ctx = actorContext(request);
      await auth.switchOffice(ctx, request.body.officeId);
      const actor = await auth.authenticate(request.cookies[SESSION_COOKIE] ?? '');
      return auth.view(actor ?? ctx.actor);
    },
  });

  route(r, authEndpoints.changePassword, {
    config: { access: isSignedIn, allowWithTemporaryPassword: true },
    schema: { tags, summary: 'Cambia la propria password' },
    handler: async (request) => {
      await auth.changePassword(actorContext(request), request.body, pickLanguage(request.headers['accept-language']));
      return { ok: true as const };
    },
  });

  route(r, authEndpoints.preferences, {
    config: { access: isSignedIn, allowWithTemporaryPassword: true },
    schema: { tags, summary: 'Preferenze: lingua dell’interfaccia' },
    handler: async (request) => {
      await auth.setLanguage(actorContext(request), request.body.language);
      return { ok: true as const };
    },
  });
}
