import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema } from '../../shared/schemas/audit.schema.js';
import { actorContext, requireNetwork } from '../auth/index.js';
import { pickLanguage } from '../http/problem.js';
import { canReadAuditLog } from './audit.policy.js';
import type { AuditService } from './audit.service.js';

export function registerAuditRoutes(app: FastifyInstance, audit: AuditService) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit', {
    config: { access: canReadAuditLog },
    schema: {
      tags: ['Registro accessi'],
      summary: 'Registro di chi ha letto o modificato cosa, filtrabile',
      querystring: auditQuerySchema,
      response: { 200: auditPageSchema },
    },
    handler: async (request) => {
      const { actor } = actorContext(request);
      return audit.search(requireNetwork(actor), request.query, pickLanguage(request.headers['accept-language']));
    },
  });
}
