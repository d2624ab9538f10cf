import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { vacancyEndpoints } from '../../shared/api/vacancies.endpoints.js';
import { actorContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { canReadVacancies, canWriteVacancies } from './vacancy.policy.js';
import type { VacancyService } from './vacancy.service.js';

const tags = ['Offerte di lavoro'];

export function registerVacancyRoutes(app: FastifyInstance, s: VacancyService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, vacancyEndpoints.search, {
    config: { access: canReadVacancies },
    schema: { tags, summary: 'Offerte della rete: titolo, professione, comune, sede, stato, contratto, azienda, scadenza' },
    handler: async (request) => s.search(actorContext(request).actor, request.query),
  });
  route(r, vacancyEndpoints.board, {
    config: { access: canReadVacancies },
    schema: { tags, summary: 'Bacheca dell’incontro domanda-offerta di una sede: offerte per stato, scadenze vicine, posizioni' },
    handler: async (request) => s.board(actorContext(request).actor, request.query.officeId),
  });
  route(r, vacancyEndpoints.create, {
    config: { access: canWriteVacancies },
    schema: { tags, summary: 'Registra un’offerta di lavoro (bozza)' },
    handler: async (request, reply) => reply.code(201).send(await s.create(actorContext(request), request.body)),
  });
  route(r, vacancyEndpoints.get, {
    config: { access: canReadVacancies },
    schema: { tags, summary: 'Un’offerta con le competenze e il registro degli stati' },
    handler: async (request) => s.get(actorContext(request).actor, request.params.id),
  });
  route(r, vacancyEndpoints.update, {
    config: { access: canWriteVacancies },
    schema: { tags, summary: 'Modifica un’offerta in bozza o pubblicata (versione ottimistica)' },
    handler: async (request) => s.update(actorContext(request), request.params.id, request.body),
  });
  for (const action of ['publish', 'fill', 'close', 'reopen'] as const) {
    route(r, vacancyEndpoints[action], {
      config: { access: canWriteVacancies },
      schema: { tags, summary: MOVE_SUMMARIES[action] },
      handler: async (request) => s.move(actorContext(request), request.params.id, action, request.body),
    });
  }
}

const MOVE_SUMMARIES = {
  publish: 'Pubblica un’offerta in bozza: la vede tutta la rete',
  fill: 'Segna un’offerta come coperta, con le posizioni coperte',
  close: 'Chiude un’offerta, con il motivo',
  reopen: 'Riporta in bozza un’offerta chiusa o scaduta, con il motivo',
};
