import type { Logger } from '../logger.js';
import { ProblemError } from '../problem.js';
import { addressKey, clientAddressOf } from './client-address.js';
import { verdictOf } from './fixed-window.js';
import { RATE_WINDOW_MS, resolveLimits, type RateLimitOptions, type RateLimits } from './limits.js';
import { createMemoryRateLimitStore } from './rate-limit-store.js';
import { asFetchRequest, type KitRequest } from '../kit-request.js';

/** The limits counted per minute in the store; `longPollsPerAddress` is held, not counted. */
export type CountedLimit = Exclude<keyof RateLimits, 'longPollsPerAddress'>;

/** A waiting long poll gives its slot back so soon: the client may try again then. */
const LONG_POLL_RETRY_SECONDS = 2;

export interface RateLimiter {
  /** Counts one request of `subject` against `limit`; throws 429 `rate_limited` past it. */
  count(limit: CountedLimit, subject: string): Promise<void>;
  /** Takes one of the client's long-poll slots; throws 429 when all are taken. */
  holdLongPoll(client: string): void;
  /**
   * Gives back a slot `holdLongPoll` took, once. A key, not a closure per slot: a held long-poll
   * keeps it (docs/architecture.md, "Many instances").
   */
  releaseLongPoll(client: string): void;
  /** The key the request's client is counted under; undefined when its address is unknown. */
  clientOf(request: KitRequest): string | undefined;
}

export interface RateLimiterSettings {
  trustProxy: boolean;
  logger: Logger;
  now: () => Date;
}

const UNLIMITED: RateLimiter = {
  count: async () => {},
  holdLongPoll: () => {},
  releaseLongPoll: () => {},
  clientOf: () => undefined,
};

export function createRateLimiter(
  options: RateLimitOptions | false | undefined,
  settings: RateLimiterSettings,
): RateLimiter {
  if (options === false) return UNLIMITED;
  const limits = resolveLimits(options ?? {});
  const store = options?.store ?? createMemoryRateLimitStore();
  const custom = options?.clientAddress;
  const addressOf = custom
    ? (request: KitRequest) => custom(asFetchRequest(request))
    : (request: KitRequest) => clientAddressOf(request, settings.trustProxy);
  const waiting = new Map<string, number>();
  let warnedUnknown = false;

  const refuse = (limit: keyof RateLimits, retryAfterSeconds: number): ProblemError => {
    settings.logger.warn('rate limit reached', { limit });
    return new ProblemError(429, 'rate_limited', 'Too many requests. Try again later.', {
      'retry-after': String(retryAfterSeconds),
    });
  };

  return {
    async count(limit, subject) {
      const max = limits[limit];
      if (max === Infinity) return;
      const now = settings.now();
      const window = await store.hit(`${limit}:${subject}`, RATE_WINDOW_MS, now);
      const verdict = verdictOf(window, max, now);
      if (!verdict.allowed) throw refuse(limit, verdict.retryAfterSeconds);
    },

    holdLongPoll(client) {
      const held = waiting.get(client) ?? 0;
      if (held >= limits.longPollsPerAddress)
        throw refuse('longPollsPerAddress', LONG_POLL_RETRY_SECONDS);
      waiting.set(client, held + 1);
    },

    releaseLongPoll(client) {
      const left = (waiting.get(client) ?? 1) - 1;
      if (left > 0) waiting.set(client, left);
      else waiting.delete(client);
    },

    clientOf(request) {
      const address = addressOf(request);
      if (address) return addressKey(address);
      if (!warnedUnknown) {
        warnedUnknown = true;
        settings.logger.warn(
          'client address unknown: the rate limits per address do not apply (serve with toNodeListener, or pass rateLimit.clientAddress)',
        );
      }
      return undefined;
    },
  };
}
