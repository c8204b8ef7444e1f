import type { JsonSchema } from '../check.js';

/**
 * Pieces the Cashfree BBPS COU schemas share, from Cashfree's BBPS COU API reference and its OpenAPI
 * (`/openapi/bbps/bbps-cou.yaml`; see `docs/protocol.md`, "Cashfree BBPS").
 */
export const string: JsonSchema = { type: 'string' };
export const nonEmpty: JsonSchema = { type: 'string', minLength: 1 };
export const paise: JsonSchema = { type: 'string', pattern: '^\\d{1,17}$' };

interface TagOptions {
  /** Closes the names where the reference enumerates them. */
  names?: string[];
  minItems?: number;
}

/** A list of `{ name, value }` tags. */
export const tagList = (options: TagOptions = {}): JsonSchema => ({
  type: 'array',
  ...(options.minItems ? { minItems: options.minItems } : {}),
  items: {
    type: 'object',
    required: ['name', 'value'],
    properties: { name: options.names ? { enum: options.names } : nonEmpty, value: string },
    additionalProperties: false,
  },
});

/** An object holding its tags, `{ tag: [...] }`. */
export const tags = (options: TagOptions = {}): JsonSchema => ({
  type: 'object',
  required: ['tag'],
  properties: { tag: tagList(options) },
  additionalProperties: false,
});

/** The agent's device tags the reference names (bill payment `agent.device.tag`). */
export const DEVICE_TAGS = [
  'INITIATING_CHANNEL',
  'IP',
  'MOBILE',
  'GEOCODE',
  'POSTAL_CODE',
  'TERMINAL_ID',
  'IMEI',
  'IFSC',
  'MAC',
  'OS',
  'APP',
];

/** `payment_mode` values the reference lists. */
export const PAYMENT_MODES = [
  'UPI',
  'Internet Banking',
  'Debit Card',
  'Credit Card',
  'IMPS',
  'Cash',
  'Wallet',
  'NEFT',
  'AEPS',
  'Bharat QR',
];

/** 400 `ErrorResponse { status: "BAD_REQUEST", message, data: null }`. */
export const errorResponse: JsonSchema = {
  $comment: 'components/schemas/ErrorResponse, Cashfree BBPS COU OpenAPI',
  type: 'object',
  required: ['status', 'message', 'data'],
  properties: { status: string, message: string, data: { type: 'null' } },
};

/** 401 `UnauthorizedResponse { message: "Unauthorized" }`. */
export const unauthorizedResponse: JsonSchema = {
  $comment: 'components/schemas/UnauthorizedResponse, Cashfree BBPS COU OpenAPI',
  type: 'object',
  required: ['message'],
  properties: { message: { const: 'Unauthorized' } },
  additionalProperties: false,
};
