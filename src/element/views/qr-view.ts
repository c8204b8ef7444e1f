import { html, svg } from 'lit';
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
  return html`<div part="status">
    <h2 tabindex="-1" data-autofocus>${translate('qrTitle')}</h2>
    <ol class="steps">
      <li>${translate('qrHint', { bank: bankName })}</li>
      <li>${translate('qrStepWait')}</li>
    </ol>
    <svg
      part="qr"
      role="img"
      aria-label=${translate('qrAlt', { bank: bankName })}
      viewBox="0 0 ${size} ${size}"
      shape-rendering="crispEdges"
    >
      ${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${path} fill="#000"></path>`}
    </svg>
    ${timeLeft(secondsLeft, translate)}
    <button class="secondary" type="button" @click=${model.onPayOnThisDevice}>
      ${translate('payOnThisDevice')}
    </button>
  </div>`;
}
