import type { JsonSchema } from '../check.js';

const string = { type: 'string' };
const text = { type: 'string', minLength: 1 };

/** `address { street, buildingNumber, postalCode, city, country }` (the public sample client's request model). */
const address = {
  type: ['object', 'null'],
  properties: {
    street: string,
    buildingNumber: string,
    postalCode: string,
    city: string,
    country: string,
  },
  additionalProperties: false,
};

/**
 * `destination`: one of `iban { ibanNumber }`, `bban { bankCode, accountNumber }`, `ownAccount` or
 * `inpaymentForm { type, creditorNumber }`, with `name` and `address`. `iban` is an object, not a
 * string ("requesting payments" guide; the public sample client's `PaymentIbanRequestV2`).
 * `ownAccount`'s shape is not public: the sandbox takes an account id string.
 */
const destination = {
  type: 'object',
  properties: {
    iban: {
      type: 'object',
      required: ['ibanNumber'],
      properties: {
        ibanNumber: { type: 'string', pattern: '^[A-Z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$' },
      },
      additionalProperties: false,
    },
    bban: {
      type: 'object',
      required: ['bankCode', 'accountNumber'],
      properties: { bankCode: text, accountNumber: text },
      additionalProperties: false,
    },
    ownAccount: text,
    inpaymentForm: {
      type: 'object',
      required: ['type', 'creditorNumber'],
      properties: { type: text, creditorNumber: text },
      additionalProperties: false,
    },
    name: string,
    address,
  },
  anyOf: [
    { required: ['iban'] },
    { required: ['bban'] },
    { required: ['ownAccount'] },
    { required: ['inpaymentForm'] },
  ],
  additionalProperties: false,
};

/**
 * `POST /v1/payments/create` and `/v1/payments/create/session`: Mastercard Open Finance Europe's
 * payment-initiation request (the enterprise Postman collection's "Create payment" and "Create session
 * payment", the "requesting payments" guide; see `docs/protocol.md`). `amount.value` is a decimal
 * string such as "2.00".
 */
export const createPaymentRequest: JsonSchema = {
  $comment:
    'Create payment, Mastercard/open-banking-eu-postman-collections enterprise collection; requesting payments guide',
  type: 'object',
  required: ['userHash', 'request', 'redirectUrl'],
  properties: {
    userHash: text,
    request: {
      type: 'object',
      required: ['destination', 'amount'],
      properties: {
        destination,
        amount: {
          type: 'object',
          required: ['value', 'currency'],
          properties: {
            value: { type: 'string', pattern: '^\\d{1,12}(?:\\.\\d{1,2})?$' },
            currency: { type: 'string', pattern: '^[A-Z]{3}$' },
          },
          additionalProperties: false,
        },
        execution: {
          type: 'object',
          required: ['type'],
          properties: { type: { enum: ['Normal', 'Instant', 'SpecificDate'] }, date: string },
          additionalProperties: false,
        },
        message: string,
        transactionText: string,
        endToEndId: string,
        reference: string,
        identifiers: { type: 'object', properties: { ocr: string }, additionalProperties: false },
        paymentMethod: string,
        sourceAccountId: string,
      },
      additionalProperties: false,
    },
    issuePayerToken: { type: 'boolean' },
    redirectUrl: { type: 'string', pattern: '^https?://' },
    providerId: text,
  },
  additionalProperties: false,
};

/** `{ redirectUrl, paymentId, sessionId }` (the collection's example answer). */
export const createPaymentResponse: JsonSchema = {
  $comment: 'Create payment example answer, Mastercard/open-banking-eu-postman-collections',
  type: 'object',
  required: ['redirectUrl', 'paymentId'],
  properties: {
    redirectUrl: { type: 'string', pattern: '^https?://' },
    paymentId: text,
    sessionId: string,
  },
};
