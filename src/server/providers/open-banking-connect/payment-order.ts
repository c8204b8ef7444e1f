import { PayerInputError } from '../../provider-error.js';
import type { CreateProviderPaymentInput } from '../../provider.js';
import type { OpenBankingConnectCreditor, OpenBankingConnectOptions } from './options.js';

export type Scheme = 'domestic' | 'sepa';

const LOCAL_INSTRUMENTS: Readonly<Record<string, 'UK.FasterPayments' | 'PL.Elixir'>> = {
  GBP: 'UK.FasterPayments',
  PLN: 'PL.Elixir',
};

/** The spec's `creditorName` is 1 to 70 characters. */
export const CREDITOR_NAME_MAX = 70;

/** The payer field SEPA banks ask for when the merchant gives no `debtorName`. */
export const DEBTOR_NAME_FIELD = {
  name: 'name',
  label: 'Account holder',
  pattern: "[\\p{L}][\\p{L} .,'-]{0,139}",
} as const;

export function schemeOf(options: OpenBankingConnectOptions, currency: string): Scheme {
  if (options.scheme === 'domestic' || options.scheme === 'sepa') return options.scheme;
  return currency === 'EUR' ? 'sepa' : 'domestic';
}

export function checkCreditorName(name: string): void {
  if (!name || name.length > CREDITOR_NAME_MAX)
    throw new TypeError(
      `openBankingConnect: the creditor's name is 1 to ${CREDITOR_NAME_MAX} characters.`,
    );
}

/**
 * The `payments` object of a consent (see `docs/protocol.md`): domestic with `localInstrument`, the
 * account and (UK) its sort code, or SEPA with IBAN, BIC, the creditor's country, the debtor's name,
 * a priority and `localInstrument: "SEPA"`. The amount is a number, as the spec types it.
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
  checkCreditorName(creditor.name);
  const common = {
    // At most 18 characters: the random part of the kit's own id is unique enough.
    endToEndIdentification: input.paymentId.replace(/^pay_/, '').slice(0, 18),
    instructedAmount: { amount: Number(amount.value), currency: amount.currency },
    creditorName: creditor.name,
    ...(reference ? { remittanceInformationUnstructured: reference.slice(0, 140) } : {}),
  };
  if (scheme === 'sepa') {
    if (amount.currency !== 'EUR')
      throw new TypeError('openBankingConnect: SEPA pays in EUR only.');
    if (!creditor.sepa?.bicfi)
      throw new TypeError('openBankingConnect: `creditor.sepa` with `iban`, `bicfi` is required.');
    return {
      ...common,
      localInstrument: 'SEPA',
      creditorAccount: { iban: creditor.sepa.iban },
      creditorAgent: { bicfi: creditor.sepa.bicfi },
      creditorAddress: { country: creditor.sepa.country },
      debtorName: debtorNameOf(options, input),
      instructionPriority: options.instructionPriority ?? 'Normal',
    };
  }
  const localInstrument = LOCAL_INSTRUMENTS[amount.currency];
  if (localInstrument === 'UK.FasterPayments' && creditor.fasterPayments) {
    const account = creditor.fasterPayments;
    return {
      ...common,
      localInstrument,
      creditorAccount: {
        identification: account.identification,
        schemeName: account.schemeName ?? 'UK.AccountNumber',
      },
      creditorAgent: {
        clearingSystemIdentification: 'UK.SortCode',
        memberIdentification: account.sortCode,
      },
    };
  }
  if (localInstrument === 'PL.Elixir' && creditor.elixir) {
    return {
      ...common,
      localInstrument,
      creditorAccount: {
        identification: creditor.elixir.identification,
        schemeName: creditor.elixir.schemeName ?? 'PL.AccountNumber',
      },
    };
  }
  throw new TypeError(
    `openBankingConnect: no domestic scheme account for ${amount.currency.slice(0, 3)}.`,
  );
}

function debtorNameOf(options: OpenBankingConnectOptions, input: CreateProviderPaymentInput) {
  const name = (options.debtorName?.(input) ?? input.payer?.[DEBTOR_NAME_FIELD.name])?.trim();
  if (!name)
    throw new PayerInputError(
      `payer.${DEBTOR_NAME_FIELD.name} (${DEBTOR_NAME_FIELD.label}) is required.`,
    );
  return name.slice(0, 256);
}

export function transfersPath(scheme: Scheme): string {
  return scheme === 'sepa'
    ? '/payments/sepa-credit-transfers'
    : '/payments/domestic-credit-transfers';
}
