import { idParamsSchema } from '../schemas/common.schema.js';
import { skillGapQuerySchema, skillGapSchema } from '../schemas/skill-gap.schema.js';
import { defineEndpoint } from './endpoint.js';

export const skillGapEndpoints = {
  ofWorker: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:id/skill-gap',
    params: idParamsSchema,
    query: skillGapQuerySchema,
    status: 200,
    response: skillGapSchema,
  }),
};
