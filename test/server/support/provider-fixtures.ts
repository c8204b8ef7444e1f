import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { BankAvailability } from '../../../src/core/protocol.js';
import type { PaymentStatus } from '../../../src/core/status.js';
import type {
  FetchFunction,
  PayByBankHandlerOptions,
  PaymentProvider,
} from '../../../src/server/index.js';
import { decideAtBank, followReturn } from './bank-browser.js';
import { resolveTestCheckout } from './kit-fixture.js';
import { createBody, type CreateBody } from './merchant-client.js';
import { bbpsProviderFor, billCheckoutResolver, obcProviderFor, providerFor } from './providers.js';
import type { RunningSandbox } from './sandbox-fixture.js';

export type Decision = 'approve' | 'reject' | 'cancel';

/**
 * What the merchant protocol contract needs to know of one provider: how to run its adapter against the
 * sandbox, what its checkouts cost, what its bank list holds, and how its payer decides. Everything else
 * in the contract is the same for every provider (see `docs/adding-a-provider.md`).
 */
export interface ProviderFixture {
  name: string;
  start(
    sandbox: RunningSandbox,
    fetch: FetchFunction,
  ): {
    provider: PaymentProvider;
    resolveCheckout: PayByBankHandlerOptions['resolveCheckout'];
  };
  /** The provider call that creates a payment: counted to prove one per Idempotency-Key. */
  createCall: RegExp;
  /** A valid create request (each call a new payer where the provider needs one). */
  body(overrides?: CreateBody): CreateBody;
  amount: { value: string; currency: string };
  reference: string | RegExp;
  banks: {
    country: string;
    /** Countries the bank list must include. */
    countries: readonly string[];
    minimum: number;
    /** A bank of `country` the list must name. */
    named: string;
    /** Every availability some bank of `country` must show. */
    statuses: readonly BankAvailability[];
    /** Each bank's logo, when the provider gives logos. */
    logo?: RegExp;
    /** Whether some bank of `country` is marked popular. */
    popular: boolean;
    /** Without `?country=`, this `accept-language` picks `country`, where `named` is listed. */
    region: { acceptLanguage: string; country: string; named: string };
  };
  /** The status of a new payment. */
  initialStatus: PaymentStatus;
  /** Whether the payer is sent to a bank link (and back to the kit's return route). */
  redirects: boolean;
  /** Whether the provider tells of a decision before the payer is back at the return route. */
  learnsDecisionWithoutReturn: boolean;
  outcomes: Readonly<Record<Decision, PaymentStatus>>;
  /**
   * The payer decides (at the bank, or in a UPI app); with `comeBack`, the browser follows the bank's
   * redirect to the kit, whose answer (303 to the shop) is returned.
   */
  decide(
    sandbox: RunningSandbox,
    payment: { authorizationUrl?: string; body: CreateBody },
    decision: Decision,
    comeBack: boolean,
  ): Promise<{ status: number; location: string | null } | undefined>;
}

/** The payer at the bank's SCA page, then (when asked) back through the kit's return route. */
async function atTheBank(
  authorizationUrl: string | undefined,
  decision: Decision,
  comeBack: boolean,
): Promise<{ status: number; location: string | null } | undefined> {
  const location = await decideAtBank(authorizationUrl ?? '', decision);
  return comeBack ? followReturn(location) : undefined;
}

/** The curated sandbox banks as the Open Finance Europe provider list answers them. */
const OPEN_FINANCE_BANKS: ProviderFixture['banks'] = {
  country: 'DE',
  countries: ['DE', 'NL', 'GB', 'FR', 'DK'],
  minimum: 3,
  named: 'Münchner Privatbank',
  statuses: ['available', 'degraded', 'unavailable'],
  logo: /^data:image\/svg\+xml,/,
  popular: true,
  region: { acceptLanguage: 'fr-FR,fr;q=0.9', country: 'FR', named: 'Société Lyonnaise de Crédit' },
};

const ORDER = {
  createBody,
  amount: { value: '42.00', currency: 'EUR' },
  reference: 'ORDER-123',
  initialStatus: 'created',
  redirects: true,
  outcomes: { approve: 'completed', reject: 'failed', cancel: 'cancelled' },
} as const;

export const PROVIDER_FIXTURES: readonly ProviderFixture[] = [
  {
    name: 'mastercard-open-finance',
    start: (sandbox, fetch) => ({
      provider: providerFor('mastercard-open-finance', sandbox.url, { fetch }),
      resolveCheckout: resolveTestCheckout,
    }),
    createCall: /\/create(\/session)?$/,
    body: ORDER.createBody,
    amount: ORDER.amount,
    reference: ORDER.reference,
    banks: OPEN_FINANCE_BANKS,
    initialStatus: ORDER.initialStatus,
    redirects: ORDER.redirects,
    learnsDecisionWithoutReturn: true,
    outcomes: ORDER.outcomes,
    decide: (_sandbox, payment, decision, comeBack) =>
      atTheBank(payment.authorizationUrl, decision, comeBack),
  },
  {
    name: 'aiia-pay',
    start: (sandbox, fetch) => ({
      provider: providerFor('aiia-pay', sandbox.url, { fetch }),
      resolveCheckout: resolveTestCheckout,
    }),
    createCall: /\/accept$/,
    body: ORDER.createBody,
    amount: ORDER.amount,
    reference: ORDER.reference,
    banks: OPEN_FINANCE_BANKS,
    initialStatus: ORDER.initialStatus,
    redirects: ORDER.redirects,
    learnsDecisionWithoutReturn: true,
    outcomes: ORDER.outcomes,
    decide: (_sandbox, payment, decision, comeBack) =>
      atTheBank(payment.authorizationUrl, decision, comeBack),
  },
  {
    // A consent, the bank, then the code redeemed at the return: nothing moves before the payer is back.
    name: 'open-banking-connect',
    start: (sandbox, fetch) => ({
      provider: obcProviderFor(sandbox.sandbox, sandbox.url, { fetch }),
      resolveCheckout: resolveTestCheckout,
    }),
    createCall: /\/consents$/,
    // SEPA needs the payer's legal name: the sandbox's euro banks ask for it.
    body: (overrides = {}) => createBody({ payer: { name: 'Erika Mustermann' }, ...overrides }),
    amount: ORDER.amount,
    reference: ORDER.reference,
    banks: { ...OPEN_FINANCE_BANKS, countries: ['DE', 'NL', 'GB', 'FR'] },
    initialStatus: ORDER.initialStatus,
    redirects: ORDER.redirects,
    learnsDecisionWithoutReturn: false,
    outcomes: ORDER.outcomes,
    decide: (_sandbox, payment, decision, comeBack) =>
      atTheBank(payment.authorizationUrl, decision, comeBack),
  },
  {
    // A bill, no redirect: the payer decides in a UPI app, and a declined collect request is a failure.
    name: 'cashfree-bbps',
    start: (sandbox, fetch) => {
      const provider = bbpsProviderFor(sandbox.url, { fetch });
      return { provider, resolveCheckout: billCheckoutResolver(provider) };
    },
    createCall: /\/request\/bill-payment$/,
    body: (overrides = {}) =>
      createBody({
        bankId: 'upi',
        // A bill is paid once (one payment at a time): each attempt of the contract pays its own bill.
        checkout: `bill-CUST-${randomUUID().slice(0, 8)}`,
        payer: { vpa: `payer${randomUUID().slice(0, 8)}@okbank` },
        ...overrides,
      }),
    amount: { value: '1200.00', currency: 'INR' },
    reference: /^BILL-/,
    banks: {
      country: 'IN',
      countries: ['IN'],
      minimum: 2,
      named: 'UPI',
      statuses: ['available'],
      popular: false,
      region: { acceptLanguage: 'hi-IN,hi;q=0.9', country: 'IN', named: 'Internet Banking' },
    },
    initialStatus: 'processing',
    redirects: false,
    learnsDecisionWithoutReturn: true,
    outcomes: { approve: 'completed', reject: 'failed', cancel: 'failed' },
    async decide(sandbox, payment, decision) {
      assert.equal(payment.authorizationUrl, undefined);
      const vpa = (payment.body.payer as { vpa?: string } | undefined)?.vpa ?? '';
      const page = await (
        await fetch(`${sandbox.url}/cashfree/upi?vpa=${encodeURIComponent(vpa)}`)
      ).text();
      const id = /name="transaction_ref_id" value="([^"]+)"/.exec(page)?.[1] ?? '';
      await fetch(`${sandbox.url}/cashfree/upi`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          transaction_ref_id: id,
          decision: decision === 'approve' ? 'approve' : 'decline',
        }).toString(),
      });
      return undefined;
    },
  },
];
