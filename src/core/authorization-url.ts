import type { HandOffKind } from './protocol.js';
import { isLocalHost, parseHttpUrl } from './url-safety.js';

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
 * `upi://pay` link only under `handOff: "upi_intent"`. Needed only after Pay: kept out of the first
 * paint, with the payment session.
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
