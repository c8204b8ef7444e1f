import { html, nothing } from 'lit';
import type { SummaryLine } from '../../core/protocol.js';

/**
 * The bill or order being paid (customer, amount, due date...), as the merchant's server gave it.
 * Each value reads in its own direction: an invoice number stays left to right in Arabic.
 */
export function summaryView(lines: readonly SummaryLine[]) {
  if (lines.length === 0) return nothing;
  return html`<dl part="summary">
    ${lines.map(
      (line) =>
        html`<div>
          <dt>${line.label}</dt>
          <dd dir="auto">${line.value}</dd>
        </div>`,
    )}
  </dl>`;
}
