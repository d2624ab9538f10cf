import {
  createCvRequestSchema,
  cvListSchema,
  cvPdfQuerySchema,
  cvSchema,
  cvVersionListSchema,
  jsonResumeSchema,
  updateCvRequestSchema,
  workerCvParamsSchema,
  workerCvsParamsSchema,
} from '../schemas/cvs.schema.js';
import { defineEndpoint } from './endpoint.js';

/** A worker's CVs: built from the profile, edited with the worker, versioned, downloaded as PDF and JSON Resume. */
export const cvEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:workerId/cvs',
    params: workerCvsParamsSchema,
    status: 200,
    response: cvListSchema,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/v1/workers/:workerId/cvs',
    params: workerCvsParamsSchema,
    body: createCvRequestSchema,
    status: 201,
    response: cvSchema,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:workerId/cvs/:cvId',
    params: workerCvParamsSchema,
    status: 200,
    response: cvSchema,
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/workers/:workerId/cvs/:cvId',
    params: workerCvParamsSchema,
    body: updateCvRequestSchema,
    status: 200,
    response: cvSchema,
    problems: [409],
  }),
  versions: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:workerId/cvs/:cvId/versions',
    params: workerCvParamsSchema,
    status: 200,
    response: cvVersionListSchema,
  }),
  pdf: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:workerId/cvs/:cvId/pdf',
    params: workerCvParamsSchema,
    query: cvPdfQuerySchema,
    status: 200,
    download: true,
  }),
  jsonResume: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:workerId/cvs/:cvId/json-resume',
    params: workerCvParamsSchema,
    status: 200,
    response: jsonResumeSchema,
  }),
  /** The photo is the raw body (application/octet-stream), JPEG or PNG, at most 2 MB. */
  uploadPhoto: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/workers/:workerId/cvs/:cvId/photo',
    params: workerCvParamsSchema,
    bodyKind: 'raw',
    status: 200,
    response: cvSchema,
    problems: [413, 415],
  }),
  deletePhoto: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/workers/:workerId/cvs/:cvId/photo',
    params: workerCvParamsSchema,
    status: 200,
    response: cvSchema,
  }),
};
