import { html, nothing } from 'lit';
import type { Outcome, PaymentSnapshot } from '../../core/checkout-state.js';
import type { MessageKey, Translate } from '../../core/i18n.js';
import { payerMessageKey } from '../../locales/message-keys.js';

export interface OutcomeViewModel {
  outcome: Outcome;
  payment: PaymentSnapshot | undefined;
  displayAmount: string | undefined;
  translate: Translate;
  /** For the receipt's date. */
  locale?: string;
  onStartAgain(): void;
}

const TEXT: Record<Outcome, { title: MessageKey; reason: MessageKey; action?: MessageKey }> = {
  completed: { title: 'successTitle', reason: 'successAmount' },
  failed: { title: 'failedTitle', reason: 'failedReason', action: 'tryAgain' },
  cancelled: { title: 'cancelledTitle', reason: 'cancelledReason', action: 'chooseAnotherBank' },
  expired: { title: 'expiredTitle', reason: 'expiredReason', action: 'startAgain' },
  pending: { title: 'pendingTitle', reason: 'pendingReason' },
};

function reason(model: OutcomeViewModel): string | undefined {
  const { outcome, payment, translate, displayAmount } = model;
  if (outcome === 'completed') {
    return displayAmount ? translate('successAmount', { amount: displayAmount }) : undefined;
  }
  // The payer reads the catalog's words for the code; the developer's message is in the console
  // and the pay-by-bank-failure event.
  if (outcome === 'failed' && payment?.error) return translate(payerMessageKey(payment.error.code));
  // A bill still processing: the biller confirms it, and paying again would pay the bill twice.
  if (outcome === 'pending' && payment?.biller)
    return translate('pendingBillReason', { biller: payment.biller });
  return translate(TEXT[outcome].reason);
}

/** A bill's BBPS receipt: biller, bill number, amount, approval reference and date. */
function receiptView(model: OutcomeViewModel) {
  const receipt = model.payment?.receipt;
  if (model.outcome !== 'completed' || !receipt) return nothing;
  const { translate } = model;
  const date = new Date(receipt.paidAt);
  const shownDate = Number.isFinite(date.getTime())
    ? date.toLocaleString(model.locale, { dateStyle: 'medium', timeStyle: 'short' })
    : receipt.paidAt;
  const row = (label: MessageKey, value: string) =>
    html`<dt>${translate(label)}</dt>
      <dd>${value}</dd>`;
  return html`<section part="receipt" aria-labelledby="receipt-title">
    <h3 id="receipt-title">${translate('receiptTitle')}</h3>
    <p>${reason(model)}</p>
    <dl part="summary">
      ${row('receiptBiller', receipt.biller)}
      ${receipt.billNumber ? row('receiptBillNumber', receipt.billNumber) : nothing}
      ${row('receiptReference', receipt.approvalReference)} ${row('receiptDate', shownDate)}
    </dl>
  </section>`;
}

/** The end of a payment: success with amount and reference, or what went wrong and what to do. */
export function outcomeView(model: OutcomeViewModel) {
  const { outcome, payment, translate } = model;
  const text = TEXT[outcome];
  const failedForGood = outcome === 'failed' && payment?.error?.retryable === false;
  return html`<div
    part=${outcome === 'failed' ? 'status error' : 'status'}
    class="outcome-${outcome}"
    role=${outcome === 'failed' ? 'alert' : 'status'}
  >
    <h2 tabindex="-1" data-autofocus>${translate(text.title)}</h2>
    ${reason(model) && !payment?.receipt ? html`<p>${reason(model)}</p>` : nothing}
    ${
      outcome === 'completed' && payment?.reference
        ? html`<p class="hint">${translate('reference', { reference: payment.reference })}</p>`
        : nothing
    }
    ${receiptView(model)}
    ${
      text.action && !failedForGood
        ? html`<button part="button" type="button" @click=${model.onStartAgain}>
            ${translate(text.action)}
          </button>`
        : nothing
    }
  </div>`;
}
