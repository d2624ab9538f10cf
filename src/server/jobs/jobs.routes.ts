import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { jobEndpoints } from '../../shared/api/jobs.endpoints.js';
import { actorContext, requireNetwork } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { canReadJobs } from './jobs.policy.js';
import type { JobsService } from './jobs.service.js';

export function registerJobListRoutes(app: FastifyInstance, service: JobsService) {
  route(app.withTypeProvider<ZodTypeProvider>(), jobEndpoints.list, {
    config: { access: canReadJobs },
    schema: {
      tags: ['Attività in background'],
      summary: 'Attività in background per stato (di norma quelle fallite dopo l’ultimo tentativo)',
    },
    handler: async (request) => {
      const ctx = actorContext(request);
      return service.list(ctx, requireNetwork(ctx.actor), request.query);
    },
  });
}
