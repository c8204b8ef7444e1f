import type { JsonSchema } from '../check.js';
import { address, consentRequestInfo, instructedAmount, schedule, text } from './common.js';

/**
 * `POST /payments/domestic-credit-transfers/consents`: `postPaymentsDomesticCreditTransfersConsentsParamsBody`
 * of the public OpenAPI spec `open-banking-connect-pis` 1.16.0 (see `docs/protocol.md`).
 */
export const domesticConsentRequest: JsonSchema = {
  $comment:
    'postPaymentsDomesticCreditTransfersConsentsParamsBody, open-banking-connect-pis 1.16.0',
  type: 'object',
  required: ['payments', 'requestInfo'],
  properties: {
    payments: {
      type: 'object',
      required: [
        'creditorAccount',
        'creditorName',
        'endToEndIdentification',
        'instructedAmount',
        'localInstrument',
      ],
      properties: {
        creditorAccount: {
          type: 'object',
          required: ['identification'],
          properties: {
            identification: text(256),
            schemeName: { enum: ['UK.AccountNumber', 'PL.AccountNumber'] },
          },
          additionalProperties: false,
        },
        creditorAddress: address(['buildingNumber', 'city', 'country', 'postalCode', 'street']),
        creditorAgent: {
          type: 'object',
          required: ['clearingSystemIdentification', 'memberIdentification'],
          properties: {
            clearingSystemIdentification: { enum: ['UK.SortCode'] },
            memberIdentification: text(256),
          },
          additionalProperties: false,
        },
        creditorName: text(70),
        debtorAccount: {
          type: 'object',
          required: ['identification'],
          properties: { identification: text(256) },
          additionalProperties: false,
        },
        debtorAgent: {
          type: 'object',
          required: ['identification'],
          properties: { identification: text(256) },
          additionalProperties: false,
        },
        endToEndIdentification: text(18),
        instructedAmount: instructedAmount(['GBP', 'PLN']),
        instructionIdentification: text(256),
        instructionPriority: { enum: ['Normal', 'Urgent'] },
        localInstrument: { enum: ['UK.FasterPayments', 'PL.Elixir'] },
        remittanceInformationReference: text(256),
        remittanceInformationUnstructured: text(140),
        requestedExecutionDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        schedule,
      },
      additionalProperties: false,
    },
    requestInfo: consentRequestInfo,
  },
  additionalProperties: false,
};
