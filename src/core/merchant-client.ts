import { CheckoutError } from './checkout-error.js';
import { parseBanksResponse } from './merchant-responses.js';
import type {
  BanksResponse,
  CreatePaymentRequest,
  CreatePaymentResponse,
  PaymentStatusResponse,
} from './protocol.js';
import type { PaymentStatus } from './status.js';

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The payment calls are needed only after Pay: the build puts them in the payment session's chunk,
 * loaded by then, with the reading of an error answer, which the first paint rarely needs. Kept once
 * imported, since even a loaded module's import() waits for a task.
 */
let paymentCalls: typeof import('./merchant-payments.js') | undefined;
const payments = async () => (paymentCalls ??= await import('./merchant-payments.js'));

/**
 * Sends one request of the merchant protocol to `path` under the endpoint and returns its JSON
 * answer; `extraMs` on top of the client's timeout for a long poll.
 */
export type MerchantRequest = (
  path: string,
  query: Record<string, string | undefined>,
  init: RequestInit,
  extraMs: number,
  signal?: AbortSignal,
) => Promise<unknown>;

export interface MerchantClientOptions {
  /** The element's `endpoint`, already resolved against the page. */
  endpoint: URL;
  /** Merchant-supplied headers and credentials (a CSRF token, say). */
  requestInit?: RequestInit;
  timeoutMs?: number;
}

export interface StatusQuery {
  waitSeconds?: number;
  since?: PaymentStatus;
}

export interface MerchantClient {
  getBanks(country?: string, checkout?: string, signal?: AbortSignal): Promise<BanksResponse>;
  createPayment(
    body: CreatePaymentRequest,
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<CreatePaymentResponse>;
  getPayment(
    paymentId: string,
    query?: StatusQuery,
    signal?: AbortSignal,
  ): Promise<PaymentStatusResponse>;
}

function routeUrl(
  endpoint: URL,
  path: string,
  query: Record<string, string | undefined> = {},
): URL {
  const url = new URL(endpoint);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Talks the merchant protocol (docs/protocol.md) to the merchant's own server. */
export function createMerchantClient(options: MerchantClientOptions): MerchantClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function send(url: URL, init: RequestInit, budgetMs: number, signal?: AbortSignal) {
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    // A plain timer rather than AbortSignal.timeout, so that the clock is one the tests can drive.
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, budgetMs);
    const headers = new Headers(options.requestInit?.headers);
    new Headers(init.headers).forEach((value, name) => headers.set(name, value));
    headers.set('Accept', 'application/json');
    try {
      const response = await fetch(url, {
        credentials: 'same-origin',
        ...options.requestInit,
        ...init,
        headers,
        signal: controller.signal,
      });
      if (!response.ok) throw (await payments()).httpError(response, await readJson(response));
      const json = await readJson(response);
      if (json === undefined) {
        throw new CheckoutError(
          'malformed_response',
          'The merchant server did not answer JSON.',
          true,
        );
      }
      return json;
    } catch (error) {
      if (error instanceof CheckoutError) throw error;
      if (timedOut) {
        throw new CheckoutError(
          'timeout',
          `The merchant server did not answer within ${budgetMs} ms.`,
          true,
        );
      }
      if (signal?.aborted) throw error;
      throw new CheckoutError('network_error', 'The merchant server could not be reached.', true);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }

  const request: MerchantRequest = (path, query, init, extraMs, signal) =>
    send(routeUrl(options.endpoint, path, query), init, timeoutMs + extraMs, signal);

  return {
    async getBanks(country, checkout, signal) {
      return parseBanksResponse(await request('banks', { country, checkout }, {}, 0, signal));
    },

    // The payment calls load with the payment session: the bank list does not wait for them.
    createPayment: async (...args) => (await payments()).createPayment(request, ...args),
    getPayment: async (...args) => (await payments()).getPayment(request, ...args),
  };
}
