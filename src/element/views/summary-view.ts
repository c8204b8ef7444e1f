import { html, nothing } from 'lit';
import { formatMoney } from '../../core/money.js';
import type { SummaryLine } from '../../core/protocol.js';

/** A typed value in the payer's locale ("11 Dec 2026", "₹1,200.00"); text as the server sent it. */
export function formatSummaryValue(line: SummaryLine, locale: string): string {
  try {
    if (line.type === 'money' && line.currency)
      return formatMoney(line.value, line.currency, locale);
    if (line.type === 'date') {
      // A calendar date, not an instant: formatted in UTC so that no time zone moves it a day.
      const date = new Date(`${line.value}T00:00:00Z`);
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
    }
  } catch {
    // an unknown locale or currency: the value as sent
  }
  return line.value;
}

/** The bill or order being paid (customer, amount, due date...), as the merchant's server gave it. */
export function summaryView(
  lines: readonly SummaryLine[],
  locale: string,
  payee?: { label: string; name: string },
) {
  if (lines.length === 0 && !payee) return nothing;
  return html`<dl part="summary">
    ${
      payee
        ? html`<div>
            <dt>${payee.label}</dt>
            <dd>${payee.name}</dd>
          </div>`
        : nothing
    }
    ${lines.map(
      (line) =>
        html`<div>
          <dt>${line.label}</dt>
          <dd>${formatSummaryValue(line, locale)}</dd>
        </div>`,
    )}
  </dl>`;
}
