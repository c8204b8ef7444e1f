import { fill } from './bank-language/bank-texts.js';
import { ENGLISH, type BankLanguage } from './bank-language/page-language.js';
import { bankLogo } from './catalogue/logo.js';
import type { SandboxBank } from './catalogue/sandbox-bank.js';
import { escapeHtml as e } from './http.js';
import { SANDBOX_ACCOUNTS, type SandboxPayment } from './sandbox-payment.js';

function layout(base: string, language: BankLanguage, title: string, main: string): string {
  // `dir` only where it differs from HTML's default, left to right.
  const dir = language.dir === 'rtl' ? ' dir="rtl"' : '';
  return `<!doctype html>
<html lang="${e(language.tag)}"${dir}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<link rel="stylesheet" href="${e(base)}/bank/style.css">
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
</form>`,
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

export const BANK_PAGE_CSS = `:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}
body{margin:0;background:Canvas;color:CanvasText}
main{max-width:28rem;margin:2rem auto;padding:1.5rem;border:1px solid GrayText;border-radius:12px}
.bank{display:flex;align-items:center;gap:.75rem;flex-wrap:wrap}
.bank-name{font-weight:700;margin:0}.sandbox{margin:0;margin-inline-start:auto;font-size:.8rem;color:GrayText}
.logo{border-radius:8px}
h1{font-size:1.4rem}
.summary{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}.summary dd{margin:0}
.amount{font-weight:700}
fieldset{border:1px solid GrayText;border-radius:8px;margin:1rem 0}
.account label{cursor:pointer}.iban{display:block;font-size:.85rem;color:GrayText;direction:ltr;text-align:match-parent;unicode-bidi:isolate}
.actions{display:flex;flex-wrap:wrap;gap:.5rem}
button{font:inherit;padding:.6rem 1rem;border-radius:8px;border:1px solid GrayText;background:ButtonFace;color:ButtonText;cursor:pointer}
button.primary{background:#0a5c36;color:#fff;border-color:#0a5c36}
button.quiet{background:transparent}
button:focus-visible,input:focus-visible,select:focus-visible,a:focus-visible{outline:3px solid Highlight;outline-offset:2px}
.error{color:#b00020;font-weight:600}
`;
