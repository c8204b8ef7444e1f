import { createHash } from 'node:crypto';
import type { BanksResponse } from '../../core/protocol.js';
import type { HandlerContext } from '../context.js';
import { jsonResponse } from '../json-response.js';
import { ProblemError } from '../problem.js';
import { summaryOf, type SummaryAnswer } from '../summary.js';
import { targetOf, type KitRequest } from '../kit-request.js';
import type { KitAnswer } from '../kit-answer.js';

const COUNTRY = /^[A-Za-z]{2}$/;

/**
 * `GET banks?country=XX[&checkout=…]`: the provider's banks of one country, and every country it serves;
 * with `checkout`, also what is being paid (`summary`) when the merchant's `resolveCheckout` gives one.
 */
export async function listBanks(context: HandlerContext, request: KitRequest): Promise<KitAnswer> {
  const url = targetOf(request);
  const asked = url.searchParams.get('country');
  if (asked !== null && !COUNTRY.test(asked)) {
    throw new ProblemError(400, 'invalid_request', 'country must be an ISO 3166-1 alpha-2 code.');
  }
  const checkout = url.searchParams.get('checkout');
  if (checkout !== null && checkout.length > 1024) {
    throw new ProblemError(400, 'invalid_request', 'checkout must be at most 1024 characters.');
  }
  if (!checkout) {
    // The common case: the bank list alone, serialised once per list and country, with an ETag.
    const all = await context.provider.listBanks();
    const answer = serialisedList(all, asked?.toUpperCase(), request);
    return matches(request.headers.get('if-none-match'), answer.etag)
      ? answer.notModified
      : answer.list;
  }
  const [all, shown] = await Promise.all([
    context.provider.listBanks(),
    summaryOf(context, checkout, request),
  ]);
  // A checkout's summary (a bill's amount) may change: never kept.
  const body: BanksResponse & SummaryAnswer = {
    ...listOf(all, asked?.toUpperCase(), request),
    ...shown,
  };
  return jsonResponse(body, 200, { 'cache-control': 'no-store' });
}

type Bank = Awaited<ReturnType<HandlerContext['provider']['listBanks']>>[number];

function listOf(
  all: readonly Bank[],
  asked: string | undefined,
  request: KitRequest,
): BanksResponse {
  const countries = [...new Set(all.map((bank) => bank.country))].sort();
  const country = asked ?? preferredCountry(request, countries);
  return { country, countries, banks: all.filter((bank) => bank.country === country) };
}

/** One bank list's answers: the list, and `304` to a request that has it. */
interface SerialisedList {
  etag: string;
  list: KitAnswer;
  notModified: KitAnswer;
}

/** Per bank list the provider answered (kept while it is), per country: its answers, with the ETag. */
const serialised = new WeakMap<readonly Bank[], Map<string, SerialisedList>>();

function serialisedList(
  all: readonly Bank[],
  asked: string | undefined,
  request: KitRequest,
): SerialisedList {
  const byCountry = serialised.get(all) ?? new Map<string, SerialisedList>();
  serialised.set(all, byCountry);
  const key = asked ?? `?${request.headers.get('accept-language') ?? ''}`;
  let answer = byCountry.get(key);
  if (!answer) {
    const body = JSON.stringify(listOf(all, asked, request));
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const headers = { 'cache-control': 'private, max-age=60', etag };
    // Frozen: written to every request as they are (src/server/node-listener.ts).
    answer = {
      etag,
      list: Object.freeze({
        status: 200,
        headers: { 'content-type': 'application/json', ...headers },
        body,
      }),
      notModified: Object.freeze({ status: 304, headers, body: null }),
    };
    // Bounded: one entry per country asked, plus a few languages (the rest are computed each time).
    if (asked || byCountry.size < 64) byCountry.set(key, answer);
  }
  return answer;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return (
    ifNoneMatch === '*' ||
    ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  );
}

/** Without `?country=`, the region of the payer's language if the provider serves it, else the first. */
function preferredCountry(request: KitRequest, countries: string[]): string {
  const languages = (request.headers.get('accept-language') ?? '').split(',');
  for (const language of languages) {
    const region = /^[a-z]{2,3}-([A-Za-z]{2})\b/i.exec(language.trim())?.[1]?.toUpperCase();
    if (region && countries.includes(region)) return region;
  }
  return countries[0] ?? 'DE';
}
