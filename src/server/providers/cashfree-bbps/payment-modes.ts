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
}

/** UPI IDs: `name@handle` (NPCI); checked here as well as in the browser. */
export const VPA_PATTERN = '[A-Za-z0-9][A-Za-z0-9._-]{1,255}@[A-Za-z][A-Za-z0-9]{1,63}';

export const DEFAULT_BBPS_PAYMENT_MODES: readonly BbpsPaymentMode[] = [
  {
    id: 'upi',
    name: 'UPI',
    paymentMode: 'UPI',
    fields: [{ name: 'vpa', label: 'UPI ID', pattern: VPA_PATTERN }],
    information: (payer) => [{ name: 'VPA', value: payer.vpa ?? '' }],
  },
  {
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
  },
];

export function modesAsBanks(modes: readonly BbpsPaymentMode[]): Bank[] {
  return modes.map((mode) => ({
    id: mode.id,
    name: mode.name,
    country: 'IN',
    status: 'available',
    ...(mode.fields?.length ? { fields: mode.fields.map((field) => ({ ...field })) } : {}),
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
