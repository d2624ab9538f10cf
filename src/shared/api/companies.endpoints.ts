import { z } from 'zod';
import { idParamsSchema } from '../schemas/common.schema.js';
import {
  cigsCaseSchema,
  cohortSchema,
  companyListQuerySchema,
  companyListSchema,
  companySchema,
  createCigsCaseRequestSchema,
  createCompanyRequestSchema,
  updateCigsCaseRequestSchema,
  updateCompanyRequestSchema,
} from '../schemas/companies.schema.js';
import { defineEndpoint } from './endpoint.js';

const caseParams = z.strictObject({ id: z.uuid(), caseId: z.uuid() });

export const companyEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/v1/companies',
    query: companyListQuerySchema,
    status: 200,
    response: companyListSchema,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/v1/companies',
    body: createCompanyRequestSchema,
    status: 201,
    response: companySchema,
    problems: [409],
  }),
  get: defineEndpoint({ method: 'GET', path: '/api/v1/companies/:id', params: idParamsSchema, status: 200, response: companySchema }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/companies/:id',
    params: idParamsSchema,
    body: updateCompanyRequestSchema,
    status: 200,
    response: companySchema,
    problems: [409],
  }),
  addCigsCase: defineEndpoint({
    method: 'POST',
    path: '/api/v1/companies/:id/cigs-cases',
    params: idParamsSchema,
    body: createCigsCaseRequestSchema,
    status: 201,
    response: cigsCaseSchema,
  }),
  updateCigsCase: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/companies/:id/cigs-cases/:caseId',
    params: caseParams,
    body: updateCigsCaseRequestSchema,
    status: 200,
    response: cigsCaseSchema,
  }),
  cohort: defineEndpoint({
    method: 'GET',
    path: '/api/v1/companies/:id/cohort',
    params: idParamsSchema,
    status: 200,
    response: cohortSchema,
  }),
};
