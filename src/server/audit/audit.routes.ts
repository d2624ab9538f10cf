import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEndpoints } from '../../shared/api/auth.endpoints.js';
import { actorContext } from '../auth/index.js';
import { pickLanguage } from '../http/problem.js';
import { route } from '../http/endpoint-route.js';
import { canReadAuditLog } from './audit.policy.js';
import type { AuditService } from './audit.service.js';

export function registerAuditLogRoutes(app: FastifyInstance, audit: AuditService) {
  route(app.withTypeProvider<ZodTypeProvider>(), auditEndpoints.search, {
    config: { access: canReadAuditLog },
    schema: {
      tags: ['Registro accessi'],
      summary: 'Registro di chi ha letto o modificato cosa, filtrabile',
    },
    handler: async (request) => audit.search(actorContext(request), request.query, pickLanguage(request.headers['accept-language'])),
  });
}
