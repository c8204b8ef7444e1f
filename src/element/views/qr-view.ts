import { html, nothing, svg } from 'lit';
import type { Translate } from '../../core/i18n.js';
import { qrMatrix } from '../qr-matrix.js';

export { CountdownController } from '../controllers/countdown-controller.js';

/** Loaded only when a QR code is shown (with its encoder), so other payers never download it. */

export interface QrViewModel {
  authorizationUrl: string;
  bankName: string;
  /** Seconds left on the link, or undefined when the provider gave no expiry. */
  secondsLeft: number | undefined;
  translate: Translate;
  onPayOnThisDevice(): void;
}

function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** How long the link is still valid, or that a new one is on its way; nothing without an expiry. */
function timeLeft(secondsLeft: number | undefined, translate: Translate) {
  if (secondsLeft === undefined) return '';
  const renewing = secondsLeft === 0;
  const text = renewing
    ? translate('qrRenewing')
    : translate('qrValidFor', { time: formatSeconds(secondsLeft) });
  return html`<p class="hint" role=${renewing ? 'status' : 'timer'}>${text}</p>`;
}

export function qrView(model: QrViewModel) {
  const { translate, bankName, secondsLeft } = model;
  const { size, path } = qrMatrix(model.authorizationUrl);
  // A `upi://pay` link (docs/protocol.md, "Cashfree BBPS") is paid from any UPI app, not one bank's.
  const upi = model.authorizationUrl.startsWith('upi:');
  return html`<div part="status">
    <h2 tabindex="-1" data-autofocus>${translate(upi ? 'upiQrTitle' : 'qrTitle')}</h2>
    <ol class="steps">
      <li>${upi ? translate('upiQrHint') : translate('qrHint', { bank: bankName })}</li>
      <li>${translate('qrStepWait')}</li>
    </ol>
    <svg
      part="qr"
      role="img"
      aria-label=${upi ? translate('upiQrTitle') : translate('qrAlt', { bank: bankName })}
      viewBox="0 0 ${size} ${size}"
      shape-rendering="crispEdges"
    >
      ${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${path} fill="#000"></path>`}
    </svg>
    ${timeLeft(secondsLeft, translate)}
    ${
      // A computer has no UPI app to open the link: the payer scans it with their phone.
      upi
        ? nothing
        : html`<button class="secondary" type="button" @click=${model.onPayOnThisDevice}>
            ${translate('payOnThisDevice')}
          </button>`
    }
  </div>`;
}
