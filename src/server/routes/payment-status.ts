import { MAX_WAIT_SECONDS } from '../../core/protocol.js';
import { isTerminal, PAYMENT_STATUSES, type PaymentStatus } from '../../core/status.js';
import type { HandlerContext } from '../context.js';
import { findPayment } from '../find-payment.js';
import { ProblemError } from '../problem.js';
import { holdLongPollSlot } from '../rate-limit/rate-limited.js';
import { refreshStatus } from '../refresh-status.js';
import { targetOf, type KitRequest } from '../kit-request.js';
import type { LaterAnswer, RouteAnswer } from '../kit-answer.js';
import { answerOnChange, statusAnswer } from './status-wait.js';

/**
 * `GET payments/{id}[?wait=N&since=STATUS]`: with `wait`, answers as soon as the status differs from
 * `since`, or after N seconds (at most 25), asking the provider every `refreshIntervalMs` meanwhile.
 */
export async function readPaymentStatus(
  context: HandlerContext,
  request: KitRequest,
  paymentId: string,
): Promise<RouteAnswer> {
  // Taken before anything is read, like the other limits; handed to the wait, or given back here.
  const slot = holdLongPollSlot(context.rateLimiter, request);
  let waiting: LaterAnswer | undefined;
  try {
    const url = targetOf(request);
    const waitSeconds = parseWait(url.searchParams.get('wait'));
    const since = parseSince(url.searchParams.get('since'));

    const payment = await refreshStatus(context, await findPayment(context, paymentId));
    if (waitSeconds > 0 && payment.status === since && !isTerminal(payment.status)) {
      // Resolved with at once: this frame (the request, the payment read) and every promise above it
      // are let go while the wait holds only what it needs (docs/architecture.md, "Many instances").
      waiting = answerOnChange(
        context,
        payment.id,
        since,
        Date.now() + waitSeconds * 1000,
        request.signal,
        slot,
      );
      return waiting;
    }
    return statusAnswer(payment);
  } finally {
    if (!waiting && slot !== undefined) context.rateLimiter.releaseLongPoll(slot);
  }
}

function parseWait(value: string | null): number {
  if (value === null || value === '') return 0;
  if (!/^\d{1,6}$/.test(value))
    throw new ProblemError(400, 'invalid_request', 'wait must be a whole number of seconds.');
  return Math.min(Number(value), MAX_WAIT_SECONDS);
}

function parseSince(value: string | null): PaymentStatus | undefined {
  if (value === null || value === '') return undefined;
  // The status's own constant, not the query's copy of it: a held long-poll keeps it.
  const status = PAYMENT_STATUSES.find((known) => known === value);
  if (!status) throw new ProblemError(400, 'invalid_request', 'since must be a payment status.');
  return status;
}
