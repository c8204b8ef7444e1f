import type { JsonSchema } from '../check.js';

/**
 * `POST /v2/payments/accept`: Aiia Pay's accept-payment request (Aiia Pay's "Accept payments" guide and
 * the public Postman collection's "Create Accept Payment"; see `docs/protocol.md`). `amount` is a
 * decimal string such as "100". No public source names `preselectedProviderId`, so it is refused.
 */
export const acceptRequest: JsonSchema = {
  $comment:
    'Create Accept Payment, Mastercard/open-banking-eu-postman-collections openbanking-eu collection',
  type: 'object',
  required: ['amount', 'currency', 'reference', 'destinationId', 'redirectUrl'],
  properties: {
    amount: { type: 'string', pattern: '^\\d{1,12}(?:\\.\\d{1,2})?$' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    schemeId: { type: 'string', minLength: 1 },
    reference: { type: 'string', minLength: 1, maxLength: 140 },
    destinationId: { type: 'string', minLength: 1 },
    redirectUrl: { type: 'string', pattern: '^https?://' },
    preselectedCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
  },
  additionalProperties: false,
};

/** `{ paymentId, authorizationUrl }`. */
export const acceptResponse: JsonSchema = {
  $comment: 'Aiia Pay accept payments guide',
  type: 'object',
  required: ['paymentId', 'authorizationUrl'],
  properties: {
    paymentId: { type: 'string', minLength: 1 },
    authorizationUrl: { type: 'string', pattern: '^https?://' },
  },
};

/** `GET /v2/payments/accept/{paymentId}`: the status strings of the v2 list (see `docs/protocol.md`). */
export const acceptPaymentResponse: JsonSchema = {
  $comment:
    'Get Payment Status, openbanking-eu collection; statuses not confirmed by official docs',
  type: 'object',
  required: ['paymentId', 'status'],
  properties: {
    paymentId: { type: 'string' },
    status: {
      enum: [
        'Initiated',
        'AwaitingAuthorization',
        'Authorized',
        'Executed',
        'Failed',
        'Rejected',
        'Expired',
        'Cancelled',
      ],
    },
    statusReason: { type: 'string' },
  },
};

/**
 * Aiia's error body is not public: the sandbox answers ASP.NET-style problem details with an
 * `errorCode` and, for validation, `errors { field: [...] }` (an assumption, see `docs/protocol.md`).
 */
export const errorResponse: JsonSchema = {
  $comment: 'Assumed shape: no public source shows an Aiia Pay error body',
  type: 'object',
  required: ['title', 'status', 'errorCode'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    errorCode: { type: 'string' },
    errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
  },
};

/** `{ "acceptPaymentUpdatedWebhook": { "data": { "paymentId" }, "event": "PaymentUpdated" } }` (the public webhook collection). */
export const acceptWebhook: JsonSchema = {
  $comment: 'AcceptPayment{Created,Updated}Webhook, openbanking-eu.postman_webhooks.json',
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: {
    type: 'object',
    required: ['data', 'event'],
    properties: {
      data: {
        type: 'object',
        required: ['paymentId'],
        properties: { paymentId: { type: 'string' } },
        additionalProperties: false,
      },
      event: { enum: ['PaymentCreated', 'PaymentUpdated'] },
    },
    additionalProperties: false,
  },
  propertyNames: { enum: ['acceptPaymentCreatedWebhook', 'acceptPaymentUpdatedWebhook'] },
};
