import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/schemas/common.schema.js';
import {
  consentSchema,
  createNoteRequestSchema,
  createWorkerRequestSchema,
  duplicateListSchema,
  duplicateQuerySchema,
  noteListSchema,
  noteSchema,
  recordConsentRequestSchema,
  timelineSchema,
  updateWorkerRequestSchema,
  workerListQuerySchema,
  workerListSchema,
  workerSchema,
} from '../../shared/schemas/people.schema.js';
import { actorContext } from '../auth/access.js';
import { pickLanguage, problemType } from '../http/problem.js';
import { DuplicateWorkerError } from './worker.errors.js';
import { canAddWorkerNotes, canEditWorkers, canReadWorkers } from './worker.policy.js';
import type { WorkerService } from './worker.service.js';

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

  r.get('/api/v1/workers', {
    config: { access: canReadWorkers },
    schema: { tags, summary: 'Elenco dei lavoratori con filtri, ricerca e paginazione a cursore', querystring: workerListQuerySchema, response: { 200: workerListSchema } },
    handler: async (request) => service.list(actorContext(request).actor, request.query),
  });

  r.get('/api/v1/workers/duplicates', {
    config: { access: canReadWorkers },
    schema: { tags, summary: 'Possibili doppioni: stesso codice fiscale, stesso telefono, o stesso nome (e data di nascita)', querystring: duplicateQuerySchema, response: { 200: duplicateListSchema } },
    handler: async (request) => ({ items: await service.findDuplicates(actorContext(request).actor, request.query) }),
  });

  r.post('/api/v1/workers', {
    config: { access: canEditWorkers },
    schema: { tags, summary: 'Registra un lavoratore (nome e telefono bastano; il codice fiscale, se dato, deve essere coerente)', body: createWorkerRequestSchema, response: { 201: workerSchema } },
    handler: async (request, reply) => orDuplicate(request, reply, async () => reply.code(201).send(await service.create(actorContext(request), request.body))),
  });

  r.get('/api/v1/workers/:id', {
    config: { access: canReadWorkers },
    schema: { tags, summary: 'Scheda del lavoratore (la lettura è registrata)', params: idParamsSchema, response: { 200: workerSchema } },
    handler: async (request) => service.get(actorContext(request), request.params.id),
  });

  r.patch('/api/v1/workers/:id', {
    config: { access: canEditWorkers },
    schema: { tags, summary: 'Modifica i dati del lavoratore', params: idParamsSchema, body: updateWorkerRequestSchema, response: { 200: workerSchema } },
    handler: async (request, reply) => orDuplicate(request, reply, () => service.update(actorContext(request), request.params.id, request.body)),
  });

  r.post('/api/v1/workers/:id/consents', {
    config: { access: canEditWorkers },
    schema: { tags, summary: 'Registra un consenso dato o revocato (per telefono resta traccia dell’operatore)', params: idParamsSchema, body: recordConsentRequestSchema, response: { 201: z.object({ items: z.array(consentSchema) }) } },
    handler: async (request, reply) => reply.code(201).send(await service.recordConsent(actorContext(request), request.params.id, request.body)),
  });

  r.get('/api/v1/workers/:id/notes', {
    config: { access: canReadWorkers },
    schema: { tags, summary: 'Note del personale sul lavoratore', params: idParamsSchema, response: { 200: noteListSchema } },
    handler: async (request) => service.notes(actorContext(request), request.params.id),
  });

  r.post('/api/v1/workers/:id/notes', {
    config: { access: canAddWorkerNotes },
    schema: { tags, summary: 'Aggiunge una nota', params: idParamsSchema, body: createNoteRequestSchema, response: { 201: noteSchema } },
    handler: async (request, reply) => reply.code(201).send(await service.addNote(actorContext(request), request.params.id, request.body.body)),
  });

  r.get('/api/v1/workers/:id/timeline', {
    config: { access: canReadWorkers },
    schema: { tags, summary: 'Storia del lavoratore, dalla più recente', params: idParamsSchema, response: { 200: timelineSchema } },
    handler: async (request) => service.timeline(actorContext(request), request.params.id),
  });
}
