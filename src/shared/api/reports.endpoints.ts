import { dashboardQuerySchema, dashboardSchema, exportParamsSchema, exportQuerySchema } from '../schemas/reports.schema.js';
import { defineEndpoint } from './endpoint.js';

export const reportEndpoints = {
  dashboard: defineEndpoint({
    method: 'GET',
    path: '/api/v1/reports/dashboard',
    query: dashboardQuerySchema,
    status: 200,
    response: dashboardSchema,
  }),
  /** A CSV (`;`, BOM) or XLSX file. */
  exportTable: defineEndpoint({
    method: 'GET',
    path: '/api/v1/reports/export/:table',
    params: exportParamsSchema,
    query: exportQuerySchema,
    status: 200,
    download: true,
  }),
};
