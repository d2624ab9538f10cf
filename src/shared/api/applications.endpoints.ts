import {
  applicationDetailSchema,
  applicationListSchema,
  applicationMoveRequestSchema,
  applicationSettingsRequestSchema,
  applicationSettingsSchema,
  candidateOutcomeAnswerSchema,
  outcomeLinkParamsSchema,
  publicCandidateOutcomeSchema,
  resendRequestSchema,
  checklistTickRequestSchema,
  endPlacementRequestSchema,
  followUpAnswerRequestSchema,
  followUpListSchema,
  followUpQuerySchema,
  followUpSchema,
  placementSchema,
  proposeApplicationRequestSchema,
} from '../schemas/applications.schema.js';
import { idParamsSchema } from '../schemas/common.schema.js';
import { defineEndpoint } from './endpoint.js';

export const applicationEndpoints = {
  ofVacancy: defineEndpoint({
    method: 'GET',
    path: '/api/v1/vacancies/:id/applications',
    params: idParamsSchema,
    status: 200,
    response: applicationListSchema,
  }),
  ofWorker: defineEndpoint({
    method: 'GET',
    path: '/api/v1/workers/:id/applications',
    params: idParamsSchema,
    status: 200,
    response: applicationListSchema,
  }),
  propose: defineEndpoint({
    method: 'POST',
    path: '/api/v1/applications',
    body: proposeApplicationRequestSchema,
    status: 201,
    response: applicationDetailSchema,
    problems: [409, 422],
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/v1/applications/:id',
    params: idParamsSchema,
    status: 200,
    response: applicationDetailSchema,
  }),
  move: defineEndpoint({
    method: 'POST',
    path: '/api/v1/applications/:id/moves',
    params: idParamsSchema,
    body: applicationMoveRequestSchema,
    status: 200,
    response: applicationDetailSchema,
    problems: [409, 422],
  }),
  resend: defineEndpoint({
    method: 'POST',
    path: '/api/v1/applications/:id/resend',
    params: idParamsSchema,
    body: resendRequestSchema,
    status: 200,
    response: applicationDetailSchema,
    problems: [409, 422],
  }),
  tickChecklist: defineEndpoint({
    method: 'POST',
    path: '/api/v1/applications/:id/checklist',
    params: idParamsSchema,
    body: checklistTickRequestSchema,
    status: 200,
    response: applicationDetailSchema,
    problems: [409],
  }),
  settings: defineEndpoint({
    method: 'GET',
    path: '/api/v1/applications/settings',
    status: 200,
    response: applicationSettingsSchema,
  }),
  updateSettings: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/applications/settings',
    body: applicationSettingsRequestSchema,
    status: 200,
    response: applicationSettingsSchema,
    problems: [409],
  }),
};

/** The employer's outcome link: no session, the token is the credential. */
export const publicCandidateOutcomeEndpoints = {
  show: defineEndpoint({
    method: 'GET',
    path: '/api/v1/public/candidate-outcome/:token',
    params: outcomeLinkParamsSchema,
    status: 200,
    response: publicCandidateOutcomeSchema,
    problems: [410],
  }),
  answer: defineEndpoint({
    method: 'POST',
    path: '/api/v1/public/candidate-outcome/:token',
    params: outcomeLinkParamsSchema,
    body: candidateOutcomeAnswerSchema,
    status: 200,
    response: publicCandidateOutcomeSchema,
    problems: [409, 410],
  }),
};

export const placementEndpoints = {
  get: defineEndpoint({ method: 'GET', path: '/api/v1/placements/:id', params: idParamsSchema, status: 200, response: placementSchema }),
  followUpsDue: defineEndpoint({
    method: 'GET',
    path: '/api/v1/placements/follow-ups',
    query: followUpQuerySchema,
    status: 200,
    response: followUpListSchema,
  }),
  answerFollowUp: defineEndpoint({
    method: 'POST',
    path: '/api/v1/placements/follow-ups/:id/answer',
    params: idParamsSchema,
    body: followUpAnswerRequestSchema,
    status: 200,
    response: followUpSchema,
    problems: [409],
  }),
  end: defineEndpoint({
    method: 'POST',
    path: '/api/v1/placements/:id/end',
    params: idParamsSchema,
    body: endPlacementRequestSchema,
    status: 200,
    response: placementSchema,
    problems: [409],
  }),
};
