import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { officeEndpoints } from '../../shared/api/staff.endpoints.js';
import { actorContext } from '../auth/index.js';
import { canManageOffices, canReadOffices } from './organisation.policy.js';
import type { OfficeService } from './office.service.js';
import { route } from '../http/endpoint-route.js';

const tags = ['Sedi'];

export function registerOfficeRoutes(app: FastifyInstance, service: OfficeService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, officeEndpoints.list, {
    config: { access: canReadOffices },
    schema: { tags, summary: 'Sedi (Centri per l’impiego) della rete' },
    handler: async (request) => ({ items: await service.list(actorContext(request).actor) }),
  });

  route(r, officeEndpoints.get, {
    config: { access: canReadOffices },
    schema: { tags, summary: 'Una sede' },
    handler: async (request) => service.get(actorContext(request).actor, request.params.id),
  });

  route(r, officeEndpoints.create, {
    config: { access: canManageOffices },
    schema: { tags, summary: 'Apre una nuova sede nella rete' },
    handler: async (request, reply) => reply.code(201).send(await service.create(actorContext(request), request.body)),
  });

  route(r, officeEndpoints.update, {
    config: { access: canManageOffices },
    schema: { tags, summary: 'Modifica indirizzo, contatti e orari di una sede' },
    handler: async (request) => service.update(actorContext(request), request.params.id, request.body),
  });
}
