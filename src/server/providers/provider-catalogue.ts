import type { Bank, BankAvailability } from '../../core/protocol.js';
import { isRecord, malformed, stringField } from '../provider-http.js';

/**
 * Parses the Open Finance Europe provider list (`GET /v1/providers`, as in Mastercard's public Postman
 * collection), which both adapters read: `[{ id, name, countryCode, status { syncMode }, presentation
 * { priority, logos { large { svg, png } } }, paymentMethods }]`.
 *
 * Not public, so decided here: `syncMode` other than Full means degraded, Disabled/None means
 * unavailable; a `priority` below 100 marks a popular bank.
 */
export function parseProviderCatalogue(body: unknown): Bank[] {
  const list = Array.isArray(body)
    ? body
    : isRecord(body) && Array.isArray(body.providers)
      ? body.providers
      : undefined;
  if (!list) throw malformed('the bank list is not an array');
  const banks: Bank[] = [];
  for (const entry of list) {
    if (!isRecord(entry)) continue;
    const id = stringField(entry, 'id');
    const name = stringField(entry, 'name');
    const country = stringField(entry, 'countryCode');
    if (!id || !name || !country || !/^[A-Z]{2}$/.test(country)) continue;
    if (!supportsPayments(entry.paymentMethods)) continue;
    const bank: Bank = { id, name, country, status: availability(entry.status) };
    const presentation = isRecord(entry.presentation) ? entry.presentation : undefined;
    const logo = logoOf(presentation);
    if (logo) bank.logo = logo;
    const priority = presentation?.priority;
    if (typeof priority === 'number' && priority < 100) bank.popular = true;
    banks.push(bank);
  }
  return banks;
}

function supportsPayments(methods: unknown): boolean {
  if (methods === undefined || methods === null) return true;
  if (Array.isArray(methods)) return methods.length > 0;
  return isRecord(methods) && Object.values(methods).some((method) => method !== null);
}

function availability(status: unknown): BankAvailability {
  const mode = isRecord(status) ? stringField(status, 'syncMode') : undefined;
  if (!mode || mode === 'Full') return 'available';
  if (/^(?:disabled|none|unavailable|offline)$/i.test(mode)) return 'unavailable';
  return 'degraded';
}

function logoOf(presentation: Record<string, unknown> | undefined): string | undefined {
  const logos = presentation && isRecord(presentation.logos) ? presentation.logos : undefined;
  for (const size of ['large', 'round']) {
    const variants =
      logos && isRecord(logos[size]) ? (logos[size] as Record<string, unknown>) : undefined;
    for (const format of ['svg', 'png']) {
      const url = variants ? stringField(variants, format) : undefined;
      if (url && isSafeLogoUrl(url)) return url;
    }
  }
  return undefined;
}

/** The browser shows logos in an <img>: https, or an inline image; nothing that could run script. */
function isSafeLogoUrl(url: string): boolean {
  return (
    /^https:\/\//i.test(url) ||
    /^data:image\/(?:svg\+xml|png|webp)[;,]/i.test(url) ||
    /^http:\/\/(?:localhost|127\.0\.0\.1)[:/]/i.test(url)
  );
}
