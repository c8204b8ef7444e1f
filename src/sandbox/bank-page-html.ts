import { fill } from './bank-language/bank-texts.js';
import { ENGLISH, type BankLanguage } from './bank-language/page-language.js';
import { bankLogo } from './catalogue/logo.js';
import type { SandboxBank } from './catalogue/sandbox-bank.js';
import { escapeHtml as e } from './http.js';
import { SANDBOX_ACCOUNTS, type SandboxPayment } from './sandbox-payment.js';

function layout(
  base: string,
  language: BankLanguage,
  title: string,
  main: string,
  bank?: SandboxBank,
): string {
  // `dir` only where it differs from HTML's default, left to right.
  const dir = language.dir === 'rtl' ? ' dir="rtl"' : '';
  // The bank's own colours, from a stylesheet of its own: the page has no inline style (its CSP).
  const brand = bank
    ? `\n<link rel="stylesheet" href="${e(base)}/bank/brand/${e(encodeURIComponent(bank.id))}.css">`
    : '';
  return `<!doctype html>
<html lang="${e(language.tag)}"${dir}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<link rel="stylesheet" href="${e(base)}/bank/style.css">${brand}
</head>
<body>
<main>
${main}
</main>
</body>
</html>`;
}

function formatAmount(payment: Pick<SandboxPayment, 'amount'>, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: payment.amount.currency,
    }).format(Number(payment.amount.value));
  } catch {
    return `${payment.amount.value} ${payment.amount.currency}`;
  }
}

export interface AuthorizePageInput {
  base: string;
  payment: Pick<SandboxPayment, 'amount' | 'creditorName' | 'reference' | 'token'>;
  bank: SandboxBank | undefined;
  /** Banks to choose from when the payment has none preselected. */
  choices: readonly SandboxBank[];
  error?: string;
  /** Where the form posts. Default `${base}/bank/authorize`. */
  action?: string;
  /** ISO reason codes the payer may reject with (Open Banking Connect's bank), first the default. */
  rejectReasons?: readonly { code: string; label: string }[];
  /** The page's language (`bank-language/page-language.ts`); English when absent. */
  language?: BankLanguage;
}

const ACCOUNT_NAMES = {
  'acc-everyday': 'everydayAccount',
  'acc-savings': 'savingsAccount',
} as const;

/** The bank's SCA page: choose an account, then approve, reject, cancel, or leave the payment pending. */
export function authorizePage({
  base,
  payment,
  bank,
  choices,
  error,
  action,
  rejectReasons,
  language = ENGLISH,
}: AuthorizePageInput): string {
  const t = language.texts;
  const bankName = bank?.name ?? 'Sandbox Bank';
  const logo = bank
    ? `<img class="logo" src="${e(bankLogo(bank.name, bank.color))}" alt="" width="40" height="40">`
    : '';
  const bankChoice =
    bank || choices.length === 0
      ? ''
      : `<p><label for="bank">${e(t.yourBank)}</label>
<select id="bank" name="bank">${choices
          .map(
            (choice) =>
              `<option value="${e(choice.id)}">${e(choice.name)} (${e(choice.country)})</option>`,
          )
          .join('')}</select></p>`;
  const accounts = SANDBOX_ACCOUNTS.map(
    (
      account,
      index,
    ) => `<p class="account"><input type="radio" id="${e(account.id)}" name="account" value="${e(account.id)}"${index === 0 ? ' checked required' : ''}>
<label for="${e(account.id)}">${e(accountName(account, language))} <span class="iban">${e(account.iban)}</span></label></p>`,
  ).join('\n');
  const alert = error ? `<p class="error" role="alert">${e(error)}</p>` : '';
  const reasons = rejectReasons?.length
    ? `<p><label for="reason">${e(t.rejectReason)}</label>
<select id="reason" name="reason">${rejectReasons
        .map(
          (reason) =>
            `<option value="${e(reason.code)}">${e(reason.code)}: ${e(reasonLabel(reason, language))}</option>`,
        )
        .join('')}</select></p>`
    : '';
  return layout(
    base,
    language,
    fill(t.title, { bank: bankName }),
    `<header class="bank">${logo}<p class="bank-name">${e(bankName)}</p><p class="sandbox">${e(t.sandbox)}</p></header>
<h1>${e(t.heading)}</h1>
<dl class="summary">
<dt>${e(t.amount)}</dt><dd class="amount">${e(formatAmount(payment, language.tag))}</dd>
<dt>${e(t.to)}</dt><dd>${e(payment.creditorName)}</dd>
${payment.reference ? `<dt>${e(t.reference)}</dt><dd dir="ltr">${e(payment.reference)}</dd>` : ''}
</dl>
${alert}
<form method="post" action="${e(action ?? `${base}/bank/authorize`)}">
<input type="hidden" name="token" value="${e(payment.token)}">
<input type="hidden" name="lang" value="${e(language.tag)}">
${bankChoice}
<fieldset>
<legend>${e(t.payFrom)}</legend>
${accounts}
</fieldset>
${reasons}
<div class="actions">
<button type="submit" name="decision" value="approve" class="primary">${e(t.approve)}</button>
<button type="submit" name="decision" value="reject" formnovalidate>${e(t.reject)}</button>
<button type="submit" name="decision" value="cancel" formnovalidate>${e(t.cancel)}</button>
<button type="submit" name="decision" value="pending" class="quiet">${e(t.pending)}</button>
</div>
</form>
<script src="${e(base)}/bank/guide.js" defer></script>`,
    bank,
  );
}

function accountName(account: { id: string; name: string }, language: BankLanguage): string {
  const key = ACCOUNT_NAMES[account.id as keyof typeof ACCOUNT_NAMES];
  return key ? language.texts[key] : account.name;
}

/** A reason's label in the page's language; the given (English) label for a code the catalog lacks. */
function reasonLabel(reason: { code: string; label: string }, language: BankLanguage): string {
  const reasons: Record<string, string> = language.texts.reasons;
  return reasons[reason.code] ?? reason.label;
}

/** A page for links that can no longer be used: expired, already decided, or unknown. */
export function noticePage(
  base: string,
  title: string,
  message: string,
  returnUrl?: string,
  language: BankLanguage = ENGLISH,
): string {
  const back = returnUrl
    ? `<p><a href="${e(returnUrl)}">${e(language.texts.returnToShop)}</a></p>`
    : '';
  return layout(base, language, title, `<h1>${e(title)}</h1>\n<p>${e(message)}</p>\n${back}`);
}

/** The answer to a token the bank does not know. */
export function unknownLinkPage(base: string, language: BankLanguage): string {
  const t = language.texts;
  return noticePage(base, t.linkInvalid, t.linkUnknown, undefined, language);
}

/**
 * A plausible bank's page: its brand band with the sandbox notice above it, the payment's facts, the
 * accounts as cards to pick, and the four decisions on one row (two by two on a phone). The brand
 * colours come from `bank/brand/<id>.css` (`--brand`, `--on-brand`), else a neutral green.
 */
export const BANK_PAGE_CSS = `:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5;--brand:#0a5c36;--on-brand:#fff;--line:color-mix(in srgb,CanvasText 22%,Canvas)}
body{margin:0;background:color-mix(in srgb,CanvasText 4%,Canvas);color:CanvasText}
main{box-sizing:border-box;max-width:38rem;margin:1.5rem auto;padding:0 0 1.5rem;background:Canvas;border:1px solid var(--line);border-radius:14px;overflow:hidden}
main>:not(.bank){margin-inline:1.5rem}
.bank{display:flex;align-items:center;gap:.75rem;flex-wrap:wrap;padding:0 1.5rem .9rem;background:var(--brand);color:var(--on-brand)}
.bank-name{font-weight:700;font-size:1.1rem;margin:0}
.sandbox{order:-1;flex-basis:100%;margin:0 -1.5rem .9rem;padding:.35rem 1.5rem;font-size:.8rem;font-weight:600;text-align:center;background:#fef3c7;color:#78350f}
.logo{border-radius:8px;box-shadow:0 0 0 2px color-mix(in srgb,var(--on-brand) 70%,transparent)}
h1{font-size:1.4rem;margin-block:1.25rem .75rem}
.summary{display:grid;grid-template-columns:auto 1fr;gap:.35rem 1rem;padding:1rem;border-radius:10px;background:color-mix(in srgb,CanvasText 5%,Canvas)}.summary dt{color:color-mix(in srgb,CanvasText 72%,Canvas)}.summary dd{margin:0;text-align:end;font-weight:600}
.amount{font-size:1.25rem}
fieldset{border:0;padding:0;margin:1.25rem 0;display:grid;gap:.5rem}
label[for=bank],label[for=reason]{display:block;font-weight:700;margin-bottom:.35rem}
select{box-sizing:border-box;inline-size:100%;font:inherit;padding:.55rem .6rem;border:1px solid var(--line);border-radius:8px;background:Canvas;color:CanvasText}
legend{font-weight:700;margin-bottom:.5rem;padding:0}
.account{position:relative;display:flex;align-items:center;gap:.75rem;margin:0;padding:.75rem 1rem;border:1px solid var(--line);border-radius:10px}
.account:has(input:checked){border-color:var(--brand);box-shadow:inset 0 0 0 1px var(--brand)}
.account input{accent-color:var(--brand);inline-size:1.1rem;block-size:1.1rem;margin:0}
.account label{cursor:pointer;flex:1;font-weight:600}.iban{display:block;font-size:.85rem;font-weight:400;color:GrayText;font-variant-numeric:tabular-nums;direction:ltr;text-align:match-parent;unicode-bidi:isolate}
.actions{display:flex;flex-wrap:wrap;gap:.5rem}
.actions button{flex:1 1 auto;white-space:nowrap;padding:.6rem .7rem}
@media (max-width:40rem){.actions{display:grid;grid-template-columns:1fr 1fr}main{margin:0;border-radius:0;border-inline:0}}
button{font:inherit;font-size:.95rem;padding:.6rem 1rem;border-radius:8px;border:1px solid var(--line);background:Canvas;color:CanvasText;cursor:pointer;min-block-size:2.75rem}
button.primary{background:var(--brand);color:var(--on-brand);border-color:var(--brand);font-weight:700}
button.quiet{background:transparent;border-style:dashed}
button:focus-visible,input:focus-visible,select:focus-visible,a:focus-visible{outline:3px solid Highlight;outline-offset:2px}
.error{color:#b00020;font-weight:600}
`;

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const value = parseInt(hex.slice(start, start + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * `bank/brand/<id>.css`: the bank's colour and the text colour that reads on it (white, or near
 * black on a light brand such as orange), so its band and its Approve button are its own.
 */
export function bankBrandCss(bank: SandboxBank): string {
  const brand = /^#[0-9a-f]{6}$/i.test(bank.color) ? bank.color : '#0a5c36';
  const light = relativeLuminance(brand);
  // The text colour with the higher contrast on the brand (WCAG's ratio, #fff and #111 compared).
  const onBrand = 1.05 / (light + 0.05) >= (light + 0.05) / 0.0556 ? '#fff' : '#111';
  return `:root{--brand:${brand};--on-brand:${onBrand}}\n`;
}
