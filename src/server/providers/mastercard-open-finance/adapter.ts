import { createHash } from 'node:crypto';
import { httpUrlField, isRecord, malformed, stringField } from '../../provider-http.js';
import type {
  CreateProviderPaymentInput,
  PaymentProvider,
  ProviderPaymentCreated,
  ProviderStatus,
} from '../../provider.js';
import { cached } from '../cached.js';
import { banksIn, createProviderClient } from '../provider-client.js';
import { parseProviderCatalogue } from '../provider-catalogue.js';
import { mastercardErrorCode } from './errors.js';
import type { MastercardOpenFinanceOptions } from './options.js';
import { mapMastercardStatus, unwrapPayment } from './status.js';

/** Seed of the bill payments guide; unconfirmed against the public collection (see `docs/protocol.md`). */
export const DEFAULT_SESSION_PATH = '/v1/payments/create/session';

export function mastercardOpenFinance(options: MastercardOpenFinanceOptions): PaymentProvider {
  const { call } = createProviderClient({
    adapter: 'mastercardOpenFinance',
    options,
    required: ['baseUrl', 'clientId', 'clientSecret', 'destination'],
    headers: { 'x-client-id': options.clientId, 'x-client-secret': options.clientSecret },
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
      return banksIn(await loadBanks(), country);
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
      const path = options.session
        ? (options.sessionPath ?? DEFAULT_SESSION_PATH)
        : '/v1/payments/create';
      const answer = await call('POST', path, {
        userHash: userHashOf(options, input),
        request,
        redirectUrl: input.redirectUrl,
        providerId: input.bankId,
        issuePayerToken: false,
      });
      if (!isRecord(answer)) throw malformed('create answer is not an object');
      const providerPaymentId = stringField(answer, 'paymentId');
      const authorizationUrl = httpUrlField(answer, 'redirectUrl');
      if (!providerPaymentId) throw malformed('create answer has no paymentId');
      if (!authorizationUrl) throw malformed('create answer has no redirectUrl');
      return { providerPaymentId, authorizationUrl, status: 'created', rawStatus: 'Preparing' };
    },

    /** The payer is back at `redirectUrl?paymentId=…`: ask the bank for news (see `docs/protocol.md`). */
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
