import { isTerminal } from '../core/status.js';
import type { HandlerContext } from './context.js';
import type { StatusChangeSource, StoredPayment } from './payment-store.js';
import { ProviderError } from './provider-error.js';
import { applyProviderStatus, providerRefOf } from './status-updates.js';

/**
 * Asks the provider about an unfinished payment, at most once per `refreshIntervalMs` unless forced.
 * A provider failure here is logged and the stored status served: the browser keeps polling.
 */
export async function refreshStatus(
  context: HandlerContext,
  payment: StoredPayment,
  force = false,
  source: StatusChangeSource = 'poll',
): Promise<StoredPayment> {
  if (isTerminal(payment.status)) return payment;
  const sinceChecked = context.now().getTime() - Date.parse(payment.checkedAt);
  if (!force && sinceChecked < context.refreshIntervalMs) return payment;
  // Single flight: however many requests wait on a payment, one provider read at a time answers all.
  const flights = inFlight.get(context) ?? new Map<string, Promise<StoredPayment>>();
  inFlight.set(context, flights);
  const running = flights.get(payment.id);
  if (running) return running;
  const flight = claimAndRead(context, payment, force, source).finally(() =>
    flights.delete(payment.id),
  );
  flights.set(payment.id, flight);
  return flight;
}

/**
 * Across instances, through the store: the read is claimed by moving `checkedAt` in one atomic
 * update, so of many instances polling one payment only the one whose update moved it asks the
 * provider in that interval; the others serve what is stored (docs/architecture.md, "Many instances").
 */
async function claimAndRead(
  context: HandlerContext,
  payment: StoredPayment,
  force: boolean,
  source: StatusChangeSource,
): Promise<StoredPayment> {
  let claimed = false;
  const now = context.now();
  const stored = await context.store.update(payment.id, (current) => {
    // Set on every call: a store may run `change` again after a conflict.
    claimed =
      !isTerminal(current.status) &&
      (force || now.getTime() - Date.parse(current.checkedAt) >= context.refreshIntervalMs);
    return claimed ? { ...current, checkedAt: now.toISOString() } : undefined;
  });
  if (!stored) return payment;
  return claimed ? readAndStore(context, stored, source) : stored;
}

const inFlight = new WeakMap<HandlerContext, Map<string, Promise<StoredPayment>>>();

async function readAndStore(
  context: HandlerContext,
  payment: StoredPayment,
  source: StatusChangeSource,
): Promise<StoredPayment> {
  try {
    const status = await context.provider.readStatus(providerRefOf(payment));
    return (await applyProviderStatus(context, payment.id, status, { source })) ?? payment;
  } catch (error) {
    logProviderFailure(context, 'status refresh failed', payment.id, error);
    const checkedAt = context.now().toISOString();
    return (
      (await context.store.update(payment.id, (current) => ({ ...current, checkedAt }))) ?? payment
    );
  }
}

export function logProviderFailure(
  context: HandlerContext,
  message: string,
  paymentId: string | undefined,
  error: unknown,
): void {
  if (error instanceof ProviderError) {
    context.logger.warn(message, {
      paymentId,
      provider: context.provider.name,
      kind: error.kind,
      httpStatus: error.httpStatus,
      providerCode: error.providerCode,
      reason: error.message,
    });
  } else {
    context.logger.error(message, {
      paymentId,
      provider: context.provider.name,
      error: error instanceof Error ? error.name : typeof error,
    });
  }
}
