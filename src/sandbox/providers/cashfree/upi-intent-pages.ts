import type { ApiContext } from '../../api-context.js';
import { noticePage } from '../../bank-page-html.js';
import { escapeHtml as e, html } from '../../http.js';
import type { CashfreeApi } from './api.js';

/** A UPI PIN: 4 or 6 digits (NPCI). The sandbox takes any such PIN. */
const UPI_PIN = /^(?:\d{4}|\d{6})$/;

function paiseOf(rupees: string | null): string | undefined {
  const match = /^(\d{1,15})\.(\d{2})$/.exec(rupees ?? '');
  return match ? (BigInt(match[1] ?? '0') * 100n + BigInt(match[2] ?? '0')).toString() : undefined;
}

/**
 * What the intent link asks, checked as a UPI app would: a payee, INR, an amount in rupees with two
 * decimals that matches the bill payment `tr` names, still waiting to be paid.
 */
function requestOf(api: CashfreeApi, query: URLSearchParams) {
  const payment = api.current(query.get('tr') ?? '');
  if (!payment || !payment.intent) return { problem: 'No such payment request.', status: 404 };
  if (!query.get('pa')?.includes('@') || query.get('cu') !== 'INR')
    return { problem: 'The link has no payee UPI ID or is not in INR.', status: 400 };
  if (paiseOf(query.get('am')) !== payment.amountPaise)
    return { problem: 'The amount does not match the bill payment.', status: 400 };
  if (payment.status !== 'processing')
    return { problem: `This payment is ${payment.status}.`, status: 409 };
  return { payment };
}

function page(base: string, query: URLSearchParams, error?: string): string {
  const fields = ['pa', 'pn', 'am', 'cu', 'tr', 'tn', 'mc']
    .filter((name) => query.get(name) !== null)
    .map((name) => `<input type="hidden" name="${name}" value="${e(query.get(name) ?? '')}">`)
    .join('\n');
  const alert = error ? `<p role="alert" id="pin-error">${e(error)}</p>` : '';
  const main = `<h1>Pay ₹${e(query.get('am') ?? '')}</h1>
<p>Sandbox UPI app</p>
<dl class="summary">
<dt>To</dt><dd>${e(query.get('pn') ?? '')} (${e(query.get('pa') ?? '')})</dd>
<dt>Note</dt><dd>${e(query.get('tn') ?? '')}</dd>
<dt>Reference</dt><dd>${e(query.get('tr') ?? '')}</dd>
</dl>
<form method="post" action="${e(base)}/cashfree/upi/pay">
${fields}
${alert}
<p><label for="pin">UPI PIN</label>
<input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" pattern="\\d{4}|\\d{6}"
 required aria-describedby="pin-hint${error ? ' pin-error' : ''}"></p>
<p id="pin-hint">4 or 6 digits; any PIN works in the sandbox.</p>
<div class="actions">
<button type="submit" name="decision" value="approve" class="primary">Pay</button>
<button type="submit" name="decision" value="decline" formnovalidate>Decline</button>
<button type="submit" name="decision" value="pending" formnovalidate class="quiet">Leave pending</button>
</div>
</form>`;
  return noticePage(base, 'UPI: pay', '').replace(/<h1>[\s\S]*<\/main>/, `${main}\n</main>`);
}

/** `GET …/cashfree/upi/pay?pa=&pn=&am=&cu=&tr=&tn=`: the payer's UPI app, opened by the intent link. */
export function showUpiIntent(context: ApiContext, api: CashfreeApi, request: Request): Response {
  const base = context.publicUrl(request);
  const query = new URL(request.url).searchParams;
  const checked = requestOf(api, query);
  if (!checked.payment)
    return html(noticePage(base, 'Cannot pay', checked.problem), checked.status);
  return html(page(base, query));
}

/** `POST …/cashfree/upi/pay` (the link's fields, `pin`, decision=approve|decline|pending). */
export async function decideUpiIntent(
  context: ApiContext,
  api: CashfreeApi,
  request: Request,
): Promise<Response> {
  const base = context.publicUrl(request);
  const form = new URLSearchParams(await request.text());
  const checked = requestOf(api, form);
  if (!checked.payment)
    return html(noticePage(base, 'Cannot pay', checked.problem), checked.status);
  const decision = form.get('decision');
  if (decision === 'pending')
    return html(noticePage(base, 'Payment left pending', 'You can go back to the shop.'));
  if (decision === 'decline') {
    api.decide(checked.payment, 'failed');
    return html(noticePage(base, 'Payment declined', 'You can go back to the shop.'));
  }
  if (decision !== 'approve')
    return html(noticePage(base, 'Choose', 'Pay, decline, or leave the payment pending.'), 400);
  if (!UPI_PIN.test(form.get('pin') ?? ''))
    return html(page(base, form, 'Enter your UPI PIN: 4 or 6 digits.'), 400);
  api.decide(checked.payment, 'success');
  return html(noticePage(base, 'Payment approved', 'You can go back to the shop.'));
}
