import { createHash } from 'node:crypto';
import {
  isRecord,
  malformed,
  requestProviderJson,
  stringField,
  type FetchFunction,
} from '../provider-http.js';
import type {
  CreateProviderPaymentInput,
  PaymentProvider,
  ProviderPaymentCreated,
  ProviderStatus,
} from '../provider.js';
import { cached } from './cached.js';
import { mapMastercardStatus, mastercardErrorCode, unwrapPayment } from './mastercard-status.js';
import { parseProviderCatalogue } from './provider-catalogue.js';

/** Where the money goes: e-commerce pays the merchant's account, bill payment a biller's inpayment form. */
export type MastercardDestination =
  | { iban: string; name: string; address?: Record<string, string> }
  | {
      bban: { bankCode: string; accountNumber: string };
      name: string;
      address?: Record<string, string>;
    }
  | { inpaymentForm: Record<string, string>; name?: string }
  | Record<string, unknown>;

export interface MastercardOpenFinanceOptions {
  /** e.g. `https://api.nordicapigateway.com`, or the sandbox's `${url}/mastercard`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The default destination; a checkout's own `destination` (one bill, one biller) wins. */
  destination: MastercardDestination;
  /**
   * Identifies the payer to the provider. Default: a hash of the kit's payment id (each payment a new,
   * anonymous user). Give a function to map your own customer ids (never an email in clear).
   */
  userHash?: string | ((input: CreateProviderPaymentInput) => string);
  /** The payer is already in an Open Finance session: use `/v1/payments/create/session`. */
  session?: boolean;
  /** `Authorization` for refresh-status (a user access token), when the integration has one. */
  accessToken?: () => string | Promise<string>;
  /** Payment execution, e.g. `{ type: 'Instant' }`. */
  execution?: { type: 'Normal' | 'Instant' | 'SpecificDate'; date?: string };
  bankCacheMs?: number;
  timeoutMs?: number;
  fetch?: FetchFunction;
}

export function mastercardOpenFinance(options: MastercardOpenFinanceOptions): PaymentProvider {
  for (const name of ['baseUrl', 'clientId', 'clientSecret', 'destination'] as const) {
    if (!options[name]) throw new TypeError(`mastercardOpenFinance: \`${name}\` is required.`);
  }
  const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const credentials = { 'x-client-id': options.clientId, 'x-client-secret': options.clientSecret };

  const call = (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ) =>
    requestProviderJson({
      baseUrl: options.baseUrl,
      path,
      method,
      headers: { ...credentials, ...extraHeaders },
      body,
      timeoutMs,
      fetch,
      errorCode: mastercardErrorCode,
    });

  const loadBanks = cached(
    async () => parseProviderCatalogue(await call('GET', '/v1/providers')),
    options.bankCacheMs ?? 5 * 60_000,
  );

  const readPayment = async (
    path: string,
    method: 'GET' | 'POST',
    headers?: Record<string, string>,
  ) => {
    const payment = unwrapPayment(
      await call(method, path, method === 'POST' ? {} : undefined, headers),
    );
    return mapMastercardStatus(payment.status);
  };

  return {
    name: 'mastercard-open-finance',

    async listBanks(country) {
      const banks = await loadBanks();
      return country ? banks.filter((bank) => bank.country === country) : banks;
    },

    async createPayment(input): Promise<ProviderPaymentCreated> {
      const { checkout } = input;
      const request: Record<string, unknown> = {
        destination: checkout.destination ?? options.destination,
        amount: { value: checkout.amount.value, currency: checkout.amount.currency },
        message: (checkout.description ?? checkout.reference).slice(0, 140),
        transactionText: checkout.reference.slice(0, 140),
        endToEndId: input.paymentId.slice(0, 35),
      };
      if (options.execution) request.execution = options.execution;
      const path = options.session ? '/v1/payments/create/session' : '/v1/payments/create';
      const answer = await call('POST', path, {
        userHash: userHashOf(options, input),
        request,
        redirectUrl: input.redirectUrl,
        providerId: input.bankId,
        issuePayerToken: false,
      });
      if (!isRecord(answer)) throw malformed('create answer is not an object');
      const providerPaymentId = stringField(answer, 'paymentId');
      const authorizationUrl = stringField(answer, 'redirectUrl');
      if (!providerPaymentId) throw malformed('create answer has no paymentId');
      if (!authorizationUrl || !/^https?:\/\//i.test(authorizationUrl))
        throw malformed('create answer has no redirectUrl');
      return { providerPaymentId, authorizationUrl, status: 'created', rawStatus: 'Preparing' };
    },

    /** The payer is back at `redirectUrl?paymentId=…`: ask the bank for news (PROVIDERS.md A). */
    async completeReturn(_query, payment): Promise<ProviderStatus> {
      const token = options.accessToken ? await options.accessToken() : undefined;
      return readPayment(
        `/v1/payments/${encodeURIComponent(payment.providerPaymentId)}/refresh-status`,
        'POST',
        token ? { authorization: token } : {},
      );
    },

    async readStatus(payment): Promise<ProviderStatus> {
      return readPayment(`/v1/payments/${encodeURIComponent(payment.providerPaymentId)}`, 'GET');
    },
  };
}

function userHashOf(
  options: MastercardOpenFinanceOptions,
  input: CreateProviderPaymentInput,
): string {
  if (typeof options.userHash === 'function') return options.userHash(input);
  if (options.userHash) return options.userHash;
  return createHash('sha256').update(input.paymentId).digest('hex').slice(0, 32);
}
