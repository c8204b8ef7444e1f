import type { Bank } from '../../core/protocol.js';
import { WebhookVerificationError } from '../provider-error.js';
import {
  isRecord,
  malformed,
  requestProviderJson,
  stringField,
  type FetchFunction,
} from '../provider-http.js';
import type {
  PaymentProvider,
  ProviderPaymentCreated,
  ProviderStatus,
  ProviderWebhookEvent,
} from '../provider.js';
import { mapAiiaStatus } from './aiia-status.js';
import { readAiiaWebhookHeaders, verifyAiiaWebhook } from './aiia-webhook-signature.js';
import { cached } from './cached.js';
import { parseProviderCatalogue } from './provider-catalogue.js';

export interface AiiaPayOptions {
  /** e.g. `https://api-sandbox.aiia.eu`, or the sandbox's `${url}/aiia`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The onboarded payee (Connect Flow with `payments:inbound`). */
  destinationId: string;
  webhookSecret: string;
  /** HTTP Basic (public clients) or X-Client-Id/X-Client-Secret headers: not fully confirmed. Default basic. */
  auth?: 'basic' | 'client-headers';
  /** Optional payment scheme, e.g. `SepaCreditTransfer`. */
  schemeId?: string;
  /** Where the bank list is read. Default `/v1/providers` (not confirmed for Aiia Pay). */
  banksPath?: string;
  /** Accepted clock skew of webhook timestamps. Default 5 minutes. */
  webhookWindowMs?: number;
  /** How long the bank list is kept. Default 5 minutes. */
  bankCacheMs?: number;
  timeoutMs?: number;
  fetch?: FetchFunction;
  now?: () => Date;
}

/** The link Aiia hands out is valid for one minute; each attempt needs a new one (seed 004). */
export const AIIA_LINK_LIFETIME_MS = 60_000;

const PAYMENT_EVENTS = new Set(['PaymentCreated', 'PaymentUpdated']);

export function aiiaPay(options: AiiaPayOptions): PaymentProvider {
  requireOptions(options);
  const now = options.now ?? (() => new Date());
  const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const authHeaders: Record<string, string> =
    options.auth === 'client-headers'
      ? { 'x-client-id': options.clientId, 'x-client-secret': options.clientSecret }
      : {
          authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`,
        };

  const call = (method: 'GET' | 'POST', path: string, body?: unknown) =>
    requestProviderJson({
      baseUrl: options.baseUrl,
      path,
      method,
      headers: authHeaders,
      body,
      timeoutMs,
      fetch,
      errorCode: aiiaErrorCode,
    });

  const loadBanks = cached(
    async () => parseProviderCatalogue(await call('GET', options.banksPath ?? '/v1/providers')),
    options.bankCacheMs ?? 5 * 60_000,
  );

  return {
    name: 'aiia-pay',

    async listBanks(country) {
      const banks: Bank[] = await loadBanks();
      return country ? banks.filter((bank) => bank.country === country) : banks;
    },

    async createPayment(input): Promise<ProviderPaymentCreated> {
      const answer = await call('POST', '/v2/payments/accept', {
        amount: input.checkout.amount.value,
        currency: input.checkout.amount.currency,
        reference: input.checkout.reference,
        destinationId: options.destinationId,
        redirectUrl: input.redirectUrl,
        ...(options.schemeId ? { schemeId: options.schemeId } : {}),
        ...(countryOfBank(input.bankId) ? { preselectedCountry: countryOfBank(input.bankId) } : {}),
        // Not in the public docs; a provider that does not know it ignores it.
        preselectedProviderId: input.bankId,
      });
      if (!isRecord(answer)) throw malformed('create answer is not an object');
      const providerPaymentId = stringField(answer, 'paymentId');
      const authorizationUrl = stringField(answer, 'authorizationUrl');
      if (!providerPaymentId) throw malformed('create answer has no paymentId');
      if (!authorizationUrl || !/^https?:\/\//i.test(authorizationUrl))
        throw malformed('create answer has no authorizationUrl');
      return {
        providerPaymentId,
        authorizationUrl,
        expiresAt: new Date(now().getTime() + AIIA_LINK_LIFETIME_MS).toISOString(),
        ...mapAiiaStatus(stringField(answer, 'status') ?? 'Initiated'),
      };
    },

    async readStatus(payment): Promise<ProviderStatus> {
      const answer = await call(
        'GET',
        `/v2/payments/accept/${encodeURIComponent(payment.providerPaymentId)}`,
      );
      if (!isRecord(answer)) throw malformed('payment is not an object');
      const rawStatus = stringField(answer, 'status');
      if (!rawStatus) throw malformed('payment has no status');
      const reason = stringField(answer, 'statusReason') ?? stringField(answer, 'failureReason');
      return mapAiiaStatus(rawStatus, reason);
    },

    async parseWebhook({ rawBody, headers }): Promise<ProviderWebhookEvent[]> {
      const signed = readAiiaWebhookHeaders(headers);
      verifyAiiaWebhook(
        options.webhookSecret,
        signed,
        rawBody,
        now(),
        options.webhookWindowMs ?? 5 * 60_000,
      );
      if (!PAYMENT_EVENTS.has(signed.event)) return [];
      const providerPaymentId = paymentIdOf(rawBody);
      if (!providerPaymentId)
        throw new WebhookVerificationError('signed payload without a payment id');
      return [{ eventId: signed.eventId, providerPaymentId }];
    },
  };
}

/** `{ "acceptPaymentUpdatedWebhook": { "data": { "paymentId" }, "event": "PaymentUpdated" } }` and kin. */
function paymentIdOf(rawBody: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return undefined;
  }
  if (!isRecord(body)) return undefined;
  for (const envelope of [body, ...Object.values(body)]) {
    if (isRecord(envelope) && isRecord(envelope.data)) {
      const id = stringField(envelope.data, 'paymentId');
      if (id) return id;
    }
  }
  return undefined;
}

/** Open Finance provider ids often start with the country (`DK_TestBank`). */
function countryOfBank(bankId: string): string | undefined {
  return /^([A-Z]{2})_/.exec(bankId)?.[1];
}

function aiiaErrorCode(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  return stringField(body, 'errorCode') ?? stringField(body, 'error') ?? stringField(body, 'title');
}

function requireOptions(options: AiiaPayOptions): void {
  for (const name of [
    'baseUrl',
    'clientId',
    'clientSecret',
    'destinationId',
    'webhookSecret',
  ] as const) {
    if (!options[name]) throw new TypeError(`aiiaPay: \`${name}\` is required.`);
  }
}
