import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/schemas/common.schema.js';
import {
  createOfficeRequestSchema,
  officeListSchema,
  officeSchema,
  updateOfficeRequestSchema,
} from '../../shared/schemas/office.schema.js';
import { actorContext } from '../auth/access.js';
import { canManageOffices, canReadOffices } from './organisation.policy.js';
import type { OfficeService } from './office.service.js';

const tags = ['Sedi'];

export function registerOfficeRoutes(app: FastifyInstance, service: OfficeService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/offices', {
    config: { access: canReadOffices },
    schema: { tags, summary: 'Sedi (Centri per l’impiego) della rete', response: { 200: officeListSchema } },
    handler: async (request) => ({ items: await service.list(actorContext(request).actor) }),
  });

  r.get('/api/v1/offices/:id', {
    config: { access: canReadOffices },
    schema: { tags, summary: 'Una sede', params: idParamsSchema, response: { 200: officeSchema } },
    handler: async (request) => service.get(actorContext(request).actor, request.params.id),
  });

  r.post('/api/v1/offices', {
    config: { access: canManageOffices },
    schema: { tags, summary: 'Apre una nuova sede nella rete', body: createOfficeRequestSchema, response: { 201: officeSchema } },
    handler: async (request, reply) => reply.code(201).send(await service.create(actorContext(request), request.body)),
  });

  r.patch('/api/v1/offices/:id', {
    config: { access: canManageOffices },
    schema: { tags, summary: 'Modifica indirizzo, contatti e orari di una sede', params: idParamsSchema, body: updateOfficeRequestSchema, response: { 200: officeSchema } },
    handler: async (request) => service.update(actorContext(request), request.params.id, request.body),
  });
}
