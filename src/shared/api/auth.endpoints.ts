import {
  changePasswordRequestSchema,
  preferencesRequestSchema,
  sessionViewSchema,
  signInRequestSchema,
  switchOfficeRequestSchema,
} from '../schemas/auth.schema.js';
import { okSchema } from '../schemas/common.schema.js';
import { auditPageSchema, auditQuerySchema } from '../schemas/audit.schema.js';
import { defineEndpoint } from './endpoint.js';

export const authEndpoints = {
  signIn: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/sign-in',
    body: signInRequestSchema,
    status: 200,
    response: sessionViewSchema,
    problems: [429],
  }),
  signOut: defineEndpoint({ method: 'POST', path: '/api/v1/auth/sign-out', status: 200, response: okSchema }),
  session: defineEndpoint({ method: 'GET', path: '/api/v1/auth/session', status: 200, response: sessionViewSchema }),
  switchOffice: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/auth/session/office',
    body: switchOfficeRequestSchema,
    status: 200,
    response: sessionViewSchema,
  }),
  changePassword: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/password',
    body: changePasswordRequestSchema,
    status: 200,
    response: okSchema,
  }),
  preferences: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/auth/preferences',
    body: preferencesRequestSchema,
    status: 200,
    response: okSchema,
  }),
};

export const auditEndpoints = {
  search: defineEndpoint({ method: 'GET', path: '/api/v1/audit', query: auditQuerySchema, status: 200, response: auditPageSchema }),
};
