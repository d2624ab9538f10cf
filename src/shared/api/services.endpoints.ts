import { idParamsSchema, okSchema } from '../schemas/common.schema.js';
import {
  serviceCreateSchema,
  serviceRecordSchema,
  serviceRemoveSchema,
  serviceTotalsQuerySchema,
  serviceTotalsSchema,
  serviceUpdateSchema,
  workerServicesParamsSchema,
  workerServicesSchema,
} from '../schemas/services.schema.js';
import { defineEndpoint } from './endpoint.js';

export const serviceEndpoints = {
  /** A worker's delivered services, newest first, with what the form for a new one offers. */
  ofWorker: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:id/services',
    params: workerServicesParamsSchema,
    status: 200,
    response: workerServicesSchema,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/v1/workers/:id/services',
    params: workerServicesParamsSchema,
    body: serviceCreateSchema,
    status: 201,
    response: serviceRecordSchema,
    problems: [422],
  }),
  /** A record entered by hand; one made from a meeting is corrected through the meeting. */
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/services/:id',
    params: idParamsSchema,
    body: serviceUpdateSchema,
    status: 200,
    response: serviceRecordSchema,
    problems: [409, 422],
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/services/:id',
    params: idParamsSchema,
    body: serviceRemoveSchema,
    status: 200,
    response: okSchema,
    problems: [409],
  }),
  /** The funder's totals over a range of days, by worker, consultant, office or programme. */
  totals: defineEndpoint({
    method: 'GET',
    path: '/api/v1/services/totals',
    query: serviceTotalsQuerySchema,
    status: 200,
    response: serviceTotalsSchema,
  }),
};
