import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hotlineEndpoints } from '../../shared/api/outreach.endpoints.js';
import { actorContext } from '../auth/index.js';
import type { HotlineService } from './hotline.service.js';
import type { IntakeService } from './intake.service.js';
import { canManageHotline, canUseHotline } from './outreach.policy.js';
import { route } from '../http/endpoint-route.js';
import { pickLanguage } from '../http/problem.js';

const tags = ['Centralino'];

export function registerHotlineRoutes(app: FastifyInstance, hotline: HotlineService, intake: IntakeService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, hotlineEndpoints.status, {
    config: { access: canUseHotline },
    schema: { tags, summary: 'Il centralino è aperto ora? Orari, prossima apertura e chiusure' },
    handler: async (request) => hotline.status(actorContext(request).actor, request.query.officeId),
  });

  route(r, hotlineEndpoints.setHours, {
    config: { access: canManageHotline },
    schema: { tags, summary: 'Imposta le fasce orarie del centralino di una sede' },
    handler: async (request) => {
      await hotline.setHours(actorContext(request), request.params.officeId, request.body.slots);
      return { ok: true as const };
    },
  });

  route(r, hotlineEndpoints.addHoliday, {
    config: { access: canManageHotline },
    schema: { tags, summary: 'Aggiunge un giorno di chiusura (della sede o di tutta la rete)' },
    handler: async (request, reply) => {
      await hotline.addHoliday(actorContext(request), request.body, pickLanguage(request.headers['accept-language']));
      return reply.code(201).send({ ok: true as const });
    },
  });

  route(r, hotlineEndpoints.matches, {
    config: { access: canUseHotline },
    schema: { tags, summary: 'Lavoratori già noti che corrispondono a chi chiama' },
    handler: async (request) => hotline.matches(actorContext(request), request.body),
  });

  route(r, hotlineEndpoints.recordCall, {
    config: { access: canUseHotline },
    schema: {
      tags,
      summary:
        'Registra una telefonata in una transazione: abbina o crea il lavoratore, verifica i requisiti, iscrive o mette in richiamata, o passa la chiamata alla sede che segue il lavoratore',
    },
    handler: async (request, reply) => reply.code(201).send(await intake.record(actorContext(request), request.body)),
  });

  route(r, hotlineEndpoints.callbacks, {
    config: { access: canUseHotline },
    schema: { tags, summary: 'Coda delle richiamate: prima le scadute, poi chi ha la CIGS che finisce prima' },
    handler: async (request) => ({ items: await hotline.callbacks(actorContext(request), request.query.include) }),
  });

  route(r, hotlineEndpoints.recordAttempt, {
    config: { access: canUseHotline },
    schema: { tags, summary: 'Registra un tentativo di richiamata e il suo esito' },
    handler: async (request) => hotline.recordAttempt(actorContext(request), request.params.id, request.body.outcome, request.body.note),
  });
}
