import type { ApiContext } from './api-context.js';
import { fill } from './bank-language/bank-texts.js';
import { bankLanguage, type BankLanguage } from './bank-language/page-language.js';
import { authorizePage, BANK_PAGE_CSS, noticePage, unknownLinkPage } from './bank-page-html.js';
import { appendQuery, html, redirect } from './http.js';
import type { SandboxOutcome } from './options.js';
import type { SandboxPayment } from './sandbox-payment.js';

const OUTCOMES: readonly SandboxOutcome[] = ['approve', 'reject', 'cancel', 'pending'];
const INITIAL = new Set(['Preparing', 'Initiated']);

/** Back to the payment's redirectUrl with the provider's id, as both providers do (`?paymentId=`). */
function backToMerchant(payment: SandboxPayment): Response {
  return redirect(appendQuery(payment.redirectUrl, 'paymentId', payment.id));
}

/**
 * `GET …/mastercard/start/payment?startToken=` and `GET …/aiia/authorize?token=`: the bank's SCA page,
 * in `askedLanguage` (what the provider's request carried, if anything) or the payer's browser language.
 */
export function showAuthorizePage(
  context: ApiContext,
  request: Request,
  token: string | null,
  askedLanguage?: string | null,
): Response {
  const base = context.publicUrl(request);
  const language = bankLanguage(askedLanguage, request);
  const payment = token ? context.engine.byToken(token) : undefined;
  if (!payment) return html(unknownLinkPage(base, language), 404);
  if (payment.terminal)
    return html(finishedPage(base, payment, language), payment.status === 'Expired' ? 410 : 409);
  if (INITIAL.has(payment.status)) context.engine.advance(payment, 'opened');
  const outcome = context.knobs.outcome;
  if (outcome) {
    payment.accountId = 'acc-everyday';
    context.engine.advance(payment, outcome);
    return backToMerchant(payment);
  }
  return html(
    authorizePage({
      base,
      payment,
      bank: bankOf(context, payment),
      choices: choicesFor(context, payment),
      language,
    }),
  );
}

/** `POST …/bank/authorize` (form: token, decision, account, bank?, lang?): the payer's decision. */
export async function decide(context: ApiContext, request: Request): Promise<Response> {
  const base = context.publicUrl(request);
  const form = new URLSearchParams(await request.text());
  // The page's form carries the language it was shown in, so that its answer speaks the same one.
  const language = bankLanguage(form.get('lang'), request);
  const t = language.texts;
  const payment = context.engine.byToken(form.get('token') ?? '');
  if (!payment) return html(unknownLinkPage(base, language), 404);
  if (payment.terminal)
    return html(finishedPage(base, payment, language), payment.status === 'Expired' ? 410 : 409);
  const decision = form.get('decision') as SandboxOutcome | null;
  const account = form.get('account');
  const bankId = form.get('bank');
  const render = (error: string) =>
    html(
      authorizePage({
        base,
        payment,
        bank: bankOf(context, payment),
        choices: choicesFor(context, payment),
        error,
        language,
      }),
      400,
    );
  if (!decision || !OUTCOMES.includes(decision)) return render(t.chooseDecision);
  if (
    (decision === 'approve' || decision === 'pending') &&
    account !== 'acc-everyday' &&
    account !== 'acc-savings'
  ) {
    return render(t.chooseAccount);
  }
  if (bankId && !payment.bankId) {
    const bank = context.engine.bank(bankId);
    if (!bank) return render(t.chooseBank);
    payment.bankId = bank.id;
  }
  if (INITIAL.has(payment.status)) context.engine.advance(payment, 'opened');
  if (account) payment.accountId = account;
  context.engine.advance(payment, decision);
  return backToMerchant(payment);
}

export function bankPageStyles(): Response {
  return new Response(BANK_PAGE_CSS, {
    headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
}

function finishedPage(base: string, payment: SandboxPayment, language: BankLanguage): string {
  const t = language.texts;
  if (payment.status === 'Expired') {
    return noticePage(base, t.linkExpired, t.linkExpiredText, payment.redirectUrl, language);
  }
  return noticePage(
    base,
    t.finished,
    fill(t.finishedText, { status: payment.status }),
    payment.redirectUrl,
    language,
  );
}

function bankOf(context: ApiContext, payment: SandboxPayment) {
  return payment.bankId ? context.engine.bank(payment.bankId) : undefined;
}

/** The banks the payer may pick when none was preselected: of `preselectedCountry`, when given. */
function choicesFor(context: ApiContext, payment: SandboxPayment) {
  if (payment.bankId) return [];
  const country = payment.request.preselectedCountry;
  return context.engine.banks
    .filter((bank) => bank.status !== 'unavailable')
    .filter((bank) => typeof country !== 'string' || bank.country === country)
    .slice(0, 50);
}
