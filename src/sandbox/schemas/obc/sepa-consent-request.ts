import type { JsonSchema } from '../check.js';
import { address, consentRequestInfo, instructedAmount, schedule, text } from './common.js';

const IBAN = { type: 'string', pattern: '^[A-Z]{2,2}[0-9]{2,2}[a-zA-Z0-9]{1,30}$' };
const bicfi = {
  type: 'object',
  required: ['bicfi'],
  properties: { bicfi: text(256) },
  additionalProperties: false,
};

/**
 * `POST /payments/sepa-credit-transfers/consents`: `postPaymentsSepaCreditTransfersConsentsParamsBody`
 * of the public OpenAPI spec `open-banking-connect-pis` 1.16.0 (see `docs/protocol.md`). SEPA needs
 * the creditor's BIC, address country, the debtor's name, a priority and `localInstrument: "SEPA"`.
 */
export const sepaConsentRequest: JsonSchema = {
  $comment: 'postPaymentsSepaCreditTransfersConsentsParamsBody, open-banking-connect-pis 1.16.0',
  type: 'object',
  required: ['payments', 'requestInfo'],
  properties: {
    payments: {
      type: 'object',
      required: [
        'creditorAccount',
        'creditorAddress',
        'creditorAgent',
        'creditorName',
        'debtorName',
        'endToEndIdentification',
        'instructedAmount',
        'instructionPriority',
        'localInstrument',
      ],
      properties: {
        categoryPurpose: { enum: ['CASH', 'CORT', 'DVPM', 'INTC', 'TREA'] },
        creditorAccount: {
          type: 'object',
          required: ['iban'],
          properties: { iban: IBAN },
          additionalProperties: false,
        },
        creditorAddress: address(['country']),
        creditorAgent: bicfi,
        creditorName: text(70),
        debtorAccount: {
          type: 'object',
          required: ['iban'],
          properties: { iban: IBAN },
          additionalProperties: false,
        },
        debtorAddress: address([]),
        debtorAgent: bicfi,
        debtorName: text(256),
        endToEndIdentification: text(18),
        instructedAmount: instructedAmount(['EUR']),
        instructionPriority: { enum: ['Normal', 'Urgent'] },
        localInstrument: { enum: ['SEPA'] },
        remittanceInformationReference: text(256),
        remittanceInformationStructured: text(256),
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
