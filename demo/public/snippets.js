// The "copy the code" panel's text: what a merchant writes to get exactly what the demo shows.
import { THEMES, describeCheckout } from './scenarios.js';

const attr = (name, value) =>
  `  ${name}="${String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;

/** The page: the script tag and the element with the current attributes. */
export function pageSnippet(state) {
  const checkout = describeCheckout(state.checkout);
  const theme = THEMES[state.theme];
  const lines = [
    attr('endpoint', '/api/pay-by-bank'),
    attr('checkout', state.checkout),
    attr('amount', checkout.amount),
    attr('currency', checkout.currency),
    attr('country', state.country),
  ];
  if (state.flow !== 'auto') lines.push(attr('flow', state.flow));
  if (state.language) lines.push(attr('locale', state.language));
  if (theme.theme !== 'light') lines.push(attr('theme', theme.theme));
  if (theme.brand) lines.push(attr('class', theme.brand));
  const head = [
    ...(theme.brand ? ['<link rel="stylesheet" href="/checkout.css" />'] : []),
    '<script type="module" src="/dist/pay-by-bank.js"></script>',
    '<script type="module" src="/checkout.js"></script>',
  ];
  return `${head.join('\n')}\n\n<pay-by-bank\n${lines.join('\n')}\n></pay-by-bank>`;
}

/** The page's own script: a file, so that it runs under a strict Content-Security-Policy. */
export function scriptSnippet() {
  return `// checkout.js
const payByBank = document.querySelector('pay-by-bank');
payByBank.addEventListener('pay-by-bank-success', (event) => {
  // Show your receipt. Your server learns the outcome too: trust that, not the browser.
  showReceipt(event.detail.reference);
});
payByBank.addEventListener('pay-by-bank-failure', (event) => {
  console.warn(event.detail.error.code, event.detail.error.message);
});`;
}

/**
 * The brand preset's rules, read from the demo's own stylesheet so that they never drift, with the
 * selector a merchant would write.
 */
export function cssSnippet(state) {
  const brand = THEMES[state.theme]?.brand;
  if (!brand) return undefined;
  const rules = [];
  for (const sheet of document.styleSheets) {
    let list;
    try {
      list = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of list) {
      if (!(rule instanceof CSSStyleRule) || !rule.selectorText.includes(`.${brand}`)) continue;
      const declarations = rule.style.cssText
        .split(/;\s*/)
        .filter(Boolean)
        .map((declaration) => `  ${declaration};`);
      rules.push(`${rule.selectorText} {\n${declarations.join('\n')}\n}`);
    }
  }
  return `/* checkout.css */\n${rules.join('\n\n')}`;
}

const PROVIDER_SETUP = {
  'aiia-pay': {
    factory: 'aiiaPay',
    config: `aiiaPay({
    baseUrl: 'https://api-sandbox.aiia.eu',
    clientId: process.env.AIIA_CLIENT_ID,
    clientSecret: process.env.AIIA_CLIENT_SECRET,
    destinationId: process.env.AIIA_DESTINATION_ID,
    webhookSecret: process.env.AIIA_WEBHOOK_SECRET,
  })`,
  },
  'mastercard-open-finance': {
    factory: 'mastercardOpenFinance',
    config: `mastercardOpenFinance({
    baseUrl: process.env.MASTERCARD_BASE_URL,
    clientId: process.env.MASTERCARD_CLIENT_ID,
    clientSecret: process.env.MASTERCARD_CLIENT_SECRET,
    destination: { iban: 'DE89370400440532013000', name: 'Your Shop GmbH' },
  })`,
  },
  'open-banking-connect': {
    factory: 'openBankingConnect',
    config: `openBankingConnect({
    baseUrl: process.env.OBC_BASE_URL,
    clientId: process.env.OBC_CLIENT_ID,
    merchant: { id: 'YOUR-SHOP', name: 'Your Shop Ltd' },
    banks: yourBanks, // [{ id, aspspId, name, country, logo? }]
    creditor: {
      name: 'Your Shop Ltd',
      fasterPayments: { schemeName: 'SortCodeAccountNumber', identification: '40400411112222' },
      sepa: { iban: 'DE89370400440532013000', bicfi: 'COBADEFFXXX', country: 'DE' },
    },
  })`,
  },
};

/** The merchant's server: the kit with the chosen provider, pricing the checkout itself. */
export function serverSnippet(state) {
  const checkout = describeCheckout(state.checkout);
  const listen = `createServer(toNodeListener(handler)).listen(3000);`;
  const common = `  basePath: '/api/pay-by-bank',
  publicBaseUrl: 'https://shop.example',
  allowedReturnOrigins: ['https://shop.example'],`;
  if (state.provider === 'cashfree-bbps') {
    return `import { createServer } from 'node:http';
import {
  bbpsCheckout,
  cashfreeBbps,
  createPayByBankHandler,
  toNodeListener,
} from 'pay-by-bank/server';

const provider = cashfreeBbps({
  baseUrl: process.env.CASHFREE_BASE_URL,
  clientId: process.env.CASHFREE_CLIENT_ID,
  clientSecret: process.env.CASHFREE_CLIENT_SECRET,
  agentId: process.env.CASHFREE_AGENT_ID,
  webhookSecret: process.env.CASHFREE_WEBHOOK_SECRET,
});
const handler = createPayByBankHandler({
${common}
  provider,
  // The biller prices the bill: fetch it through BBPS ("${state.checkout}").
  resolveCheckout: async (checkout) =>
    bbpsCheckout(
      await provider.fetchBill({
        billerId: 'VODA00000MUM03',
        customerParams: { RefFld1: checkout.replace(/^bill-/, '') },
        mobile: await customerMobile(checkout),
      }),
    ),
});
${listen}`;
  }
  const setup = PROVIDER_SETUP[state.provider];
  return `import { createServer } from 'node:http';
import { ${setup.factory}, createPayByBankHandler, toNodeListener } from 'pay-by-bank/server';

const handler = createPayByBankHandler({
${common}
  provider: ${setup.config},
  // You decide what is charged, from your own data; the browser never does.
  resolveCheckout: async (checkout) => {
    const order = await findOrder(checkout); // "${state.checkout}"
    return order && {
      amount: { value: order.total, currency: '${checkout.currency}' }, // "${checkout.amount}"
      reference: order.reference,
    };
  },
});
${listen}`;
}
