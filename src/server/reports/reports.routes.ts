import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.js';
import { dashboardQuerySchema, dashboardSchema, exportParamsSchema, exportQuerySchema } from '../../shared/schemas/reports.schema.js';
import { actorContext } from '../auth/access.js';
import type { DB } from '../db/schema.js';
import { toCsv, toXlsx } from './export.js';
import { canReadReports } from './reports.policy.js';
import { createReportsRepository } from './reports.repository.js';
import { createReportsService, type ReportsService } from './reports.service.js';

const tags = ['Rapporti'];

export function createReportsModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date }) {
  return createReportsService({ ...deps, repository: createReportsRepository() });
}

export function registerReportsRoutes(app: FastifyInstance, service: ReportsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/reports/dashboard', {
    config: { access: canReadReports },
    schema: { tags, summary: 'Cruscotto del programma: imbuto, posti, lista d’attesa, CIGS in scadenza, contatti', querystring: dashboardQuerySchema, response: { 200: dashboardSchema } },
    handler: async (request) => service.dashboard(actorContext(request), request.query.programmeId),
  });

  r.get('/api/v1/reports/export/:table', {
    config: { access: canReadReports },
    schema: { tags, summary: 'Scarica una tabella del cruscotto in CSV (separatore ;) o XLSX', params: exportParamsSchema, querystring: exportQuerySchema },
    handler: async (request, reply) => {
      const table = await service.exportTable(actorContext(request), request.params.table, request.query.programmeId);
      const date = new Date().toISOString().slice(0, 10);
      const file = `ricolloca-${request.params.table}-${date}.${request.query.format}`;
      reply.header('content-disposition', `attachment; filename="${file}"`);
      if (request.query.format === 'xlsx') {
        return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(table));
      }
      return reply.type('text/csv; charset=utf-8').send(toCsv(table));
    },
  });
}
