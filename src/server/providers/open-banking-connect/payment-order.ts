import type { CreateProviderPaymentInput } from '../../provider.js';
import type { OpenBankingConnectCreditor, OpenBankingConnectOptions } from './options.js';

export type Scheme = 'domestic' | 'sepa';

const LOCAL_INSTRUMENTS: Readonly<Record<string, 'UK.FasterPayments' | 'PL.Elixir'>> = {
  GBP: 'UK.FasterPayments',
  PLN: 'PL.Elixir',
};

export function schemeOf(options: OpenBankingConnectOptions, currency: string): Scheme {
  if (options.scheme === 'domestic' || options.scheme === 'sepa') return options.scheme;
  return currency === 'EUR' ? 'sepa' : 'domestic';
}

/**
 * The `payments` object of a consent (see `docs/protocol.md`): domestic with `localInstrument` and a scheme
 * account, or SEPA with an IBAN, BIC and the creditor's country.
 */
export function paymentOrder(
  options: OpenBankingConnectOptions,
  input: CreateProviderPaymentInput,
  scheme: Scheme,
): Record<string, unknown> {
  const { amount, reference } = input.checkout;
  const creditor = (input.checkout.destination as OpenBankingConnectCreditor | undefined) ?? {
    ...options.creditor,
  };
  const common = {
    // At most 18 characters: the random part of the kit's own id is unique enough.
    endToEndIdentification: input.paymentId.replace(/^pay_/, '').slice(0, 18),
    instructedAmount: { amount: amount.value, currency: amount.currency },
    creditorName: creditor.name,
    remittanceInformationUnstructured: reference.slice(0, 140),
  };
  if (scheme === 'sepa') {
    if (amount.currency !== 'EUR')
      throw new TypeError('openBankingConnect: SEPA pays in EUR only.');
    if (!creditor.sepa) throw new TypeError('openBankingConnect: `creditor.sepa` is required.');
    return {
      ...common,
      creditorAccount: { iban: creditor.sepa.iban },
      ...(creditor.sepa.bicfi ? { creditorAgent: { bicfi: creditor.sepa.bicfi } } : {}),
      creditorAddress: { country: creditor.sepa.country },
      instructionPriority: options.instructionPriority ?? 'NORM',
    };
  }
  const localInstrument = LOCAL_INSTRUMENTS[amount.currency];
  const account =
    localInstrument === 'UK.FasterPayments' ? creditor.fasterPayments : creditor.elixir;
  if (!localInstrument || !account) {
    throw new TypeError(
      `openBankingConnect: no domestic scheme account for ${amount.currency.slice(0, 3)}.`,
    );
  }
  return {
    ...common,
    localInstrument,
    creditorAccount: { identification: account.identification, schemeName: account.schemeName },
    ...(account.agent ? { creditorAgent: { identification: account.agent } } : {}),
  };
}

export function transfersPath(scheme: Scheme): string {
  return scheme === 'sepa'
    ? '/payments/sepa-credit-transfers'
    : '/payments/domestic-credit-transfers';
}
