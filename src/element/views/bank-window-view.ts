import { html } from 'lit';
import type { Translate } from '../../core/i18n.js';

export interface BankWindowViewModel {
  view: 'popup' | 'popup-blocked' | 'popup-closed';
  bankName: string;
  translate: Translate;
  onFocusWindow(): void;
  onOpenWindow(): void;
  onChooseAnotherBank(): void;
}

/** While the payer is (or should be) in the bank's window; the shop's page stays usable. */
export function bankWindowView(model: BankWindowViewModel) {
  const { translate, bankName } = model;
  if (model.view === 'popup') {
    return html`<div part="status" role="status">
      <span class="spinner" aria-hidden="true"></span>
      <h2 tabindex="-1" data-autofocus>${translate('popupWaiting', { bank: bankName })}</h2>
      <p class="hint">${translate('popupHint')}</p>
      <button part="button" type="button" @click=${model.onFocusWindow}>
        ${translate('showBankWindow')}
      </button>
    </div>`;
  }
  const blocked = model.view === 'popup-blocked';
  return html`<div part="status" role="alert">
    <h2 tabindex="-1" data-autofocus>${translate(blocked ? 'popupBlocked' : 'popupClosed')}</h2>
    <button part="button" type="button" @click=${model.onOpenWindow}>
      ${blocked ? translate('continueToBank', { bank: bankName }) : translate('reopenBankWindow')}
    </button>
    <button class="secondary" type="button" @click=${model.onChooseAnotherBank}>
      ${translate('chooseAnotherBank')}
    </button>
  </div>`;
}

/** On the return page inside the bank's window, which has told the shop's page and closes. */
export function handedBackView(translate: Translate) {
  return html`<div part="status" role="status"><p>${translate('handedBack')}</p></div>`;
}
