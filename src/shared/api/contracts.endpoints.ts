import { idParamsSchema, okSchema } from '../schemas/common.schema.js';
import {
  ccnlMinimumPageSchema,
  ccnlMinimumQuerySchema,
  ccnlMinimumSchema,
  contractChecklistQuerySchema,
  contractChecklistSchema,
  createCcnlMinimumRequestSchema,
  deleteCcnlMinimumQuerySchema,
  payCheckQuerySchema,
  payCheckSchema,
  updateCcnlMinimumRequestSchema,
} from '../schemas/contracts.schema.js';
import { defineEndpoint } from './endpoint.js';

export const contractEndpoints = {
  listMinimums: defineEndpoint({
    method: 'GET',
    path: '/api/v1/contracts/ccnl-minimums',
    query: ccnlMinimumQuerySchema,
    status: 200,
    response: ccnlMinimumPageSchema,
  }),
  createMinimum: defineEndpoint({
    method: 'POST',
    path: '/api/v1/contracts/ccnl-minimums',
    body: createCcnlMinimumRequestSchema,
    status: 201,
    response: ccnlMinimumSchema,
  }),
  updateMinimum: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/contracts/ccnl-minimums/:id',
    params: idParamsSchema,
    body: updateCcnlMinimumRequestSchema,
    status: 200,
    response: ccnlMinimumSchema,
    problems: [409],
  }),
  deleteMinimum: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/contracts/ccnl-minimums/:id',
    params: idParamsSchema,
    query: deleteCcnlMinimumQuerySchema,
    status: 200,
    response: okSchema,
    problems: [409],
  }),
  checkPay: defineEndpoint({
    method: 'GET',
    path: '/api/v1/contracts/ccnl-minimums/check',
    query: payCheckQuerySchema,
    status: 200,
    response: payCheckSchema,
  }),
  checklist: defineEndpoint({
    method: 'GET',
    path: '/api/v1/contracts/checklist',
    query: contractChecklistQuerySchema,
    status: 200,
    response: contractChecklistSchema,
  }),
};
