import { idParamsSchema, okSchema } from '../schemas/common.schema.js';
import { noticePageSchema, noticeQuerySchema } from '../schemas/notices.schema.js';
import { defineEndpoint } from './endpoint.js';

/** The signed-in member of staff's notices, across their offices and roles (the header's «Avvisi»). */
export const noticeEndpoints = {
  list: defineEndpoint({ method: 'GET', path: '/api/v1/notices', query: noticeQuerySchema, status: 200, response: noticePageSchema }),
  markRead: defineEndpoint({ method: 'POST', path: '/api/v1/notices/:id/read', params: idParamsSchema, status: 200, response: okSchema }),
};
