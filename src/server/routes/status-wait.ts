import { isTerminal, type PaymentStatus } from '../../core/status.js';
import type { HandlerContext } from '../context.js';
import { problemOf } from '../failure-problem.js';
import { findPayment } from '../find-payment.js';
import { jsonResponse } from '../json-response.js';
import { LaterAnswer, type KitAnswer } from '../kit-answer.js';
import type { AbortState } from '../kit-request.js';
import type { StoredPayment } from '../payment-store.js';
import { problemResponse } from '../problem.js';
import { refreshStatus } from '../refresh-status.js';
import type { Waiter } from '../status-watchers.js';
import { toStatusResponse } from '../status-view.js';
import { StoreUnavailableError } from '../store-errors.js';

/** The status route's name in the merchant's logs ("status read failed"): its route table's and its wait's. */
export const STATUS_READ = 'status read';

/**
 * Waits for a change of the payment's status from `since`, re-reading it after each wake-up (a change,
 * the next refresh, the deadline), and answers it once it moved or the time is up. Bounded by the
 * deadline. A request whose client went away is answered 499 without another read: nobody reads it.
 * The client's long-poll slot (`slot`, if one was taken) is given back once it is answered.
 */
export function answerOnChange(...held: ConstructorParameters<typeof LongPoll>): LaterAnswer {
  const poll = new LongPoll(...held);
  poll.waitAgain();
  return poll;
}

/**
 * A held long-poll as one object: it is the watchers' waiter, its own loop (a wake-up re-reads, then
 * holds it again or answers) and the answer still to come. No promise, closure or suspended frame per
 * waiter between wake-ups: an instance holds thousands (docs/architecture.md, "Many instances").
 */
class LongPoll extends LaterAnswer implements Waiter {
  tick = 0;
  readonly paymentId: string;
  readonly signal: AbortState;
  readonly #context: HandlerContext;
  readonly #since: PaymentStatus;
  readonly #deadline: number;
  #slot: string | undefined;
  #answer: KitAnswer | undefined;
  #deliver: ((answer: KitAnswer) => void) | undefined;

  constructor(
    context: HandlerContext,
    paymentId: string,
    since: PaymentStatus,
    deadline: number,
    signal: AbortState,
    slot: string | undefined,
  ) {
    super();
    this.#context = context;
    this.paymentId = paymentId;
    this.#since = since;
    this.#deadline = deadline;
    this.signal = signal;
    this.#slot = slot;
  }

  whenAnswered(deliver: (answer: KitAnswer) => void): void {
    if (this.#answer) deliver(this.#answer);
    else this.#deliver = deliver;
  }

  /** Held until the next change, the next refresh or the deadline, whichever comes first. */
  waitAgain(): void {
    const remaining = this.#deadline - Date.now();
    const context = this.#context;
    if (remaining > 0) context.watchers.hold(this, Math.min(remaining, context.refreshIntervalMs));
    else this.wake();
  }

  wake(): void {
    // Looked at once the waking code has run to its end, as an awaited wake-up was: a change is
    // notified from inside the code that stored it.
    queueMicrotask(() => {
      // What the failure mapping itself throws (a merchant's logger) is a bare 500, as the listener
      // answers a route that rejects.
      this.#look().catch(() => this.#settle(SERVER_ERROR));
    });
  }

  async #look(): Promise<void> {
    if (this.signal.aborted) {
      this.#settle(CLIENT_CLOSED_REQUEST);
      return;
    }
    const final = Date.now() >= this.#deadline;
    let answer: KitAnswer | undefined;
    try {
      answer = await lookAgain(this.#context, this.paymentId, this.#since, final);
    } catch (error) {
      // A database that went away during the wait may be back before the deadline: the store's feed
      // wakes every waiter to re-read once it is (docs/architecture.md, "Many instances").
      if (error instanceof StoreUnavailableError && !final) answer = undefined;
      else answer = problemResponse(problemOf(this.#context, error, STATUS_READ));
    }
    if (answer) this.#settle(answer);
    else this.waitAgain();
  }

  #settle(answer: KitAnswer): void {
    if (this.#answer) return;
    this.#answer = answer;
    if (this.#slot !== undefined) this.#context.rateLimiter.releaseLongPoll(this.#slot);
    this.#slot = undefined;
    const deliver = this.#deliver;
    this.#deliver = undefined;
    deliver?.(answer);
  }
}

/** nginx's "client closed request": the answer to a request whose client went away, never read. */
const CLIENT_CLOSED_REQUEST: KitAnswer = Object.freeze({ status: 499, headers: {}, body: null });
const SERVER_ERROR: KitAnswer = Object.freeze({ status: 500, headers: {}, body: null });

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
 * Waiters woken by one change share one read of the store and so one payment object; its answer is
 * serialised once for all of them (docs/architecture.md, "The hot path").
 */
const answers = new WeakMap<StoredPayment, KitAnswer>();

export function statusAnswer(payment: StoredPayment): KitAnswer {
  let answer = answers.get(payment);
  // Frozen: written to every poll of this payment as it is (src/server/node-listener.ts).
  if (!answer)
    answers.set(payment, (answer = Object.freeze(jsonResponse(toStatusResponse(payment)))));
  return answer;
}
