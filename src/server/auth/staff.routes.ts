import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { staffEndpoints } from '../../shared/api/staff.endpoints.js';
import { actorContext } from './access.js';
import { canManageStaff } from './auth.policy.js';
import type { StaffService } from './staff.service.js';
import { route } from '../http/endpoint-route.js';
import { pickLanguage } from '../http/problem.js';

const tags = ['Personale'];
const config = { access: canManageStaff };

export function registerStaffRoutes(app: FastifyInstance, service: StaffService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, staffEndpoints.list, {
    config,
    schema: { tags, summary: 'Elenco degli account del personale della rete' },
    handler: async (request) => service.list(actorContext(request), request.query),
  });

  route(r, staffEndpoints.get, {
    config,
    schema: { tags, summary: 'Un account del personale' },
    handler: async (request) => service.get(actorContext(request), request.params.id),
  });

  route(r, staffEndpoints.create, {
    config,
    schema: { tags, summary: 'Crea un account con password temporanea' },
    handler: async (request, reply) => {
      const created = await service.create(actorContext(request), request.body, pickLanguage(request.headers['accept-language']));
      return reply.code(201).send(created);
    },
  });

  route(r, staffEndpoints.update, {
    config,
    schema: { tags, summary: 'Modifica nome e ruoli' },
    handler: async (request) => service.update(actorContext(request), request.params.id, request.body),
  });

  route(r, staffEndpoints.disable, {
    config,
    schema: { tags, summary: 'Disattiva un account e ne chiude le sessioni' },
    handler: async (request) => service.setDisabled(actorContext(request), request.params.id, true),
  });

  route(r, staffEndpoints.enable, {
    config,
    schema: { tags, summary: 'Riattiva un account' },
    handler: async (request) => service.setDisabled(actorContext(request), request.params.id, false),
  });

  route(r, staffEndpoints.resetPassword, {
    config,
    schema: { tags, summary: 'Imposta una nuova password temporanea' },
    handler: async (request) => service.resetPassword(actorContext(request), request.params.id),
  });
}
