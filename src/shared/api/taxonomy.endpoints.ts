import {
  comuneDistanceSchema,
  comuneListSchema,
  comuneParamsSchema,
  dataSourceListSchema,
  distanceQuerySchema,
  nearbyComuniSchema,
  nearbyQuerySchema,
  taxonomyListSchema,
  taxonomySearchQuerySchema,
} from '../schemas/taxonomy.schema.js';
import {
  occupationSkillsQuerySchema,
  occupationSkillsSchema,
  skillLabelInputSchema,
  skillLabelsImportResultSchema,
  skillLabelsImportSchema,
  skillLabelUriQuerySchema,
  skillTranslationListSchema,
  skillTranslationSchema,
} from '../schemas/skill-labels.schema.js';
import { okSchema } from '../schemas/common.schema.js';
import { defineEndpoint } from './endpoint.js';

const search = <const P extends string>(path: P) =>
  defineEndpoint({ method: 'GET', path, query: taxonomySearchQuerySchema, status: 200, response: taxonomyListSchema, problems: [503] });

/** Search-as-you-type over one classification; same query and answer for each. */
export const taxonomySearchEndpoints = {
  occupations: search('/api/v1/taxonomy/occupations'),
  skills: search('/api/v1/taxonomy/skills'),
  sectors: search('/api/v1/taxonomy/sectors'),
  education: search('/api/v1/taxonomy/education'),
  ccnl: search('/api/v1/taxonomy/ccnl'),
};

export const taxonomyEndpoints = {
  comuni: defineEndpoint({
    method: 'GET',
    path: '/api/v1/taxonomy/comuni',
    query: taxonomySearchQuerySchema,
    status: 200,
    response: comuneListSchema,
    problems: [503],
  }),
  nearby: defineEndpoint({
    method: 'GET',
    path: '/api/v1/taxonomy/comuni/:istatCode/nearby',
    params: comuneParamsSchema,
    query: nearbyQuerySchema,
    status: 200,
    response: nearbyComuniSchema,
    problems: [503],
  }),
  distance: defineEndpoint({
    method: 'GET',
    path: '/api/v1/taxonomy/distance',
    query: distanceQuerySchema,
    status: 200,
    response: comuneDistanceSchema,
    problems: [503],
  }),
  sources: defineEndpoint({ method: 'GET', path: '/api/v1/taxonomy/sources', status: 200, response: dataSourceListSchema }),
  occupationSkills: defineEndpoint({
    method: 'GET',
    path: '/api/v1/taxonomy/occupation-skills',
    query: occupationSkillsQuerySchema,
    status: 200,
    response: occupationSkillsSchema,
    problems: [422],
  }),
};

/** The network's Italian labels for ESCO skills and occupations (reference-data administration). */
export const skillLabelEndpoints = {
  list: defineEndpoint({ method: 'GET', path: '/api/v1/taxonomy/skill-labels', status: 200, response: skillTranslationListSchema }),
  put: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/taxonomy/skill-labels',
    body: skillLabelInputSchema,
    status: 200,
    response: skillTranslationSchema,
    problems: [422],
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/taxonomy/skill-labels',
    query: skillLabelUriQuerySchema,
    status: 200,
    response: okSchema,
  }),
  import: defineEndpoint({
    method: 'POST',
    path: '/api/v1/taxonomy/skill-labels/import',
    body: skillLabelsImportSchema,
    status: 200,
    response: skillLabelsImportResultSchema,
    problems: [422],
  }),
};
