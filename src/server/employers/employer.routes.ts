import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { employerEndpoints as e } from '../../shared/api/employers.endpoints.js';
import { actorContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { canManageEmployers, canReadEmployers } from './employer.policy.js';
import type { EmployerService } from './employer.service.js';

const tags = ['Aziende che assumono'];

export function registerEmployerRoutes(app: FastifyInstance, service: EmployerService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: canReadEmployers };
  const manage = { access: canManageEmployers };

  route(r, e.list, {
    config: read,
    schema: { tags, summary: 'Aziende che assumono della rete (ricerca per nome, partita IVA, comune, ATECO, sede che le segue)' },
    handler: async (request) => service.list(actorContext(request), request.query),
  });
  route(r, e.create, {
    config: manage,
    schema: { tags, summary: 'Registra un’azienda che assume (409 se il codice fiscale è già registrato, con il nome dell’azienda)' },
    handler: async (request, reply) => reply.code(201).send(await service.create(actorContext(request), request.body)),
  });
  route(r, e.get, {
    config: read,
    schema: { tags, summary: 'Un’azienda che assume con sedi, referenti e consenso a essere contattata' },
    handler: async (request) => service.get(actorContext(request), request.params.id),
  });
  route(r, e.update, {
    config: manage,
    schema: { tags, summary: 'Modifica i dati dell’azienda (con la versione letta: 409 se nel frattempo è cambiata)' },
    handler: async (request) => service.update(actorContext(request), request.params.id, request.body),
  });
  route(r, e.addSite, {
    config: manage,
    schema: { tags, summary: 'Aggiunge una sede dell’azienda, in un comune ISTAT' },
    handler: async (request, reply) => reply.code(201).send(await service.addSite(actorContext(request), request.params.id, request.body)),
  });
  route(r, e.updateSite, {
    config: manage,
    schema: { tags, summary: 'Modifica una sede dell’azienda' },
    handler: async (request) => service.updateSite(actorContext(request), request.params.id, request.params.siteId, request.body),
  });
  route(r, e.removeSite, {
    config: manage,
    schema: { tags, summary: 'Toglie una sede dell’azienda' },
    handler: async (request) => service.removeSite(actorContext(request), request.params.id, request.params.siteId),
  });
  route(r, e.addContact, {
    config: manage,
    schema: { tags, summary: 'Aggiunge un referente dell’azienda, con il suo ruolo' },
    handler: async (request, reply) =>
      reply.code(201).send(await service.addContact(actorContext(request), request.params.id, request.body)),
  });
  route(r, e.updateContact, {
    config: manage,
    schema: { tags, summary: 'Modifica un referente dell’azienda' },
    handler: async (request) => service.updateContact(actorContext(request), request.params.id, request.params.contactId, request.body),
  });
  route(r, e.removeContact, {
    config: manage,
    schema: { tags, summary: 'Toglie un referente dell’azienda' },
    handler: async (request) => service.removeContact(actorContext(request), request.params.id, request.params.contactId),
  });
  route(r, e.recordConsent, {
    config: manage,
    schema: { tags, summary: 'Registra il consenso dell’azienda a essere contattata (chi, quando, con quale canale)' },
    handler: async (request) => service.recordConsent(actorContext(request), request.params.id, request.body),
  });
  route(r, e.withdrawConsent, {
    config: manage,
    schema: { tags, summary: 'Registra il ritiro del consenso a essere contattata' },
    handler: async (request) => service.withdrawConsent(actorContext(request), request.params.id),
  });
}
