import { setupCheckRequestSchema, setupCheckSchema, setupRequestSchema, setupResultSchema } from '../schemas/setup.schema.js';
import { defineEndpoint } from './endpoint.js';

/**
 * The first start of a real installation (no demo, no account yet): `serve` prints a one-time link
 * `/primo-accesso#<token>`; the page checks the token, then creates the network, its first office
 * and the administrator. Both operations are public but need the token; both answer 409 once any
 * account exists. The token travels in the body, never in a URL the logs would keep.
 */
export const setupEndpoints = {
  check: defineEndpoint({
    method: 'POST',
    path: '/api/v1/setup/check',
    body: setupCheckRequestSchema,
    status: 200,
    response: setupCheckSchema,
    problems: [403, 409],
  }),
  complete: defineEndpoint({
    method: 'POST',
    path: '/api/v1/setup',
    body: setupRequestSchema,
    status: 201,
    response: setupResultSchema,
    problems: [403, 409],
  }),
};
