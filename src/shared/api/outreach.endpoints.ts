import { z } from 'zod';
import { okSchema } from '../schemas/common.schema.js';
import {
  attemptRequestSchema,
  callbackListQuerySchema,
  callbackListSchema,
  callbackSchema,
  campaignListSchema,
  campaignParamsSchema,
  campaignRequestSchema,
  campaignSchema,
  holidayRequestSchema,
  hotlineHoursRequestSchema,
  hotlineStatusQuerySchema,
  hotlineStatusSchema,
  intakeRequestSchema,
  intakeResponseSchema,
  matchRequestSchema,
  matchResponseSchema,
  outboxQuerySchema,
  outboxSchema,
  previewRequestSchema,
  previewSchema,
  recipientListQuerySchema,
  recipientListSchema,
  recipientParamsSchema,
  recipientStatusRequestSchema,
  reminderRunSchema,
  startPreviewSchema,
  templateListSchema,
  templateRequestSchema,
  templateSchema,
  transportsSchema,
} from '../schemas/outreach.schema.js';
import { defineEndpoint } from './endpoint.js';

const idParams = z.strictObject({ id: z.uuid() });
const officeParams = z.strictObject({ officeId: z.uuid() });

export const hotlineEndpoints = {
  status: defineEndpoint({ method: 'GET', path: '/api/v1/hotline/status', query: hotlineStatusQuerySchema, status: 200, response: hotlineStatusSchema }),
  setHours: defineEndpoint({ method: 'PUT', path: '/api/v1/hotline/hours/:officeId', params: officeParams, body: hotlineHoursRequestSchema, status: 200, response: okSchema }),
  addHoliday: defineEndpoint({ method: 'POST', path: '/api/v1/hotline/holidays', body: holidayRequestSchema, status: 201, response: okSchema }),
  matches: defineEndpoint({ method: 'POST', path: '/api/v1/hotline/matches', body: matchRequestSchema, status: 200, response: matchResponseSchema }),
  recordCall: defineEndpoint({ method: 'POST', path: '/api/v1/hotline/calls', body: intakeRequestSchema, status: 201, response: intakeResponseSchema, problems: [409, 422] }),
  callbacks: defineEndpoint({ method: 'GET', path: '/api/v1/callbacks', query: callbackListQuerySchema, status: 200, response: callbackListSchema }),
  recordAttempt: defineEndpoint({ method: 'POST', path: '/api/v1/callbacks/:id/attempts', params: idParams, body: attemptRequestSchema, status: 200, response: callbackSchema, problems: [409] }),
};

export const campaignEndpoints = {
  transports: defineEndpoint({ method: 'GET', path: '/api/v1/outreach/transports', status: 200, response: transportsSchema }),
  templates: defineEndpoint({ method: 'GET', path: '/api/v1/outreach/templates', status: 200, response: templateListSchema }),
  createTemplate: defineEndpoint({ method: 'POST', path: '/api/v1/outreach/templates', body: templateRequestSchema, status: 201, response: templateSchema }),
  updateTemplate: defineEndpoint({ method: 'PUT', path: '/api/v1/outreach/templates/:id', params: idParams, body: templateRequestSchema, status: 200, response: templateSchema }),
  preview: defineEndpoint({ method: 'POST', path: '/api/v1/outreach/preview', body: previewRequestSchema, status: 200, response: previewSchema }),
  list: defineEndpoint({ method: 'GET', path: '/api/v1/outreach/campaigns', status: 200, response: campaignListSchema }),
  create: defineEndpoint({ method: 'POST', path: '/api/v1/outreach/campaigns', body: campaignRequestSchema, status: 201, response: campaignSchema }),
  get: defineEndpoint({ method: 'GET', path: '/api/v1/outreach/campaigns/:id', params: campaignParamsSchema, status: 200, response: campaignSchema }),
  startPreview: defineEndpoint({ method: 'GET', path: '/api/v1/outreach/campaigns/:id/start-preview', params: campaignParamsSchema, status: 200, response: startPreviewSchema, problems: [409] }),
  outbox: defineEndpoint({ method: 'GET', path: '/api/v1/outreach/campaigns/:id/messages', params: campaignParamsSchema, query: outboxQuerySchema, status: 200, response: outboxSchema }),
  start: defineEndpoint({ method: 'POST', path: '/api/v1/outreach/campaigns/:id/start', params: campaignParamsSchema, status: 200, response: campaignSchema, problems: [409] }),
  finish: defineEndpoint({ method: 'POST', path: '/api/v1/outreach/campaigns/:id/finish', params: campaignParamsSchema, status: 200, response: campaignSchema, problems: [409] }),
  recipients: defineEndpoint({ method: 'GET', path: '/api/v1/outreach/campaigns/:id/recipients', params: campaignParamsSchema, query: recipientListQuerySchema, status: 200, response: recipientListSchema }),
  setRecipientStatus: defineEndpoint({ method: 'POST', path: '/api/v1/outreach/campaigns/:id/recipients/:recipientId/status', params: recipientParamsSchema, body: recipientStatusRequestSchema, status: 200, response: z.object({ id: z.uuid(), status: z.string() }), problems: [409] }),
  /** Letters to print: a PDF, one A4 page per recipient. */
  letters: defineEndpoint({ method: 'POST', path: '/api/v1/outreach/campaigns/:id/letters', params: campaignParamsSchema, status: 200, download: true, problems: [409] }),
  runReminders: defineEndpoint({ method: 'POST', path: '/api/v1/outreach/reminders/run', status: 200, response: reminderRunSchema }),
};
