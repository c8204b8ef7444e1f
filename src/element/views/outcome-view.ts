import { html, nothing, svg } from 'lit';
import type { Outcome, PaymentSnapshot } from '../../core/checkout-state.js';
import type { PaymentReceipt } from '../../core/protocol.js';
import type { MessageKey, Translate } from '../../core/i18n.js';
import { payerMessageKey } from '../../locales/message-keys.js';

export interface OutcomeViewModel {
  outcome: Outcome;
  payment: PaymentSnapshot | undefined;
  displayAmount: string | undefined;
  /** The bank the payer chose, for the receipt. */
  bankName: string | undefined;
  locale: string;
  translate: Translate;
  onStartAgain(): void;
}

interface OutcomeText {
  title: MessageKey;
  reason: MessageKey;
  /** What the payer can do now, beside the button. */
  next?: MessageKey;
  action?: MessageKey;
}

const TEXT: Record<Outcome, OutcomeText> = {
  completed: { title: 'successTitle', reason: 'successAmount' },
  failed: {
    title: 'failedTitle',
    reason: 'failedReason',
    next: 'failedNextStep',
    action: 'tryAgain',
  },
  cancelled: {
    title: 'cancelledTitle',
    reason: 'cancelledReason',
    next: 'cancelledNextStep',
    action: 'chooseAnotherBank',
  },
  expired: { title: 'expiredTitle', reason: 'expiredReason', action: 'startAgain' },
  pending: { title: 'pendingTitle', reason: 'pendingReason', next: 'pendingNextStep' },
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

/** The time of the status change in the payer's words, or now when the provider gave none. */
function formatTime(locale: string, iso: string | undefined): string {
  const date = iso ? new Date(iso) : new Date();
  const shown = Number.isNaN(date.getTime()) ? new Date() : date;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
      shown,
    );
  } catch {
    return shown.toISOString();
  }
}

const GLYPHS: Record<Outcome, string> = {
  completed: 'M15 27l7 7 15-16',
  pending: 'M26 14v13l8 5',
  failed: 'M18 18l16 16M34 18L18 34',
  cancelled: 'M18 18l16 16M34 18L18 34',
  expired: 'M26 14v13l8 5',
};

/** A mark drawn in, ring then glyph; still under `prefers-reduced-motion` (styles.ts). */
const outcomeMark = (outcome: Outcome) =>
  html`<svg class="mark mark-${outcome}" viewBox="0 0 52 52" aria-hidden="true">
    ${svg`<circle class="mark-ring" cx="26" cy="26" r="24" pathLength="1"></circle>
      <path class="mark-glyph" d=${GLYPHS[outcome]} pathLength="1"></path>`}
  </svg>`;

function receipt(model: OutcomeViewModel) {
  const { payment, translate } = model;
  const rows: [MessageKey, string | undefined][] = [
    ['receiptPaid', model.displayAmount],
    ['receiptReference', payment?.reference],
    ['receiptBank', model.bankName],
    ['receiptDate', formatTime(model.locale, payment?.updatedAt)],
  ];
  return html`<dl class="receipt" aria-label=${translate('receiptLabel')}>
    ${rows.map(([label, value]) =>
      value
        ? html`<div>
            <dt>${translate(label)}</dt>
            <dd><bdi>${value}</bdi></dd>
          </div>`
        : nothing,
    )}
  </dl>`;
}

/** A bill's BBPS receipt: biller, bill number, amount, approval reference and date. */
function billReceipt(model: OutcomeViewModel, receipt: PaymentReceipt) {
  const { translate } = model;
  const row = (label: MessageKey, value: string) =>
    html`<dt>${translate(label)}</dt>
      <dd><bdi>${value}</bdi></dd>`;
  return html`<section part="receipt" aria-labelledby="receipt-title">
    <h3 id="receipt-title">${translate('receiptTitle')}</h3>
    <p>${reason(model)}</p>
    <dl part="summary">
      ${row('receiptBiller', receipt.biller)}
      ${receipt.billNumber ? row('receiptBillNumber', receipt.billNumber) : nothing}
      ${row('receiptBbpsReference', receipt.approvalReference)}
      ${row('receiptDate', formatTime(model.locale, receipt.paidAt))}
    </dl>
  </section>`;
}

/** The end of a payment: success with a receipt, or what went wrong and what the payer can do now. */
export function outcomeView(model: OutcomeViewModel) {
  const { outcome, payment, translate } = model;
  const text = TEXT[outcome];
  const failedForGood = outcome === 'failed' && payment?.error?.retryable === false;
  const said = reason(model);
  return html`<div
    part=${outcome === 'failed' ? 'status error' : 'status'}
    class="outcome outcome-${outcome}"
    role=${outcome === 'failed' ? 'alert' : 'status'}
  >
    ${outcomeMark(outcome)}
    <h2 tabindex="-1" data-autofocus>${translate(text.title)}</h2>
    ${said && !payment?.receipt ? html`<p>${said}</p>` : nothing}
    ${
      outcome === 'completed'
        ? html`${payment?.receipt ? billReceipt(model, payment.receipt) : receipt(model)}
            <slot name="success"></slot>`
        : nothing
    }
    ${text.next && !failedForGood ? html`<p class="hint">${translate(text.next)}</p>` : nothing}
    ${
      text.action && !failedForGood
        ? html`<button part="button" type="button" @click=${model.onStartAgain}>
            ${translate(text.action)}
          </button>`
        : nothing
    }
  </div>`;
}
