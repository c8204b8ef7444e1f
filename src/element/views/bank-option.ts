import { html, nothing } from 'lit';
import type { Bank } from '../../core/protocol.js';
import type { Translate } from '../../core/i18n.js';
import { initials, initialsColour } from '../../core/text.js';

export interface BankOptionModel {
  bank: Bank;
  optionId: string;
  selected: boolean;
  active: boolean;
  showLogo: boolean;
  translate: Translate;
  onLogoError(bankId: string): void;
}

/** What the payer should know about a bank first: that it is down or slow, else that it is popular. */
function badge(bank: Bank, translate: Translate) {
  const note = bank.status === 'available' ? bank.popular && 'popular' : bank.status;
  if (!note) return nothing;
  return html`<span class=${note === 'popular' ? 'badge' : 'badge warning'}
    >${translate(note)}</span
  >`;
}

/**
 * One bank in the listbox: logo or initials, name, and what the payer should know about it. A click
 * on it is the list's, by its `data-bank-id` (choose-view.ts): no listener per option.
 */
export function bankOption(model: BankOptionModel) {
  const { bank, translate } = model;
  const unavailable = bank.status === 'unavailable';
  return html`<li
    id=${model.optionId}
    role="option"
    part="bank"
    class=${model.active ? 'active' : ''}
    aria-selected=${model.selected ? 'true' : 'false'}
    aria-disabled=${unavailable ? 'true' : 'false'}
    data-bank-id=${bank.id}
  >
    ${
      model.showLogo && bank.logo
        ? html`<img
            class="logo"
            src=${bank.logo}
            alt=""
            width="32"
            height="32"
            @error=${() => model.onLogoError(bank.id)}
          />`
        : // A style property, not a style attribute: allowed under a CSP without 'unsafe-inline'.
          html`<span
            class="logo"
            aria-hidden="true"
            .style=${`background:${initialsColour(bank.name)};color:#fff`}
            >${initials(bank.name)}</span
          >`
    }
    <span class="bank-text">
      <span class="name">${bank.name}</span>
      ${badge(bank, translate)}
    </span>
  </li>`;
}
