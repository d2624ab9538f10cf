import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contractEndpoints } from '../../shared/api/contracts.endpoints.js';
import { actorContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import type { CcnlMinimumService } from './ccnl-minimum.service.js';
import { contractChecklist } from './contract-checklist.js';
import { canManageCcnlMinimums, canReadCcnlMinimums } from './contracts.policy.js';

const tags = ['Contratti'];

export function registerContractRoutes(app: FastifyInstance, s: CcnlMinimumService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, contractEndpoints.listMinimums, {
    config: { access: canReadCcnlMinimums },
    schema: { tags, summary: 'Tabelle dei minimi retributivi dei CCNL della rete, per codice CNEL e livello' },
    handler: async (request) => s.list(actorContext(request).actor, request.query),
  });
  route(r, contractEndpoints.checkPay, {
    config: { access: canReadCcnlMinimums },
    schema: {
      tags,
      summary: 'Confronta la retribuzione offerta con il minimo del CCNL riproporzionato alle ore: avvisa, non rifiuta',
    },
    handler: async (request) => s.check(actorContext(request).actor, request.query),
  });
  route(r, contractEndpoints.createMinimum, {
    config: { access: canManageCcnlMinimums },
    schema: { tags, summary: 'Registra il minimo di un livello di un CCNL per un periodo di validità' },
    handler: async (request, reply) => reply.code(201).send(await s.create(actorContext(request), request.body)),
  });
  route(r, contractEndpoints.updateMinimum, {
    config: { access: canManageCcnlMinimums },
    schema: { tags, summary: 'Modifica una tabella dei minimi (versione ottimistica)' },
    handler: async (request) => s.update(actorContext(request), request.params.id, request.body),
  });
  route(r, contractEndpoints.deleteMinimum, {
    config: { access: canManageCcnlMinimums },
    schema: { tags, summary: 'Elimina una tabella dei minimi' },
    handler: async (request) => {
      await s.remove(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  });
  route(r, contractEndpoints.checklist, {
    config: { access: canReadCcnlMinimums },
    schema: {
      tags,
      summary: 'Passi da fare con il lavoratore quando si definisce un contratto, e gli incentivi all’assunzione che si applicano',
    },
    handler: async (request) => {
      const { contractType, nonEuCitizen, ...worker } = request.query;
      return contractChecklist({ nonEuCitizen, hire: contractType ? { contractType, ...worker } : undefined });
    },
  });
}
