import { html } from 'lit';
import type { Translate } from '../../core/i18n.js';

/** A merchant-server error the payer can retry: what happened, in the payer's words, and "Try again". */
export function errorView(translate: Translate, message: string, onRetry: () => void) {
  return html`<div part="error" role="alert">
    <h2 tabindex="-1" data-autofocus>${translate('errorTitle')}</h2>
    <p>${message}</p>
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
