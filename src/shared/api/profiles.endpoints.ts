import {
  completenessSchema,
  profileParamsSchema,
  profileResponseSchema,
  profileVersionListSchema,
  profileVersionParamsSchema,
  profileVersionSchema,
  replaceProfileRequestSchema,
  skillSuggestionsQuerySchema,
  skillSuggestionsSchema,
  updateProfileSectionsRequestSchema,
} from '../schemas/profile-api.schema.js';
import { defineEndpoint } from './endpoint.js';

/** The worker's profile (profilo professionale). Writes name the version they were made on: 409 when it is stale. */
export const profileEndpoints = {
  get: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:workerId/profile',
    params: profileParamsSchema,
    status: 200,
    response: profileResponseSchema,
  }),
  replace: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/workers/:workerId/profile',
    params: profileParamsSchema,
    body: replaceProfileRequestSchema,
    status: 200,
    response: profileResponseSchema,
    problems: [409, 422],
  }),
  updateSections: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/workers/:workerId/profile',
    params: profileParamsSchema,
    body: updateProfileSectionsRequestSchema,
    status: 200,
    response: profileResponseSchema,
    problems: [409, 422],
  }),
  versions: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:workerId/profile/versions',
    params: profileParamsSchema,
    status: 200,
    response: profileVersionListSchema,
  }),
  version: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:workerId/profile/versions/:version',
    params: profileVersionParamsSchema,
    status: 200,
    response: profileVersionSchema,
  }),
  completeness: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:workerId/profile/completeness',
    params: profileParamsSchema,
    status: 200,
    response: completenessSchema,
  }),
  skillSuggestions: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:workerId/profile/skill-suggestions',
    params: profileParamsSchema,
    query: skillSuggestionsQuerySchema,
    status: 200,
    response: skillSuggestionsSchema,
  }),
};
