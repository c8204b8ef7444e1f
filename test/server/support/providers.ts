import { aiiaPay, mastercardOpenFinance, type PaymentProvider } from '../../../src/server/index.js';
import type { FetchFunction } from '../../../src/server/index.js';
import { SANDBOX_DEFAULTS } from './sandbox-fixture.js';

export type ProviderName = 'mastercard-open-finance' | 'aiia-pay';
export const PROVIDER_NAMES: readonly ProviderName[] = ['mastercard-open-finance', 'aiia-pay'];

export interface ProviderSetupOptions {
  now?: () => Date;
  fetch?: FetchFunction;
  clientSecret?: string;
  session?: boolean;
  destination?: Record<string, unknown>;
}

/** An adapter pointed at a running sandbox, with the sandbox's default credentials. */
export function providerFor(
  name: ProviderName,
  sandboxUrl: string,
  options: ProviderSetupOptions = {},
): PaymentProvider {
  if (name === 'mastercard-open-finance') {
    return mastercardOpenFinance({
      baseUrl: `${sandboxUrl}/mastercard`,
      clientId: SANDBOX_DEFAULTS.mastercard.clientId,
      clientSecret: options.clientSecret ?? SANDBOX_DEFAULTS.mastercard.clientSecret,
      destination: options.destination ?? { iban: 'DK5000400440116243', name: 'Sandbox Shop ApS' },
      ...(options.session ? { session: true } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeoutMs: 3000,
    });
  }
  return aiiaPay({
    baseUrl: `${sandboxUrl}/aiia`,
    clientId: SANDBOX_DEFAULTS.aiia.clientId,
    clientSecret: options.clientSecret ?? SANDBOX_DEFAULTS.aiia.clientSecret,
    destinationId: SANDBOX_DEFAULTS.aiia.destinationId,
    webhookSecret: SANDBOX_DEFAULTS.aiia.webhookSecret,
    ...(options.now ? { now: options.now } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs: 3000,
  });
}

/** The sandbox's provider key for a kit provider name. */
export function sandboxProviderOf(name: ProviderName): 'mastercard' | 'aiia' {
  return name === 'mastercard-open-finance' ? 'mastercard' : 'aiia';
}

/** A bank of the sandbox that is available for both providers. */
export const AVAILABLE_BANK = 'DE_NordhafenSparkasse';
