import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { campaignEndpoints } from '../../shared/api/outreach.endpoints.js';
import { actorContext, requireNetwork } from '../auth/index.js';
import type { CampaignDelivery } from './campaign-delivery.js';
import type { CampaignService } from './campaign.service.js';
import type { Channels } from './channels.js';
import { canManageOutreach } from './outreach.policy.js';
import { route } from '../http/endpoint-route.js';

const tags = ['Campagne di contatto'];

export function registerCampaignRoutes(app: FastifyInstance, service: CampaignService, delivery: CampaignDelivery, channels: Channels) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = canManageOutreach;

  route(r, campaignEndpoints.transports, {
    config: { access },
    schema: { tags, summary: 'Come partono e-mail e SMS: trasporto reale o archivio locale (outbox)' },
    handler: async () => ({ email: channels.email.kind, sms: channels.sms.kind }),
  });

  route(r, campaignEndpoints.templates, {
    config: { access },
    schema: { tags, summary: 'Modelli di messaggio' },
    handler: async (request) => ({ items: await service.listTemplates(actorContext(request).actor) }),
  });

  route(r, campaignEndpoints.createTemplate, {
    config: { access },
    schema: { tags, summary: 'Nuovo modello di messaggio con segnaposto' },
    handler: async (request, reply) => reply.code(201).send(await service.createTemplate(actorContext(request), request.body)),
  });

  route(r, campaignEndpoints.updateTemplate, {
    config: { access },
    schema: { tags, summary: 'Modifica un modello' },
    handler: async (request) => service.updateTemplate(actorContext(request), request.params.id, request.body),
  });

  route(r, campaignEndpoints.preview, {
    config: { access },
    schema: { tags, summary: 'Anteprima del messaggio per un destinatario, con lunghezza e parti SMS' },
    handler: async (request) => service.preview(actorContext(request), request.body),
  });

  route(r, campaignEndpoints.list, {
    config: { access },
    schema: { tags, summary: 'Campagne di contatto' },
    handler: async (request) => ({ items: await service.list(actorContext(request).actor) }),
  });

  route(r, campaignEndpoints.create, {
    config: { access },
    schema: { tags, summary: 'Nuova campagna (bozza)' },
    handler: async (request, reply) => reply.code(201).send(await service.create(actorContext(request), request.body)),
  });

  route(r, campaignEndpoints.get, {
    config: { access },
    schema: { tags, summary: 'Una campagna con i conteggi per stato' },
    handler: async (request) => service.loadCampaign(actorContext(request).actor, request.params.id),
  });

  route(r, campaignEndpoints.startPreview, {
    config: { access },
    schema: { tags, summary: 'Prima di avviare: destinatari e numero, esclusi e perché, messaggi e parti SMS, posti del programma' },
    handler: async (request) => delivery.startPreview(actorContext(request), request.params.id),
  });

  route(r, campaignEndpoints.outbox, {
    config: { access },
    schema: { tags, summary: 'Messaggi della campagna così come inviati (o registrati nell’archivio locale), per destinatario' },
    handler: async (request) => service.outbox(actorContext(request), request.params.id, request.query),
  });

  route(r, campaignEndpoints.start, {
    config: { access },
    schema: { tags, summary: 'Avvia: sceglie i destinatari (prima chi ha la CIGS in scadenza) e invia gli inviti' },
    handler: async (request) => delivery.start(actorContext(request), request.params.id),
  });

  route(r, campaignEndpoints.finish, {
    config: { access },
    schema: { tags, summary: 'Chiude la campagna: niente più promemoria' },
    handler: async (request) => service.finish(actorContext(request), request.params.id),
  });

  route(r, campaignEndpoints.recipients, {
    config: { access },
    schema: { tags, summary: 'Destinatari della campagna, i più urgenti prima' },
    handler: async (request) => service.recipients(actorContext(request), request.params.id, request.query),
  });

  route(r, campaignEndpoints.setRecipientStatus, {
    config: { access },
    schema: { tags, summary: 'Registra la risposta di un destinatario' },
    handler: async (request) =>
      service.setRecipientStatus(
        actorContext(request),
        request.params.id,
        request.params.recipientId,
        request.body.status,
        request.body.reason,
      ),
  });

  route(r, campaignEndpoints.letters, {
    config: { access },
    schema: { tags, summary: 'Lettere da stampare (PDF, una pagina A4 per destinatario)' },
    handler: async (request, reply) => {
      const pdf = await delivery.letters(actorContext(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="lettere-${request.params.id.slice(0, 8)}.pdf"`)
        .send(pdf);
    },
  });

  route(r, campaignEndpoints.runReminders, {
    config: { access },
    schema: { tags, summary: 'Invia ora i promemoria dovuti della rete (lo fa anche il server ogni pochi minuti)' },
    handler: async (request) => delivery.runReminders(requireNetwork(actorContext(request).actor)),
  });
}
