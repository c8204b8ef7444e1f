import { MAX_WAIT_SECONDS } from '../../core/protocol.js';
import { isPaymentStatus, isTerminal, type PaymentStatus } from '../../core/status.js';
import type { HandlerContext } from '../context.js';
import { jsonResponse } from '../json-response.js';
import { isPaymentId } from '../payment-id.js';
import type { StoredPayment } from '../payment-store.js';
import { ProblemError } from '../problem.js';
import { StoreUnavailableError } from '../store-errors.js';
import { refreshStatus } from '../refresh-status.js';
import { toStatusResponse } from '../status-view.js';
import { urlOf, type KitRequest } from '../kit-request.js';
import type { KitAnswer } from '../kit-answer.js';

/**
 * `GET payments/{id}[?wait=N&since=STATUS]`: with `wait`, answers as soon as the status differs from
 * `since`, or after N seconds (at most 25), asking the provider every `refreshIntervalMs` meanwhile.
 */
export async function readPaymentStatus(
  context: HandlerContext,
  request: KitRequest,
  paymentId: string,
): Promise<KitAnswer> {
  const url = urlOf(request);
  const waitSeconds = parseWait(url.searchParams.get('wait'));
  const since = parseSince(url.searchParams.get('since'));

  let payment = await findPayment(context, paymentId);
  payment = await refreshStatus(context, payment);
  if (waitSeconds > 0 && since !== undefined) {
    payment = await waitForChange(context, payment, since, waitSeconds, request.signal);
  }
  return statusAnswer(payment);
}

/**
 * Waiters woken by one change share one read of the store and so one payment object; its answer is
 * serialised once for all of them (docs/architecture.md, "The hot path").
 */
const answers = new WeakMap<StoredPayment, KitAnswer>();

function statusAnswer(payment: StoredPayment): KitAnswer {
  let answer = answers.get(payment);
  if (!answer) answers.set(payment, (answer = jsonResponse(toStatusResponse(payment))));
  return answer;
}

const reads = new WeakMap<HandlerContext, Map<string, Promise<StoredPayment | undefined>>>();

/** One store read per payment at a time, however many woken waiters ask for it. */
function sharedRead(
  context: HandlerContext,
  paymentId: string,
): Promise<StoredPayment | undefined> {
  const running = reads.get(context) ?? new Map<string, Promise<StoredPayment | undefined>>();
  reads.set(context, running);
  let read = running.get(paymentId);
  if (!read) {
    read = context.store.get(paymentId).finally(() => running.delete(paymentId));
    running.set(paymentId, read);
  }
  return read;
}

async function waitForChange(
  context: HandlerContext,
  start: StoredPayment,
  since: PaymentStatus,
  waitSeconds: number,
  signal: AbortSignal,
): Promise<StoredPayment> {
  const deadline = Date.now() + waitSeconds * 1000;
  let payment = start;
  let unavailable: StoreUnavailableError | undefined;
  // Bounded by the deadline: each turn waits for a change, the next refresh, or the end.
  while (payment.status === since && !isTerminal(payment.status) && !signal.aborted) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    await context.watchers.next(payment.id, Math.min(remaining, context.refreshIntervalMs), signal);
    try {
      payment = (await sharedRead(context, payment.id)) ?? payment;
      if (payment.status === since) payment = await refreshStatus(context, payment);
      unavailable = undefined;
    } catch (error) {
      // A database that went away during the wait may be back before the deadline: the store's feed
      // wakes every waiter to re-read once it is (docs/architecture.md, "Many instances").
      if (!(error instanceof StoreUnavailableError)) throw error;
      unavailable = error;
    }
  }
  if (unavailable) throw unavailable;
  return payment;
}

export async function findPayment(
  context: HandlerContext,
  paymentId: string,
): Promise<StoredPayment> {
  const payment = isPaymentId(paymentId) ? await context.store.get(paymentId) : undefined;
  if (!payment || payment.provider !== context.provider.name) {
    throw new ProblemError(404, 'unknown_payment', 'No payment has this id.');
  }
  return payment;
}

function parseWait(value: string | null): number {
  if (value === null || value === '') return 0;
  if (!/^\d{1,6}$/.test(value))
    throw new ProblemError(400, 'invalid_request', 'wait must be a whole number of seconds.');
  return Math.min(Number(value), MAX_WAIT_SECONDS);
}

function parseSince(value: string | null): PaymentStatus | undefined {
  if (value === null || value === '') return undefined;
  if (!isPaymentStatus(value))
    throw new ProblemError(400, 'invalid_request', 'since must be a payment status.');
  return value;
}
