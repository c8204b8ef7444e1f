import type { JsonSchema } from '../check.js';

/**
 * `GET /v1/payments/{id}` and `POST /v1/payments/{id}/refresh-status`: `{ payment { paymentId, request,
 * status { terminal, code, codeV2, lastUpdated, details }, created, execution } }` (the enterprise
 * Postman collection's example answers). Only `Preparing` and `Succeeded` are public codes, so `code`
 * is any string here.
 */
export const paymentResponse: JsonSchema = {
  $comment:
    'Get single payment / Refresh payment status, Mastercard/open-banking-eu-postman-collections',
  type: 'object',
  required: ['payment'],
  properties: {
    payment: {
      type: 'object',
      required: ['paymentId', 'status'],
      properties: {
        paymentId: { type: 'string' },
        providerId: { type: ['string', 'null'] },
        request: { type: 'object' },
        status: {
          type: 'object',
          required: ['terminal', 'code'],
          properties: {
            terminal: { type: 'boolean' },
            code: { type: 'string' },
            codeV2: { type: 'string' },
            lastUpdated: { type: 'string' },
            details: { type: ['object', 'string', 'null'] },
          },
        },
        created: { type: 'string' },
        execution: { type: 'object' },
      },
    },
  },
};

/** `{ "error": "InvalidInput", "details": { "reason", "validationErrors": { field: [...] } } }`. */
export const errorResponse: JsonSchema = {
  $comment: 'Open Finance Europe error envelope (see docs/protocol.md)',
  type: 'object',
  required: ['error', 'details'],
  properties: {
    error: { type: 'string' },
    details: {
      type: 'object',
      required: ['reason'],
      properties: {
        reason: { type: 'string' },
        validationErrors: {
          type: 'object',
          additionalProperties: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};

/** `GET /v1/providers`: the banks (the collection's "Get providers"). */
export const providersResponse: JsonSchema = {
  $comment: 'Get providers, Mastercard/open-banking-eu-postman-collections',
  type: 'array',
  items: {
    type: 'object',
    required: ['id', 'name', 'countryCode'],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      countryCode: { type: 'string', pattern: '^[A-Z]{2}$' },
      status: { type: 'object' },
      presentation: { type: 'object' },
      paymentMethods: { type: 'object' },
    },
  },
};
