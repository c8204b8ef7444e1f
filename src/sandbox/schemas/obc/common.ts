import type { JsonSchema } from '../check.js';

/**
 * Pieces every Open Banking Connect schema shares, from its public OpenAPI spec
 * `open-banking-connect-pis` 1.16.0 (see `docs/protocol.md`, "Mastercard Open Banking Connect").
 * The spec leaves its objects open; the sandbox closes each to the properties the spec lists.
 */
export const UUID_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const uuid: JsonSchema = { type: 'string', pattern: UUID_PATTERN };

export const text = (maxLength: number): JsonSchema => ({
  type: 'string',
  minLength: 1,
  maxLength,
});

/** `Merchant { id, name }`, each 1 to 256 characters. */
export const merchant: JsonSchema = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: text(256), name: text(256) },
  additionalProperties: false,
};

/** The echo in every answer: `originalRequestInfo { xRequestId }`. */
export const originalRequestInfo: JsonSchema = {
  type: 'object',
  required: ['xRequestId'],
  properties: { xRequestId: uuid },
};

/** ISO 20022 statuses the spec lists for a transfer (the domestic and SEPA lists add CANC). */
export const TRANSACTION_STATUSES = [
  'ACCP',
  'ACSC',
  'ACSP',
  'ACTC',
  'ACWC',
  'ACWP',
  'PDNG',
  'RCVD',
  'RJCT',
  'CANC',
];

export const address = (required: string[]): JsonSchema => ({
  type: 'object',
  required,
  properties: {
    buildingNumber: text(256),
    city: text(256),
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    countrySubDivision: text(256),
    postalCode: text(256),
    street: text(70),
  },
  additionalProperties: false,
});

export const schedule: JsonSchema = {
  type: 'object',
  required: ['frequency', 'startDate'],
  properties: {
    endDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    frequency: { enum: ['DAIL', 'WEEK', 'MNTH', 'QUTR', 'SEMI', 'YEAR'] },
    startDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  },
  additionalProperties: false,
};

/** `requestInfo` of a consent: `aspspId`, `tppRedirectURI` and `xRequestId` required. */
export const consentRequestInfo: JsonSchema = {
  type: 'object',
  required: ['aspspId', 'tppRedirectURI', 'xRequestId'],
  properties: {
    aspspId: uuid,
    flags: { type: 'array', items: { enum: ['Return.Raw.Consent'] } },
    merchant,
    tppRedirectURI: text(256),
    xRequestId: uuid,
  },
  additionalProperties: false,
};

/** `instructedAmount { amount, currency }`: the amount is a number above zero, not a string. */
export const instructedAmount = (currencies: string[]): JsonSchema => ({
  type: 'object',
  required: ['amount', 'currency'],
  properties: { amount: { type: 'number', exclusiveMinimum: 0 }, currency: { enum: currencies } },
  additionalProperties: false,
});

/** The consent answer, domestic and SEPA alike. */
export const consentResponse: JsonSchema = {
  $comment:
    'postPayments{Domestic,Sepa}CreditTransfersConsentsOKBody, open-banking-connect-pis 1.16.0',
  type: 'object',
  required: ['originalRequestInfo'],
  properties: {
    _links: { type: 'object', properties: { scaRedirect: { type: 'string' } } },
    additionalData: { type: 'object', properties: { rawConsent: { type: 'string' } } },
    aspspSCAApproach: { enum: ['REDIRECT'] },
    consentRequestId: { type: 'string' },
    originalRequestInfo,
  },
};
