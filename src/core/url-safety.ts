import type { HandOffKind } from './protocol.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

/** Parses a URL and returns it only if it is absolute and http(s); otherwise undefined. */
export function parseHttpUrl(value: string, base?: string): URL | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The one exception to https: a `upi://pay` link, only when the server's create answer said the
 * hand-off is UPI intent (docs/protocol.md, "Cashfree BBPS"). It opens the payer's UPI app.
 */
export function isUpiIntentLink(value: string, handOff: HandOffKind | undefined): boolean {
  return handOff === 'upi_intent' && /^upi:\/\/pay\?\S*$/.test(value);
}

/**
 * The element navigates only to https: authorization URLs (http: only on localhost), never to
 * javascript: or data:, and, when the merchant gives an allowlist, only to those origins; a
 * `upi://pay` link only under `handOff: "upi_intent"`.
 */
export function isSafeAuthorizationUrl(
  value: string,
  allowedOrigins: readonly string[] = [],
  handOff?: HandOffKind,
): boolean {
  if (isUpiIntentLink(value, handOff)) return true;
  const url = parseHttpUrl(value);
  if (!url) return false;
  if (url.username || url.password) return false;
  if (url.protocol === 'http:' && !isLocalHost(url.hostname)) return false;
  return allowedOrigins.length === 0 || allowedOrigins.includes(url.origin);
}

/** A logo is shown only from http(s) or an inline SVG/PNG data URL; anything else falls back to initials. */
export function isSafeImageUrl(value: string, base: string): boolean {
  if (/^data:image\/(svg\+xml|png|jpeg|webp)[;,]/i.test(value)) return true;
  return parseHttpUrl(value, base) !== undefined;
}
