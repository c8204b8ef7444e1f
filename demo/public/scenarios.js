// What the demo can show, and how its settings fit together. No DOM here: demo.js renders it.

export const PROVIDERS = [
  'aiia-pay',
  'mastercard-open-finance',
  'open-banking-connect',
  'cashfree-bbps',
];
export const FLOWS = ['auto', 'redirect', 'popup', 'qr'];
export const OUTCOMES = ['ask', 'approve', 'reject', 'cancel', 'slow', 'expire', 'server-error'];

/**
 * Light, dark and system use the element's own defaults. The brand presets add a class whose rules in
 * demo.css use only the element's public `--pay-by-bank-*` properties and `::part()`s.
 */
export const THEMES = {
  light: { theme: 'light', page: 'light' },
  dark: { theme: 'dark', page: 'dark' },
  auto: { theme: 'auto', page: 'auto' },
  fjord: { theme: 'light', page: 'light', brand: 'brand-fjord' },
  ember: { theme: 'dark', page: 'dark', brand: 'brand-ember' },
};

/** The checkouts the demo's server prices (demo/dev-server-plugin.ts), as presets. */
export const PRESET_CHECKOUTS = ['order-123', 'order-gb-123', 'bill-CUST-7', 'invoice-2024042'];

/**
 * What a checkout id means; the server decides the real amount, this page only mirrors it. Returns
 * undefined for an id the demo's server would not know.
 */
export function describeCheckout(checkout) {
  const id = String(checkout ?? '');
  if (/^order-gb-\d{1,12}$/.test(id))
    return {
      scene: 'shop',
      label: `Basket in pounds (${id})`,
      reference: id.toUpperCase(),
      amount: '42.00',
      currency: 'GBP',
      country: 'GB',
    };
  if (/^order-\d{1,12}$/.test(id))
    return {
      scene: 'shop',
      label: `Basket in euros (${id})`,
      reference: id.toUpperCase(),
      amount: '42.00',
      currency: 'EUR',
      country: 'DE',
    };
  if (/^invoice-\d{1,12}$/.test(id))
    return {
      scene: 'bill',
      label: `SEPA invoice in euros (${id})`,
      reference: id.replace('invoice-', 'INV-'),
      amount: '186.40',
      currency: 'EUR',
      country: 'DE',
      biller: 'Stadtwerke Nordhafen',
      network: 'SEPA credit transfer from your bank',
      hint: 'Pick your bank, confirm at the bank, and the invoice is settled.',
    };
  if (/^bill-[A-Za-z0-9-]{1,40}$/.test(id))
    return {
      scene: 'bill',
      label: `Utility bill in rupees, BBPS (${id})`,
      amount: '1200.00',
      currency: 'INR',
      country: 'IN',
      bbps: true,
      biller: 'Mumbai Telecom postpaid (sandbox biller)',
      network: 'Bharat BillPay (BBPS), paid by UPI',
      hint: 'Pay with UPI ID testsuccess@gocash, or any other and approve it in the sandbox UPI app.',
    };
  return undefined;
}

export function formatMoney(amount, currency) {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(Number(amount));
}

const defaultCheckout = (scene, provider) =>
  scene === 'bill'
    ? provider === 'cashfree-bbps'
      ? 'bill-CUST-7'
      : 'invoice-2024042'
    : 'order-123';

/**
 * Makes settings consistent. `changed` names what the user (or the URL) asked for last: that one wins
 * over the others. BBPS only pays Indian bills, and the European providers never pay them.
 */
export function normalise(input, changed) {
  const state = { ...input };
  if (!PROVIDERS.includes(state.provider)) state.provider = 'aiia-pay';
  if (!FLOWS.includes(state.flow)) state.flow = 'auto';
  if (!(state.theme in THEMES)) state.theme = 'light';
  if (!OUTCOMES.includes(state.outcome)) state.outcome = 'ask';
  if (state.scene !== 'bill') state.scene = 'shop';

  let checkout = describeCheckout(state.checkout);
  if (!checkout || (changed === 'scene' && checkout.scene !== state.scene)) {
    state.checkout = defaultCheckout(state.scene, state.provider);
    checkout = describeCheckout(state.checkout);
  }
  const bbps = state.provider === 'cashfree-bbps';
  if (Boolean(checkout.bbps) !== bbps) {
    if (changed === 'provider') {
      state.checkout = bbps ? 'bill-CUST-7' : defaultCheckout(checkout.scene, state.provider);
    } else {
      state.provider = checkout.bbps ? 'cashfree-bbps' : 'aiia-pay';
    }
    checkout = describeCheckout(state.checkout);
  }
  state.scene = checkout.scene;
  const countryGiven = /^[A-Z]{2}$/.test(state.country ?? '');
  if (!countryGiven || ['checkout', 'scene', 'provider'].includes(changed))
    state.country = checkout.country;
  if (checkout.bbps) state.country = 'IN';
  return state;
}
