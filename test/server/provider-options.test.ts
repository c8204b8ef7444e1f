import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  mastercardOpenFinance,
  openBankingConnect,
  type FasterPaymentsAccount,
  type FetchFunction,
  type MastercardDestination,
  type OpenBankingConnectOptions,
  type SepaCreditorAccount,
} from '../../src/server/index.js';
import { SANDBOX_DEFAULTS, startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

// The option types refuse the shapes the providers refuse; `npm run typecheck` proves each line below.
const ukAccount: FasterPaymentsAccount = {
  identification: '11112222',
  sortCode: '404004',
  // @ts-expect-error Open Banking Connect has no `SortCodeAccountNumber` scheme: UK.AccountNumber.
  schemeName: 'SortCodeAccountNumber',
};
const polishAccount: NonNullable<OpenBankingConnectOptions['creditor']['elixir']> = {
  identification: '61109010140000071219812874',
  // @ts-expect-error `BBAN` is no Open Banking Connect scheme: PL.AccountNumber.
  schemeName: 'BBAN',
};
// @ts-expect-error SEPA's instructionPriority is `Normal | Urgent`, not ISO's NORM.
const priority: OpenBankingConnectOptions['instructionPriority'] = 'NORM';
// @ts-expect-error Open Finance's `iban` is an object, `{ ibanNumber }`.
const stringIban: MastercardDestination = { iban: 'DK5000400440116243', name: 'Shop' };
// @ts-expect-error SEPA consents require the creditor's BIC.
const sepaWithoutBic: SepaCreditorAccount = { iban: 'DE89370400440532013000', country: 'DE' };

describe('provider options', () => {
  let sandbox: RunningSandbox;
  const paths: string[] = [];
  const recording: FetchFunction = async (input, init) => {
    paths.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
    return fetch(input, init);
  };
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());

  it('keeps the refused shapes above out of compiled code', () => {
    // Each constant exists only for the type checker; at run time it is whatever was written.
    assert.equal(ukAccount.schemeName, 'SortCodeAccountNumber');
    assert.equal(polishAccount.schemeName, 'BBAN');
    assert.equal(priority, 'NORM');
    assert.equal(typeof stringIban, 'object');
    assert.equal('bicfi' in sepaWithoutBic, false);
  });

  it('mastercardOpenFinance posts session payments to `sessionPath`', async () => {
    for (const [sessionPath, expected] of [
      [undefined, '/sandbox/mastercard/v1/payments/create/session'],
      ['/v1/payments/create', '/sandbox/mastercard/v1/payments/create'],
    ] as const) {
      paths.length = 0;
      const provider = mastercardOpenFinance({
        baseUrl: `${sandbox.url}/mastercard`,
        clientId: SANDBOX_DEFAULTS.mastercard.clientId,
        clientSecret: SANDBOX_DEFAULTS.mastercard.clientSecret,
        destination: { iban: { ibanNumber: 'DK5000400440116243' }, name: 'Shop' },
        session: true,
        ...(sessionPath ? { sessionPath } : {}),
        fetch: recording,
      });
      await provider.createPayment({
        paymentId: 'pay_session000000000001',
        bankId: 'DK_OresundBank',
        redirectUrl: 'https://shop.example/return',
        flow: 'redirect',
        checkout: { amount: { value: '2.00', currency: 'DKK' }, reference: 'S-1' },
      });
      assert.deepEqual(paths, [expected]);
    }
  });

  describe('openBankingConnect and the SEPA debtor name', () => {
    const options = (
      extra: Partial<OpenBankingConnectOptions> = {},
    ): OpenBankingConnectOptions => ({
      baseUrl: `${sandbox.url}/obc/openbanking/sandbox/connect/api`,
      clientId: SANDBOX_DEFAULTS.openBankingConnect.clientId,
      merchant: { id: 'M-1', name: 'Shop' },
      banks: [...sandbox.sandbox.openBankingConnectBanks],
      creditor: {
        name: 'Shop Ltd',
        sepa: { iban: 'DE89370400440532013000', bicfi: 'COBADEFFXXX', country: 'DE' },
      },
      ...extra,
    });
    const input = (payer?: Record<string, string>) => ({
      paymentId: 'pay_sepa0000000000000001',
      bankId: 'DE_NordhafenSparkasse',
      redirectUrl: 'https://shop.example/return',
      flow: 'redirect' as const,
      checkout: { amount: { value: '42.00', currency: 'EUR' }, reference: 'ORDER-1' },
      ...(payer ? { payer } : {}),
    });

    it('asks the payer at euro banks, and refuses a SEPA payment without the name', async () => {
      const provider = openBankingConnect(options());
      const banks = await provider.listBanks('DE');
      assert.ok(banks.length > 0);
      for (const bank of banks)
        assert.deepEqual(
          bank.fields?.map((field) => field.name),
          ['name'],
        );
      assert.equal((await provider.listBanks('GB'))[0]?.fields, undefined);
      await assert.rejects(provider.createPayment(input()), { name: 'PayerInputError' });
      const created = await provider.createPayment(input({ name: 'Erika Mustermann' }));
      assert.equal(created.status, 'created');
    });

    it('asks nothing when the merchant gives `debtorName`', async () => {
      const provider = openBankingConnect(options({ debtorName: () => 'Known Customer' }));
      assert.equal((await provider.listBanks('DE'))[0]?.fields, undefined);
      assert.equal((await provider.createPayment(input())).status, 'created');
    });

    it('refuses a creditor name longer than the spec’s 70 characters at start-up', () => {
      assert.throws(
        () => openBankingConnect(options({ creditor: { name: 'x'.repeat(71) } })),
        /1 to 70 characters/,
      );
    });
  });
});
