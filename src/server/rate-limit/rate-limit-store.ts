import { countHit, type RateWindow } from './fixed-window.js';

/**
 * Where the rate limits keep their counts. Instances of the kit that share a store share their counts:
 * a store for many instances implements `hit` as one atomic step (an upsert that counts up, or starts
 * a new window when the old one ended).
 */
export interface RateLimitStore {
  /** Counts one hit of `key` and answers its window, this hit included (see `countHit`). */
  hit(key: string, windowMs: number, now: Date): Promise<RateWindow>;
}

export interface MemoryRateLimitStoreOptions {
  /** Keys kept at most; past it, ended windows go first, then the oldest. Default 100 000. */
  maxKeys?: number;
}

/** Counts in this process only: the default, right for one instance. */
export function createMemoryRateLimitStore(
  options: MemoryRateLimitStoreOptions = {},
): RateLimitStore {
  const maxKeys = options.maxKeys ?? 100_000;
  const windows = new Map<string, RateWindow>();

  function makeRoom(now: Date): void {
    for (const [key, window] of windows) {
      if (window.resetAt.getTime() <= now.getTime()) windows.delete(key);
    }
    // Maps iterate in insertion order: what is left to drop is the oldest.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  }

  return {
    async hit(key, windowMs, now) {
      const next = countHit(windows.get(key), windowMs, now);
      if (next.count === 1) {
        windows.delete(key);
        if (windows.size >= maxKeys) makeRoom(now);
      }
      windows.set(key, next);
      return { ...next };
    },
  };
}
