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

/**
 * The bill or order being paid (customer, amount, due date...), as the merchant's server gave it.
 * Each value reads in its own direction: an invoice number stays left to right in Arabic.
 */
export function summaryView(
  lines: readonly SummaryLine[],
  locale: string,
  /** What the payer must see before the bank, beside the bill: [label, value], absent values left out. */
  facts: readonly [string, string | undefined][] = [],
) {
  const known = facts.filter((fact): fact is [string, string] => Boolean(fact[1]));
  if (lines.length === 0 && known.length === 0) return nothing;
  return html`<dl part="summary">
    ${known.map(
      ([label, value]) =>
        html`<div>
          <dt>${label}</dt>
          <dd dir="auto">${value}</dd>
        </div>`,
    )}
    ${lines.map(
      (line) =>
        html`<div>
          <dt>${line.label}</dt>
          <dd dir="auto">${formatSummaryValue(line, locale)}</dd>
        </div>`,
    )}
  </dl>`;
}
