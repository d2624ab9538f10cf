import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/schemas/common.schema.js';
import {
  cigsCaseSchema,
  cohortSchema,
  companyListQuerySchema,
  companyListSchema,
  companySchema,
  createCigsCaseRequestSchema,
  createCompanyRequestSchema,
  updateCigsCaseRequestSchema,
  updateCompanyRequestSchema,
} from '../../shared/schemas/companies.schema.js';
import { actorContext } from '../auth/access.js';
import { canReadCompanies, canManageCompanies } from './company.policy.js';
import type { CompanyService } from './company.service.js';

const tags = ['Aziende in crisi'];
const caseParams = z.strictObject({ id: z.uuid(), caseId: z.uuid() });

export function registerCompanyRoutes(app: FastifyInstance, service: CompanyService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/companies', {
    config: { access: canReadCompanies },
    schema: { tags, summary: 'Aziende in crisi della rete (ricerca per nome o codice fiscale)', querystring: companyListQuerySchema, response: { 200: companyListSchema } },
    handler: async (request) => ({ items: await service.list(actorContext(request).actor, request.query.q) }),
  });

  r.post('/api/v1/companies', {
    config: { access: canManageCompanies },
    schema: { tags, summary: 'Registra un’azienda in crisi', body: createCompanyRequestSchema, response: { 201: companySchema } },
    handler: async (request, reply) => reply.code(201).send(await service.create(actorContext(request), request.body)),
  });

  r.get('/api/v1/companies/:id', {
    config: { access: canReadCompanies },
    schema: { tags, summary: 'Un’azienda con i suoi periodi di CIGS', params: idParamsSchema, response: { 200: companySchema } },
    handler: async (request) => service.get(actorContext(request).actor, request.params.id),
  });

  r.patch('/api/v1/companies/:id', {
    config: { access: canManageCompanies },
    schema: { tags, summary: 'Modifica i dati di un’azienda', params: idParamsSchema, body: updateCompanyRequestSchema, response: { 200: companySchema } },
    handler: async (request) => service.update(actorContext(request), request.params.id, request.body),
  });

  r.post('/api/v1/companies/:id/cigs-cases', {
    config: { access: canManageCompanies },
    schema: { tags, summary: 'Registra un periodo di CIGS dell’azienda', params: idParamsSchema, body: createCigsCaseRequestSchema, response: { 201: cigsCaseSchema } },
    handler: async (request, reply) => reply.code(201).send(await service.addCigsCase(actorContext(request), request.params.id, request.body)),
  });

  r.patch('/api/v1/companies/:id/cigs-cases/:caseId', {
    config: { access: canManageCompanies },
    schema: { tags, summary: 'Modifica un periodo di CIGS', params: caseParams, body: updateCigsCaseRequestSchema, response: { 200: cigsCaseSchema } },
    handler: async (request) => service.updateCigsCase(actorContext(request), request.params.id, request.params.caseId, request.body),
  });

  r.get('/api/v1/companies/:id/cohort', {
    config: { access: canReadCompanies },
    schema: { tags, summary: 'I lavoratori dell’azienda, con stato nel programma e fine CIGS (prima le più vicine)', params: idParamsSchema, response: { 200: cohortSchema } },
    handler: async (request) => service.cohort(actorContext(request), request.params.id),
  });
}
