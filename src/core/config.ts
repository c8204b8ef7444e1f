import { isCurrencyCode, isDecimalAmount } from './money.js';
import { parseHttpUrl } from './url-safety.js';

export const FLOW_SETTINGS = ['auto', 'redirect', 'popup', 'qr'] as const;
export type FlowSetting = (typeof FLOW_SETTINGS)[number];

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** The element's attributes as the page gave them: strings or nothing. */
export interface ElementAttributes {
  endpoint?: string | undefined;
  amount?: string | undefined;
  currency?: string | undefined;
  country?: string | undefined;
  flow?: string | undefined;
  returnUrl?: string | undefined;
}

export interface CheckoutSettings {
  endpoint: URL;
  amount: { value: string; currency: string } | undefined;
  country: string | undefined;
  flow: FlowSetting;
  returnUrl: string | undefined;
}

export type SettingsResult =
  { ok: true; settings: CheckoutSettings } | { ok: false; problems: string[] };

/**
 * Checks the attributes a merchant wrote. Each problem is a sentence for the merchant's developer,
 * naming the attribute and what it should look like.
 */
export function parseSettings(attributes: ElementAttributes, baseUrl: string): SettingsResult {
  const problems: string[] = [];
  const endpoint = attributes.endpoint ? parseHttpUrl(attributes.endpoint, baseUrl) : undefined;
  if (!attributes.endpoint) {
    problems.push(
      'the "endpoint" attribute is required: the URL of your server kit, e.g. "/api/pay-by-bank".',
    );
  } else if (!endpoint) {
    problems.push(
      `"endpoint" must be an http(s) URL, relative or absolute; got "${attributes.endpoint}".`,
    );
  }

  const { amount, currency } = attributes;
  if (amount !== undefined && !isDecimalAmount(amount)) {
    problems.push(`"amount" must be a decimal in major units such as "42.00"; got "${amount}".`);
  }
  if (currency !== undefined && !isCurrencyCode(currency)) {
    problems.push(`"currency" must be an ISO 4217 code such as "EUR"; got "${currency}".`);
  }
  if (amount !== undefined && currency === undefined) {
    problems.push('"amount" needs a "currency" to be shown.');
  }

  const country = attributes.country?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    problems.push(
      `"country" must be a two-letter ISO 3166 code such as "DE"; got "${attributes.country}".`,
    );
  }

  const flow = attributes.flow ?? 'auto';
  if (!(FLOW_SETTINGS as readonly string[]).includes(flow)) {
    problems.push(`"flow" must be one of ${FLOW_SETTINGS.join(', ')}; got "${flow}".`);
  }

  const returnUrl = attributes.returnUrl ? parseHttpUrl(attributes.returnUrl, baseUrl) : undefined;
  if (attributes.returnUrl && !returnUrl) {
    problems.push(`"return-url" must be an http(s) URL; got "${attributes.returnUrl}".`);
  }

  if (problems.length > 0 || !endpoint) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      endpoint,
      amount:
        amount !== undefined && currency !== undefined ? { value: amount, currency } : undefined,
      country,
      flow: flow as FlowSetting,
      returnUrl: returnUrl?.href,
    },
  };
}

export function parseTheme(value: string | undefined): Theme | undefined {
  return value === undefined || (THEMES as readonly string[]).includes(value)
    ? (value as Theme)
    : undefined;
}
