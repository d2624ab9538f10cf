import { idParamsSchema } from '../schemas/common.schema.js';
import { candidatePageSchema, candidateQuerySchema } from '../schemas/matching.schema.js';
import { defineEndpoint } from './endpoint.js';

export const matchingEndpoints = {
  candidates: defineEndpoint({
    method: 'GET',
    path: '/api/v1/vacancies/:id/candidates',
    params: idParamsSchema,
    query: candidateQuerySchema,
    status: 200,
    response: candidatePageSchema,
  }),
};
