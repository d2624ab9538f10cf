import { jobListQuerySchema, jobListSchema } from '../schemas/jobs.schema.js';
import { defineEndpoint } from './endpoint.js';

export const jobEndpoints = {
  list: defineEndpoint({ method: 'GET', path: '/api/v1/jobs', query: jobListQuerySchema, status: 200, response: jobListSchema }),
};
