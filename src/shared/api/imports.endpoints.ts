import { idParamsSchema } from '../schemas/common.schema.js';
import {
  importApplyRequestSchema,
  importDryRunRequestSchema,
  importOfficeListSchema,
  importRefusedRowsQuerySchema,
  importSettingsRequestSchema,
  importSettingsSchema,
  importJobSchema,
  importRowListSchema,
  importRowsQuerySchema,
  importUploadQuerySchema,
} from '../schemas/imports.schema.js';
import { defineEndpoint } from './endpoint.js';

export const importEndpoints = {
  /** The file is the raw body (application/octet-stream): see src/server/imports/imports.routes.ts. */
  upload: defineEndpoint({
    method: 'POST',
    path: '/api/v1/imports/workers',
    query: importUploadQuerySchema,
    bodyKind: 'raw',
    status: 201,
    response: importJobSchema,
    problems: [409, 413, 415],
  }),
  get: defineEndpoint({ method: 'GET', path: '/api/v1/imports/:id', params: idParamsSchema, status: 200, response: importJobSchema }),
  rows: defineEndpoint({
    method: 'GET',
    path: '/api/v1/imports/:id/rows',
    params: idParamsSchema,
    query: importRowsQuerySchema,
    status: 200,
    response: importRowListSchema,
  }),
  dryRun: defineEndpoint({
    method: 'POST',
    path: '/api/v1/imports/:id/dry-run',
    params: idParamsSchema,
    body: importDryRunRequestSchema,
    status: 202,
    response: importJobSchema,
    problems: [409],
  }),
  apply: defineEndpoint({
    method: 'POST',
    path: '/api/v1/imports/:id/apply',
    params: idParamsSchema,
    body: importApplyRequestSchema,
    status: 202,
    response: importJobSchema,
    problems: [409],
  }),
  /** The refused rows as the file gave them, with an error column: to send back to the company or INPS. */
  refusedRows: defineEndpoint({
    method: 'GET',
    path: '/api/v1/imports/:id/refused-rows',
    params: idParamsSchema,
    query: importRefusedRowsQuerySchema,
    status: 200,
    download: true,
    problems: [409],
  }),
  /** The offices the operator may import workers into (the target office chooser). */
  offices: defineEndpoint({ method: 'GET', path: '/api/v1/imports/offices', status: 200, response: importOfficeListSchema }),
  settings: defineEndpoint({ method: 'GET', path: '/api/v1/imports/settings', status: 200, response: importSettingsSchema }),
  updateSettings: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/imports/settings',
    body: importSettingsRequestSchema,
    status: 200,
    response: importSettingsSchema,
  }),
};
