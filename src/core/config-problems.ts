import { FLOW_SETTINGS } from './config.js';
import type { SettingsProblem } from './config.js';

/**
 * The sentences a merchant's developer reads in the console when an attribute is wrong. Loaded only
 * then, so pages with correct attributes do not download them.
 */

const EXPECTED: Record<SettingsProblem['attribute'], string> = {
  endpoint: 'an http(s) URL of your server kit, relative or absolute, such as "/api/pay-by-bank"',
  amount: 'a decimal in major units such as "42.00"',
  currency: 'an ISO 4217 code such as "EUR" (needed to show "amount")',
  country: 'a two-letter ISO 3166 code such as "DE"',
  flow: `one of ${FLOW_SETTINGS.join(', ')}`,
  'return-url': 'an http(s) URL',
};

export function describeProblem({ attribute, kind, value }: SettingsProblem): string {
  const expected = EXPECTED[attribute];
  return kind === 'missing'
    ? `the "${attribute}" attribute is required: ${expected}.`
    : `"${attribute}" must be ${expected}; got "${value}".`;
}

export function describeProblems(problems: readonly SettingsProblem[]): string {
  return `<pay-by-bank>: ${problems.map(describeProblem).join(' ')}`;
}
