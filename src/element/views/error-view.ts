import { html } from 'lit';
import type { MessageKey, Translate } from '../../core/i18n.js';

const MESSAGE_BY_CODE: Record<string, MessageKey> = {
  network_error: 'errorNetwork',
  timeout: 'errorTimeout',
};

/** A merchant-server error the payer can retry: what happened, in words, and "Try again". */
export function errorView(translate: Translate, code: string, onRetry: () => void) {
  return html`<div part="error" role="alert">
    <h2 tabindex="-1" data-autofocus>${translate('errorTitle')}</h2>
    <p>${translate(MESSAGE_BY_CODE[code] ?? 'errorServer')}</p>
    <button part="button" type="button" @click=${onRetry}>${translate('tryAgain')}</button>
  </div>`;
}

/** The merchant's attributes are wrong: the payer is told plainly; the developer reads the console. */
export function configErrorView(translate: Translate) {
  return html`<div part="error" role="alert">
    <h2>${translate('configErrorTitle')}</h2>
    <p>${translate('configErrorBody')}</p>
  </div>`;
}
