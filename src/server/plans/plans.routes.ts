import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { planEndpoints } from '../../shared/api/plans.endpoints.js';
import { actorContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import type { PlanPrintService } from './plan-print.js';
import type { PlanService } from './plan.service.js';
import { canWorkOnPlans } from './plans.policy.js';

const tags = ['Patto di servizio'];

export function registerPlanRoutes(app: FastifyInstance, s: { plans: PlanService; pdf: PlanPrintService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = canWorkOnPlans;

  route(r, planEndpoints.listOfWorker, {
    config: { access },
    schema: { tags, summary: 'I patti di servizio di un lavoratore' },
    handler: async (request) => ({ items: await s.plans.listOfWorker(actorContext(request), request.params.id) }),
  });
  route(r, planEndpoints.create, {
    config: { access },
    schema: { tags, summary: 'Prepara un patto di servizio in bozza per un programma del lavoratore' },
    handler: async (request, reply) => reply.code(201).send(await s.plans.create(actorContext(request), request.params.id, request.body)),
  });
  route(r, planEndpoints.overdueActions, {
    config: { access },
    schema: { tags, summary: 'Azioni scadute dei patti dell’operatore (o della sede, per il coordinatore)' },
    handler: async (request) => ({ items: await s.plans.overdueActions(actorContext(request), request.query.scope) }),
  });
  route(r, planEndpoints.dueReviews, {
    config: { access },
    schema: { tags, summary: 'Patti da verificare entro sette giorni o già in ritardo' },
    handler: async (request) => ({ items: await s.plans.dueReviews(actorContext(request), request.query.scope) }),
  });
  route(r, planEndpoints.get, {
    config: { access },
    schema: { tags, summary: 'Un patto con temi, obiettivi, azioni e verifiche' },
    handler: async (request) => s.plans.get(actorContext(request), request.params.planId),
  });
  route(r, planEndpoints.update, {
    config: { access },
    schema: { tags, summary: 'Modifica le condizioni del patto (sulla versione letta: 409 se è cambiato)' },
    handler: async (request) => s.plans.update(actorContext(request), request.params.planId, request.body),
  });
  route(r, planEndpoints.addAction, {
    config: { access },
    schema: { tags, summary: 'Aggiunge un’azione (tema e obiettivo per titolo, creati se nuovi)' },
    handler: async (request, reply) =>
      reply.code(201).send(await s.plans.addAction(actorContext(request), request.params.planId, request.body)),
  });
  route(r, planEndpoints.updateAction, {
    config: { access },
    schema: { tags, summary: 'Modifica un’azione o ne cambia lo stato' },
    handler: async (request) => s.plans.updateAction(actorContext(request), request.params.planId, request.params.actionId, request.body),
  });
  route(r, planEndpoints.removeAction, {
    config: { access },
    schema: { tags, summary: 'Elimina un’azione' },
    handler: async (request) => s.plans.removeAction(actorContext(request), request.params.planId, request.params.actionId),
  });
  route(r, planEndpoints.renameTheme, {
    config: { access },
    schema: { tags, summary: 'Rinomina un tema del patto (obiettivi e azioni restano)' },
    handler: async (request) => s.plans.renameTheme(actorContext(request), request.params.planId, request.params.themeId, request.body),
  });
  route(r, planEndpoints.renameObjective, {
    config: { access },
    schema: { tags, summary: 'Rinomina un obiettivo del patto (le azioni restano)' },
    handler: async (request) =>
      s.plans.renameObjective(actorContext(request), request.params.planId, request.params.objectiveId, request.body),
  });
  route(r, planEndpoints.sign, {
    config: { access },
    schema: { tags, summary: 'Registra la firma del patto; l’iscrizione passa a «iscritto» quando la regola lo consente' },
    handler: async (request) => s.plans.sign(actorContext(request), request.params.planId, request.body),
  });
  route(r, planEndpoints.review, {
    config: { access },
    schema: { tags, summary: 'Registra una verifica del patto: confermato o da rivedere' },
    handler: async (request, reply) =>
      reply.code(201).send(await s.plans.review(actorContext(request), request.params.planId, request.body)),
  });
  route(r, planEndpoints.close, {
    config: { access },
    schema: { tags, summary: 'Chiude il patto con l’esito' },
    handler: async (request) => s.plans.close(actorContext(request), request.params.planId, request.body),
  });
  route(r, planEndpoints.versions, {
    config: { access },
    schema: { tags, summary: 'Le versioni del patto: chi, quando, che cosa è cambiato' },
    handler: async (request) => ({ items: await s.plans.versions(actorContext(request), request.params.planId) }),
  });
  route(r, planEndpoints.pdf, {
    config: { access },
    schema: { tags, summary: 'Il patto in PDF (A4, italiano) da firmare' },
    handler: async (request, reply) => {
      const { pdf, fileName } = await s.pdf.render(actorContext(request), request.params.planId);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
    },
  });
}
