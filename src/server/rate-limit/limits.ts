import type { RateLimitStore } from './rate-limit-store.js';

/**
 * The limits, each per client address, checkout or payment. Counts are per minute but for
 * `longPollsPerAddress`, which counts status requests waiting (`?wait=`) at the same time.
 */
export interface RateLimits {
  /** `POST payments` per client address and minute. */
  paymentCreatesPerAddress: number;
  /** `POST payments` per `checkout` (whoever sends it) and minute. */
  paymentCreatesPerCheckout: number;
  /** `GET payments/{id}` per payment and minute. */
  statusPollsPerPayment: number;
  /** `GET payments/{id}?wait=` waiting at once per client address, in this process. */
  longPollsPerAddress: number;
  /** `POST webhooks` per sending address and minute. */
  webhooksPerSource: number;
}

/**
 * On unless `rateLimit: false`. A payer makes a few attempts and the element polls a payment about
 * every ten seconds (long polls of 10 s), so these leave room for many payers behind one address (an
 * office, a mobile carrier's NAT) and for a provider's burst of webhook retries, while one script
 * cannot create payments by the thousand.
 */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  paymentCreatesPerAddress: 60,
  paymentCreatesPerCheckout: 20,
  statusPollsPerPayment: 120,
  longPollsPerAddress: 20,
  webhooksPerSource: 600,
});

export interface RateLimitOptions extends Partial<RateLimits> {
  /** Where counts are kept. Default: this process's memory. Share one between instances. */
  store?: RateLimitStore;
  /**
   * The client address of a request, for runtimes other than `toNodeListener` (which knows the
   * socket's). Answer undefined when unknown: the limits per address then do not apply.
   */
  clientAddress?: (request: Request) => string | undefined;
}

export const RATE_WINDOW_MS = 60_000;

/** The limits in force: defaults, overridden one by one; each a whole number above 0, or Infinity. */
export function resolveLimits(options: RateLimitOptions): RateLimits {
  const limits = { ...DEFAULT_RATE_LIMITS };
  for (const name of Object.keys(DEFAULT_RATE_LIMITS) as (keyof RateLimits)[]) {
    const value = options[name];
    if (value === undefined) continue;
    if (value !== Infinity && !(Number.isInteger(value) && value > 0)) {
      throw new TypeError(
        `createPayByBankHandler: rateLimit.${name} must be a whole number above 0, or Infinity (no limit).`,
      );
    }
    limits[name] = value;
  }
  return limits;
}
