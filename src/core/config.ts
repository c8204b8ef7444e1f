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

/** What is wrong with one attribute; `config-problems.ts` words it for the merchant's developer. */
export interface SettingsProblem {
  attribute: 'endpoint' | 'amount' | 'currency' | 'country' | 'flow' | 'return-url';
  /** `missing`: required and absent; `invalid`: present and malformed. */
  kind: 'missing' | 'invalid';
  value?: string | undefined;
}

export type SettingsResult =
  { ok: true; settings: CheckoutSettings } | { ok: false; problems: SettingsProblem[] };

/** Checks the attributes a merchant wrote, and says which are wrong. */
export function parseSettings(attributes: ElementAttributes, baseUrl: string): SettingsResult {
  const problems: SettingsProblem[] = [];
  const invalid = (attribute: SettingsProblem['attribute'], value: string | undefined) =>
    problems.push({ attribute, kind: 'invalid', value });

  const endpoint = attributes.endpoint ? parseHttpUrl(attributes.endpoint, baseUrl) : undefined;
  if (!attributes.endpoint) problems.push({ attribute: 'endpoint', kind: 'missing' });
  else if (!endpoint) invalid('endpoint', attributes.endpoint);

  const { amount, currency } = attributes;
  if (amount !== undefined && !isDecimalAmount(amount)) invalid('amount', amount);
  if (currency !== undefined && !isCurrencyCode(currency)) invalid('currency', currency);
  if (amount !== undefined && currency === undefined) {
    problems.push({ attribute: 'currency', kind: 'missing' });
  }

  const country = attributes.country?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) invalid('country', attributes.country);

  const flow = attributes.flow ?? 'auto';
  if (!(FLOW_SETTINGS as readonly string[]).includes(flow)) invalid('flow', flow);

  const returnUrl = attributes.returnUrl ? parseHttpUrl(attributes.returnUrl, baseUrl) : undefined;
  if (attributes.returnUrl && !returnUrl) invalid('return-url', attributes.returnUrl);

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
