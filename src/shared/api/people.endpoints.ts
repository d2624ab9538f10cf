import { z } from 'zod';
import { idParamsSchema } from '../schemas/common.schema.js';
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
} from '../schemas/people.schema.js';
import { defineEndpoint } from './endpoint.js';

export const workerEndpoints = {
  list: defineEndpoint({ method: 'GET', path: '/api/v1/workers', query: workerListQuerySchema, status: 200, response: workerListSchema }),
  duplicates: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/duplicates',
    query: duplicateQuerySchema,
    status: 200,
    response: duplicateListSchema,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/v1/workers',
    body: createWorkerRequestSchema,
    status: 201,
    response: workerSchema,
    problems: [409],
  }),
  get: defineEndpoint({ method: 'GET', path: '/api/v1/workers/:id', params: idParamsSchema, status: 200, response: workerSchema }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/workers/:id',
    params: idParamsSchema,
    body: updateWorkerRequestSchema,
    status: 200,
    response: workerSchema,
    problems: [409],
  }),
  recordConsent: defineEndpoint({
    method: 'POST',
    path: '/api/v1/workers/:id/consents',
    params: idParamsSchema,
    body: recordConsentRequestSchema,
    status: 201,
    response: z.object({ items: z.array(consentSchema) }),
  }),
  notes: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:id/notes',
    params: idParamsSchema,
    status: 200,
    response: noteListSchema,
  }),
  addNote: defineEndpoint({
    method: 'POST',
    path: '/api/v1/workers/:id/notes',
    params: idParamsSchema,
    body: createNoteRequestSchema,
    status: 201,
    response: noteSchema,
  }),
  timeline: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:id/timeline',
    params: idParamsSchema,
    status: 200,
    response: timelineSchema,
  }),
};
