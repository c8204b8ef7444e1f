import type { Logger } from './logger.js';
import type { StatusChangeEvent } from './payment-record.js';
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
   * The merchant's public origin (and path prefix, if any), e.g. `https://shop.example`: the provider's
   * redirect back to the kit's return route is built on it, and return URLs must be on it (unless
   * `allowedReturnOrigins` says otherwise). The request's Host and `X-Forwarded-*` headers are then
   * never read. Required unless `NODE_ENV` is `development` or `test`, or `trustRequestOrigin` is set:
   * without it `createPayByBankHandler` throws.
   */
  publicBaseUrl?: string;
  /** Origins a payment's `returnUrl` may point to. Default: the origin of `publicBaseUrl`. */
  allowedReturnOrigins?: string[];
  /**
   * Without `publicBaseUrl`, take the request's own origin (its Host header, or with `trustProxy` the
   * `X-Forwarded-Host` and `-Proto` of the merchant's proxy) as the public one, in any `NODE_ENV`. Only
   * for a kit every request reaches through a proxy that sets those headers itself: a forged Host
   * would otherwise send payers, and the bank's redirect, to the forger's site.
   */
  trustRequestOrigin?: boolean;
  /**
   * Where payments live. Default: in this process's memory, lost on restart; in production give a
   * durable store (`createSqlitePaymentStore` from `pay-by-bank/server/sqlite`).
   */
  store?: PaymentStore;
  logger?: Logger;
  /** How often, at most, a status request asks the provider about an unfinished payment. Default 2000 ms. */
  refreshIntervalMs?: number;
  /**
   * The trusted completion hook: called on the server once a status change is stored, for every
   * change of a payment (its creation included, with `previous: null`), in order per payment, at least
   * once. A hook that throws or outlasts `hookTimeoutMs` is called again later, with backoff; pending
   * calls live in the store and survive restarts. De-duplicate on `eventId`. Ship goods here, never on
   * the browser's events.
   */
  onStatusChange?: (change: StatusChangeEvent) => void | Promise<void>;
  /** How long one hook call may take before it counts as failed. Default 10 000 ms. */
  hookTimeoutMs?: number;
  /**
   * How often unfinished payments are refreshed with the provider in the background, with ±20 %
   * jitter, so a payer who never comes back still gets a final status. `0` turns it off. Default 30 s.
   */
  reconcileIntervalMs?: number;
  /**
   * How long past its expiry (`expiresAt`, else 24 hours after creation) a payment the provider still
   * calls unfinished is kept open before the reconciler marks it `expired`. Default 15 minutes.
   */
  expiryGraceMs?: number;
  /**
   * How long a create request holds its Idempotency-Key before a retry may take it over, taking the
   * holder for dead. Longer than the slowest provider call. Default 60 s.
   */
  idempotencyLeaseMs?: number;
  now?: () => Date;
  /**
   * Limits per client address, checkout and payment, on by default (`DEFAULT_RATE_LIMITS`; see
   * `docs/protocol.md`): 429 `rate_limited` with `Retry-After` past them. Numbers override one limit
   * each; `store` shares the counts between instances; `false` turns them all off.
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * The kit is behind a proxy the merchant runs, which appends the client's address to
   * `X-Forwarded-For` (count clients by it) and, without `publicBaseUrl`, sets `X-Forwarded-Host` and
   * `X-Forwarded-Proto` (the request's origin). Never set it without such a proxy: the headers are free
   * to forge.
   */
  trustProxy?: boolean;
}
