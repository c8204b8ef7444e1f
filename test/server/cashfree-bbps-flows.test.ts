import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cashfreeBbps, type FetchFunction } from '../../src/server/index.js';
import { SANDBOX_DEFAULTS, startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

/** What Cashfree's bill fetch and payment polls carry beyond the plain fetched bill. */
describe('cashfreeBbps: bill flows, failures and retry categories', () => {
  let sandbox: RunningSandbox;
  const bodies: { path: string; body: Record<string, unknown> }[] = [];
  const recording: FetchFunction = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    bodies.push({
      path: url.pathname.replace(/^.*\/billers/, ''),
      body: JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>,
    });
    return fetch(input, init);
  };
  const adapter = (retryCategories = {}) =>
    cashfreeBbps({
      baseUrl: `${sandbox.url}/cashfree`,
      clientId: SANDBOX_DEFAULTS.cashfree.clientId,
      clientSecret: SANDBOX_DEFAULTS.cashfree.clientSecret,
      agentId: SANDBOX_DEFAULTS.cashfree.agentId,
      upiCollect: true,
      webhookSecret: SANDBOX_DEFAULTS.cashfree.webhookSecret,
      deviceTags: [
        { name: 'INITIATING_CHANNEL', value: 'INT' },
        { name: 'IP', value: '124.170.23.22' },
      ],
      retryCategories,
      sleep: async () => {},
      fetch: recording,
    });

  before(async () => {
    sandbox = await startSandbox({
      cashfree: {
        bills: {
          'CUST-VALIDATE': { amountPaise: '0', flow: 'VALIDATE_AND_PAY' },
          'CUST-GONE': { amountPaise: '0', fetchFailure: { code: 'BFR004', reason: 'No dues' } },
        },
        upiDecisionDelayMs: 0,
      },
    });
  });
  after(() => sandbox.close());

  it('sends the documented bill_fetch_request, its device tags as agent_device_info', async () => {
    bodies.length = 0;
    await adapter().fetchBill({
      billerId: 'VODA00000MUM03',
      customerParams: { RefFld1: 'CUST-1' },
      mobile: '9505987798',
    });
    assert.deepEqual(bodies[0], {
      path: '/request/bill-fetch',
      body: {
        bill_fetch_request: {
          agent_id: SANDBOX_DEFAULTS.cashfree.agentId,
          biller_id: 'VODA00000MUM03',
          agent_device_info: { init_channel: 'INT', ip: '124.170.23.22' },
          customer_info: { customer_mobile: '9505987798' },
          input_params: { input: [{ param_name: 'RefFld1', param_value: 'CUST-1' }] },
        },
      },
    });
  });

  it('takes a validated account (VALIDATE_AND_PAY, no biller_response) at the amount the payer chose', async () => {
    const provider = adapter();
    const input = { billerId: 'B1', customerParams: { RefFld1: 'CUST-VALIDATE' }, mobile: '1' };
    await assert.rejects(provider.fetchBill(input), /pass `amount`/);
    const bill = await provider.fetchBill({ ...input, amount: '500' });
    assert.equal(bill.flow, 'VALIDATE_AND_PAY');
    assert.deepEqual(bill.amount, { value: '500.00', currency: 'INR' });
    bodies.length = 0;
    const created = await provider.createPayment({
      paymentId: 'pay_validated0000000001',
      bankId: 'upi',
      payer: { vpa: 'testsuccess@gocash' },
      redirectUrl: 'https://shop.example/return',
      flow: 'redirect',
      checkout: {
        amount: bill.amount,
        reference: 'BILL-V',
        destination: { bill },
      },
    });
    assert.equal(created.status, 'processing');
    const request = bodies[0]?.body.bill_payment_request as Record<string, unknown>;
    assert.equal(request.biller_response, undefined, 'a validated bill quotes no biller response');
    assert.deepEqual((request.amount as { amt: { amount: string } }).amt.amount, '50000');
  });

  it('a failed fetch ("Bill request failed") is a provider_error with the response_code', async () => {
    const input = { billerId: 'B1', customerParams: { RefFld1: 'CUST-GONE' }, mobile: '1' };
    await assert.rejects(adapter().fetchBill(input), (error: Record<string, unknown>) => {
      assert.equal(error.kind, 'provider_error');
      assert.equal(error.providerCode, 'BFR004');
      assert.equal(error.retryable, undefined, 'not in the table: no word on retrying');
      return true;
    });
    await assert.rejects(adapter({ BFR004: 'NON_RETRIABLE' }).fetchBill(input), {
      retryable: false,
    });
  });

  it('reads a declined payment’s code from compliance_resp_cd, its retry flag from the table', async () => {
    for (const [table, retryable] of [
      [{}, true],
      [{ U30: 'CONDITIONAL' }, true],
      [{ U30: 'NON_RETRIABLE' }, false],
    ] as const) {
      const provider = adapter(table);
      const bill = await provider.fetchBill({
        billerId: 'B1',
        customerParams: { RefFld1: 'CUST-2' },
        mobile: '1',
      });
      const created = await provider.createPayment({
        paymentId: `pay_declined${String(retryable)}${Object.keys(table).length}`,
        bankId: 'upi',
        payer: { vpa: 'testfailure@gocash' },
        redirectUrl: 'https://shop.example/return',
        flow: 'redirect',
        checkout: { amount: bill.amount, reference: 'BILL-D', destination: { bill } },
      });
      const status = await provider.readStatus({
        paymentId: 'pay_declined',
        providerPaymentId: created.providerPaymentId,
        ...(created.providerData ? { providerData: created.providerData } : {}),
      });
      assert.equal(status.status, 'failed');
      assert.equal(status.reason, 'U30');
      assert.equal(status.error?.retryable, retryable, JSON.stringify(table));
    }
  });
});
