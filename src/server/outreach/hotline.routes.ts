import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okSchema } from '../../shared/schemas/common.schema.js';
import {
  attemptRequestSchema,
  callbackListQuerySchema,
  callbackListSchema,
  callbackSchema,
  holidayRequestSchema,
  hotlineHoursRequestSchema,
  hotlineStatusQuerySchema,
  hotlineStatusSchema,
  intakeRequestSchema,
  intakeResponseSchema,
  matchRequestSchema,
  matchResponseSchema,
} from '../../shared/schemas/outreach.schema.js';
import { actorContext } from '../auth/access.js';
import type { HotlineService } from './hotline.service.js';
import type { IntakeService } from './intake.service.js';
import { canManageHotline, canUseHotline } from './outreach.policy.js';

const tags = ['Centralino'];
const idParams = z.strictObject({ id: z.uuid() });
const officeParams = z.strictObject({ officeId: z.uuid() });

export function registerHotlineRoutes(app: FastifyInstance, hotline: HotlineService, intake: IntakeService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/hotline/status', {
    config: { access: canUseHotline },
    schema: { tags, summary: 'Il centralino è aperto ora? Orari, prossima apertura e chiusure', querystring: hotlineStatusQuerySchema, response: { 200: hotlineStatusSchema } },
    handler: async (request) => hotline.status(actorContext(request).actor, request.query.officeId),
  });

  r.put('/api/v1/hotline/hours/:officeId', {
    config: { access: canManageHotline },
    schema: { tags, summary: 'Imposta le fasce orarie del centralino di una sede', params: officeParams, body: hotlineHoursRequestSchema, response: { 200: okSchema } },
    handler: async (request) => {
      await hotline.setHours(actorContext(request), request.params.officeId, request.body.slots);
      return { ok: true as const };
    },
  });

  r.post('/api/v1/hotline/holidays', {
    config: { access: canManageHotline },
    schema: { tags, summary: 'Aggiunge un giorno di chiusura (della sede o di tutta la rete)', body: holidayRequestSchema, response: { 201: okSchema } },
    handler: async (request, reply) => {
      await hotline.addHoliday(actorContext(request), request.body);
      return reply.code(201).send({ ok: true as const });
    },
  });

  r.post('/api/v1/hotline/matches', {
    config: { access: canUseHotline },
    schema: { tags, summary: 'Lavoratori già noti che corrispondono a chi chiama', body: matchRequestSchema, response: { 200: matchResponseSchema } },
    handler: async (request) => hotline.matches(actorContext(request), request.body),
  });

  r.post('/api/v1/hotline/calls', {
    config: { access: canUseHotline },
    schema: { tags, summary: 'Registra una telefonata: abbina o crea il lavoratore, verifica i requisiti, iscrive o mette in richiamata', body: intakeRequestSchema, response: { 201: intakeResponseSchema } },
    handler: async (request, reply) => reply.code(201).send(await intake.record(actorContext(request), request.body)),
  });

  r.get('/api/v1/callbacks', {
    config: { access: canUseHotline },
    schema: { tags, summary: 'Coda delle richiamate: prima le scadute, poi chi ha la CIGS che finisce prima', querystring: callbackListQuerySchema, response: { 200: callbackListSchema } },
    handler: async (request) => ({ items: await hotline.callbacks(actorContext(request).actor, request.query.include) }),
  });

  r.post('/api/v1/callbacks/:id/attempts', {
    config: { access: canUseHotline },
    schema: { tags, summary: 'Registra un tentativo di richiamata e il suo esito', params: idParams, body: attemptRequestSchema, response: { 200: callbackSchema } },
    handler: async (request) => hotline.recordAttempt(actorContext(request), request.params.id, request.body.outcome, request.body.note),
  });
}
