import type { JsonSchema } from '../check.js';
import { merchant, originalRequestInfo, TRANSACTION_STATUSES, text, uuid } from './common.js';

/**
 * `POST /payments/{domestic|sepa}-credit-transfers/payment-status`
 * (`postPayments{Domestic,Sepa}CreditTransfersPaymentStatusParamsBody`, open-banking-connect-pis 1.16.0;
 * see `docs/protocol.md`).
 */
export const paymentStatusRequest: JsonSchema = {
  $comment:
    'postPayments{Domestic,Sepa}CreditTransfersPaymentStatusParamsBody, open-banking-connect-pis 1.16.0',
  type: 'object',
  required: ['paymentId', 'requestInfo'],
  properties: {
    paymentId: text(256),
    requestInfo: {
      type: 'object',
      required: ['aspspId', 'consentId', 'xRequestId'],
      properties: { aspspId: uuid, consentId: text(256), merchant, xRequestId: uuid },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

export const paymentStatusResponse: JsonSchema = {
  $comment:
    'postPayments{Domestic,Sepa}CreditTransfersPaymentStatusOKBody, open-banking-connect-pis 1.16.0',
  type: 'object',
  required: ['originalRequestInfo'],
  properties: {
    originalRequestInfo,
    payments: {
      type: 'object',
      required: ['transactionStatus'],
      properties: {
        statusReasonCode: { type: 'string' },
        transactionStatus: { enum: TRANSACTION_STATUSES },
      },
    },
  },
};
