export { DEFAULT_RATE_LIMITS, type RateLimitOptions, type RateLimits } from './limits.js';
export {
  createMemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
  type RateLimitStore,
} from './rate-limit-store.js';
export type { RateWindow } from './fixed-window.js';
