import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { applicationEndpoints, publicCandidateOutcomeEndpoints } from '../../shared/api/applications.endpoints.js';
import { actorContext, requestContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { canManageApplicationSettings, canMoveApplications, canProposeApplications, canReadApplications } from './application.policy.js';
import type { ApplicationService } from './application.service.js';
import type { EmployerLinkService } from './employer-link.service.js';

const tags = ['Candidature'];

export function registerApplicationRoutes(app: FastifyInstance, s: ApplicationService, links: EmployerLinkService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  route(r, applicationEndpoints.ofVacancy, {
    config: { access: canReadApplications },
    schema: { tags, summary: 'Le candidature a un’offerta, di tutte le sedi (i lavoratori di altre sedi per iniziali)' },
    handler: async (request) => s.ofVacancy(actorContext(request), request.params.id),
  });
  route(r, applicationEndpoints.ofWorker, {
    config: { access: canReadApplications },
    schema: { tags, summary: 'Le candidature di un lavoratore' },
    handler: async (request) => s.ofWorker(actorContext(request), request.params.id),
  });
  route(r, applicationEndpoints.propose, {
    config: { access: canProposeApplications },
    schema: { tags, summary: 'Propone un lavoratore per un’offerta pubblicata (una candidatura aperta per lavoratore e offerta)' },
    handler: async (request, reply) => reply.code(201).send(await s.propose(actorContext(request), request.body)),
  });
  route(r, applicationEndpoints.settings, {
    config: { access: canReadApplications },
    schema: { tags, summary: 'Giorni dopo l’invio senza risposta dell’azienda in cui una candidatura scade (rete)' },
    handler: async (request) => s.settings(actorContext(request)),
  });
  route(r, applicationEndpoints.updateSettings, {
    config: { access: canManageApplicationSettings },
    schema: { tags, summary: 'Modifica i giorni di scadenza delle candidature della rete (amministratori)' },
    handler: async (request) => s.updateSettings(actorContext(request), request.body),
  });
  route(r, applicationEndpoints.get, {
    config: { access: canReadApplications },
    schema: { tags, summary: 'Una candidatura con il registro dei passaggi' },
    handler: async (request) => s.get(actorContext(request), request.params.id),
  });
  route(r, applicationEndpoints.move, {
    config: { access: canMoveApplications },
    schema: {
      tags,
      summary:
        'Un passaggio della candidatura: preselezione, invio (CV e consenso), colloquio, offerta, assunzione, rifiuto, rinuncia, ritiro',
    },
    handler: async (request) => s.move(actorContext(request), request.params.id, request.body),
  });
  route(r, applicationEndpoints.resend, {
    config: { access: canMoveApplications },
    schema: { tags, summary: 'Invia di nuovo all’azienda il candidato con il CV (dopo un invio fallito o un indirizzo aggiunto)' },
    handler: async (request) => s.resend(actorContext(request), request.params.id, request.body),
  });
  // The employer's outcome link: no session, the token is the credential (as the worker's appointment links).
  const pub = ['Candidature (link dell’azienda)'];
  route(r, publicCandidateOutcomeEndpoints.show, {
    config: { access: 'public' },
    schema: { tags: pub, summary: 'Il candidato del link: offerta, nome e iniziale, le risposte possibili' },
    handler: async (request) => links.show(requestContext(request), request.params.token),
  });
  route(r, publicCandidateOutcomeEndpoints.answer, {
    config: { access: 'public' },
    schema: { tags: pub, summary: 'L’esito dell’azienda: colloquio desiderato, o candidato non selezionato con il motivo' },
    handler: async (request) => links.answer(requestContext(request), request.params.token, request.body),
  });
  route(r, applicationEndpoints.tickChecklist, {
    config: { access: canMoveApplications },
    schema: { tags, summary: 'Spunta o toglie la spunta a una voce della lista di controllo del contratto (offerta o assunzione)' },
    handler: async (request) => s.tickChecklist(actorContext(request), request.params.id, request.body),
  });
  route(r, applicationEndpoints.hireFacts, {
    config: { access: canMoveApplications },
    schema: {
      tags,
      summary:
        'Registra i fatti da cui dipendono gli incentivi all’assunzione (datore privato, assegno di ricollocazione…): sì, no o da verificare',
    },
    handler: async (request) => s.recordHireFacts(actorContext(request), request.params.id, request.body),
  });
}
