import type { HandlerContext } from './context.js';
import type { CheckoutSummaryItem } from './provider.js';
import type { KitRequest } from './kit-request.js';

/** The protocol extension: an optional `summary` beside the banks and create answers (README). */
export interface SummaryAnswer {
  summary?: CheckoutSummaryItem[];
  /** Who is paid: `resolveCheckout`'s `payee`. */
  payee?: string;
  /** `resolveCheckout`'s `reference`, which the payer sees before leaving for the bank. */
  reference?: string;
}

/** A payee's name or a reference when it is short text; anything else is left out rather than shown broken. */
export function payeeOf(payee: unknown): string | undefined {
  if (typeof payee !== 'string') return undefined;
  const name = payee.trim().slice(0, 140);
  return name || undefined;
}

/**
 * The summary and payee of a checkout for `GET banks?checkout=`: nothing when the checkout is
 * unknown or has none. Never an error: the bank list must show even when the merchant cannot price the checkout yet.
 */
export async function summaryOf(
  context: HandlerContext,
  checkout: string,
  request: KitRequest,
): Promise<SummaryAnswer> {
  try {
    const resolved = await context.resolveCheckout(checkout, request);
    const payee = payeeOf(resolved?.payee);
    const reference = payeeOf(resolved?.reference);
    const summary = resolved?.summary;
    const answer: SummaryAnswer = {
      ...(payee ? { payee } : {}),
      ...(reference ? { reference } : {}),
    };
    if (!Array.isArray(summary) || summary.length === 0) return answer;
    answer.summary = typedSummary(
      summary
        .filter((item) => typeof item?.label === 'string' && typeof item.value === 'string')
        .slice(0, 20)
        .map((item) => ({ label: item.label.slice(0, 80), value: item.value.slice(0, 200) })),
    );
    return answer;
  } catch {
    return {};
  }
}

/** The line as the payer reads it: typed for the element's Intl (docs/protocol.md, summary). */
export interface TypedSummaryItem extends CheckoutSummaryItem {
  type?: 'date' | 'money';
  currency?: string;
}

const CURRENCY_SIGNS: Record<string, string> = { '₹': 'INR', '€': 'EUR', '£': 'GBP', $: 'USD' };
const SIGNED_AMOUNT = /^([₹€£$])\s?(\d{1,12}(?:\.\d{1,4})?)$/;
const CODED_AMOUNT =
  /^(\d{1,12}(?:\.\d{1,4})?)\s?([A-Z]{3})$|^([A-Z]{3})\s?(\d{1,12}(?:\.\d{1,4})?)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * Billing periods as providers spell them (BBPS's `billPeriod`): constants, not words. Only these,
 * so that an acronym ("SEPA", "ICICI") is never "Sepa".
 */
const PERIOD_CONSTANT =
  /^(?:DAILY|WEEKLY|FORTNIGHTLY|MONTHLY|BIMONTHLY|QUARTERLY|HALF_?YEARLY|YEARLY|ANNUAL(?:LY)?|ONE_?TIME|ADHOC)$/;

/**
 * Types what a merchant or a provider sent as text: ISO dates and amounts become typed values the
 * element formats in the payer's locale; enum constants become words ("MONTHLY" becomes "Monthly").
 */
export function typedSummary(items: readonly CheckoutSummaryItem[]): TypedSummaryItem[] {
  return items.map(({ label, value }) => {
    const text = value.trim();
    if (ISO_DATE.test(text) && !Number.isNaN(Date.parse(text)))
      return { label, value: text, type: 'date' };
    const signed = SIGNED_AMOUNT.exec(text);
    if (signed?.[1] && signed[2]) {
      return { label, value: signed[2], type: 'money', currency: CURRENCY_SIGNS[signed[1]] };
    }
    const coded = CODED_AMOUNT.exec(text);
    if (coded) {
      const amount = coded[1] ?? coded[4];
      const currency = coded[2] ?? coded[3];
      if (amount && currency) return { label, value: amount, type: 'money', currency };
    }
    if (PERIOD_CONSTANT.test(text)) {
      const words = text.toLowerCase().replaceAll('_', ' ');
      return { label, value: words.charAt(0).toUpperCase() + words.slice(1) };
    }
    return { label, value };
  });
}
