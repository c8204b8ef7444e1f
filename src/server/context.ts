import type { Logger } from './logger.js';
import type { PaymentStore } from './payment-store.js';
import type { PaymentProvider, ResolvedCheckout } from './provider.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import type { StatusWatchers } from './status-watchers.js';
import type { CreatePaymentResponse } from '../core/protocol.js';
import type { KitRequest } from './kit-request.js';

/** Everything one handler instance shares between its requests. Made per handler, never per module. */
export interface HandlerContext {
  provider: PaymentProvider;
  store: PaymentStore;
  resolveCheckout: (
    checkout: string | undefined,
    request: KitRequest,
  ) => Promise<ResolvedCheckout | null | undefined>;
  basePath: string;
  /** Undefined only where the merchant let the request's origin stand in (`trustRequestOrigin`, development). */
  publicBaseUrl: string | undefined;
  allowedReturnOrigins: Set<string> | undefined;
  /** `X-Forwarded-*` come from the merchant's own proxy (`trustProxy`). */
  trustProxy: boolean;
  logger: Logger;
  refreshIntervalMs: number;
  idempotencyLeaseMs: number;
  now: () => Date;
  watchers: StatusWatchers;
  rateLimiter: RateLimiter;
  /** Called after this process stored a status change, so the hook's deliveries go out at once. */
  statusStored: () => void;
  /** Creates under way in this process, by Idempotency-Key, so concurrent retries share one payment. */
  creating: Map<string, Promise<{ fingerprint: string; response: CreatePaymentResponse }>>;
  /** Returns under way in this process, by payment id, so they run one after the other. */
  returning: Map<string, Promise<unknown>>;
}
