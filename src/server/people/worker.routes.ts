import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { workerEndpoints } from '../../shared/api/people.endpoints.js';
import { actorContext } from '../auth/index.js';
import { pickLanguage, problemType } from '../http/problem.js';
import { DuplicateWorkerError } from './worker.errors.js';
import { canAddWorkerNotes, canEditWorkers, canReadWorkers } from './worker.policy.js';
import type { WorkerService } from './worker.service.js';
import { route } from '../http/endpoint-route.js';

const tags = ['Lavoratori'];

/** A 409 that also says which worker already holds the codice fiscale (`existingId`). */
async function orDuplicate<T>(request: FastifyRequest, reply: FastifyReply, run: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof DuplicateWorkerError)) throw err;
    return reply
      .code(409)
      .type('application/problem+json; charset=utf-8')
      .send({
        type: problemType(err.code),
        title: err.code,
        status: 409,
        detail: err.text[pickLanguage(request.headers['accept-language'])],
        code: err.code,
        instance: request.url.split('?')[0],
        requestId: request.id,
        errors: err.extra.errors,
        existingId: err.existingId,
      });
  }
}

export function registerWorkerRoutes(app: FastifyInstance, service: WorkerService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, workerEndpoints.list, {
    config: { access: canReadWorkers },
    schema: { tags, summary: 'Elenco dei lavoratori con filtri, ricerca e paginazione a cursore' },
    handler: async (request) => service.list(actorContext(request), request.query),
  });

  route(r, workerEndpoints.duplicates, {
    config: { access: canReadWorkers },
    schema: { tags, summary: 'Possibili doppioni: stesso codice fiscale, stesso telefono, o stesso nome (e data di nascita)' },
    handler: async (request) => ({ items: await service.findDuplicates(actorContext(request), request.query) }),
  });

  route(r, workerEndpoints.create, {
    config: { access: canEditWorkers },
    schema: { tags, summary: 'Registra un lavoratore (nome e telefono bastano; il codice fiscale, se dato, deve essere coerente)' },
    handler: async (request, reply) =>
      orDuplicate(request, reply, async () =>
        reply.code(201).send(await service.create(actorContext(request), request.body, pickLanguage(request.headers['accept-language']))),
      ),
  });

  route(r, workerEndpoints.get, {
    config: { access: canReadWorkers },
    schema: { tags, summary: 'Scheda del lavoratore (la lettura è registrata)' },
    handler: async (request) => service.get(actorContext(request), request.params.id),
  });

  route(r, workerEndpoints.update, {
    config: { access: canEditWorkers },
    schema: { tags, summary: 'Modifica i dati del lavoratore' },
    handler: async (request, reply) =>
      orDuplicate(request, reply, () =>
        service.update(actorContext(request), request.params.id, request.body, pickLanguage(request.headers['accept-language'])),
      ),
  });

  route(r, workerEndpoints.recordConsent, {
    config: { access: canEditWorkers },
    schema: { tags, summary: 'Registra un consenso dato o revocato (per telefono resta traccia dell’operatore)' },
    handler: async (request, reply) =>
      reply.code(201).send(await service.recordConsent(actorContext(request), request.params.id, request.body)),
  });

  route(r, workerEndpoints.notes, {
    config: { access: canReadWorkers },
    schema: { tags, summary: 'Note del personale sul lavoratore' },
    handler: async (request) => service.notes(actorContext(request), request.params.id),
  });

  route(r, workerEndpoints.addNote, {
    config: { access: canAddWorkerNotes },
    schema: { tags, summary: 'Aggiunge una nota' },
    handler: async (request, reply) =>
      reply.code(201).send(await service.addNote(actorContext(request), request.params.id, request.body.body)),
  });

  route(r, workerEndpoints.timeline, {
    config: { access: canReadWorkers },
    schema: { tags, summary: 'Storia del lavoratore, dalla più recente' },
    handler: async (request) => service.timeline(actorContext(request), request.params.id),
  });
}
