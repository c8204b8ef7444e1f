import { backoffDelay, POLL_BACKOFF } from './backoff.js';
import { CheckoutError } from './checkout-error.js';
import type { StatusQuery } from './merchant-client.js';
import type { PageEnvironment } from './page-environment.js';
import type { PaymentStatusResponse } from './protocol.js';
import type { PaymentStatus } from './status.js';
import { isTerminal } from './status.js';

export const DEFAULT_POLL_BUDGET_MS = 3 * 60_000;
/** Long-poll length asked of the server; servers without long-poll answer at once and we back off. */
export const LONG_POLL_SECONDS = 10;

export interface StatusTrackerOptions {
  status: PaymentStatus;
  fetchStatus(query: StatusQuery, signal: AbortSignal): Promise<PaymentStatusResponse>;
  onUpdate(payment: PaymentStatusResponse): void;
  /** A request failed but tracking goes on (offline, a 5xx): lets the view say so. */
  onTransientError(error: CheckoutError): void;
  /** The payment cannot be tracked any more (the server does not know it). */
  onFatalError(error: CheckoutError): void;
  onBudgetExhausted(): void;
  environment: PageEnvironment;
  budgetMs?: number;
  random?: () => number;
}

export interface StatusTracker {
  stop(): void;
  /** Asks at once, e.g. when the bank's window says the payer is back; no-op while a request waits. */
  pollNow(): void;
}

function isFatal(error: CheckoutError): boolean {
  const status = error.httpStatus ?? 0;
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * Polls a payment until it is terminal or the budget of active time runs out. Time while the page is
 * hidden or offline does not count against the budget, and no request is made then. A server that
 * answers 429 or 503 with `Retry-After` is not asked again before that time has passed.
 */
export function trackStatus(options: StatusTrackerOptions): StatusTracker {
  const budgetMs = options.budgetMs ?? DEFAULT_POLL_BUDGET_MS;
  const random = options.random ?? Math.random;
  let status = options.status;
  // Answers that brought nothing new, in a row: each one waits longer before the next request.
  let quietPolls = 0;
  let activeMs = 0;
  let activeSince: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request: AbortController | undefined;
  let stopped = false;
  // The server's Retry-After: no request before this time, hidden or not in between.
  let notBefore = 0;

  const pauseClock = () => {
    if (activeSince !== undefined) activeMs += Date.now() - activeSince;
    activeSince = undefined;
  };
  const elapsed = () => activeMs + (activeSince === undefined ? 0 : Date.now() - activeSince);

  function halt() {
    clearTimeout(timer);
    timer = undefined;
    request?.abort();
    request = undefined;
    pauseClock();
  }

  function stop() {
    stopped = true;
    halt();
    unsubscribe();
  }

  /** The next poll, but never past the end of the budget, so `pending` comes on time. */
  function schedule(delayMs: number) {
    clearTimeout(timer);
    const wait = Math.max(delayMs, notBefore - Date.now());
    timer = setTimeout(() => void poll(), Math.max(0, Math.min(wait, budgetMs - elapsed())));
  }

  async function poll() {
    timer = undefined;
    if (stopped || !options.environment.isActive()) return;
    if (elapsed() >= budgetMs) {
      stop();
      options.onBudgetExhausted();
      return;
    }
    const controller = new AbortController();
    request = controller;
    try {
      const payment = await options.fetchStatus(
        { waitSeconds: LONG_POLL_SECONDS, since: status },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      const changed = payment.status !== status;
      status = payment.status;
      options.onUpdate(payment);
      if (isTerminal(payment.status)) {
        stop();
        return;
      }
      quietPolls = changed ? 0 : quietPolls + 1;
      schedule(changed ? 0 : backoffDelay(quietPolls - 1, POLL_BACKOFF, random));
    } catch (error) {
      if (controller.signal.aborted || stopped) return;
      const problem =
        error instanceof CheckoutError
          ? error
          : new CheckoutError('network_error', 'The status request failed.', true);
      if (isFatal(problem)) {
        stop();
        options.onFatalError(problem);
        return;
      }
      options.onTransientError(problem);
      if (problem.retryAfterMs !== undefined) notBefore = Date.now() + problem.retryAfterMs;
      schedule(backoffDelay(quietPolls++, POLL_BACKOFF, random));
    } finally {
      if (request === controller) request = undefined;
    }
  }

  function onEnvironmentChange() {
    if (stopped) return;
    if (options.environment.isActive()) {
      if (activeSince === undefined) activeSince = Date.now();
      if (!timer && !request) schedule(0);
    } else {
      halt();
    }
  }

  const unsubscribe = options.environment.subscribe(onEnvironmentChange);
  onEnvironmentChange();
  return {
    stop,
    pollNow() {
      if (!stopped && !request && options.environment.isActive()) schedule(0);
    },
  };
}
