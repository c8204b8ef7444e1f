import type { HandlerContext } from './context.js';
import type { CheckoutSummaryItem } from './provider.js';
import type { KitRequest } from './kit-request.js';

/** The protocol extension: an optional `summary` beside the banks and create answers (README). */
export interface SummaryAnswer {
  summary?: CheckoutSummaryItem[];
}

/**
 * The summary of a checkout for `GET banks?checkout=`: nothing when the checkout is unknown or has
 * none. Never an error: the bank list must show even when the merchant cannot price the checkout yet.
 */
export async function summaryOf(
  context: HandlerContext,
  checkout: string,
  request: KitRequest,
): Promise<CheckoutSummaryItem[] | undefined> {
  try {
    const resolved = await context.resolveCheckout(checkout, request);
    const summary = resolved?.summary;
    if (!Array.isArray(summary) || summary.length === 0) return undefined;
    return summary
      .filter((item) => typeof item?.label === 'string' && typeof item.value === 'string')
      .slice(0, 20)
      .map((item) => ({ label: item.label.slice(0, 80), value: item.value.slice(0, 200) }));
  } catch {
    return undefined;
  }
}
