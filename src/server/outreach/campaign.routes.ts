import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  campaignListSchema,
  campaignParamsSchema,
  campaignRequestSchema,
  campaignSchema,
  previewRequestSchema,
  previewSchema,
  recipientListQuerySchema,
  recipientListSchema,
  recipientParamsSchema,
  recipientStatusRequestSchema,
  reminderRunSchema,
  templateListSchema,
  templateRequestSchema,
  templateSchema,
  transportsSchema,
} from '../../shared/schemas/outreach.schema.js';
import { z } from 'zod';
import { actorContext } from '../auth/access.js';
import type { CampaignDelivery } from './campaign-delivery.js';
import type { CampaignService } from './campaign.service.js';
import type { Channels } from './channels.js';
import { canManageOutreach } from './outreach.policy.js';

const tags = ['Campagne di contatto'];
const idParams = z.strictObject({ id: z.uuid() });

export function registerCampaignRoutes(app: FastifyInstance, service: CampaignService, delivery: CampaignDelivery, channels: Channels) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = canManageOutreach;

  r.get('/api/v1/outreach/transports', {
    config: { access },
    schema: { tags, summary: 'Come partono e-mail e SMS: trasporto reale o archivio locale (outbox)', response: { 200: transportsSchema } },
    handler: async () => ({ email: channels.email.kind, sms: channels.sms.kind }),
  });

  r.get('/api/v1/outreach/templates', {
    config: { access },
    schema: { tags, summary: 'Modelli di messaggio', response: { 200: templateListSchema } },
    handler: async (request) => ({ items: await service.listTemplates(actorContext(request).actor) }),
  });

  r.post('/api/v1/outreach/templates', {
    config: { access },
    schema: { tags, summary: 'Nuovo modello di messaggio con segnaposto', body: templateRequestSchema, response: { 201: templateSchema } },
    handler: async (request, reply) => reply.code(201).send(await service.createTemplate(actorContext(request), request.body)),
  });

  r.put('/api/v1/outreach/templates/:id', {
    config: { access },
    schema: { tags, summary: 'Modifica un modello', params: idParams, body: templateRequestSchema, response: { 200: templateSchema } },
    handler: async (request) => service.updateTemplate(actorContext(request), request.params.id, request.body),
  });

  r.post('/api/v1/outreach/preview', {
    config: { access },
    schema: { tags, summary: 'Anteprima del messaggio per un destinatario, con lunghezza e parti SMS', body: previewRequestSchema, response: { 200: previewSchema } },
    handler: async (request) => service.preview(actorContext(request), request.body),
  });

  r.get('/api/v1/outreach/campaigns', {
    config: { access },
    schema: { tags, summary: 'Campagne di contatto', response: { 200: campaignListSchema } },
    handler: async (request) => ({ items: await service.list(actorContext(request).actor) }),
  });

  r.post('/api/v1/outreach/campaigns', {
    config: { access },
    schema: { tags, summary: 'Nuova campagna (bozza)', body: campaignRequestSchema, response: { 201: campaignSchema } },
    handler: async (request, reply) => reply.code(201).send(await service.create(actorContext(request), request.body)),
  });

  r.get('/api/v1/outreach/campaigns/:id', {
    config: { access },
    schema: { tags, summary: 'Una campagna con i conteggi per stato', params: campaignParamsSchema, response: { 200: campaignSchema } },
    handler: async (request) => service.loadCampaign(actorContext(request).actor, request.params.id),
  });

  r.post('/api/v1/outreach/campaigns/:id/start', {
    config: { access },
    schema: { tags, summary: 'Avvia: sceglie i destinatari (prima chi ha la CIGS in scadenza) e invia gli inviti', params: campaignParamsSchema, response: { 200: campaignSchema } },
    handler: async (request) => delivery.start(actorContext(request), request.params.id),
  });

  r.post('/api/v1/outreach/campaigns/:id/finish', {
    config: { access },
    schema: { tags, summary: 'Chiude la campagna: niente più promemoria', params: campaignParamsSchema, response: { 200: campaignSchema } },
    handler: async (request) => service.finish(actorContext(request), request.params.id),
  });

  r.get('/api/v1/outreach/campaigns/:id/recipients', {
    config: { access },
    schema: { tags, summary: 'Destinatari della campagna, i più urgenti prima', params: campaignParamsSchema, querystring: recipientListQuerySchema, response: { 200: recipientListSchema } },
    handler: async (request) => service.recipients(actorContext(request), request.params.id, request.query),
  });

  r.post('/api/v1/outreach/campaigns/:id/recipients/:recipientId/status', {
    config: { access },
    schema: { tags, summary: 'Registra la risposta di un destinatario', params: recipientParamsSchema, body: recipientStatusRequestSchema, response: { 200: z.object({ id: z.uuid(), status: z.string() }) } },
    handler: async (request) => service.setRecipientStatus(actorContext(request), request.params.id, request.params.recipientId, request.body.status, request.body.reason),
  });

  r.post('/api/v1/outreach/campaigns/:id/letters', {
    config: { access },
    schema: { tags, summary: 'Lettere da stampare (PDF, una pagina A4 per destinatario)', params: campaignParamsSchema },
    handler: async (request, reply) => {
      const pdf = await delivery.letters(actorContext(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="lettere-${request.params.id.slice(0, 8)}.pdf"`).send(pdf);
    },
  });

  r.post('/api/v1/outreach/reminders/run', {
    config: { access },
    schema: { tags, summary: 'Invia ora i promemoria dovuti (lo fa anche il server ogni pochi minuti)', response: { 200: reminderRunSchema } },
    handler: async () => delivery.runReminders(),
  });
}
