import { z } from 'zod';
import { idParamsSchema, okSchema } from '../schemas/common.schema.js';
import {
  addEligibleRequestSchema,
  addEligibleResultSchema,
  createProgrammeRequestSchema,
  eligibilityResultSchema,
  eligiblePreviewSchema,
  enrollmentPageSchema,
  enrollmentQuerySchema,
  notificationListSchema,
  notificationParams,
  programmeListSchema,
  programmeSchema,
  registerRequestSchema,
  registerResultSchema,
  transitionLogSchema,
  transitionRequestSchema,
  transitionResultSchema,
  updateProgrammeRequestSchema,
} from '../schemas/programmes.schema.js';
import { defineEndpoint } from './endpoint.js';

export const programmeEndpoints = {
  list: defineEndpoint({ method: 'GET', path: '/api/v1/programmes', status: 200, response: programmeListSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/v1/programmes', body: createProgrammeRequestSchema, status: 201, response: programmeSchema, problems: [409] }),
  get: defineEndpoint({ method: 'GET', path: '/api/v1/programmes/:id', params: idParamsSchema, status: 200, response: programmeSchema }),
  update: defineEndpoint({ method: 'PATCH', path: '/api/v1/programmes/:id', params: idParamsSchema, body: updateProgrammeRequestSchema, status: 200, response: programmeSchema, problems: [409] }),
  enrollments: defineEndpoint({ method: 'GET', path: '/api/v1/programmes/:id/enrollments', params: idParamsSchema, query: enrollmentQuerySchema, status: 200, response: enrollmentPageSchema }),
  register: defineEndpoint({ method: 'POST', path: '/api/v1/programmes/:id/enrollments', params: idParamsSchema, body: registerRequestSchema, status: 201, response: registerResultSchema, problems: [409, 422] }),
  addEligible: defineEndpoint({ method: 'POST', path: '/api/v1/programmes/:id/eligible', params: idParamsSchema, body: addEligibleRequestSchema, status: 200, response: addEligibleResultSchema, problems: [409] }),
  eligiblePreview: defineEndpoint({ method: 'GET', path: '/api/v1/programmes/:id/eligible', params: idParamsSchema, status: 200, response: eligiblePreviewSchema }),
  eligibility: defineEndpoint({ method: 'GET', path: '/api/v1/programmes/:id/eligibility/:workerId', params: z.strictObject({ id: z.uuid(), workerId: z.uuid() }), status: 200, response: eligibilityResultSchema }),
  transition: defineEndpoint({ method: 'POST', path: '/api/v1/enrollments/:id/transitions', params: idParamsSchema, body: transitionRequestSchema, status: 200, response: transitionResultSchema, problems: [409] }),
  transitionLog: defineEndpoint({ method: 'GET', path: '/api/v1/enrollments/:id/transitions', params: idParamsSchema, status: 200, response: transitionLogSchema }),
  notifications: defineEndpoint({ method: 'GET', path: '/api/v1/programmes/:id/notifications', params: idParamsSchema, status: 200, response: notificationListSchema }),
  markNotificationRead: defineEndpoint({ method: 'POST', path: '/api/v1/programmes/:id/notifications/:notificationId/read', params: notificationParams, status: 200, response: okSchema }),
};
