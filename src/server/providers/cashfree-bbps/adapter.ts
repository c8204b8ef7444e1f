import { WebhookVerificationError } from '../../provider-error.js';
import { isRecord, malformed, stringField } from '../../provider-http.js';
import type {
  PaymentProvider,
  ProviderPaymentCreated,
  ProviderStatus,
  ProviderWebhookEvent,
} from '../../provider.js';
import { createProviderClient } from '../provider-client.js';
import type { BbpsBill, BbpsBillDestination, BillFetchInput } from './bill.js';
import { BILL_FETCH_SCHEDULE_MS, deviceInfoOf, fetchBill } from './bill-fetch.js';
import { cashfreeErrorCode } from './errors.js';
import type { CashfreeBbpsOptions } from './options.js';
import { BBPS_INR, toPaise } from './paise.js';
import { checkPayer, defaultPaymentModes, modesAsBanks } from './payment-modes.js';
import { mapCashfreeBbpsPayment, receiptOf, transactionRefIdOf } from './status.js';
import { upiAppPageUrl, upiIntentLink } from './upi-intent.js';
import { verifyCashfreeWebhook } from './webhook-signature.js';

/** The adapter, plus the bill fetch a merchant's `resolveCheckout` uses to price a bill. */
export interface CashfreeBbpsProvider extends PaymentProvider {
  fetchBill(input: BillFetchInput): Promise<BbpsBill>;
}

/**
 * Cashfree BBPS as a Customer Operating Unit (Cashfree's BBPS API reference; see `docs/protocol.md`): bill fetch, then an
 * asynchronous bill payment (202 with `transaction_ref_id`) whose response is polled, with signed
 * webhooks on terminal states. Nothing to authorise in a browser: the payer approves in the UPI app.
 */
export function cashfreeBbps(options: CashfreeBbpsOptions): CashfreeBbpsProvider {
  const client = createProviderClient({
    adapter: 'cashfreeBbps',
    options,
    required: ['baseUrl', 'clientId', 'clientSecret', 'agentId', 'webhookSecret'],
    headers: { 'x-client-id': options.clientId, 'x-client-secret': options.clientSecret },
    errorCode: cashfreeErrorCode,
  });
  const { now } = client;
  const modes =
    options.paymentModes ??
    defaultPaymentModes({
      upiIntent: options.upiPayee !== undefined,
      upiCollect: options.upiCollect === true,
    });
  if (modes.some((mode) => mode.upiIntent) && !options.upiPayee?.vpa.includes('@'))
    throw new TypeError('cashfreeBbps: upiPayee { vpa, name } is required for UPI intent and QR.');
  const upiAppUrl = () => {
    const url = typeof options.upiAppUrl === 'function' ? options.upiAppUrl() : options.upiAppUrl;
    if (url !== undefined && !/^https?:\/\//.test(url))
      throw new TypeError('cashfreeBbps: upiAppUrl must be an http(s) URL (the sandbox UPI app).');
    return url;
  };
  upiAppUrl();
  const upiIntentTtlMs = options.upiIntentTtlMs ?? 5 * 60_000;
  const banks = modesAsBanks(modes);
  const deviceTags = options.deviceTags ?? [{ name: 'INITIATING_CHANNEL', value: 'INT' }];
  const agent = { id: options.agentId, device: { tag: deviceTags } };
  const retryTable = options.retryCategories ?? {};

  /** Every BBPS COU call is a POST. */
  const call = (path: string, body: unknown) => client.call('POST', path, body);

  const billFetch = {
    call,
    agentId: options.agentId,
    deviceInfo: deviceInfoOf(deviceTags),
    retryTable,
    scheduleMs: options.billFetchScheduleMs?.length
      ? options.billFetchScheduleMs
      : BILL_FETCH_SCHEDULE_MS,
    budgetMs: options.billFetchBudgetMs ?? 15 * 60_000,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms))),
  };

  return {
    name: 'cashfree-bbps',

    fetchBill: (input) => fetchBill(billFetch, input),

    async listBanks(country) {
      return !country || country === 'IN' ? banks : [];
    },

    async createPayment(input): Promise<ProviderPaymentCreated> {
      const mode = checkPayer(modes, input.bankId, input.payer);
      const bill = billOf(input.checkout.destination);
      if (input.checkout.amount.currency !== 'INR')
        throw new TypeError('cashfreeBbps: bills are paid in INR.');
      const paise = toPaise(input.checkout.amount.value);
      const answer = await call('/bbps/cou/v1/billers/request/bill-payment', {
        bill_payment_request: {
          head: { bill_fetch_ref_id: bill.refId, pg_reference_id: input.paymentId.slice(0, 35) },
          customer: { mobile: bill.mobile },
          agent,
          bill_details: {
            biller: { id: bill.billerId },
            customer_params: {
              tag: Object.entries(bill.customerParams).map(([name, value]) => ({ name, value })),
            },
          },
          // A validated bill (VALIDATE_AND_PAY) had no biller response to quote back.
          ...(bill.flow === 'VALIDATE_AND_PAY'
            ? {}
            : {
                biller_response: {
                  customer_name: bill.customerName,
                  amount: bill.amountPaise,
                  ...(bill.dueDate ? { due_date: bill.dueDate } : {}),
                  ...(bill.billDate ? { bill_date: bill.billDate } : {}),
                  ...(bill.billNumber ? { bill_number: bill.billNumber } : {}),
                  ...(bill.billPeriod ? { bill_period: bill.billPeriod } : {}),
                },
              }),
          payment_method: {
            quick_pay: 'No',
            split_pay: 'No',
            off_us_pay: 'No',
            payment_mode: mode.paymentMode,
          },
          amount: {
            amt: { amount: paise, cust_conv_fee: '0', cou_cust_conv_fee: '0', currency: BBPS_INR },
          },
          payment_information: { tag: mode.information(input.payer ?? {}) },
        },
      });
      const data = isRecord(answer) && isRecord(answer.data) ? answer.data : undefined;
      const transactionRefId = data && stringField(data, 'transaction_ref_id');
      if (!transactionRefId) throw malformed('bill payment answer has no transaction_ref_id');
      const providerData: Record<string, string> = {
        billFetchRefId: stringField(data, 'bill_fetch_ref_id') ?? bill.refId,
        biller: bill.billerName ?? bill.billerId,
        amountPaise: paise,
        ...(bill.billNumber ? { billNumber: bill.billNumber } : {}),
      };
      const acknowledged = {
        providerPaymentId: transactionRefId,
        biller: providerData.biller ?? bill.billerId,
        rawStatus: stringField(data, 'status') ?? 'PROCESSING',
        providerData,
      };
      if (!mode.upiIntent || !options.upiPayee) return { ...acknowledged, status: 'processing' };
      acknowledged.providerData = { ...providerData, upiIntent: 'yes' };
      const appPage = upiAppUrl();
      // `tr` is the bill payment's own id, so the credit in the payee's account names its bill.
      const link = upiIntentLink({
        payee: options.upiPayee,
        amountPaise: paise,
        transactionRef: transactionRefId,
        note: `Bill ${bill.billNumber ?? bill.refId}`.slice(0, 50),
      });
      return {
        ...acknowledged,
        // The payer has yet to pay in their app: the element shows the link, then tracks.
        status: 'awaiting_authorisation',
        handOff: 'upi_intent',
        authorizationUrl: appPage ? upiAppPageUrl(appPage, link) : link,
        qrPayload: link,
        expiresAt: new Date(now().getTime() + upiIntentTtlMs).toISOString(),
      };
    },

    async readStatus(payment): Promise<ProviderStatus> {
      const answer = await call('/bbps/cou/v1/billers/response/bill-payment', {
        bill_fetch_ref_id: payment.providerData?.billFetchRefId ?? '',
        transaction_ref_id: payment.providerPaymentId,
      });
      const data = isRecord(answer) && isRecord(answer.data) ? answer.data : undefined;
      if (!data) throw malformed('bill payment response has no data');
      const status = mapCashfreeBbpsPayment(data, retryTable);
      // An intent not yet paid is `processing` to BBPS; to the payer it still waits for their app.
      if (status.status === 'processing' && payment.providerData?.upiIntent === 'yes')
        return { ...status, status: 'awaiting_authorisation' };
      if (status.status !== 'completed') return status;
      const receipt = receiptOf(data, payment.providerData, now());
      return receipt ? { ...status, receipt } : status;
    },

    async parseWebhook({ rawBody, headers }): Promise<ProviderWebhookEvent[]> {
      const { replayKey } = verifyCashfreeWebhook(
        options.webhookSecret,
        headers,
        rawBody,
        now(),
        options.webhookWindowMs ?? 5 * 60_000,
        options.webhookSignatureEncoding,
      );
      const body = parse(rawBody);
      const data = isRecord(body) && isRecord(body.data) ? body.data : undefined;
      const transactionRefId = data && transactionRefIdOf(data);
      if (!data || !transactionRefId) return [];
      // No event id is documented: a replay repeats timestamp and body, whatever its signature's spelling.
      return [
        {
          eventId: replayKey,
          providerPaymentId: transactionRefId,
          // A success is re-read: the receipt needs what the kit kept of the bill at creation.
          ...(stringField(data, 'status') && !isSuccess(data)
            ? { status: mapCashfreeBbpsPayment(data, retryTable) }
            : {}),
        },
      ];
    },
  };
}

function isSuccess(data: Record<string, unknown>): boolean {
  return stringField(data, 'status')?.toLowerCase() === 'success';
}

function billOf(destination: Record<string, unknown> | undefined): BbpsBill {
  const bill = (destination as Partial<BbpsBillDestination> | undefined)?.bill;
  if (!bill?.refId || !bill.billerId || !bill.mobile)
    throw new TypeError('cashfreeBbps: the checkout has no fetched bill; use bbpsCheckout(bill).');
  return bill;
}

function parse(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    throw new WebhookVerificationError('signed payload is not JSON');
  }
}
