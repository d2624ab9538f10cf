import { idParamsSchema } from '../schemas/common.schema.js';
import { createOfficeRequestSchema, officeListSchema, officeSchema, updateOfficeRequestSchema } from '../schemas/office.schema.js';
import {
  createStaffRequestSchema,
  createdStaffSchema,
  passwordResetSchema,
  staffListQuerySchema,
  staffListSchema,
  staffSchema,
  updateStaffRequestSchema,
} from '../schemas/staff.schema.js';
import { defineEndpoint } from './endpoint.js';

export const staffEndpoints = {
  list: defineEndpoint({ method: 'GET', path: '/api/v1/staff', query: staffListQuerySchema, status: 200, response: staffListSchema }),
  get: defineEndpoint({ method: 'GET', path: '/api/v1/staff/:id', params: idParamsSchema, status: 200, response: staffSchema }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/v1/staff',
    body: createStaffRequestSchema,
    status: 201,
    response: createdStaffSchema,
    problems: [409],
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/staff/:id',
    params: idParamsSchema,
    body: updateStaffRequestSchema,
    status: 200,
    response: staffSchema,
    problems: [409],
  }),
  disable: defineEndpoint({
    method: 'POST',
    path: '/api/v1/staff/:id/disable',
    params: idParamsSchema,
    status: 200,
    response: staffSchema,
    problems: [409],
  }),
  enable: defineEndpoint({ method: 'POST', path: '/api/v1/staff/:id/enable', params: idParamsSchema, status: 200, response: staffSchema }),
  resetPassword: defineEndpoint({
    method: 'POST',
    path: '/api/v1/staff/:id/reset-password',
    params: idParamsSchema,
    status: 200,
    response: passwordResetSchema,
  }),
};

export const officeEndpoints = {
  list: defineEndpoint({ method: 'GET', path: '/api/v1/offices', status: 200, response: officeListSchema }),
  get: defineEndpoint({ method: 'GET', path: '/api/v1/offices/:id', params: idParamsSchema, status: 200, response: officeSchema }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/v1/offices',
    body: createOfficeRequestSchema,
    status: 201,
    response: officeSchema,
    problems: [409],
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/offices/:id',
    params: idParamsSchema,
    body: updateOfficeRequestSchema,
    status: 200,
    response: officeSchema,
    problems: [409],
  }),
};
