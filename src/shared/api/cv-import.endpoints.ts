import {
  cvImportApplySchema,
  cvImportPreviewSchema,
  cvImportQuerySchema,
  cvImportResultSchema,
  workerIdParamsSchema,
} from '../schemas/cv-import.schema.js';
import { defineEndpoint } from './endpoint.js';

export const cvImportEndpoints = {
  /** The CV file is the raw body (application/octet-stream): see src/server/cv/import/cv-import.routes.ts. Nothing is saved. */
  preview: defineEndpoint({
    method: 'POST',
    path: '/api/v1/workers/:workerId/cv-imports',
    params: workerIdParamsSchema,
    query: cvImportQuerySchema,
    bodyKind: 'raw',
    status: 200,
    response: cvImportPreviewSchema,
    problems: [413, 415, 422],
  }),
  apply: defineEndpoint({
    method: 'POST',
    path: '/api/v1/workers/:workerId/cv-imports/apply',
    params: workerIdParamsSchema,
    body: cvImportApplySchema,
    status: 200,
    response: cvImportResultSchema,
    problems: [409, 422],
  }),
};
