import {
  aiiaPay,
  bbpsCheckout,
  cashfreeBbps,
  mastercardOpenFinance,
  openBankingConnect,
  type CashfreeBbpsProvider,
  type MastercardDestination,
  type PaymentProvider,
} from '../../../src/server/index.js';
import type { Sandbox } from '../../../src/sandbox/index.js';
import type { FetchFunction } from '../../../src/server/index.js';
import { SANDBOX_DEFAULTS } from './sandbox-fixture.js';

export type ProviderName = 'mastercard-open-finance' | 'aiia-pay';

export interface ProviderSetupOptions {
  now?: () => Date;
  fetch?: FetchFunction;
  clientSecret?: string;
  session?: boolean;
  destination?: Record<string, unknown>;
}

/** An adapter pointed at a running sandbox, with the sandbox's default credentials. */
export function providerFor(
  name: ProviderName,
  sandboxUrl: string,
  options: ProviderSetupOptions = {},
): PaymentProvider {
  if (name === 'mastercard-open-finance') {
    return mastercardOpenFinance({
      baseUrl: `${sandboxUrl}/mastercard`,
      clientId: SANDBOX_DEFAULTS.mastercard.clientId,
      clientSecret: options.clientSecret ?? SANDBOX_DEFAULTS.mastercard.clientSecret,
      // A test may pass a destination off the documented shapes, to see the provider refuse it.
      destination: (options.destination as MastercardDestination | undefined) ?? {
        iban: { ibanNumber: 'DK5000400440116243' },
        name: 'Sandbox Shop ApS',
      },
      ...(options.session ? { session: true } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeoutMs: 3000,
    });
  }
  return aiiaPay({
    baseUrl: `${sandboxUrl}/aiia`,
    clientId: SANDBOX_DEFAULTS.aiia.clientId,
    clientSecret: options.clientSecret ?? SANDBOX_DEFAULTS.aiia.clientSecret,
    destinationId: SANDBOX_DEFAULTS.aiia.destinationId,
    webhookSecret: SANDBOX_DEFAULTS.aiia.webhookSecret,
    ...(options.now ? { now: options.now } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs: 3000,
  });
}

/** A bank of the sandbox that is available for both providers. */
export const AVAILABLE_BANK = 'DE_NordhafenSparkasse';

/** Open Banking Connect against the sandbox: its banks with their ASPSP ids, GBP and EUR accounts. */
export function obcProviderFor(
  sandbox: Sandbox,
  sandboxUrl: string,
  options: { fetch?: FetchFunction; clientId?: string; timeoutMs?: number } = {},
): PaymentProvider {
  return openBankingConnect({
    baseUrl: `${sandboxUrl}/obc/openbanking/sandbox/connect/api`,
    clientId: options.clientId ?? SANDBOX_DEFAULTS.openBankingConnect.clientId,
    merchant: { id: 'MERCHANT-1', name: 'Sandbox Shop Ltd' },
    banks: [...sandbox.openBankingConnectBanks],
    creditor: {
      name: 'Sandbox Shop Ltd',
      fasterPayments: {
        schemeName: 'UK.AccountNumber',
        identification: '11112222',
        sortCode: '404004',
      },
      elixir: { schemeName: 'PL.AccountNumber', identification: '61109010140000071219812874' },
      sepa: { iban: 'DE89370400440532013000', bicfi: 'COBADEFFXXX', country: 'DE' },
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs: options.timeoutMs ?? 3000,
  });
}

/** Cashfree BBPS against the sandbox; bill-fetch waits recorded instead of slept. */
export function bbpsProviderFor(
  sandboxUrl: string,
  options: {
    fetch?: FetchFunction;
    now?: () => Date;
    sleeps?: number[];
    clientSecret?: string;
    billFetchBudgetMs?: number;
  } = {},
): CashfreeBbpsProvider {
  return cashfreeBbps({
    baseUrl: `${sandboxUrl}/cashfree`,
    clientId: SANDBOX_DEFAULTS.cashfree.clientId,
    clientSecret: options.clientSecret ?? SANDBOX_DEFAULTS.cashfree.clientSecret,
    agentId: SANDBOX_DEFAULTS.cashfree.agentId,
    upiCollect: true,
    upiPayee: { vpa: 'bbps.collect@cashfree', name: 'Sandbox BBPS' },
    webhookSecret: SANDBOX_DEFAULTS.cashfree.webhookSecret,
    sleep: async (ms) => {
      options.sleeps?.push(ms);
    },
    ...(options.billFetchBudgetMs ? { billFetchBudgetMs: options.billFetchBudgetMs } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs: 3000,
  });
}

/** `bill-<customer reference>`: the bill the sandbox biller holds for that reference. */
export function billCheckoutResolver(provider: CashfreeBbpsProvider) {
  return async (checkout: string | undefined) => {
    const match = /^bill-([A-Za-z0-9.-]{1,40})$/.exec(checkout ?? '');
    if (!match?.[1]) return null;
    const bill = await provider.fetchBill({
      billerId: 'VODA00000MUM03',
      customerParams: { RefFld1: match[1] },
      mobile: '9505987798',
    });
    return bbpsCheckout(bill);
  };
}
