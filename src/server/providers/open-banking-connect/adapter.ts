import { randomUUID } from 'node:crypto';
import { PayerInputError, ProviderError, ReturnRejectedError } from '../../provider-error.js';
import { httpUrlField, isRecord, malformed, stringField } from '../../provider-http.js';
import type {
  PaymentProvider,
  ProviderPaymentCreated,
  ProviderPaymentRef,
  ProviderStatus,
} from '../../provider.js';
import { banksIn, createProviderClient } from '../provider-client.js';
import { openBankingConnectErrorCode, openBankingConnectRetryable } from './errors.js';
import type { OpenBankingConnectOptions } from './options.js';
import {
  checkCreditorName,
  DEBTOR_NAME_FIELD,
  paymentOrder,
  schemeOf,
  transfersPath,
  type Scheme,
} from './payment-order.js';
import { redeemWithRetries } from './redeem-retry.js';
import { checkReturn, expectedState } from './return-check.js';
import { mapOpenBankingConnectStatus } from './status.js';

/** Countries whose banks take SEPA credit transfers in euro (EU/EEA euro area). */
const SEPA_COUNTRIES = new Set([
  'AT',
  'BE',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PT',
  'SI',
  'SK',
]);

/** Before the code is redeemed there is no payment at the bank yet, only a consent. */
const CONSENT_PENDING: ProviderStatus = { status: 'created', rawStatus: 'CONSENT_CREATED' };

/**
 * Mastercard Open Banking Connect payment initiation (its public OpenAPI spec; see `docs/protocol.md`): consent -> the bank's
 * `scaRedirect` -> the payer back at the kit's return route with `code` and `state` -> credit transfer
 * (the raw query as `requestInfo.authorization`) -> payment-status.
 */
export function openBankingConnect(options: OpenBankingConnectOptions): PaymentProvider {
  const client = createProviderClient({
    adapter: 'openBankingConnect',
    options,
    required: ['baseUrl', 'merchant', 'banks', 'creditor'],
    // Mastercard signs each call (OAuth 1.0a over the body hash): the merchant's signer gets all of it.
    headers: async ({ method, url, body }) => ({
      authorization: options.authorize
        ? await options.authorize({ method, url, body })
        : `OAuth oauth_consumer_key="${options.clientId ?? ''}"`,
    }),
    errorCode: openBankingConnectErrorCode,
    errorRetryable: openBankingConnectRetryable,
  });
  if (!options.authorize && !options.clientId)
    throw new TypeError('openBankingConnect: `clientId` or `authorize` is required.');
  checkCreditorName(options.creditor.name);
  // Without the merchant's `debtorName`, SEPA banks ask the payer for the name SEPA requires.
  const banks = options.banks.map(({ aspspId: _aspspId, ...bank }) =>
    !options.debtorName && options.creditor.sepa && SEPA_COUNTRIES.has(bank.country)
      ? { ...bank, fields: [...(bank.fields ?? []), { ...DEBTOR_NAME_FIELD }] }
      : bank,
  );

  const aspspIdOf = (bankId: string): string => {
    const aspspId =
      options.aspspIdFor?.(bankId) ??
      options.aspsps?.[bankId] ??
      options.banks.find((bank) => bank.id === bankId)?.aspspId;
    if (!aspspId) throw new PayerInputError('bankId is not a bank this merchant offers.');
    return aspspId;
  };

  /** Every Open Banking Connect call is a POST with `requestInfo` in the body. */
  const call = (path: string, body: Record<string, unknown>) => client.call('POST', path, body);

  const requestInfo = (aspspId: string, extra: Record<string, string> = {}) => ({
    xRequestId: randomUUID(),
    aspspId,
    merchant: { id: options.merchant.id, name: options.merchant.name },
    ...extra,
  });

  /** One attempt; every attempt at one code sends the same `xRequestId`, as one request repeated. */
  async function redeem(payment: ProviderPaymentRef, rawQuery: string, xRequestId: string) {
    const data = payment.providerData ?? {};
    const scheme = data.scheme as Scheme;
    const aspspId = data.aspspId ?? '';
    // The redeem call's body holds only `requestInfo` (see `docs/protocol.md`).
    const answer = await call(transfersPath(scheme), {
      requestInfo: { ...requestInfo(aspspId, { authorization: rawQuery }), xRequestId },
    });
    const consent = isRecord(answer) && isRecord(answer.consent) ? answer.consent : undefined;
    const transfer = isRecord(answer) && isRecord(answer.transfer) ? answer.transfer : undefined;
    const consentId = consent && stringField(consent, 'consentId');
    const transferId = transfer && stringField(transfer, 'paymentId');
    const transactionStatus = transfer && stringField(transfer, 'transactionStatus');
    if (!consentId || !transferId || !transactionStatus)
      throw malformed('credit transfer answer lacks consentId, paymentId or transactionStatus');
    const reasonCode = stringField(transfer, 'statusReasonCode');
    return {
      ...mapOpenBankingConnectStatus(transactionStatus, reasonCode),
      providerData: { consentId, transferId },
    };
  }

  return {
    name: 'open-banking-connect',

    async listBanks(country) {
      return banksIn(banks, country);
    },

    async createPayment(input): Promise<ProviderPaymentCreated> {
      const aspspId = aspspIdOf(input.bankId);
      const scheme = schemeOf(options, input.checkout.amount.currency);
      const order = paymentOrder(options, input, scheme);
      const answer = await call(`${transfersPath(scheme)}/consents`, {
        requestInfo: requestInfo(aspspId, { tppRedirectURI: input.redirectUrl }),
        payments: order,
      });
      if (!isRecord(answer)) throw malformed('consent answer is not an object');
      const consentRequestId = stringField(answer, 'consentRequestId');
      const links = isRecord(answer._links) ? answer._links : undefined;
      const scaRedirect = links && httpUrlField(links, 'scaRedirect');
      if (!consentRequestId) throw malformed('consent answer has no consentRequestId');
      if (!scaRedirect) throw malformed('consent answer has no _links.scaRedirect');
      return {
        ...CONSENT_PENDING,
        providerPaymentId: consentRequestId,
        authorizationUrl: scaRedirect,
        providerData: {
          aspspId,
          scheme,
          state: expectedState(scaRedirect, consentRequestId),
        },
      };
    },

    async completeReturn(query, payment, rawQuery): Promise<ProviderStatus> {
      checkReturn(query, payment.providerData);
      const returnedAt = client.now().toISOString();
      const error = query.get('error');
      if (error) {
        // OAuth-style refusal at the bank: the payer cancelled (access_denied) or the bank failed.
        const status = error === 'access_denied' ? 'cancelled' : 'failed';
        return {
          status,
          rawStatus: status === 'cancelled' ? 'CANC' : 'RJCT',
          reason: error.slice(0, 60),
          providerData: { returnedAt },
        };
      }
      if (!query.get('code')) throw new ReturnRejectedError('the bank returned without a code');
      try {
        const xRequestId = randomUUID();
        const redeemed = await redeemWithRetries(() =>
          redeem(payment, rawQuery ?? query.toString(), xRequestId),
        );
        return { ...redeemed, providerData: { ...redeemed.providerData, returnedAt } };
      } catch (failure) {
        // A code the bank refuses for good will never pay: say so rather than leave it pending.
        if (
          failure instanceof ProviderError &&
          failure.kind === 'provider_error' &&
          failure.retryable === false
        ) {
          return {
            status: 'failed',
            rawStatus: 'RJCT',
            ...(failure.providerCode ? { reason: failure.providerCode } : {}),
            providerData: { returnedAt },
          };
        }
        throw failure;
      }
    },

    async readStatus(payment): Promise<ProviderStatus> {
      const data = payment.providerData ?? {};
      if (!data.transferId || !data.consentId) return CONSENT_PENDING;
      const answer = await call(`${transfersPath(data.scheme as Scheme)}/payment-status`, {
        paymentId: data.transferId,
        requestInfo: { ...requestInfo(data.aspspId ?? ''), consentId: data.consentId },
      });
      const payments = isRecord(answer) && isRecord(answer.payments) ? answer.payments : undefined;
      const transactionStatus = payments && stringField(payments, 'transactionStatus');
      if (!transactionStatus) throw malformed('payment-status answer has no transactionStatus');
      return mapOpenBankingConnectStatus(
        transactionStatus,
        stringField(payments, 'statusReasonCode'),
      );
    },
  };
}
