import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { serviceEndpoints } from '../../shared/api/services.endpoints.js';
import type { AuditService } from '../audit/index.js';
import { actorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { route } from '../http/endpoint-route.js';
import { createServiceRecordsRepository } from './manual-services.repository.js';
import { canReadServices, canRecordServices } from './services.policy.js';
import { createServicesService, type ServicesService } from './services.service.js';

const tags = ['Servizi erogati'];

/** Delivered services, wired once: buildApp constructs it and registers its routes. */
export function createServicesModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date }) {
  return createServicesService({ ...deps, records: createServiceRecordsRepository() });
}

/** The worker's list and the records entered by hand; the totals are the reports domain's view. */
export function registerServicesRoutes(app: FastifyInstance, service: ServicesService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, serviceEndpoints.ofWorker, {
    config: { access: canReadServices },
    schema: { tags, summary: 'Servizi erogati al lavoratore, dal più recente (la lettura è registrata)' },
    handler: async (request) => service.ofWorker(actorContext(request), request.params.id),
  });

  route(r, serviceEndpoints.create, {
    config: { access: canRecordServices },
    schema: { tags, summary: 'Registra a mano un servizio erogato (supporto al CV, preparazione al colloquio…)' },
    handler: async (request, reply) => reply.code(201).send(await service.create(actorContext(request), request.params.id, request.body)),
  });

  route(r, serviceEndpoints.update, {
    config: { access: canRecordServices },
    schema: { tags, summary: 'Corregge un servizio registrato a mano, con il motivo' },
    handler: async (request) => service.update(actorContext(request), request.params.id, request.body),
  });

  route(r, serviceEndpoints.remove, {
    config: { access: canRecordServices },
    schema: { tags, summary: 'Toglie un servizio registrato a mano, con il motivo' },
    handler: async (request) => {
      await service.remove(actorContext(request), request.params.id, request.body.reason);
      return { ok: true as const };
    },
  });
}
