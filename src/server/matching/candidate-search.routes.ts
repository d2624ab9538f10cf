import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { matchingEndpoints } from '../../shared/api/matching.endpoints.js';
import { actorContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import type { CandidateSearch } from './candidate-search.service.js';
import { canSearchCandidates } from './matching.policy.js';

export function registerCandidateSearchRoutes(app: FastifyInstance, s: CandidateSearch) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  route(r, matchingEndpoints.candidates, {
    config: { access: canSearchCandidates },
    schema: {
      tags: ['Incontro domanda-offerta'],
      summary:
        'Candidati per un’offerta: sede, programma, professione, competenze, comune e raggio (in linea d’aria), disponibilità; ordinati da una graduatoria, con il perché in parole',
    },
    handler: async (request) => s.search(actorContext(request), request.params.id, request.query),
  });
}
