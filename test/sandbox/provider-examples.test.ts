import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSandbox, sandboxAspspId, SANDBOX_DEFAULTS } from '../../src/sandbox/index.js';
import { createSchemaChecker, type JsonSchema } from '../../src/sandbox/schemas/check.js';
import * as aiia from '../../src/sandbox/schemas/aiia/index.js';
import * as cashfree from '../../src/sandbox/schemas/cashfree/index.js';
import * as mastercard from '../../src/sandbox/schemas/mastercard/index.js';
import * as obc from '../../src/sandbox/schemas/obc/index.js';
import { startSandbox, type RunningSandbox } from '../server/support/sandbox-fixture.js';

/**
 * Each provider's own example request, as its documentation prints it, sent to the sandbox: it must
 * pass. Only identifiers the sandbox hands out itself (a bill's `ref_id`, an ASPSP id, the onboarded
 * destination) replace the example's.
 */
const checker = createSchemaChecker();

function assertConforms(schema: JsonSchema, value: unknown): void {
  assert.deepEqual(checker.check(schema, value), [], JSON.stringify(value).slice(0, 400));
}

async function post(url: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const MASTERCARD = {
  'x-client-id': SANDBOX_DEFAULTS.mastercard.clientId,
  'x-client-secret': SANDBOX_DEFAULTS.mastercard.clientSecret,
};
const AIIA = {
  authorization: `Basic ${Buffer.from(`${SANDBOX_DEFAULTS.aiia.clientId}:${SANDBOX_DEFAULTS.aiia.clientSecret}`).toString('base64')}`,
};
const CASHFREE = {
  'x-client-id': SANDBOX_DEFAULTS.cashfree.clientId,
  'x-client-secret': SANDBOX_DEFAULTS.cashfree.clientSecret,
};
const OBC = {
  authorization: `OAuth oauth_consumer_key="${SANDBOX_DEFAULTS.openBankingConnect.clientId}"`,
};

describe('the providers’ documented example requests', () => {
  let running: RunningSandbox;
  before(async () => {
    running = await startSandbox();
  });
  after(() => running.close());

  it('Mastercard Open Finance: the public collection’s "Create payment" and "Create session payment"', async () => {
    const request = {
      destination: { bban: { bankCode: '1234', accountNumber: '0123456789' }, name: 'John Doe' },
      amount: { value: '2.00', currency: 'DKK' },
    };
    const create = await post(`${running.url}/mastercard/v1/payments/create`, MASTERCARD, {
      userHash: 'aiia-postman-demo',
      request,
      issuePayerToken: true,
      redirectUrl: 'https://httpbin.org/anything',
    });
    assert.equal(create.status, 200, JSON.stringify(create.body));
    assertConforms(mastercard.createPaymentResponse, create.body);
    const session = await post(`${running.url}/mastercard/v1/payments/create/session`, MASTERCARD, {
      userHash: 'aiia-postman-demo',
      request,
      redirectUrl: 'https://httpbin.org/anything',
    });
    assert.equal(session.status, 200, JSON.stringify(session.body));
    const read = await fetch(
      `${running.url}/mastercard/v1/payments/${String(create.body.paymentId)}`,
      {
        headers: MASTERCARD,
      },
    );
    assertConforms(mastercard.paymentResponse, await read.json());
  });

  it('Aiia Pay: the public collection’s "Create Accept Payment"', async () => {
    const accept = await post(`${running.url}/aiia/v2/payments/accept`, AIIA, {
      amount: '100',
      currency: 'DKK',
      schemeId: 'DanishDomesticCreditTransfer',
      reference: '1234567890',
      destinationId: SANDBOX_DEFAULTS.aiia.destinationId,
      redirectUrl: 'https://shop.example/callback',
      preselectedCountry: 'DK',
    });
    assert.equal(accept.status, 200, JSON.stringify(accept.body));
    assertConforms(aiia.acceptResponse, accept.body);
    const read = await fetch(
      `${running.url}/aiia/v2/payments/accept/${String(accept.body.paymentId)}`,
      { headers: AIIA },
    );
    assertConforms(aiia.acceptPaymentResponse, await read.json());
  });

  for (const [scheme, bankId, payments] of [
    [
      'domestic',
      'GB_ThamesMercerBank',
      {
        creditorAccount: { identification: '30087236', schemeName: 'UK.AccountNumber' },
        creditorAgent: {
          clearingSystemIdentification: 'UK.SortCode',
          memberIdentification: '283746',
        },
        creditorName: 'Wood bank',
        endToEndIdentification: 'Notification',
        instructedAmount: { amount: 100.23, currency: 'GBP' },
        localInstrument: 'UK.FasterPayments',
        remittanceInformationUnstructured: 'Payment for fruits',
      },
    ],
    [
      'sepa',
      'DE_NordhafenSparkasse',
      {
        creditorAccount: { iban: 'PL45222222222222222222222222' },
        creditorAddress: { country: 'PL' },
        creditorAgent: { bicfi: 'BARCGB22XXX' },
        creditorName: 'Wood bank',
        debtorName: 'NordPole PLC',
        endToEndIdentification: 'Notification',
        instructedAmount: { amount: 200, currency: 'EUR' },
        instructionPriority: 'Normal',
        localInstrument: 'SEPA',
        remittanceInformationUnstructured: 'Payment for fruits',
      },
    ],
  ] as const) {
    it(`Open Banking Connect: a ${scheme} consent of the spec’s own field examples`, async () => {
      const consent = await post(
        `${running.url}/obc/openbanking/sandbox/connect/api/payments/${scheme}-credit-transfers/consents`,
        OBC,
        {
          payments,
          requestInfo: {
            xRequestId: '123e4567-e89b-12d3-a456-426655440000',
            aspspId: sandboxAspspId(bankId),
            merchant: { id: 'MerchantId', name: 'MerchantName' },
            tppRedirectURI: 'https://tpp-ob.com/callback',
          },
        },
      );
      assert.equal(consent.status, 200, JSON.stringify(consent.body));
      assertConforms(obc.consentResponse, consent.body);
    });
  }

  it('Cashfree BBPS: the reference’s bill fetch, its poll, the bill payment and its poll', async () => {
    const base = `${running.url}/cashfree/bbps/cou/v1/billers`;
    const fetchAck = await post(`${base}/request/bill-fetch`, CASHFREE, {
      bill_fetch_request: {
        agent_id: 'OU01XXXXINT001123456',
        biller_id: 'VODA00000MUM03',
        agent_device_info: {
          init_channel: 'INT',
          ip: '124.170.23.22',
          mobile: '9830098300',
          geo_code: '12.9667,77.5667',
          postal_code: '400063',
        },
        customer_info: { customer_mobile: '9505XXXX98', customer_email: 'customer@example.com' },
        input_params: {
          input: [
            { param_name: 'RefFld1', param_value: '9876543210' },
            { param_name: 'RefFld2', param_value: 'ABCD123' },
          ],
        },
      },
    });
    assert.equal(fetchAck.status, 200, JSON.stringify(fetchAck.body));
    assertConforms(cashfree.billFetchAcknowledgement, fetchAck.body);
    const refId = String((fetchAck.body.data as Record<string, unknown>).ref_id);
    const fetched = await post(`${base}/response/bill-fetch`, CASHFREE, { ref_id: refId });
    assert.equal(fetched.status, 200);
    assertConforms(cashfree.billFetchPollResponse, fetched.body);
    assert.equal(fetched.body.message, 'Bill details fetched successfully');

    const paid = await post(`${base}/request/bill-payment`, CASHFREE, {
      bill_payment_request: {
        head: { bill_fetch_ref_id: refId, pg_reference_id: 'PG_REF_001' },
        customer: { mobile: '9505987798', tag: [{ name: 'EMAIL', value: 'customer@example.com' }] },
        agent: {
          id: 'OU01AI34INT001123456',
          device: {
            tag: [
              { name: 'INITIATING_CHANNEL', value: 'INT' },
              { name: 'IP', value: '124.170.23.22' },
            ],
          },
        },
        bill_details: {
          biller: { id: 'VODA00000MUM03' },
          customer_params: { tag: [{ name: 'RefFld1', value: 'XX1234ABCD' }] },
        },
        biller_response: {
          customer_name: 'Manoj Chekuri',
          amount: '120000',
          due_date: '2021-09-24',
          bill_date: '2021-01-02',
          bill_number: '1232332',
          bill_period: 'MONTHLY',
        },
        payment_method: { quick_pay: 'No', split_pay: 'No', off_us_pay: 'No', payment_mode: 'UPI' },
        amount: {
          amt: {
            amount: '120000',
            cust_conv_fee: '1000',
            cou_cust_conv_fee: '1500',
            currency: '356',
          },
        },
        payment_information: { tag: [{ name: 'VPA', value: 'account@provider' }] },
      },
    });
    assert.equal(paid.status, 202, JSON.stringify(paid.body));
    assertConforms(cashfree.billPaymentAcknowledgement, paid.body);
    const data = paid.body.data as Record<string, unknown>;
    const polled = await post(`${base}/response/bill-payment`, CASHFREE, {
      bill_fetch_ref_id: data.bill_fetch_ref_id,
      transaction_ref_id: data.transaction_ref_id,
    });
    assert.equal(polled.status, 200);
    assertConforms(cashfree.billPaymentPollResponse, polled.body);
  });
});

describe('what the documented schemas refuse', () => {
  const sandbox = createSandbox();
  const call = (path: string, headers: Record<string, string>, body: unknown) =>
    sandbox.handler(
      new Request(`http://sandbox.test/sandbox${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
  const mastercardBody = (destination: unknown) => ({
    userHash: 'u',
    request: { destination, amount: { value: '2.00', currency: 'DKK' } },
    redirectUrl: 'https://shop.example/back',
  });

  it('Mastercard: an iban as a string or a number, an undocumented field', async () => {
    for (const destination of [
      { iban: 'DK5000400440116243', name: 'Shop' },
      { iban: 5000400440116243, name: 'Shop' },
      { iban: { ibanNumber: 'DK5000400440116243' }, name: 'Shop', colour: 'red' },
      { name: 'No account' },
    ]) {
      const response = await call(
        '/mastercard/v1/payments/create',
        MASTERCARD,
        mastercardBody(destination),
      );
      assert.equal(response.status, 400, JSON.stringify(destination));
      const body = (await response.json()) as Record<string, unknown>;
      assertConforms(mastercard.errorResponse, body);
      assert.equal(body.error, 'InvalidInput');
    }
  });

  it('Cashfree: a numeric biller id, "Carrier Pigeon", an unknown device tag', async () => {
    const refused = [
      (request: Record<string, unknown>) =>
        ((request.bill_details as { biller: { id: unknown } }).biller.id = 42),
      (request: Record<string, unknown>) =>
        ((request.payment_method as { payment_mode: string }).payment_mode = 'Carrier Pigeon'),
      (request: Record<string, unknown>) =>
        ((request.agent as { device: { tag: unknown[] } }).device.tag = [
          { name: 'SHOE_SIZE', value: '9' },
        ]),
    ];
    for (const change of refused) {
      const request: Record<string, unknown> = {
        head: { bill_fetch_ref_id: 'REF', pg_reference_id: 'PG' },
        customer: { mobile: '9505987798' },
        agent: {
          id: 'OU01AI34INT001123456',
          device: { tag: [{ name: 'INITIATING_CHANNEL', value: 'INT' }] },
        },
        bill_details: {
          biller: { id: 'VODA00000MUM03' },
          customer_params: { tag: [{ name: 'RefFld1', value: 'X' }] },
        },
        payment_method: { quick_pay: 'No', split_pay: 'No', off_us_pay: 'No', payment_mode: 'UPI' },
        amount: {
          amt: { amount: '100', cust_conv_fee: '0', cou_cust_conv_fee: '0', currency: '356' },
        },
        payment_information: { tag: [{ name: 'VPA', value: 'a@b' }] },
      };
      change(request);
      const response = await call('/cashfree/bbps/cou/v1/billers/request/bill-payment', CASHFREE, {
        bill_payment_request: request,
      });
      assert.equal(response.status, 400);
      const body = (await response.json()) as Record<string, unknown>;
      assertConforms(cashfree.errorResponse, body);
      assert.equal(body.status, 'BAD_REQUEST');
    }
  });

  it('Open Banking Connect: a string amount, NORM, SortCodeAccountNumber, a creditor name of 71 characters', async () => {
    const payments = {
      creditorAccount: { identification: '30087236', schemeName: 'UK.AccountNumber' },
      creditorName: 'Wood bank',
      endToEndIdentification: 'Notification',
      instructedAmount: { amount: 100.23, currency: 'GBP' },
      localInstrument: 'UK.FasterPayments',
    };
    for (const wrong of [
      { instructedAmount: { amount: '100.23', currency: 'GBP' } },
      { instructionPriority: 'NORM' },
      {
        creditorAccount: { identification: '40400411112222', schemeName: 'SortCodeAccountNumber' },
      },
      { creditorName: 'x'.repeat(71) },
    ]) {
      const response = await call(
        '/obc/openbanking/sandbox/connect/api/payments/domestic-credit-transfers/consents',
        OBC,
        {
          payments: { ...payments, ...wrong },
          requestInfo: {
            xRequestId: '123e4567-e89b-12d3-a456-426655440000',
            aspspId: sandboxAspspId('GB_ThamesMercerBank'),
            tppRedirectURI: 'https://tpp-ob.com/callback',
          },
        },
      );
      assert.equal(response.status, 400, JSON.stringify(wrong));
      assertConforms(obc.errorResponse, await response.json());
    }
  });

  it('an undocumented field is dropped instead when asked (`schemas.unknownFields: "ignore"`)', async () => {
    const lenient = createSandbox({ schemas: { unknownFields: 'ignore' } });
    const response = await lenient.handler(
      new Request('http://sandbox.test/sandbox/aiia/v2/payments/accept', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...AIIA },
        body: JSON.stringify({
          amount: '100',
          currency: 'DKK',
          reference: 'INV-1',
          destinationId: SANDBOX_DEFAULTS.aiia.destinationId,
          redirectUrl: 'https://shop.example/back',
          preselectedProviderId: 'DK_OresundBank',
        }),
      }),
    );
    assert.equal(response.status, 200);
    const strict = await call('/aiia/v2/payments/accept', AIIA, {
      amount: '100',
      currency: 'DKK',
      reference: 'INV-1',
      destinationId: SANDBOX_DEFAULTS.aiia.destinationId,
      redirectUrl: 'https://shop.example/back',
      preselectedProviderId: 'DK_OresundBank',
    });
    assert.equal(strict.status, 400);
    const body = (await strict.json()) as { errors: Record<string, string[]> };
    assertConforms(aiia.errorResponse, body);
    assert.deepEqual(body.errors.preselectedProviderId, ['is not a documented field']);
  });
});
