import type { PayByBankEventDetails, PayByBankEventName } from '../core/checkout-events.js';

/** Every `pay-by-bank-*` event bubbles and crosses shadow roots, so the page hears it anywhere. */
export function payByBankEvent<Name extends PayByBankEventName>(
  name: Name,
  detail: PayByBankEventDetails[Name],
  cancelable = false,
): CustomEvent<PayByBankEventDetails[Name]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}
