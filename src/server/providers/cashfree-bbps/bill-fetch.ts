import { ProviderError } from '../../provider-error.js';
import { isRecord, malformed, stringField } from '../../provider-http.js';
import type { BbpsBill, BillFetchInput } from './bill.js';
import { retryableOf, retryCategoryOf } from './errors.js';
import { currencyFromBbps, fromPaise } from './paise.js';

/** 5 s, 15 s, 30 s, 1 min, then every 3 min (Cashfree's BBPS API reference; see `docs/protocol.md`). */
export const BILL_FETCH_SCHEDULE_MS: readonly number[] = [5_000, 15_000, 30_000, 60_000, 180_000];

type Call = (path: string, body: unknown) => Promise<unknown>;

export interface BillFetchContext {
  call: Call;
  agent: Record<string, unknown>;
  scheduleMs: readonly number[];
  budgetMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** Requests a bill fetch, then polls its response on the schedule until the biller answers. */
export async function fetchBill(
  context: BillFetchContext,
  input: BillFetchInput,
): Promise<BbpsBill> {
  const tags = Object.entries(input.customerParams).map(([name, value]) => ({ name, value }));
  const ack = await context.call('/bbps/cou/v1/billers/request/bill-fetch', {
    bill_fetch_request: {
      customer: { mobile: input.mobile },
      agent: context.agent,
      bill_details: { biller: { id: input.billerId }, customer_params: { tag: tags } },
    },
  });
  const refId = isRecord(ack) && isRecord(ack.data) ? stringField(ack.data, 'ref_id') : undefined;
  if (!refId) throw malformed('bill fetch acknowledgement has no data.ref_id');

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
    const data = isRecord(answer) && isRecord(answer.data) ? answer.data : undefined;
    const status = data && stringField(data, 'status')?.toLowerCase();
    if (!data || !status) throw malformed('bill fetch response has no data.status');
    if (status === 'processing') continue;
    if (status === 'success') return billOf(data, refId, input);
    const reason = isRecord(data.reason) ? data.reason : undefined;
    const retryable = retryableOf(retryCategoryOf(reason));
    throw new ProviderError('provider_error', 'bill fetch failed', {
      ...(reason && stringField(reason, 'response_code')
        ? { providerCode: stringField(reason, 'response_code') }
        : {}),
      ...(retryable === undefined ? {} : { retryable }),
    });
  }
}

/** `biller_response` sits in `data` or in `data.bill_fetch_response`: the public docs show neither. */
function billOf(data: Record<string, unknown>, refId: string, input: BillFetchInput): BbpsBill {
  const nested = isRecord(data.bill_fetch_response) ? data.bill_fetch_response : data;
  const biller = isRecord(nested.biller_response) ? nested.biller_response : undefined;
  const paise = biller && stringField(biller, 'amount');
  if (!biller || !paise) throw malformed('bill fetch response has no biller_response.amount');
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
    refId,
    billerId: input.billerId,
    customerParams: { ...input.customerParams },
    mobile: input.mobile,
    customerName: stringField(biller, 'customer_name') ?? '',
    amount: { value: amount, currency },
    amountPaise: paise,
    ...optional('due_date', 'dueDate'),
    ...optional('bill_date', 'billDate'),
    ...optional('bill_number', 'billNumber'),
    ...optional('bill_period', 'billPeriod'),
  };
}
