import type { JsonSchema } from '../check.js';
import { DEVICE_TAGS, nonEmpty, paise, PAYMENT_MODES, string, tagList, tags } from './common.js';

const YES_NO = { enum: ['Yes', 'No'] };

/**
 * `POST /bbps/cou/v1/billers/request/bill-payment`, field by field from the OpenAPI of Cashfree's
 * "Bill Payment Request" (see `docs/protocol.md`). The OpenAPI leaves its objects open and lists the
 * device tag names, customer tag names and payment modes in prose; the sandbox closes all of them.
 */
export const billPaymentRequest: JsonSchema = {
  $comment: 'paths./bbps/cou/v1/billers/request/bill-payment, Cashfree BBPS COU OpenAPI',
  type: 'object',
  required: ['bill_payment_request'],
  properties: {
    bill_payment_request: {
      type: 'object',
      required: [
        'head',
        'customer',
        'agent',
        'bill_details',
        'payment_method',
        'amount',
        'payment_information',
      ],
      properties: {
        head: {
          type: 'object',
          required: ['bill_fetch_ref_id', 'pg_reference_id'],
          properties: { bill_fetch_ref_id: nonEmpty, pg_reference_id: nonEmpty },
          additionalProperties: false,
        },
        customer: {
          type: 'object',
          required: ['mobile'],
          properties: {
            mobile: nonEmpty,
            tag: tagList({ names: ['EMAIL', 'AADHAAR', 'PAN'] }),
          },
          additionalProperties: false,
        },
        agent: {
          type: 'object',
          required: ['id', 'device'],
          properties: { id: nonEmpty, device: tags({ names: DEVICE_TAGS, minItems: 1 }) },
          additionalProperties: false,
        },
        bill_details: {
          type: 'object',
          required: ['biller', 'customer_params'],
          properties: {
            biller: {
              type: 'object',
              required: ['id'],
              properties: { id: nonEmpty },
              additionalProperties: false,
            },
            customer_params: tags({ minItems: 1 }),
          },
          additionalProperties: false,
        },
        biller_response: {
          type: ['object', 'null'],
          properties: {
            customer_name: string,
            amount: paise,
            due_date: string,
            bill_date: string,
            bill_number: string,
            bill_period: string,
          },
          additionalProperties: false,
        },
        additional_info: {
          type: ['object', 'null'],
          properties: {
            tag: {
              type: 'array',
              items: {
                type: 'object',
                properties: { name: string, value: string },
                additionalProperties: false,
              },
            },
          },
          additionalProperties: false,
        },
        payment_method: {
          type: 'object',
          required: ['quick_pay', 'split_pay', 'off_us_pay', 'payment_mode'],
          properties: {
            quick_pay: YES_NO,
            split_pay: YES_NO,
            off_us_pay: YES_NO,
            payment_mode: { enum: PAYMENT_MODES },
          },
          additionalProperties: false,
        },
        amount: {
          type: 'object',
          required: ['amt'],
          properties: {
            amt: {
              type: 'object',
              required: ['amount', 'cust_conv_fee', 'cou_cust_conv_fee', 'currency'],
              properties: {
                amount: paise,
                cust_conv_fee: paise,
                cou_cust_conv_fee: paise,
                currency: { const: '356' },
              },
              additionalProperties: false,
            },
          },
          additionalProperties: false,
        },
        payment_information: tags({ minItems: 1 }),
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

/** 202 `{ status: "ACCEPTED", message, data { bill_fetch_ref_id, transaction_ref_id, status: "PROCESSING" } }`. */
export const billPaymentAcknowledgement: JsonSchema = {
  $comment: 'responses.202 of Bill Payment Request, Cashfree BBPS COU OpenAPI',
  type: 'object',
  required: ['status', 'data'],
  properties: {
    status: { const: 'ACCEPTED' },
    message: string,
    data: {
      type: 'object',
      required: ['bill_fetch_ref_id', 'transaction_ref_id', 'status'],
      properties: {
        bill_fetch_ref_id: nonEmpty,
        transaction_ref_id: nonEmpty,
        status: { const: 'PROCESSING' },
      },
    },
  },
};

/** `POST /bbps/cou/v1/billers/response/bill-payment { bill_fetch_ref_id, transaction_ref_id }`. */
export const billPaymentPollRequest: JsonSchema = {
  $comment: 'Bill Payment Response (Polling) request, Cashfree BBPS COU API reference',
  type: 'object',
  required: ['bill_fetch_ref_id', 'transaction_ref_id'],
  properties: { bill_fetch_ref_id: nonEmpty, transaction_ref_id: nonEmpty },
  additionalProperties: false,
};

/**
 * The poll's answer: `status: "success"` always; `data.status` processing | success | failed, and
 * `data.response.bill_payment_response { head, reason { response_code, response_reason,
 * compliance_resp_cd? }, txn }`.
 */
export const billPaymentPollResponse: JsonSchema = {
  $comment: 'Bill Payment Response (Polling) response, Cashfree BBPS COU API reference',
  type: 'object',
  required: ['status', 'data'],
  properties: {
    status: { const: 'success' },
    message: string,
    data: {
      type: 'object',
      required: ['status', 'response'],
      properties: {
        status: { enum: ['processing', 'success', 'failed'] },
        response: {
          type: 'object',
          required: ['bill_payment_response'],
          properties: {
            bill_payment_response: {
              type: 'object',
              required: ['head', 'reason', 'txn'],
              properties: {
                head: {
                  type: 'object',
                  required: ['bill_fetch_ref_id'],
                  properties: { bill_fetch_ref_id: nonEmpty },
                },
                reason: {
                  type: 'object',
                  required: ['response_code', 'response_reason'],
                  properties: {
                    response_code: string,
                    response_reason: string,
                    compliance_resp_cd: string,
                    // BBPS's approvalRefNum of a success; the JSON name is an assumption (docs/protocol.md).
                    approval_ref_num: string,
                  },
                },
                txn: {
                  type: 'object',
                  required: ['transaction_ref_id'],
                  properties: { transaction_ref_id: nonEmpty },
                },
              },
            },
          },
        },
      },
    },
  },
};
