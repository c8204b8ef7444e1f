import { html, nothing } from 'lit';
import type { MessageKey, Translate } from '../../core/i18n.js';

/** A spinner with a message, announced politely: loading, creating, redirecting, tracking. */
export function progressView(translate: Translate, message: string, note?: MessageKey) {
  return html`<div part="status" role="status">
    <span class="spinner" aria-hidden="true"></span>
    <p>${message}</p>
    ${note ? html`<p class="hint">${translate(note)}</p>` : nothing}
  </div>`;
}
