import type { Bank, PayerField } from '../../../core/protocol.js';
import { PayerInputError } from '../../provider-error.js';

/** One way to pay a bill, offered to the payer as a "bank" of the list. */
export interface BbpsPaymentMode {
  /** The id in the bank list, e.g. `upi`. */
  id: string;
  name: string;
  /** BBPS `payment_method.payment_mode`, e.g. `UPI`, `Internet Banking`. */
  paymentMode: string;
  /** What the payer must type; each value must match its `pattern` in full. */
  fields?: PayerField[];
  /** The `payment_information.tag` list from the payer's (validated) input. */
  information: (payer: Record<string, string>) => { name: string; value: string }[];
  /** The payer pays in their UPI app from a `upi://pay` link or its QR code (docs/protocol.md). */
  upiIntent?: boolean;
  /** How the payer authorises, when not at a bank's page: the bank list tells the element. */
  handOff?: Bank['handOff'];
}

/** UPI IDs: `name@handle` (NPCI); checked here as well as in the browser. */
export const VPA_PATTERN = '[A-Za-z0-9][A-Za-z0-9._-]{1,255}@[A-Za-z][A-Za-z0-9]{1,63}';

/**
 * UPI by intent and QR: no UPI ID to type, the payer's app pays the link. Cashfree's reference shows
 * only the collect shape (tag `VPA`); the `UPI_FLOW` tag is an assumption (docs/protocol.md).
 */
export const UPI_INTENT_MODE: BbpsPaymentMode = {
  id: 'upi-intent',
  name: 'UPI',
  paymentMode: 'UPI',
  upiIntent: true,
  handOff: 'upi_intent',
  information: () => [{ name: 'UPI_FLOW', value: 'INTENT' }],
};

/** A UPI collect request to the UPI ID the payer types; offered only with `upiCollect: true`. */
export const UPI_COLLECT_MODE: BbpsPaymentMode = {
  id: 'upi',
  name: 'UPI ID (collect request)',
  paymentMode: 'UPI',
  handOff: 'upi_collect',
  fields: [{ name: 'vpa', label: 'UPI ID', pattern: VPA_PATTERN }],
  information: (payer) => [{ name: 'VPA', value: payer.vpa ?? '' }],
};

export const NETBANKING_MODE: BbpsPaymentMode = {
  id: 'netbanking',
  name: 'Internet Banking',
  paymentMode: 'Internet Banking',
  fields: [
    { name: 'ifsc', label: 'IFSC', pattern: '[A-Z]{4}0[A-Z0-9]{6}' },
    { name: 'accountNo', label: 'Account number', pattern: '[0-9]{9,18}' },
  ],
  information: (payer) => [
    { name: 'IFSC', value: payer.ifsc ?? '' },
    { name: 'AccountNo', value: payer.accountNo ?? '' },
  ],
};

/**
 * The default list: UPI by intent and QR when a payee is configured, UPI collect only when the
 * merchant turns it on (NPCI is retiring collect requests), and Internet Banking.
 */
export function defaultPaymentModes(options: {
  upiIntent: boolean;
  upiCollect: boolean;
}): BbpsPaymentMode[] {
  return [
    ...(options.upiIntent ? [UPI_INTENT_MODE] : []),
    ...(options.upiCollect ? [UPI_COLLECT_MODE] : []),
    NETBANKING_MODE,
  ];
}

/** Every mode the kit knows; a merchant's own `paymentModes` may pick from these. */
export const DEFAULT_BBPS_PAYMENT_MODES: readonly BbpsPaymentMode[] = [
  UPI_INTENT_MODE,
  UPI_COLLECT_MODE,
  NETBANKING_MODE,
];

export function modesAsBanks(modes: readonly BbpsPaymentMode[]): Bank[] {
  return modes.map((mode) => ({
    id: mode.id,
    name: mode.name,
    country: 'IN',
    status: 'available',
    ...(mode.fields?.length ? { fields: mode.fields.map((field) => ({ ...field })) } : {}),
    ...(mode.handOff ? { handOff: mode.handOff } : {}),
  }));
}

/** The mode and the payer's input, or a `PayerInputError` the kit answers as a 400. */
export function checkPayer(
  modes: readonly BbpsPaymentMode[],
  bankId: string,
  payer: Record<string, string> | undefined,
): BbpsPaymentMode {
  const mode = modes.find((candidate) => candidate.id === bankId);
  if (!mode) throw new PayerInputError('bankId is not a payment mode this biller accepts.');
  for (const field of mode.fields ?? []) {
    const value = payer?.[field.name];
    if (!value) throw new PayerInputError(`payer.${field.name} (${field.label}) is required.`);
    if (field.pattern && !new RegExp(`^(?:${field.pattern})$`).test(value))
      throw new PayerInputError(`payer.${field.name} is not a valid ${field.label}.`);
  }
  return mode;
}
