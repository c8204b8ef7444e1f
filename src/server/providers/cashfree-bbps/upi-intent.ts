import { fromPaise } from './paise.js';

/** Who a UPI intent pays: the Customer Operating Unit's collection UPI ID (docs/protocol.md). */
export interface UpiPayee {
  /** The payee's UPI ID (VPA), `name@handle`. */
  vpa: string;
  /** The payee's name, shown in the payer's UPI app. */
  name: string;
  /** The payee's merchant category code (`mc`), when it has one. */
  merchantCode?: string;
}

export interface UpiIntentInput {
  payee: UpiPayee;
  /** The amount in paise; the link carries rupees with two decimals. */
  amountPaise: string;
  /** `tr`: the merchant's transaction reference, here the bill payment's `transaction_ref_id`. */
  transactionRef: string;
  /** `tn`: a short note the app shows. */
  note: string;
}

/**
 * A value of the link, percent-encoded (RFC 3986): spaces as `%20`, which every UPI app reads, rather
 * than `+`; `&`, `=`, `#`, `%` and non-ASCII escaped. `@` stays as it is, as in the specification's
 * examples (`pa=name@handle`): it is allowed in a query.
 */
function encodeUpiValue(value: string): string {
  return encodeURIComponent(value).replaceAll('%40', '@');
}

/**
 * A `upi://pay` link per NPCI's UPI linking specification: `pa`, `pn`, `am` (rupees, two decimals),
 * `cu=INR`, `tr`, `tn`, and `mc` when known (docs/protocol.md, "Cashfree BBPS").
 */
export function upiIntentLink({
  payee,
  amountPaise,
  transactionRef,
  note,
}: UpiIntentInput): string {
  const fields: [string, string][] = [
    ['pa', payee.vpa],
    ['pn', payee.name],
    ['am', fromPaise(amountPaise)],
    ['cu', 'INR'],
    ['tr', transactionRef],
    ['tn', note.slice(0, 50)],
    ...(payee.merchantCode ? ([['mc', payee.merchantCode]] as [string, string][]) : []),
  ];
  return `upi://pay?${fields.map(([name, value]) => `${name}=${encodeUpiValue(value)}`).join('&')}`;
}

/** The same fields on an https page: the sandbox's stand-in for the payer's UPI app. */
export function upiAppPageUrl(pageUrl: string, link: string): string {
  const url = new URL(pageUrl);
  url.search = link.slice(link.indexOf('?'));
  return url.href;
}
