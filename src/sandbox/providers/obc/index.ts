import type { ApiContext } from '../../api-context.js';
import { bankLogoUrl } from '../../catalogue/logo.js';
import type { SandboxBank } from '../../catalogue/sandbox-bank.js';
import type { SandboxOptions } from '../../options.js';
import type { SandboxSimulator } from '../../simulator.js';
import { obcApi } from './api.js';
import { decideObc, showObcBankPage } from './bank-pages.js';
import { createObcState, reachesObc, sandboxAspspId } from './state.js';

/**
 * Mastercard Open Banking Connect: its API below `/obc/openbanking/sandbox/connect/api/…`, and its bank
 * at `GET|POST /obc/bank/authorize`. A payment here is a consent, then a code redeemed for a transfer,
 * so it keeps its own state rather than the engine's redirect payments.
 */
export function obcSimulator(context: ApiContext): SandboxSimulator {
  const state = createObcState();
  return {
    name: 'obc',
    routes: [
      {
        method: 'ANY',
        path: /^\/obc\/openbanking\/sandbox\/connect\/api(\/.*)$/,
        // A consent is the payment made; the credit transfer redeems the bank's code for it.
        api: ([, path = '']) =>
          /\/consents$/.test(path)
            ? 'create'
            : /\/payment-status$/.test(path)
              ? 'status'
              : /-credit-transfers$/.test(path)
                ? 'exchange'
                : undefined,
        handle: (request, match) => obcApi(context, state, request, match[1] ?? ''),
      },
      {
        method: 'GET',
        path: /^\/obc\/bank\/authorize$/,
        handle: (request) => showObcBankPage(context, state, request),
      },
      {
        method: 'POST',
        path: /^\/obc\/bank\/authorize$/,
        handle: (request) => decideObc(context, state, request),
      },
    ],
    faultBody: () => ({
      Errors: {
        Error: [
          {
            Source: 'Gateway',
            ReasonCode: 'SYSTEM_ERROR',
            Description: 'Simulated failure.',
            Details: 'Simulated failure.',
            Recoverable: true,
          },
        ],
      },
    }),
    statusOf: (consentRequestId) => state.consents.get(consentRequestId)?.transactionStatus,
  };
}

export { OBC_REJECT_REASONS } from './bank-pages.js';
export { reachesObc, sandboxAspspId } from './state.js';

export interface SandboxAspspBank {
  id: string;
  aspspId: string;
  name: string;
  country: string;
  logo: string;
  popular?: boolean;
  status: 'available' | 'degraded' | 'unavailable';
}

/** The banks Open Banking Connect reaches here, as a merchant would configure them: with ASPSP ids. */
export function aspspBanks(
  banks: readonly SandboxBank[],
  logos: SandboxOptions['logos'],
  logoBase: string,
): SandboxAspspBank[] {
  return banks.filter(reachesObc).map((bank) => ({
    id: bank.id,
    aspspId: sandboxAspspId(bank.id),
    name: bank.name,
    country: bank.country,
    logo: bankLogoUrl(bank, logos, logoBase),
    ...(bank.popular ? { popular: true } : {}),
    status: bank.status,
  }));
}
