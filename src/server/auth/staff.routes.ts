import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/schemas/common.schema.js';
import {
  createStaffRequestSchema,
  createdStaffSchema,
  passwordResetSchema,
  staffListQuerySchema,
  staffListSchema,
  staffSchema,
  updateStaffRequestSchema,
} from '../../shared/schemas/staff.schema.js';
import { actorContext } from './access.js';
import { canManageStaff } from './auth.policy.js';
import type { StaffService } from './staff.service.js';

const tags = ['Personale'];
const config = { access: canManageStaff };

export function registerStaffRoutes(app: FastifyInstance, service: StaffService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/staff', {
    config,
    schema: { tags, summary: 'Elenco degli account del personale della rete', querystring: staffListQuerySchema, response: { 200: staffListSchema } },
    handler: async (request) => service.list(actorContext(request).actor, request.query),
  });

  r.get('/api/v1/staff/:id', {
    config,
    schema: { tags, summary: 'Un account del personale', params: idParamsSchema, response: { 200: staffSchema } },
    handler: async (request) => service.get(actorContext(request), request.params.id),
  });

  r.post('/api/v1/staff', {
    config,
    schema: { tags, summary: 'Crea un account con password temporanea', body: createStaffRequestSchema, response: { 201: createdStaffSchema } },
    handler: async (request, reply) => {
      const created = await service.create(actorContext(request), request.body);
      return reply.code(201).send(created);
    },
  });

  r.patch('/api/v1/staff/:id', {
    config,
    schema: { tags, summary: 'Modifica nome e ruoli', params: idParamsSchema, body: updateStaffRequestSchema, response: { 200: staffSchema } },
    handler: async (request) => service.update(actorContext(request), request.params.id, request.body),
  });

  r.post('/api/v1/staff/:id/disable', {
    config,
    schema: { tags, summary: 'Disattiva un account e ne chiude le sessioni', params: idParamsSchema, response: { 200: staffSchema } },
    handler: async (request) => service.setDisabled(actorContext(request), request.params.id, true),
  });

  r.post('/api/v1/staff/:id/enable', {
    config,
    schema: { tags, summary: 'Riattiva un account', params: idParamsSchema, response: { 200: staffSchema } },
    handler: async (request) => service.setDisabled(actorContext(request), request.params.id, false),
  });

  r.post('/api/v1/staff/:id/reset-password', {
    config,
    schema: { tags, summary: 'Imposta una nuova password temporanea', params: idParamsSchema, response: { 200: passwordResetSchema } },
    handler: async (request) => service.resetPassword(actorContext(request), request.params.id),
  });
}
