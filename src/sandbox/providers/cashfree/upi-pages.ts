import type { ApiContext } from '../../api-context.js';
import { noticePage } from '../../bank-page-html.js';
import type { CashfreeApi } from './api.js';
import type { CashfreeState } from './state.js';
import { escapeHtml as e, html } from '../../http.js';

function rupees(paise: string): string {
  const value = BigInt(paise);
  return `₹${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

/**
 * `GET …/cashfree/upi?vpa=`: the payer's UPI app, listing the collect requests waiting for that UPI ID
 * (all of them without `vpa`), each with Approve and Decline.
 */
export function showUpiApp(context: ApiContext, state: CashfreeState, request: Request): Response {
  const base = context.publicUrl(request);
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
<p><strong class="amount">${e(rupees(payment.amountPaise))}</strong> to a BBPS biller, from ${e(payment.vpa ?? '')}</p>
<div class="actions">
<button type="submit" name="decision" value="approve" class="primary">Approve</button>
<button type="submit" name="decision" value="decline">Decline</button>
</div>
</form></li>`,
    )
    .join('\n');
  const body = waiting.length ? `<ul>${items}</ul>` : '<p>No payment requests are waiting.</p>';
  return html(
    noticePage(base, 'UPI: payment requests', 'Sandbox UPI app: approve or decline.').replace(
      '</main>',
      `${body}\n</main>`,
    ),
  );
}

/** `POST …/cashfree/upi` (form: transaction_ref_id, decision=approve|decline). */
export async function decideUpi(
  context: ApiContext,
  api: CashfreeApi,
  request: Request,
): Promise<Response> {
  const base = context.publicUrl(request);
  const form = new URLSearchParams(await request.text());
  const payment = api.current(form.get('transaction_ref_id') ?? '');
  const decision = form.get('decision');
  if (!payment) return html(noticePage(base, 'Unknown request', 'No such payment request.'), 404);
  if (payment.status !== 'processing')
    return html(noticePage(base, 'Already decided', `This payment is ${payment.status}.`), 409);
  if (decision !== 'approve' && decision !== 'decline')
    return html(noticePage(base, 'Choose', 'Approve or decline the request.'), 400);
  api.decide(payment, decision === 'approve' ? 'success' : 'failed');
  return html(
    noticePage(
      base,
      decision === 'approve' ? 'Payment approved' : 'Payment declined',
      'You can go back to the shop.',
    ),
  );
}
