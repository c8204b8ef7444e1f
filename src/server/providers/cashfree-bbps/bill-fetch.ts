import { ProviderError } from '../../provider-error.js';
import { isRecord, malformed, stringField } from '../../provider-http.js';
import type { BbpsBill, BbpsFlow, BillFetchInput } from './bill.js';
import { retryableForCode, type BbpsRetryTable } from './errors.js';
import { currencyFromBbps, fromPaise, toPaise } from './paise.js';

/** 5 s, 15 s, 30 s, 1 min, then every 3 min (Cashfree's BBPS API reference; see `docs/protocol.md`). */
export const BILL_FETCH_SCHEDULE_MS: readonly number[] = [5_000, 15_000, 30_000, 60_000, 180_000];

/** The poll's outcome is in `message`; its `status` is always "OK" (see `docs/protocol.md`). */
const FETCHED = 'Bill details fetched successfully';
const PROCESSING = 'Request is still being processed';
const FAILED = 'Bill request failed';

type Call = (path: string, body: unknown) => Promise<unknown>;

export interface BillFetchContext {
  call: Call;
  agentId: string;
  /** `agent_device_info { init_channel, ip, … }`. */
  deviceInfo: Record<string, string>;
  scheduleMs: readonly number[];
  budgetMs: number;
  sleep: (ms: number) => Promise<void>;
  retryTable: BbpsRetryTable;
}

/** `agent.device.tag` names as `agent_device_info` keys; the rest lower-cased. */
const DEVICE_INFO_KEYS: Readonly<Record<string, string>> = {
  INITIATING_CHANNEL: 'init_channel',
  GEOCODE: 'geo_code',
};

/** The bill payment's device tags, `[{ name: 'INITIATING_CHANNEL', value: 'INT' }]`, as the bill fetch's `agent_device_info`. */
export function deviceInfoOf(
  tags: readonly { name: string; value: string }[],
): Record<string, string> {
  return Object.fromEntries(
    tags.map(({ name, value }) => [DEVICE_INFO_KEYS[name] ?? name.toLowerCase(), value]),
  );
}

/** Requests a bill fetch, then polls its response on the schedule until the biller answers. */
export async function fetchBill(
  context: BillFetchContext,
  input: BillFetchInput,
): Promise<BbpsBill> {
  const ack = await context.call('/bbps/cou/v1/billers/request/bill-fetch', {
    bill_fetch_request: {
      agent_id: context.agentId,
      biller_id: input.billerId,
      agent_device_info: context.deviceInfo,
      customer_info: { customer_mobile: input.mobile },
      input_params: {
        input: Object.entries(input.customerParams).map(([name, value]) => ({
          param_name: name,
          param_value: value,
        })),
      },
    },
  });
  const ackData = isRecord(ack) && isRecord(ack.data) ? ack.data : undefined;
  const refId = ackData && stringField(ackData, 'ref_id');
  if (!refId) throw malformed('bill fetch acknowledgement has no data.ref_id');
  const flow: BbpsFlow =
    stringField(ackData, 'flow') === 'VALIDATE_AND_PAY' ? 'VALIDATE_AND_PAY' : 'FETCH_AND_PAY';

  let waited = 0;
  for (let attempt = 0; ; attempt += 1) {
    const delay = context.scheduleMs[Math.min(attempt, context.scheduleMs.length - 1)] ?? 180_000;
    if (waited + delay > context.budgetMs) {
      throw new ProviderError('provider_unavailable', 'bill fetch still processing', {
        retryable: true,
      });
    }
    await context.sleep(delay);
    waited += delay;
    const answer = await context.call('/bbps/cou/v1/billers/response/bill-fetch', {
      ref_id: refId,
    });
    const message = isRecord(answer) ? stringField(answer, 'message') : undefined;
    const data = isRecord(answer) && isRecord(answer.data) ? answer.data : undefined;
    if (message === PROCESSING) continue;
    if (message === FETCHED && data) return billOf(data, refId, input, flow);
    if (message === FAILED) {
      const response = data && isRecord(data.bill_fetch_response) ? data.bill_fetch_response : {};
      const code = stringField(response, 'response_code');
      const retryable = retryableForCode(context.retryTable, code);
      throw new ProviderError('provider_error', 'bill fetch failed', {
        ...(code ? { providerCode: code } : {}),
        ...(retryable === undefined ? {} : { retryable }),
      });
    }
    throw malformed(`bill fetch response has an unknown message ${message?.slice(0, 60) ?? ''}`);
  }
}

/**
 * A FETCH_AND_PAY success carries `biller_response` (the amount due); a VALIDATE_AND_PAY success
 * carries none, so the amount is the one the payer chose (`input.amount`).
 */
function billOf(
  data: Record<string, unknown>,
  refId: string,
  input: BillFetchInput,
  flow: BbpsFlow,
): BbpsBill {
  const common = {
    refId,
    flow,
    billerId: input.billerId,
    ...(input.billerName ? { billerName: input.billerName } : {}),
    customerParams: { ...input.customerParams },
    mobile: input.mobile,
  };
  const biller = isRecord(data.biller_response) ? data.biller_response : undefined;
  if (!biller) {
    if (flow === 'FETCH_AND_PAY') throw malformed('bill fetch response has no biller_response');
    if (!input.amount)
      throw new TypeError('cashfreeBbps: a validated bill has no amount; pass `amount`.');
    return {
      ...common,
      customerName: '',
      amount: { value: fromPaise(toPaise(input.amount)), currency: 'INR' },
      amountPaise: toPaise(input.amount),
    };
  }
  const paise = stringField(biller, 'amount');
  if (!paise) throw malformed('bill fetch response has no biller_response.amount');
  let amount: string;
  try {
    amount = fromPaise(paise);
  } catch {
    throw malformed('bill amount is not in paise');
  }
  const currency = currencyFromBbps(stringField(biller, 'currency') ?? '356');
  const optional = (name: string, key: keyof BbpsBill) => {
    const value = stringField(biller, name);
    return value ? { [key]: value } : {};
  };
  return {
    ...common,
    customerName: stringField(biller, 'customer_name') ?? '',
    amount: { value: amount, currency },
    amountPaise: paise,
    ...optional('due_date', 'dueDate'),
    ...optional('bill_date', 'billDate'),
    ...optional('bill_number', 'billNumber'),
    ...optional('bill_period', 'billPeriod'),
  };
}
