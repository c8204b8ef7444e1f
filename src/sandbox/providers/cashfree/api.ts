import type { ApiContext } from '../../api-context.js';
import {
  DECLINED_BY_PAYER,
  SUPERSEDED,
  signCashfree,
  type BbpsFailureReason,
  type CashfreeBillPayment,
  type CashfreeState,
} from './state.js';
import { isRecord, json, readJson } from '../../http.js';
import type { JsonSchema } from '../../schemas/check.js';
import {
  BILL_FETCH_MESSAGES,
  billFetchPollRequest,
  billFetchRequest as billFetchRequestSchema,
  billPaymentPollRequest,
  billPaymentRequest as billPaymentRequestSchema,
} from '../../schemas/cashfree/index.js';
import { SANDBOX_DEFAULTS, type SandboxBill } from '../../options.js';
import type { WebhookOutbox } from '../../webhook-outbox.js';

const SUCCESS_VPA = 'testsuccess@gocash';
const FAILURE_VPA = 'testfailure@gocash';

function badRequest(message: string): Response {
  return json({ status: 'BAD_REQUEST', message, data: null }, 400);
}

export interface CashfreeApi {
  handle(request: Request, path: string): Promise<Response>;
  /** Applies automatic decisions that are due; answers the payment as it now stands. */
  current(transactionRefId: string): CashfreeBillPayment | undefined;
  decide(
    payment: CashfreeBillPayment,
    outcome: 'success' | 'failed',
    reason?: BbpsFailureReason,
  ): void;
}

/**
 * Cashfree BBPS COU (Cashfree's BBPS API reference; see `docs/protocol.md`), below `{sandbox}/cashfree`: bill fetch and bill payment,
 * each a request acknowledged at once and a response polled. `x-client-id`/`x-client-secret` on every call.
 */
export function createCashfreeApi(
  context: ApiContext,
  state: CashfreeState,
  outbox: WebhookOutbox,
): CashfreeApi {
  const config = { ...SANDBOX_DEFAULTS.cashfree, ...context.options.cashfree };
  const delayMs = context.options.cashfree?.upiDecisionDelayMs ?? 2000;
  const now = () => context.engine.now();

  function decide(
    payment: CashfreeBillPayment,
    outcome: 'success' | 'failed',
    reason: BbpsFailureReason = DECLINED_BY_PAYER,
  ): void {
    if (payment.status !== 'processing') return;
    payment.status = outcome;
    if (outcome === 'failed') payment.reason = { ...reason };
    else payment.approvalRefNum = state.newApprovalRefNum();
    const fetched = state.fetches.get(payment.billFetchRefId);
    if (fetched && outcome === 'success') fetched.paid = true;
    // The webhook's body is not public: the poll's `data`, with both ids beside it.
    const body = JSON.stringify({
      event: 'BILL_PAYMENT_STATUS_UPDATE',
      data: {
        bill_fetch_ref_id: payment.billFetchRefId,
        transaction_ref_id: payment.transactionRefId,
        ...responseData(payment),
      },
    });
    const timestamp = String(now().getTime());
    const signature = signCashfree(config.webhookSecret, timestamp, body);
    outbox.sendSigned({
      event: 'BILL_PAYMENT_STATUS_UPDATE',
      paymentId: payment.transactionRefId,
      eventId: signature,
      request: (url) =>
        new Request(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-webhook-signature': signature,
            'x-webhook-timestamp': timestamp,
          },
          body,
        }),
    });
  }

  function current(transactionRefId: string): CashfreeBillPayment | undefined {
    const payment = state.payments.get(transactionRefId);
    if (payment?.status === 'processing' && payment.autoOutcome && payment.autoAt) {
      if (now().getTime() >= payment.autoAt.getTime()) decide(payment, payment.autoOutcome);
    }
    return payment;
  }

  /** Test VPAs and non-UPI modes settle by themselves; so does every payment under an `outcome` knob. */
  function automatic(mode: string, vpa: string | undefined): 'success' | 'failed' | undefined {
    if (vpa === SUCCESS_VPA) return 'success';
    if (vpa === FAILURE_VPA) return 'failed';
    const outcome = context.knobs.outcome;
    if (outcome === 'approve') return 'success';
    if (outcome === 'reject' || outcome === 'cancel') return 'failed';
    return mode === 'UPI' ? undefined : 'success';
  }

  async function handle(request: Request, path: string): Promise<Response> {
    if (
      request.headers.get('x-client-id') !== config.clientId ||
      request.headers.get('x-client-secret') !== config.clientSecret
    ) {
      return json({ message: 'Unauthorized' }, 401);
    }
    if (request.method.toUpperCase() !== 'POST')
      return json({ status: 'NOT_FOUND', message: 'No such endpoint.', data: null }, 404);
    const body = await readJson(request);
    if (!isRecord(body)) return badRequest('The body must be a JSON object.');
    const operation = OPERATIONS[path];
    if (!operation)
      return json({ status: 'NOT_FOUND', message: 'No such endpoint.', data: null }, 404);
    const problems = context.schemas.check(operation.schema, body);
    if (problems.length > 0)
      return badRequest(problems.map(({ field, message }) => `${field} ${message}`).join('; '));
    switch (operation.name) {
      case 'billFetch':
        return billFetchRequest(body);
      case 'billFetchPoll':
        return billFetchResponse(body);
      case 'billPayment':
        return billPaymentRequest(body);
      case 'billPaymentPoll':
        return billPaymentResponse(body);
    }
  }

  function billFetchRequest(body: Record<string, unknown>): Response {
    const request = body.bill_fetch_request as BillFetchRequest;
    const refId = state.newRefId();
    const customerRef = request.input_params.input[0]?.param_value ?? '';
    const configured: SandboxBill | undefined = config.bills?.[customerRef];
    const due = new Date(now().getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    const flow = configured?.flow ?? 'FETCH_AND_PAY';
    state.fetches.set(refId, {
      refId,
      polls: 0,
      billerId: request.biller_id,
      customerRef,
      flow,
      bill: {
        customerName: 'Asha Verma',
        dueDate: due,
        billNumber: `BN${refId.slice(0, 8)}`,
        billPeriod: 'MONTHLY',
        ...configured,
        amountPaise: configured?.amountPaise ?? '120000',
      },
    });
    return json({
      status: 'ACCEPTED',
      message: 'Bill fetch request accepted for processing',
      data: { ref_id: refId, status: 'PROCESSING', flow },
    });
  }

  /** `status: "OK"`, the outcome in `message` (Cashfree's BBPS COU API reference). */
  function billFetchResponse(body: Record<string, unknown>): Response {
    const fetched = state.fetches.get(String(body.ref_id));
    if (!fetched) return badRequest('Unknown ref_id');
    fetched.polls += 1;
    const answer = (message: string, code: string, reason: string, rest = {}) =>
      json({
        status: 'OK',
        message,
        data: {
          bill_fetch_response: {
            ref_id: fetched.refId,
            response_code: code,
            response_reason: reason,
          },
          ...rest,
        },
      });
    if (fetched.polls <= (fetched.bill.processingPolls ?? config.billFetchProcessingPolls ?? 0))
      return answer(BILL_FETCH_MESSAGES.processing, 'PENDING', 'Processing');
    if (fetched.bill.fetchFailure) {
      const { code, reason } = fetched.bill.fetchFailure;
      return answer(BILL_FETCH_MESSAGES.failed, code, reason);
    }
    const { bill } = fetched;
    const additional = { additional_info: { tag: [] } };
    if (fetched.flow === 'VALIDATE_AND_PAY')
      return answer(BILL_FETCH_MESSAGES.fetched, '000', 'Successful', additional);
    return answer(BILL_FETCH_MESSAGES.fetched, '000', 'Successful', {
      bill_details: { biller_id: fetched.billerId },
      biller_response: {
        customer_name: bill.customerName,
        amount: bill.amountPaise,
        due_date: bill.dueDate,
        bill_date: now().toISOString().slice(0, 10),
        bill_number: bill.billNumber,
        bill_period: bill.billPeriod,
      },
      ...additional,
    });
  }

  function billPaymentRequest(body: Record<string, unknown>): Response {
    const request = body.bill_payment_request as BillPaymentRequest;
    const { head, payment_method: method } = request;
    const amt = request.amount.amt;
    const tags = request.payment_information.tag;
    const vpa = tags.find((tag) => tag.name === 'VPA')?.value;
    // Intent and QR: the payer's app pays the link, so there is no VPA yet (docs/protocol.md).
    const intent =
      method.payment_mode === 'UPI' &&
      tags.some((tag) => tag.name === 'UPI_FLOW' && tag.value === 'INTENT');
    if (method.payment_mode === 'UPI' && !intent && !vpa?.includes('@'))
      return badRequest('UPI requires a VPA in payment_information');
    const fetched = state.fetches.get(head.bill_fetch_ref_id);
    if (!fetched) return badRequest('Unknown bill_fetch_ref_id');
    if (fetched.paid) return badRequest('This bill was already paid');
    const sameBill = (payment: CashfreeBillPayment) => {
      const other = state.fetches.get(payment.billFetchRefId);
      return other?.billerId === fetched.billerId && other.customerRef === fetched.customerRef;
    };
    // A validated bill (VALIDATE_AND_PAY) has no amount of its own: the payer chose it.
    if (fetched.flow === 'FETCH_AND_PAY' && amt.amount !== fetched.bill.amountPaise)
      return badRequest('amount.amt.amount does not match the bill');
    const open = [...state.payments.values()].filter(
      (payment) => payment.intent && payment.status === 'processing' && sameBill(payment),
    );
    // A fresh link for the bill (a request that is valid): the one it replaces can no longer be paid.
    for (const replaced of open) decide(replaced, 'failed', SUPERSEDED);
    if (!intent) fetched.paid = true;
    const transactionRefId = state.newTransactionRefId();
    const outcome = automatic(method.payment_mode, vpa);
    const payment: CashfreeBillPayment = {
      transactionRefId,
      billFetchRefId: fetched.refId,
      paymentMode: method.payment_mode,
      ...(vpa ? { vpa } : {}),
      ...(intent ? { intent } : {}),
      amountPaise: String(amt.amount),
      status: 'processing',
      createdAt: now(),
      ...(outcome ? { autoOutcome: outcome, autoAt: new Date(now().getTime() + delayMs) } : {}),
    };
    state.payments.set(transactionRefId, payment);
    if (outcome) {
      // Settles even when nobody polls, so its webhook goes out on time; a manual clock waits for reads.
      setTimeout(() => current(transactionRefId), delayMs + 5).unref();
    }
    return json(
      {
        status: 'ACCEPTED',
        message: 'Bill payment request accepted for processing',
        data: {
          bill_fetch_ref_id: fetched.refId,
          transaction_ref_id: transactionRefId,
          status: 'PROCESSING',
        },
      },
      202,
    );
  }

  function billPaymentResponse(body: Record<string, unknown>): Response {
    const payment = current(String(body.transaction_ref_id));
    if (!payment || payment.billFetchRefId !== body.bill_fetch_ref_id)
      return badRequest('Unknown bill_fetch_ref_id / transaction_ref_id');
    return json({
      status: 'success',
      message: MESSAGES[payment.status],
      data: responseData(payment),
    });
  }

  return { handle, current, decide };
}

const MESSAGES = {
  processing: 'Payment is still being processed',
  success: 'Payment successful',
  failed: 'Payment failed',
} as const;

const PENDING_REASON = { response_code: 'PENDING', response_reason: 'Processing' };
const SUCCESS_REASON = { response_code: '000', response_reason: 'Successful' };

/**
 * The poll's `data`: lower-case status and `response.bill_payment_response { head, reason, txn }`,
 * the failure's code in `reason.compliance_resp_cd` (see `docs/protocol.md`).
 */
function responseData(payment: CashfreeBillPayment): Record<string, unknown> {
  const reason =
    payment.status === 'processing'
      ? PENDING_REASON
      : payment.status === 'success'
        ? {
            ...SUCCESS_REASON,
            ...(payment.approvalRefNum ? { approval_ref_num: payment.approvalRefNum } : {}),
          }
        : (payment.reason ?? DECLINED_BY_PAYER);
  return {
    status: payment.status,
    response: {
      bill_payment_response: {
        head: { bill_fetch_ref_id: payment.billFetchRefId },
        reason: { ...reason },
        txn: { transaction_ref_id: payment.transactionRefId },
      },
    },
  };
}

interface Tag {
  name: string;
  value: string;
}

/** A bill fetch request once it passed its schema (`schemas/cashfree/bill-fetch.ts`). */
interface BillFetchRequest {
  biller_id: string;
  input_params: { input: { param_name: string; param_value: string }[] };
}

/** A bill payment request once it passed its schema (`schemas/cashfree/bill-payment.ts`). */
interface BillPaymentRequest {
  head: { bill_fetch_ref_id: string; pg_reference_id: string };
  payment_method: { payment_mode: string };
  amount: { amt: { amount: string } };
  payment_information: { tag: Tag[] };
}

const OPERATIONS: Readonly<
  Record<
    string,
    { name: 'billFetch' | 'billFetchPoll' | 'billPayment' | 'billPaymentPoll'; schema: JsonSchema }
  >
> = {
  '/bbps/cou/v1/billers/request/bill-fetch': { name: 'billFetch', schema: billFetchRequestSchema },
  '/bbps/cou/v1/billers/response/bill-fetch': {
    name: 'billFetchPoll',
    schema: billFetchPollRequest,
  },
  '/bbps/cou/v1/billers/request/bill-payment': {
    name: 'billPayment',
    schema: billPaymentRequestSchema,
  },
  '/bbps/cou/v1/billers/response/bill-payment': {
    name: 'billPaymentPoll',
    schema: billPaymentPollRequest,
  },
};
