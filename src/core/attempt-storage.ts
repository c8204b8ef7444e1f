import type { Flow, Money } from './protocol.js';
import type { PaymentStatus } from './status.js';

/** What the redirect flow leaves behind so the return page can resume the same payment. */
export interface SavedAttempt {
  /** Absent while the payment is being created: a reload then sends the same key again. */
  paymentId?: string;
  idempotencyKey: string;
  bankId: string;
  payer?: Record<string, string>;
  flow: Flow;
  status: PaymentStatus;
  authorizationUrl?: string;
  expiresAt?: string;
  amount?: Money;
  reference?: string;
  /** The chosen bank's name, for the receipt after the redirect back (no bank list then). */
  bankName?: string;
}

export type OutcomeEventName = 'success' | 'failure' | 'cancel' | 'pending';

const PREFIX = 'pay-by-bank:';

/**
 * sessionStorage can be missing or throw (storage disabled, quota, sandboxed iframes): then the element
 * still works within the page, it only cannot resume after a reload.
 */
export function guard<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}

function isSavedAttempt(value: unknown): value is SavedAttempt {
  if (typeof value !== 'object' || value === null) return false;
  const attempt = value as Record<string, unknown>;
  return (
    typeof attempt.idempotencyKey === 'string' &&
    typeof attempt.bankId === 'string' &&
    (attempt.bankName === undefined || typeof attempt.bankName === 'string')
  );
}

export interface AttemptStorage {
  load(): SavedAttempt | undefined;
  save(attempt: SavedAttempt): void;
  clear(): void;
  /** Records that a payment's outcome event was sent; false if it already was in this browser session. */
  claimOutcome(paymentId: string, event: OutcomeEventName): boolean;
  /** Whether any widget of this tab saved an attempt for the payment. */
  isAnyones(paymentId: string): boolean;
}

/** One saved attempt per endpoint and checkout, so two widgets on a page never share one. */
export function createAttemptStorage(
  scope: string,
  storage: () => Storage | undefined,
): AttemptStorage {
  const attemptKey = `${PREFIX}attempt:${scope}`;
  return {
    load() {
      return guard(() => {
        const raw = storage()?.getItem(attemptKey);
        const parsed: unknown = raw ? JSON.parse(raw) : undefined;
        return isSavedAttempt(parsed) ? parsed : undefined;
      }, undefined);
    },
    save(attempt) {
      guard(() => storage()?.setItem(attemptKey, JSON.stringify(attempt)), undefined);
    },
    clear() {
      guard(() => storage()?.removeItem(attemptKey), undefined);
    },
    isAnyones(paymentId) {
      return guard(() => {
        const store = storage();
        if (!store) return false;
        return Object.keys(store).some(
          (key) =>
            key.startsWith(`${PREFIX}attempt:`) && store.getItem(key)?.includes(`"${paymentId}"`),
        );
      }, false);
    },
    claimOutcome(paymentId, event) {
      const key = `${PREFIX}outcome:${paymentId}`;
      return guard(() => {
        const store = storage();
        if (!store) return true;
        if (store.getItem(key)) return false;
        store.setItem(key, event);
        return true;
      }, true);
    },
  };
}

/** The browser's sessionStorage, or undefined where reading it throws. */
export function sessionStorageOrUndefined(): Storage | undefined {
  return guard(() => globalThis.sessionStorage, undefined);
}
