import type { JsonSchema } from '../check.js';
import { nonEmpty, paise, string } from './common.js';

/**
 * `POST /bbps/cou/v1/billers/request/bill-fetch` (Cashfree's BBPS COU API reference, "Bill Fetch
 * Request", and its example; see `docs/protocol.md`). The reference's example shows `agent_device_info`
 * with `init_channel`, `ip`, `mobile`, `geo_code`, `postal_code`; which of them a channel needs is not
 * stated, so only `init_channel` is required and the object stays open.
 */
export const billFetchRequest: JsonSchema = {
  $comment: 'Bill Fetch Request, Cashfree BBPS COU API reference',
  type: 'object',
  required: ['bill_fetch_request'],
  properties: {
    bill_fetch_request: {
      type: 'object',
      required: ['agent_id', 'biller_id', 'agent_device_info', 'customer_info', 'input_params'],
      properties: {
        agent_id: nonEmpty,
        biller_id: nonEmpty,
        agent_device_info: {
          type: 'object',
          required: ['init_channel'],
          properties: {
            init_channel: nonEmpty,
            ip: string,
            mobile: string,
            geo_code: string,
            postal_code: string,
          },
        },
        customer_info: {
          type: 'object',
          required: ['customer_mobile'],
          properties: { customer_mobile: nonEmpty, customer_email: string },
          additionalProperties: false,
        },
        input_params: {
          type: 'object',
          required: ['input'],
          properties: {
            input: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                required: ['param_name', 'param_value'],
                properties: { param_name: nonEmpty, param_value: string },
                additionalProperties: false,
              },
            },
          },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

/** The acknowledgement: `{ status: "ACCEPTED", message, data { ref_id, status: "PROCESSING", flow } }`. */
export const billFetchAcknowledgement: JsonSchema = {
  $comment: 'Bill Fetch Request response, Cashfree BBPS COU API reference',
  type: 'object',
  required: ['status', 'data'],
  properties: {
    status: { const: 'ACCEPTED' },
    message: string,
    data: {
      type: 'object',
      required: ['ref_id', 'status'],
      properties: {
        ref_id: nonEmpty,
        status: { const: 'PROCESSING' },
        flow: { enum: ['FETCH_AND_PAY', 'VALIDATE_AND_PAY'] },
      },
    },
  },
};

/** `POST /bbps/cou/v1/billers/response/bill-fetch { ref_id }`. */
export const billFetchPollRequest: JsonSchema = {
  $comment: 'Bill Fetch Response (Polling) request, Cashfree BBPS COU API reference',
  type: 'object',
  required: ['ref_id'],
  properties: { ref_id: nonEmpty },
  additionalProperties: false,
};

/** The outcome is in `message`; `status` is always "OK" (Cashfree's BBPS COU API reference). */
export const BILL_FETCH_MESSAGES = {
  fetched: 'Bill details fetched successfully',
  processing: 'Request is still being processed',
  failed: 'Bill request failed',
} as const;

/**
 * The poll's answer: `status: "OK"`, the outcome in `message`, `data.bill_fetch_response` always;
 * `biller_response` only for a FETCH_AND_PAY success.
 */
export const billFetchPollResponse: JsonSchema = {
  $comment: 'Bill Fetch Response (Polling) response, Cashfree BBPS COU API reference',
  type: 'object',
  required: ['status', 'message', 'data'],
  properties: {
    status: { const: 'OK' },
    message: { enum: Object.values(BILL_FETCH_MESSAGES) },
    data: {
      type: 'object',
      required: ['bill_fetch_response'],
      properties: {
        bill_fetch_response: {
          type: 'object',
          required: ['ref_id', 'response_code', 'response_reason'],
          properties: { ref_id: nonEmpty, response_code: string, response_reason: string },
        },
        bill_details: { type: 'object' },
        biller_response: {
          type: 'object',
          required: ['amount'],
          properties: {
            customer_name: string,
            amount: paise,
            due_date: string,
            bill_date: string,
            bill_number: string,
            bill_period: string,
          },
        },
        additional_info: { type: 'object' },
      },
    },
  },
};
