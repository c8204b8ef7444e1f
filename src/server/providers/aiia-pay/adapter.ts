import { WebhookVerificationError } from '../../provider-error.js';
import { httpUrlField, isRecord, malformed, stringField } from '../../provider-http.js';
import type {
  PaymentProvider,
  ProviderPaymentCreated,
  ProviderStatus,
  ProviderWebhookEvent,
} from '../../provider.js';
import { cached } from '../cached.js';
import { banksIn, createProviderClient } from '../provider-client.js';
import { parseProviderCatalogue } from '../provider-catalogue.js';
import { withAiiaCulture } from './culture.js';
import { aiiaErrorCode } from './errors.js';
import type { AiiaPayOptions } from './options.js';
import { mapAiiaStatus } from './status.js';
import { readAiiaWebhookHeaders, verifyAiiaWebhook } from './webhook-signature.js';

/** The link Aiia hands out is valid for one minute; each attempt needs a new one (Aiia Pay's accept-payments guide; see `docs/protocol.md`). */
export const AIIA_LINK_LIFETIME_MS = 60_000;

const PAYMENT_EVENTS = new Set(['PaymentCreated', 'PaymentUpdated']);

export function aiiaPay(options: AiiaPayOptions): PaymentProvider {
  const client = createProviderClient({
    adapter: 'aiiaPay',
    options,
    required: ['baseUrl', 'clientId', 'clientSecret', 'destinationId', 'webhookSecret'],
    headers:
      options.auth === 'client-headers'
        ? { 'x-client-id': options.clientId, 'x-client-secret': options.clientSecret }
        : {
            authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`,
          },
    errorCode: aiiaErrorCode,
  });
  const { call, now } = client;

  const loadBanks = cached(
    async () => parseProviderCatalogue(await call('GET', options.banksPath ?? '/v1/providers')),
    options.bankCacheMs ?? 5 * 60_000,
  );

  return {
    name: 'aiia-pay',

    async listBanks(country) {
      return banksIn(await loadBanks(), country);
    },

    async createPayment(input): Promise<ProviderPaymentCreated> {
      const answer = await call('POST', '/v2/payments/accept', {
        amount: input.checkout.amount.value,
        currency: input.checkout.amount.currency,
        reference: input.checkout.reference,
        destinationId: options.destinationId,
        redirectUrl: input.redirectUrl,
        ...(options.schemeId ? { schemeId: options.schemeId } : {}),
        // No public source names a bank preselection; the country is as close as the API goes.
        ...(countryOfBank(input.bankId) ? { preselectedCountry: countryOfBank(input.bankId) } : {}),
      });
      if (!isRecord(answer)) throw malformed('create answer is not an object');
      const providerPaymentId = stringField(answer, 'paymentId');
      const authorizationUrl = httpUrlField(answer, 'authorizationUrl');
      if (!providerPaymentId) throw malformed('create answer has no paymentId');
      if (!authorizationUrl) throw malformed('create answer has no authorizationUrl');
      return {
        providerPaymentId,
        authorizationUrl: withAiiaCulture(authorizationUrl, input.locale),
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
