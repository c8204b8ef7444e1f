import type { ApiContext } from '../../api-context.js';
import { fill } from '../../bank-language/bank-texts.js';
import { bankLanguage, type BankLanguage } from '../../bank-language/page-language.js';
import { noticePage } from '../../bank-page-html.js';
import type { CashfreeApi } from './api.js';
import type { CashfreeState } from './state.js';
import { UPI_TEXTS, type UpiTexts } from './upi-texts.js';
import { escapeHtml as e, html } from '../../http.js';

function rupees(paise: string): string {
  const value = BigInt(paise);
  return `₹${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

/** The payer's phone language (Cashfree's request carries none; see `docs/protocol.md`). */
function upiLanguage(request: Request): { language: BankLanguage; t: UpiTexts } {
  const language = bankLanguage(undefined, request);
  return { language, t: UPI_TEXTS[language.tag] };
}

/** One collect request's line: the amount in bold, the rest escaped, in the payer's word order. */
function requestLine(template: string, amount: string, vpa: string): string {
  return template
    .split(/(\{amount\}|\{vpa\})/)
    .map((part) =>
      part === '{amount}'
        ? `<strong class="amount">${e(amount)}</strong>`
        : part === '{vpa}'
          ? `<bdi>${e(vpa)}</bdi>`
          : e(part),
    )
    .join('');
}

/**
 * `GET …/cashfree/upi?vpa=`: the payer's UPI app, listing the collect requests waiting for that UPI ID
 * (all of them without `vpa`), each with Approve and Decline; new ones appear as they are made.
 */
export function showUpiApp(context: ApiContext, state: CashfreeState, request: Request): Response {
  const base = context.publicUrl(request);
  const { language, t } = upiLanguage(request);
  const vpa = new URL(request.url).searchParams.get('vpa');
  const waiting = [...state.payments.values()].filter(
    (payment) =>
      payment.status === 'processing' &&
      payment.paymentMode === 'UPI' &&
      !payment.intent &&
      !payment.autoOutcome &&
      (!vpa || payment.vpa === vpa),
  );
  const items = waiting
    .map(
      (payment) => `<li class="account">
<form method="post" action="${e(base)}/cashfree/upi">
<input type="hidden" name="transaction_ref_id" value="${e(payment.transactionRefId)}">
<p>${requestLine(t.request, rupees(payment.amountPaise), payment.vpa ?? '')}</p>
<div class="actions">
<button type="submit" name="decision" value="approve" class="primary">${e(t.approve)}</button>
<button type="submit" name="decision" value="decline">${e(t.decline)}</button>
</div>
</form></li>`,
    )
    .join('\n');
  const list = waiting.length ? `<ul>${items}</ul>` : `<p>${e(t.none)}</p>`;
  // Kept current by the inbox script: a request made after the app opened shows up in it.
  const body = `<div id="upi-requests" aria-live="polite">${list}</div>
<script src="${e(base)}/cashfree/upi/inbox.js" defer></script>`;
  return html(
    noticePage(base, t.title, t.intro, undefined, language).replace('</main>', `${body}\n</main>`),
  );
}

/** `POST …/cashfree/upi` (form: transaction_ref_id, decision=approve|decline). */
export async function decideUpi(
  context: ApiContext,
  api: CashfreeApi,
  request: Request,
): Promise<Response> {
  const base = context.publicUrl(request);
  const { language, t } = upiLanguage(request);
  const notice = (title: string, message: string) =>
    noticePage(base, title, message, undefined, language);
  const form = new URLSearchParams(await request.text());
  const payment = api.current(form.get('transaction_ref_id') ?? '');
  const decision = form.get('decision');
  if (!payment) return html(notice(t.unknownTitle, t.unknown), 404);
  if (payment.status !== 'processing')
    return html(notice(t.decidedTitle, fill(t.decided, { status: payment.status })), 409);
  if (decision !== 'approve' && decision !== 'decline') return html(notice(t.title, t.choose), 400);
  api.decide(payment, decision === 'approve' ? 'success' : 'failed');
  return html(notice(decision === 'approve' ? t.approved : t.declined, t.back));
}
