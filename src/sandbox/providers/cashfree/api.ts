import type { ApiContext } from '../../api-context.js';
import {
  DECLINED_BY_PAYER,
  signCashfree,
  type CashfreeBillPayment,
  type CashfreeState,
} from './state.js';
import { isRecord, json, readJson } from '../../http.js';
import { SANDBOX_DEFAULTS, type SandboxBill } from '../../options.js';
import type { WebhookOutbox } from '../../webhook-outbox.js';

const PAISE = /^\d{1,17}$/;
const SUCCESS_VPA = 'testsuccess@gocash';
const FAILURE_VPA = 'testfailure@gocash';

function badRequest(message: string): Response {
  return json({ status: 'BAD_REQUEST', message, data: null }, 400);
}

export interface CashfreeApi {
  handle(request: Request, path: string): Promise<Response>;
  /** Applies automatic decisions that are due; answers the payment as it now stands. */
  current(transactionRefId: string): CashfreeBillPayment | undefined;
  decide(payment: CashfreeBillPayment, outcome: 'success' | 'failed'): void;
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

  function decide(payment: CashfreeBillPayment, outcome: 'success' | 'failed'): void {
    if (payment.status !== 'processing') return;
    payment.status = outcome;
    if (outcome === 'failed') payment.reason = { ...DECLINED_BY_PAYER };
    const body = JSON.stringify({
      event: 'BILL_PAYMENT_STATUS_UPDATE',
      data: responseData(payment),
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
    switch (path) {
      case '/bbps/cou/v1/billers/request/bill-fetch':
        return billFetchRequest(body);
      case '/bbps/cou/v1/billers/response/bill-fetch':
        return billFetchResponse(body);
      case '/bbps/cou/v1/billers/request/bill-payment':
        return billPaymentRequest(body);
      case '/bbps/cou/v1/billers/response/bill-payment':
        return billPaymentResponse(body);
      default:
        return json({ status: 'NOT_FOUND', message: 'No such endpoint.', data: null }, 404);
    }
  }

  function billFetchRequest(body: Record<string, unknown>): Response {
    const request = isRecord(body.bill_fetch_request) ? body.bill_fetch_request : undefined;
    const details = request && isRecord(request.bill_details) ? request.bill_details : undefined;
    const biller = details && isRecord(details.biller) ? details.biller : undefined;
    const tags = tagsOf(details?.customer_params);
    const customer = request && isRecord(request.customer) ? request.customer : undefined;
    if (typeof biller?.id !== 'string') return badRequest('bill_details.biller.id is required');
    if (!tags?.length) return badRequest('bill_details.customer_params.tag is required');
    if (typeof customer?.mobile !== 'string') return badRequest('customer.mobile is required');
    if (!agentOk(request?.agent)) return badRequest('agent.id and agent.device.tag are required');
    const refId = state.newRefId();
    const configured: SandboxBill | undefined = config.bills?.[tags[0]?.value ?? ''];
    const due = new Date(now().getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    state.fetches.set(refId, {
      refId,
      polls: 0,
      billerId: biller.id,
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
      data: { ref_id: refId, status: 'PROCESSING' },
    });
  }

  function billFetchResponse(body: Record<string, unknown>): Response {
    const fetched = typeof body.ref_id === 'string' ? state.fetches.get(body.ref_id) : undefined;
    if (!fetched) return badRequest('Unknown ref_id');
    fetched.polls += 1;
    if (fetched.polls <= (fetched.bill.processingPolls ?? config.billFetchProcessingPolls ?? 0))
      return json({ status: 'SUCCESS', data: { ref_id: fetched.refId, status: 'processing' } });
    const { bill } = fetched;
    return json({
      status: 'SUCCESS',
      data: {
        ref_id: fetched.refId,
        status: 'success',
        biller_response: {
          customer_name: bill.customerName,
          amount: bill.amountPaise,
          due_date: bill.dueDate,
          bill_date: now().toISOString().slice(0, 10),
          bill_number: bill.billNumber,
          bill_period: bill.billPeriod,
        },
      },
    });
  }

  function billPaymentRequest(body: Record<string, unknown>): Response {
    const request = isRecord(body.bill_payment_request) ? body.bill_payment_request : undefined;
    if (!request) return badRequest('bill_payment_request is required');
    const head = isRecord(request.head) ? request.head : undefined;
    const customer = isRecord(request.customer) ? request.customer : undefined;
    const details = isRecord(request.bill_details) ? request.bill_details : undefined;
    const method = isRecord(request.payment_method) ? request.payment_method : undefined;
    const amt =
      isRecord(request.amount) && isRecord(request.amount.amt) ? request.amount.amt : undefined;
    const information = tagsOf(
      isRecord(request.payment_information) ? request.payment_information : undefined,
    );
    if (typeof head?.bill_fetch_ref_id !== 'string' || typeof head.pg_reference_id !== 'string')
      return badRequest('head.bill_fetch_ref_id and head.pg_reference_id are required');
    if (typeof customer?.mobile !== 'string') return badRequest('customer.mobile is required');
    if (!agentOk(request.agent)) return badRequest('agent.id and agent.device.tag are required');
    if (!details || !isRecord(details.biller) || !tagsOf(details.customer_params)?.length)
      return badRequest('bill_details.biller and bill_details.customer_params are required');
    for (const name of ['quick_pay', 'split_pay', 'off_us_pay'] as const) {
      if (method?.[name] !== 'Yes' && method?.[name] !== 'No')
        return badRequest(`payment_method.${name} must be "Yes" or "No"`);
    }
    if (typeof method?.payment_mode !== 'string')
      return badRequest('payment_method.payment_mode is required');
    for (const name of ['amount', 'cust_conv_fee', 'cou_cust_conv_fee'] as const) {
      if (typeof amt?.[name] !== 'string' || !PAISE.test(amt[name]))
        return badRequest(`amount.amt.${name} must be a string of paise`);
    }
    if (amt?.currency !== '356') return badRequest('amount.amt.currency must be "356"');
    if (!information?.length) return badRequest('payment_information.tag needs at least one tag');
    const vpa = information.find((tag) => tag.name === 'VPA')?.value;
    if (method.payment_mode === 'UPI' && !vpa?.includes('@'))
      return badRequest('UPI requires a VPA in payment_information');
    const fetched = state.fetches.get(head.bill_fetch_ref_id);
    if (!fetched) return badRequest('Unknown bill_fetch_ref_id');
    if (fetched.paid) return badRequest('This bill was already paid');
    if (amt.amount !== fetched.bill.amountPaise)
      return badRequest('amount.amt.amount does not match the bill');
    fetched.paid = true;
    const transactionRefId = state.newTransactionRefId();
    const outcome = automatic(method.payment_mode, vpa);
    const payment: CashfreeBillPayment = {
      transactionRefId,
      billFetchRefId: fetched.refId,
      paymentMode: method.payment_mode,
      ...(vpa ? { vpa } : {}),
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
    const payment =
      typeof body.transaction_ref_id === 'string' ? current(body.transaction_ref_id) : undefined;
    if (!payment || payment.billFetchRefId !== body.bill_fetch_ref_id)
      return badRequest('Unknown bill_fetch_ref_id / transaction_ref_id');
    return json({ status: 'SUCCESS', data: responseData(payment) });
  }

  return { handle, current, decide };
}

/** The response `data`: lower-case status, with the reason on failure (see `docs/protocol.md`). */
function responseData(payment: CashfreeBillPayment): Record<string, unknown> {
  return {
    bill_fetch_ref_id: payment.billFetchRefId,
    transaction_ref_id: payment.transactionRefId,
    status: payment.status,
    ...(payment.status === 'processing'
      ? {}
      : {
          bill_payment_response: {
            amount: payment.amountPaise,
            ...(payment.reason ? { reason: payment.reason } : {}),
          },
        }),
  };
}

function tagsOf(holder: unknown): { name: string; value: string }[] | undefined {
  const tags = isRecord(holder) ? holder.tag : undefined;
  if (!Array.isArray(tags)) return undefined;
  return tags.filter(
    (tag): tag is { name: string; value: string } =>
      isRecord(tag) && typeof tag.name === 'string' && typeof tag.value === 'string',
  );
}

function agentOk(agent: unknown): boolean {
  if (!isRecord(agent) || typeof agent.id !== 'string') return false;
  return (tagsOf(agent.device)?.length ?? 0) > 0;
}
