import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { programmeEndpoints } from '../../shared/api/programmes.endpoints.js';
import { actorContext } from '../auth/index.js';
import { route } from '../http/endpoint-route.js';
import { pickLanguage } from '../http/problem.js';
import type { EnrollmentService } from './enrollment.service.js';
import { canManageProgrammes, canMoveEnrollments, canReadEnrollments, canReadProgrammes, canRegisterWorkers } from './programme.policy.js';
import type { ProgrammeService } from './programme.service.js';

const tags = ['Programmi'];

export function registerProgrammeRoutes(app: FastifyInstance, programmes: ProgrammeService, enrollments: EnrollmentService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, programmeEndpoints.list, {
    config: { access: canReadProgrammes },
    schema: { tags, summary: 'Programmi della rete, con posti occupati e lista d’attesa' },
    handler: async (request) => ({ items: await programmes.list(actorContext(request).actor) }),
  });

  route(r, programmeEndpoints.create, {
    config: { access: canManageProgrammes },
    schema: { tags, summary: 'Crea un programma' },
    handler: async (request, reply) => reply.code(201).send(await programmes.create(actorContext(request), request.body)),
  });

  route(r, programmeEndpoints.get, {
    config: { access: canReadProgrammes },
    schema: { tags, summary: 'Un programma' },
    handler: async (request) => programmes.get(actorContext(request).actor, request.params.id),
  });

  route(r, programmeEndpoints.update, {
    config: { access: canManageProgrammes },
    schema: { tags, summary: 'Modifica un programma (l’aumento di capienza assegna i posti alla lista d’attesa)' },
    handler: async (request) => programmes.update(actorContext(request), request.params.id, request.body),
  });

  route(r, programmeEndpoints.enrollments, {
    config: { access: canReadEnrollments },
    schema: { tags, summary: 'Iscrizioni al programma, con la posizione in lista d’attesa e i passaggi consentiti' },
    handler: async (request) => programmes.enrollments(actorContext(request), request.params.id, request.query),
  });

  route(r, programmeEndpoints.register, {
    config: { access: canRegisterWorkers },
    schema: { tags, summary: 'Iscrive un lavoratore: un posto se libero, altrimenti la lista d’attesa' },
    handler: async (request, reply) => {
      const result = await enrollments.register(actorContext(request), { programmeId: request.params.id, ...request.body });
      return reply.code(201).send({
        enrollmentId: result.enrollment.id,
        state: result.state,
        ...(result.waitingPosition !== undefined && { waitingPosition: result.waitingPosition }),
      });
    },
  });

  route(r, programmeEndpoints.addEligible, {
    config: { access: canManageProgrammes },
    schema: { tags, summary: 'Registra lavoratori come aventi diritto (stato «eligible»)' },
    handler: async (request) =>
      'all' in request.body
        ? enrollments.addAllEligible(actorContext(request), request.params.id)
        : enrollments.addEligible(actorContext(request), request.params.id, request.body.workerIds),
  });

  route(r, programmeEndpoints.eligiblePreview, {
    config: { access: canManageProgrammes },
    schema: { tags, summary: 'Chi verrebbe aggiunto come avente diritto: il numero e i primi, prima di confermare' },
    handler: async (request) => enrollments.eligiblePreview(actorContext(request), request.params.id),
  });

  route(r, programmeEndpoints.eligibility, {
    config: { access: canRegisterWorkers },
    schema: { tags, summary: 'Verifica i requisiti di un lavoratore' },
    handler: async (request) =>
      programmes.eligibility(
        actorContext(request),
        request.params.id,
        request.params.workerId,
        pickLanguage(request.headers['accept-language']),
      ),
  });

  route(r, programmeEndpoints.transition, {
    config: { access: canMoveEnrollments },
    schema: { tags, summary: 'Sposta un’iscrizione a un nuovo stato (con motivo quando richiesto)' },
    handler: async (request) => {
      const result = await enrollments.transition(actorContext(request), request.params.id, request.body.to, request.body.reason ?? '');
      return {
        enrollment: { id: result.enrollment.id, state: result.enrollment.state },
        promoted: result.promoted.map((p) => ({ id: p.id, workerId: p.workerId })),
      };
    },
  });

  route(r, programmeEndpoints.transitionLog, {
    config: { access: canReadEnrollments },
    schema: { tags, summary: 'Registro dei passaggi di stato di un’iscrizione' },
    handler: async (request) => programmes.transitionLog(actorContext(request), request.params.id),
  });

  route(r, programmeEndpoints.notifications, {
    config: { access: canReadProgrammes },
    schema: { tags, summary: 'Avvisi al personale sul programma (posti assegnati dalla lista d’attesa)' },
    handler: async (request) => programmes.notifications(actorContext(request), request.params.id),
  });

  route(r, programmeEndpoints.markNotificationRead, {
    config: { access: canReadProgrammes },
    schema: { tags, summary: 'Segna un avviso come letto' },
    handler: async (request) => {
      await programmes.markNotificationRead(actorContext(request), request.params.id, request.params.notificationId);
      return { ok: true as const };
    },
  });
}
