import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../shared/schemas/common.schema.js';
import {
  addEligibleRequestSchema,
  addEligibleResultSchema,
  createProgrammeRequestSchema,
  eligibilityResultSchema,
  enrollmentPageSchema,
  enrollmentQuerySchema,
  notificationListSchema,
  notificationParams,
  programmeListSchema,
  programmeSchema,
  registerRequestSchema,
  registerResultSchema,
  transitionLogSchema,
  transitionRequestSchema,
  transitionResultSchema,
  updateProgrammeRequestSchema,
} from '../../shared/schemas/programmes.schema.js';
import { actorContext } from '../auth/access.js';
import type { EnrollmentService } from './enrollment.service.js';
import { canManageProgrammes, canMoveEnrollments, canReadEnrollments, canReadProgrammes, canRegisterWorkers } from './programme.policy.js';
import type { ProgrammeService } from './programme.service.js';

const tags = ['Programmi'];

export function registerProgrammeRoutes(app: FastifyInstance, programmes: ProgrammeService, enrollments: EnrollmentService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/programmes', {
    config: { access: canReadProgrammes },
    schema: { tags, summary: 'Programmi della rete, con posti occupati e lista d’attesa', response: { 200: programmeListSchema } },
    handler: async (request) => ({ items: await programmes.list(actorContext(request).actor) }),
  });

  r.post('/api/v1/programmes', {
    config: { access: canManageProgrammes },
    schema: { tags, summary: 'Crea un programma', body: createProgrammeRequestSchema, response: { 201: programmeSchema } },
    handler: async (request, reply) => reply.code(201).send(await programmes.create(actorContext(request), request.body)),
  });

  r.get('/api/v1/programmes/:id', {
    config: { access: canReadProgrammes },
    schema: { tags, summary: 'Un programma', params: idParamsSchema, response: { 200: programmeSchema } },
    handler: async (request) => programmes.get(actorContext(request).actor, request.params.id),
  });

  r.patch('/api/v1/programmes/:id', {
    config: { access: canManageProgrammes },
    schema: { tags, summary: 'Modifica un programma (l’aumento di capienza assegna i posti alla lista d’attesa)', params: idParamsSchema, body: updateProgrammeRequestSchema, response: { 200: programmeSchema } },
    handler: async (request) => programmes.update(actorContext(request), request.params.id, request.body),
  });

  r.get('/api/v1/programmes/:id/enrollments', {
    config: { access: canReadEnrollments },
    schema: { tags, summary: 'Iscrizioni al programma, con la posizione in lista d’attesa e i passaggi consentiti', params: idParamsSchema, querystring: enrollmentQuerySchema, response: { 200: enrollmentPageSchema } },
    handler: async (request) => programmes.enrollments(actorContext(request), request.params.id, request.query),
  });

  r.post('/api/v1/programmes/:id/enrollments', {
    config: { access: canRegisterWorkers },
    schema: { tags, summary: 'Iscrive un lavoratore: un posto se libero, altrimenti la lista d’attesa', params: idParamsSchema, body: registerRequestSchema, response: { 201: registerResultSchema } },
    handler: async (request, reply) => {
      const result = await enrollments.register(actorContext(request), { programmeId: request.params.id, ...request.body });
      return reply.code(201).send({ enrollmentId: result.enrollment.id, state: result.state, ...(result.waitingPosition !== undefined && { waitingPosition: result.waitingPosition }) });
    },
  });

  r.post('/api/v1/programmes/:id/eligible', {
    config: { access: canManageProgrammes },
    schema: { tags, summary: 'Registra lavoratori come aventi diritto (stato «eligible»)', params: idParamsSchema, body: addEligibleRequestSchema, response: { 200: addEligibleResultSchema } },
    handler: async (request) => enrollments.addEligible(actorContext(request), request.params.id, request.body.workerIds),
  });

  r.get('/api/v1/programmes/:id/eligibility/:workerId', {
    config: { access: canRegisterWorkers },
    schema: { tags, summary: 'Verifica i requisiti di un lavoratore', params: z.strictObject({ id: z.uuid(), workerId: z.uuid() }), response: { 200: eligibilityResultSchema } },
    handler: async (request) => programmes.eligibility(actorContext(request).actor, request.params.id, request.params.workerId),
  });

  r.post('/api/v1/enrollments/:id/transitions', {
    config: { access: canMoveEnrollments },
    schema: { tags, summary: 'Sposta un’iscrizione a un nuovo stato (con motivo quando richiesto)', params: idParamsSchema, body: transitionRequestSchema, response: { 200: transitionResultSchema } },
    handler: async (request) => {
      const result = await enrollments.transition(actorContext(request), request.params.id, request.body.to, request.body.reason ?? '');
      return { enrollment: { id: result.enrollment.id, state: result.enrollment.state }, promoted: result.promoted.map((p) => ({ id: p.id, workerId: p.workerId })) };
    },
  });

  r.get('/api/v1/enrollments/:id/transitions', {
    config: { access: canReadEnrollments },
    schema: { tags, summary: 'Registro dei passaggi di stato di un’iscrizione', params: idParamsSchema, response: { 200: transitionLogSchema } },
    handler: async (request) => programmes.transitionLog(actorContext(request), request.params.id),
  });

  r.get('/api/v1/programmes/:id/notifications', {
    config: { access: canReadProgrammes },
    schema: { tags, summary: 'Avvisi al personale sul programma (posti assegnati dalla lista d’attesa)', params: idParamsSchema, response: { 200: notificationListSchema } },
    handler: async (request) => programmes.notifications(actorContext(request), request.params.id),
  });

  r.post('/api/v1/programmes/:id/notifications/:notificationId/read', {
    config: { access: canReadProgrammes },
    schema: { tags, summary: 'Segna un avviso come letto', params: notificationParams, response: { 200: okSchema } },
    handler: async (request) => {
      await programmes.markNotificationRead(actorContext(request), request.params.id, request.params.notificationId);
      return { ok: true as const };
    },
  });
}
