import { z } from 'zod';
import { idParamsSchema } from '../schemas/common.schema.js';
import {
  createEmployerContactRequestSchema,
  createEmployerRequestSchema,
  createEmployerSiteRequestSchema,
  employerListQuerySchema,
  employerPageSchema,
  employerSchema,
  recordConsentRequestSchema,
  updateEmployerContactRequestSchema,
  updateEmployerRequestSchema,
  updateEmployerSiteRequestSchema,
} from '../schemas/employers.schema.js';
import { defineEndpoint } from './endpoint.js';

const siteParams = z.strictObject({ id: z.uuid(), siteId: z.uuid() });
const contactParams = z.strictObject({ id: z.uuid(), contactId: z.uuid() });

/** The employers that hire across the network; every change answers with the employer as it now is. */
export const employerEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/v1/employers',
    query: employerListQuerySchema,
    status: 200,
    response: employerPageSchema,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/v1/employers',
    body: createEmployerRequestSchema,
    status: 201,
    response: employerSchema,
    problems: [409],
  }),
  get: defineEndpoint({ method: 'GET', path: '/api/v1/employers/:id', params: idParamsSchema, status: 200, response: employerSchema }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/employers/:id',
    params: idParamsSchema,
    body: updateEmployerRequestSchema,
    status: 200,
    response: employerSchema,
    problems: [409],
  }),
  addSite: defineEndpoint({
    method: 'POST',
    path: '/api/v1/employers/:id/sites',
    params: idParamsSchema,
    body: createEmployerSiteRequestSchema,
    status: 201,
    response: employerSchema,
    problems: [409],
  }),
  updateSite: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/employers/:id/sites/:siteId',
    params: siteParams,
    body: updateEmployerSiteRequestSchema,
    status: 200,
    response: employerSchema,
    problems: [409],
  }),
  removeSite: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/employers/:id/sites/:siteId',
    params: siteParams,
    status: 200,
    response: employerSchema,
  }),
  addContact: defineEndpoint({
    method: 'POST',
    path: '/api/v1/employers/:id/contacts',
    params: idParamsSchema,
    body: createEmployerContactRequestSchema,
    status: 201,
    response: employerSchema,
  }),
  updateContact: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/employers/:id/contacts/:contactId',
    params: contactParams,
    body: updateEmployerContactRequestSchema,
    status: 200,
    response: employerSchema,
  }),
  removeContact: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/employers/:id/contacts/:contactId',
    params: contactParams,
    status: 200,
    response: employerSchema,
  }),
  recordConsent: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/employers/:id/consent',
    params: idParamsSchema,
    body: recordConsentRequestSchema,
    status: 200,
    response: employerSchema,
  }),
  withdrawConsent: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/employers/:id/consent',
    params: idParamsSchema,
    status: 200,
    response: employerSchema,
  }),
};
