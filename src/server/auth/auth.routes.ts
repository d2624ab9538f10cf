import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordRequestSchema,
  preferencesRequestSchema,
  sessionViewSchema,
  signInRequestSchema,
  switchOfficeRequestSchema,
} from '../../shared/schemas/auth.schema.js';
import { okSchema } from '../../shared/schemas/common.schema.js';
import { SESSION_COOKIE, actorContext, requestContext } from './access.js';
import { isSignedIn } from './auth.policy.js';
import { SESSION_ABSOLUTE_MS, type AuthService } from './auth.service.js';

const tags = ['Accesso'];

export function registerAuthRoutes(app: FastifyInstance, auth: AuthService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const cookieOptions = (secure: boolean) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
  });

  r.post('/api/v1/auth/sign-in', {
    config: { access: 'public' },
    schema: { tags, summary: 'Accesso del personale con e-mail e password', body: signInRequestSchema, response: { 200: sessionViewSchema } },
    handler: async (request, reply) => {
      const { token, actor } = await auth.signIn(requestContext(request), {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? '',
      });
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions(request.protocol === 'https'),
        maxAge: SESSION_ABSOLUTE_MS / 1000,
      });
      return auth.view(actor);
    },
  });

  r.post('/api/v1/auth/sign-out', {
    config: { access: isSignedIn, allowWithTemporaryPassword: true },
    schema: { tags, summary: 'Uscita: chiude la sessione corrente', response: { 200: okSchema } },
    handler: async (request, reply) => {
      await auth.signOut(actorContext(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request.protocol === 'https'));
      return { ok: true as const };
    },
  });

  r.get('/api/v1/auth/session', {
    config: { access: isSignedIn, allowWithTemporaryPassword: true },
    schema: { tags, summary: 'La sessione corrente: utente, sedi, ruoli e token CSRF', response: { 200: sessionViewSchema } },
    handler: async (request) => auth.view(actorContext(request).actor),
  });

  r.put('/api/v1/auth/session/office', {
    config: { access: isSignedIn },
    schema: { tags, summary: 'Cambia la sede in cui si lavora', body: switchOfficeRequestSchema, response: { 200: sessionViewSchema } },
    handler: async (request) => {
      const ctx = actorContext(request);
      await auth.switchOffice(ctx, request.body.officeId);
      const actor = await auth.authenticate(request.cookies[SESSION_COOKIE] ?? '');
      return auth.view(actor ?? ctx.actor);
    },
  });

  r.post('/api/v1/auth/password', {
    config: { access: isSignedIn, allowWithTemporaryPassword: true },
    schema: { tags, summary: 'Cambia la propria password', body: changePasswordRequestSchema, response: { 200: okSchema } },
    handler: async (request) => {
      await auth.changePassword(actorContext(request), request.body);
      return { ok: true as const };
    },
  });

  r.put('/api/v1/auth/preferences', {
    config: { access: isSignedIn, allowWithTemporaryPassword: true },
    schema: { tags, summary: 'Preferenze: lingua dell’interfaccia', body: preferencesRequestSchema, response: { 200: okSchema } },
    handler: async (request) => {
      await auth.setLanguage(actorContext(request), request.body.language);
      return { ok: true as const };
    },
  });
}
