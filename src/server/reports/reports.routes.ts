import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { reportEndpoints } from '../../shared/api/reports.endpoints.js';
import { serviceEndpoints } from '../../shared/api/services.endpoints.js';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { actorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { pickLanguage } from '../http/problem.js';
import { romeToday } from '../../shared/time/rome-date.js';
import { toCsv, toXlsx } from './export.js';
import { canReadReports } from './reports.policy.js';
import { createReportsRepository } from './reports.repository.js';
import { createReportsService, type ReportsService } from './reports.service.js';
import { route } from '../http/endpoint-route.js';

const tags = ['Rapporti'];

export function createReportsModule(deps: { db: Kysely<DB>; audit: AuditService; clock: () => Date }) {
  return createReportsService({ ...deps, repository: createReportsRepository() });
}

export function registerReportsRoutes(app: FastifyInstance, service: ReportsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  route(r, reportEndpoints.dashboard, {
    config: { access: canReadReports },
    schema: { tags, summary: 'Cruscotto del programma: imbuto, posti, lista d’attesa, CIGS in scadenza, contatti' },
    handler: async (request) => service.dashboard(actorContext(request), request.query.programmeId),
  });

  // The funder's totals of delivered services: the reports domain's view over services' published query.
  route(r, serviceEndpoints.totals, {
    config: { access: canReadReports },
    schema: {
      tags: ['Servizi erogati'],
      summary: 'Totali dei servizi erogati per lavoratore, operatore, sede o programma, per tipo di servizio',
    },
    handler: async (request) => service.serviceTotals(actorContext(request), request.query),
  });

  route(r, reportEndpoints.exportTable, {
    config: { access: canReadReports },
    schema: { tags, summary: 'Scarica una tabella del cruscotto in CSV (separatore ;) o XLSX' },
    handler: async (request, reply) => {
      const table = await service.exportTable(
        actorContext(request),
        request.params.table,
        request.query,
        request.query.lang ?? pickLanguage(request.headers['accept-language']),
      );
      const date = romeToday(new Date());
      const file = `ricolloca-${request.params.table}-${date}.${request.query.format}`;
      reply.header('content-disposition', `attachment; filename="${file}"`);
      if (request.query.format === 'xlsx') {
        return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(table));
      }
      return reply.type('text/csv; charset=utf-8').send(toCsv(table));
    },
  });
}
