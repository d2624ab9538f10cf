import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { companyEndpoints } from '../../shared/api/companies.endpoints.js';
import { actorContext } from '../auth/index.js';
import { canReadCompanies, canManageCompanies } from './company.policy.js';
import type { CompanyService } from './company.service.js';
import { route } from '../http/endpoint-route.js';

const tags = ['Aziende in crisi'];

export function registerCompanyRoutes(app: FastifyInstance, service: CompanyService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, companyEndpoints.list, {
    config: { access: canReadCompanies },
    schema: { tags, summary: 'Aziende in crisi della rete (ricerca per nome o codice fiscale)' },
    handler: async (request) => ({ items: await service.list(actorContext(request).actor, request.query.q) }),
  });

  route(r, companyEndpoints.create, {
    config: { access: canManageCompanies },
    schema: { tags, summary: 'Registra un’azienda in crisi' },
    handler: async (request, reply) => reply.code(201).send(await service.create(actorContext(request), request.body)),
  });

  route(r, companyEndpoints.get, {
    config: { access: canReadCompanies },
    schema: { tags, summary: 'Un’azienda con i suoi periodi di CIGS' },
    handler: async (request) => service.get(actorContext(request).actor, request.params.id),
  });

  route(r, companyEndpoints.update, {
    config: { access: canManageCompanies },
    schema: { tags, summary: 'Modifica i dati di un’azienda' },
    handler: async (request) => service.update(actorContext(request), request.params.id, request.body),
  });

  route(r, companyEndpoints.addCigsCase, {
    config: { access: canManageCompanies },
    schema: { tags, summary: 'Registra un periodo di CIGS dell’azienda' },
    handler: async (request, reply) =>
      reply.code(201).send(await service.addCigsCase(actorContext(request), request.params.id, request.body)),
  });

  route(r, companyEndpoints.updateCigsCase, {
    config: { access: canManageCompanies },
    schema: { tags, summary: 'Modifica un periodo di CIGS' },
    handler: async (request) => service.updateCigsCase(actorContext(request), request.params.id, request.params.caseId, request.body),
  });

  route(r, companyEndpoints.cohort, {
    config: { access: canReadCompanies },
    schema: { tags, summary: 'I lavoratori dell’azienda, con stato nel programma e fine CIGS (prima le più vicine)' },
    handler: async (request) => service.cohort(actorContext(request), request.params.id),
  });
}
