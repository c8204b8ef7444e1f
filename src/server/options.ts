import type { Logger } from './logger.js';
import type { PaymentStore } from './payment-store.js';
import type { PaymentProvider, ResolvedCheckout } from './provider.js';
import type { RateLimitOptions } from './rate-limit/limits.js';

export interface PayByBankHandlerOptions {
  provider: PaymentProvider;
  /**
   * The merchant decides amount and reference from the element's opaque `checkout` attribute. Answer
   * null (or throw) for an unknown checkout: the payer sees `unknown_checkout`.
   */
  resolveCheckout: (
    checkout: string | undefined,
    request: Request,
  ) => ResolvedCheckout | null | undefined | Promise<ResolvedCheckout | null | undefined>;
  /** Where the handler is mounted. Default `/api/pay-by-bank`. */
  basePath?: string;
  /**
   * The merchant's public origin (and path prefix, if any), used for the provider's redirect back to the
   * kit's return route. Set it in production; without it the request's own origin is used.
   */
  publicBaseUrl?: string;
  /** Origins a payment's `returnUrl` may point to. Default: the origin of `publicBaseUrl`. */
  allowedReturnOrigins?: string[];
  store?: PaymentStore;
  logger?: Logger;
  /** How often, at most, a status request asks the provider about an unfinished payment. Default 2000 ms. */
  refreshIntervalMs?: number;
  now?: () => Date;
  /**
   * Limits per client address, checkout and payment, on by default (`DEFAULT_RATE_LIMITS`; see
   * `docs/protocol.md`): 429 `rate_limited` with `Retry-After` past them. Numbers override one limit
   * each; `store` shares the counts between instances; `false` turns them all off.
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * The kit is behind a proxy the merchant runs, which appends the client's address to
   * `X-Forwarded-For`: count clients by it. Never set it without such a proxy: the header is free to forge.
   */
  trustProxy?: boolean;
}
