import { bankLogoUrl, type SandboxLogoMode } from './logo.js';
import type { SandboxBank } from './sandbox-bank.js';

const SYNC_MODES = { available: 'Full', degraded: 'Degraded', unavailable: 'Disabled' } as const;
const EXECUTION = { executionTypes: ['Normal', 'Instant'] };

/**
 * A bank as Open Finance Europe's `GET /v1/providers` lists it (Mastercard's public Postman collection).
 * `syncMode` Degraded/Disabled and `priority` < 100 for popular are this sandbox's conventions.
 */
export function toProviderObject(
  bank: SandboxBank,
  updated: string,
  logos?: { mode: SandboxLogoMode | undefined; base: string },
): Record<string, unknown> {
  return {
    id: bank.id,
    name: bank.name,
    countryCode: bank.country,
    status: { syncMode: SYNC_MODES[bank.status], tryAgain: null, updated, message: null },
    presentation: {
      priority: bank.popular ? 10 : 500,
      aliases: null,
      color: bank.color,
      logos: {
        large: { png: null, svg: bankLogoUrl(bank, logos?.mode, logos?.base ?? '') },
        round: null,
      },
    },
    paymentMethods: {
      domestic: EXECUTION,
      international: null,
      inpaymentForm: bank.country === 'DK' ? EXECUTION : null,
      sepa: bank.currency === 'EUR' ? EXECUTION : null,
    },
    audiences: ['Private', 'Business'],
    paymentAuthorization: { paymentsAllowedPerAuthorization: 1 },
    paymentReconciliation: { reconciliationEnabled: false },
  };
}
