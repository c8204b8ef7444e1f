import type { BanksResponse } from '../../core/protocol.js';
import type { HandlerContext } from '../context.js';
import { jsonResponse } from '../json-response.js';
import { ProblemError } from '../problem.js';
import { summaryOf, type SummaryAnswer } from '../summary.js';

const COUNTRY = /^[A-Za-z]{2}$/;

/**
 * `GET banks?country=XX[&checkout=…]`: the provider's banks of one country, and every country it serves;
 * with `checkout`, also what is being paid (`summary`) when the merchant's `resolveCheckout` gives one.
 */
export async function listBanks(context: HandlerContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const asked = url.searchParams.get('country');
  if (asked !== null && !COUNTRY.test(asked)) {
    throw new ProblemError(400, 'invalid_request', 'country must be an ISO 3166-1 alpha-2 code.');
  }
  const checkout = url.searchParams.get('checkout');
  if (checkout !== null && checkout.length > 1024) {
    throw new ProblemError(400, 'invalid_request', 'checkout must be at most 1024 characters.');
  }
  const [all, shown] = await Promise.all([
    context.provider.listBanks(),
    checkout ? summaryOf(context, checkout, request) : {},
  ]);
  const countries = [...new Set(all.map((bank) => bank.country))].sort();
  const country = asked?.toUpperCase() ?? preferredCountry(request, countries);
  const body: BanksResponse & SummaryAnswer = {
    country,
    countries,
    banks: all.filter((bank) => bank.country === country),
    ...shown,
  };
  // A checkout's summary (a bill's amount) may change; the bank list alone may be kept a minute.
  const cache = checkout ? 'no-store' : 'private, max-age=60';
  return jsonResponse(body, 200, { 'cache-control': cache });
}

/** Without `?country=`, the region of the payer's language if the provider serves it, else the first. */
function preferredCountry(request: Request, countries: string[]): string {
  const languages = (request.headers.get('accept-language') ?? '').split(',');
  for (const language of languages) {
    const region = /^[a-z]{2,3}-([A-Za-z]{2})\b/i.exec(language.trim())?.[1]?.toUpperCase();
    if (region && countries.includes(region)) return region;
  }
  return countries[0] ?? 'DE';
}
