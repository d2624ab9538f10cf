import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { placementEndpoints } from '../../shared/api/applications.endpoints.js';
import { actorContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { canWorkOnPlacements } from './placement.policy.js';
import type { PlacementService } from './placement.service.js';

const tags = ['Assunzioni'];

export function registerPlacementRoutes(app: FastifyInstance, s: PlacementService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  route(r, placementEndpoints.followUpsDue, {
    config: { access: canWorkOnPlacements },
    schema: { tags, summary: 'Verifiche a 1, 3 e 6 mesi dall’assunzione da fare entro un giorno (oggi), della sede' },
    handler: async (request) => s.followUpsDue(actorContext(request), request.query),
  });
  route(r, placementEndpoints.answerFollowUp, {
    config: { access: canWorkOnPlacements },
    schema: { tags, summary: 'Registra l’esito di una verifica: ancora occupato, soddisfazione, bisogni' },
    handler: async (request) => s.answerFollowUp(actorContext(request), request.params.id, request.body),
  });
  route(r, placementEndpoints.get, {
    config: { access: canWorkOnPlacements },
    schema: { tags, summary: 'Un’assunzione con le sue verifiche' },
    handler: async (request) => s.get(actorContext(request), request.params.id),
  });
  route(r, placementEndpoints.end, {
    config: { access: canWorkOnPlacements },
    schema: { tags, summary: 'Chiude in anticipo un’assunzione: data di fine e motivo' },
    handler: async (request) => s.end(actorContext(request), request.params.id, request.body),
  });
}
