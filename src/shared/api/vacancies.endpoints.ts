import { idParamsSchema } from '../schemas/common.schema.js';
import {
  createVacancyRequestSchema,
  updateVacancyRequestSchema,
  vacancyBoardQuerySchema,
  vacancyBoardSchema,
  vacancyDetailSchema,
  vacancyMoveRequestSchema,
  vacancyPageSchema,
  vacancyQuerySchema,
} from '../schemas/vacancies.schema.js';
import { defineEndpoint } from './endpoint.js';

const move = <const P extends string>(path: P) =>
  defineEndpoint({
    method: 'POST',
    path,
    params: idParamsSchema,
    body: vacancyMoveRequestSchema,
    status: 200,
    response: vacancyDetailSchema,
    problems: [409],
  });

export const vacancyEndpoints = {
  search: defineEndpoint({ method: 'GET', path: '/api/v1/vacancies', query: vacancyQuerySchema, status: 200, response: vacancyPageSchema }),
  board: defineEndpoint({
    method: 'GET',
    path: '/api/v1/vacancies/board',
    query: vacancyBoardQuerySchema,
    status: 200,
    response: vacancyBoardSchema,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/v1/vacancies',
    body: createVacancyRequestSchema,
    status: 201,
    response: vacancyDetailSchema,
  }),
  get: defineEndpoint({ method: 'GET', path: '/api/v1/vacancies/:id', params: idParamsSchema, status: 200, response: vacancyDetailSchema }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/vacancies/:id',
    params: idParamsSchema,
    body: updateVacancyRequestSchema,
    status: 200,
    response: vacancyDetailSchema,
    problems: [409],
  }),
  publish: move('/api/v1/vacancies/:id/publish'),
  fill: move('/api/v1/vacancies/:id/fill'),
  close: move('/api/v1/vacancies/:id/close'),
  reopen: move('/api/v1/vacancies/:id/reopen'),
};
