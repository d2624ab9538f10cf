import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { skillGapEndpoints } from '../../shared/api/skillgap.endpoints.js';
import { actorContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { canReadSkillGap } from './skill-gap.policy.js';
import type { SkillGapService } from './skill-gap.service.js';

export function registerSkillGapRoutes(app: FastifyInstance, module: { skillGap: SkillGapService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  route(r, skillGapEndpoints.ofWorker, {
    config: { access: canReadSkillGap },
    schema: {
      tags: ['Percorso'],
      summary:
        'Divario di competenze di un lavoratore rispetto a una professione ESCO: competenze essenziali e facoltative mancanti, ' +
        'quelle vicine che ha già (gerarchia ESCO), corsi del catalogo che le insegnano',
    },
    handler: async (request) => module.skillGap.ofWorker(actorContext(request), request.params.id, request.query.occupation),
  });
}
