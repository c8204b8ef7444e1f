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
import { targetOf, type AbortState, type KitRequest } from '../kit-request.js';
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
  const url = targetOf(request);
  const waitSeconds = parseWait(url.searchParams.get('wait'));
  const since = parseSince(url.searchParams.get('since'));

  const payment = await refreshStatus(context, await findPayment(context, paymentId));
  if (waitSeconds > 0 && payment.status === since && !isTerminal(payment.status)) {
    // Returned, not awaited: this frame (the request, the payment read) is let go while the wait
    // holds only what it needs (docs/architecture.md, "Many instances").
    return answerOnChange(
      context,
      payment.id,
      since,
      Date.now() + waitSeconds * 1000,
      request.signal,
    );
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

const reads = new WeakMap<HandlerContext, Map<string, Promise<StoredPayment>>>();

/** One store read per payment at a time, however many woken waiters ask for it. */
function sharedRead(context: HandlerContext, paymentId: string): Promise<StoredPayment> {
  const running = reads.get(context) ?? new Map<string, Promise<StoredPayment>>();
  reads.set(context, running);
  let read = running.get(paymentId);
  if (!read) {
    read = findPayment(context, paymentId).finally(() => running.delete(paymentId));
    running.set(paymentId, read);
  }
  return read;
}

/**
 * Waits for a change of the payment's status from `since`, re-reading it after each wake-up (a change,
 * the next refresh, the deadline), and answers it once it moved or the time is up. Bounded by the
 * deadline. A request whose client went away is answered without another read: nobody reads it.
 */
async function answerOnChange(
  context: HandlerContext,
  paymentId: string,
  since: PaymentStatus,
  deadline: number,
  signal: AbortState,
): Promise<KitAnswer> {
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining > 0)
      await context.watchers.next(
        paymentId,
        Math.min(remaining, context.refreshIntervalMs),
        signal,
      );
    if (signal.aborted) return { status: CLIENT_CLOSED_REQUEST, headers: {}, body: null };
    const final = Date.now() >= deadline;
    try {
      const answer = await lookAgain(context, paymentId, since, final);
      if (answer) return answer;
    } catch (error) {
      // A database that went away during the wait may be back before the deadline: the store's feed
      // wakes every waiter to re-read once it is (docs/architecture.md, "Many instances").
      if (!(error instanceof StoreUnavailableError) || final) throw error;
    }
  }
}

/** nginx's "client closed request": the answer to a request whose client went away, never read. */
const CLIENT_CLOSED_REQUEST = 499;

/** One re-read after a wake-up: the answer when the status moved or this is the last look. */
async function lookAgain(
  context: HandlerContext,
  paymentId: string,
  since: PaymentStatus,
  final: boolean,
): Promise<KitAnswer | undefined> {
  let payment = await sharedRead(context, paymentId);
  if (payment.status === since) payment = await refreshStatus(context, payment);
  if (payment.status !== since || isTerminal(payment.status) || final) return statusAnswer(payment);
  return undefined;
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
