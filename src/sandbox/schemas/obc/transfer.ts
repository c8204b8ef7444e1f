import type { JsonSchema } from '../check.js';
import { merchant, originalRequestInfo, TRANSACTION_STATUSES, text, uuid } from './common.js';

/**
 * `POST /payments/{domestic|sepa}-credit-transfers`, redeeming the bank's code: the body holds only
 * `requestInfo`, with the raw return query as `authorization` (`postPayments{Domestic,Sepa}CreditTransfersParamsBody`,
 * open-banking-connect-pis 1.16.0; see `docs/protocol.md`).
 */
export const transferRequest: JsonSchema = {
  $comment: 'postPayments{Domestic,Sepa}CreditTransfersParamsBody, open-banking-connect-pis 1.16.0',
  type: 'object',
  required: ['requestInfo'],
  properties: {
    requestInfo: {
      type: 'object',
      required: ['aspspId', 'authorization', 'xRequestId'],
      properties: { aspspId: uuid, authorization: text(5000), merchant, xRequestId: uuid },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

/** The answer: `consent { consentId, consentRequestId }` and `transfer { paymentId, transactionStatus }`. */
export const transferResponse: JsonSchema = {
  $comment: 'postPayments{Domestic,Sepa}CreditTransfersOKBody, open-banking-connect-pis 1.16.0',
  type: 'object',
  required: ['consent', 'originalRequestInfo', 'transfer'],
  properties: {
    consent: {
      type: 'object',
      required: ['consentId', 'consentRequestId'],
      properties: {
        consentId: { type: 'string' },
        consentRequestId: { type: 'string' },
        signatureStatus: { enum: ['VALID', 'UNKNOWN', 'UNSIGNED', 'NONCOMPLIANT'] },
      },
    },
    originalRequestInfo,
    transfer: {
      type: 'object',
      required: ['paymentId', 'transactionStatus'],
      properties: {
        paymentId: { type: 'string' },
        statusReasonCode: { type: 'string' },
        transactionStatus: { enum: TRANSACTION_STATUSES },
      },
    },
  },
};
