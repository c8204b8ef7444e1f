import type { SandboxOutcome } from './options.js';
import type { SandboxProvider } from './sandbox-payment.js';

export type SandboxStep = 'created' | 'opened' | SandboxOutcome | 'expire';

export interface ProviderState {
  status: string;
  terminal: boolean;
  details?: Record<string, unknown>;
}

/**
 * What each provider shows after each step, in its own words. Aiia's approve passes through Authorized
 * to Executed (two updates, two webhooks); "pending" leaves a payment authorised but not settled.
 */
export function statesAfter(
  provider: SandboxProvider,
  step: SandboxStep,
  aiiaCancelStatus: string,
): ProviderState[] {
  if (provider === 'mastercard') {
    switch (step) {
      case 'created':
        return [{ status: 'Preparing', terminal: false }];
      case 'opened':
        return [{ status: 'Authorizing', terminal: false }];
      case 'approve':
        return [{ status: 'Succeeded', terminal: true }];
      case 'reject':
        return [{ status: 'Failed', terminal: true, details: { reason: 'PaymentRejectedByBank' } }];
      case 'cancel':
        return [{ status: 'Cancelled', terminal: true, details: { reason: 'CancelledByUser' } }];
      case 'pending':
        return [{ status: 'Pending', terminal: false }];
      case 'expire':
        return [{ status: 'Expired', terminal: true, details: { reason: 'AuthorizationExpired' } }];
    }
  }
  switch (step) {
    case 'created':
      return [{ status: 'Initiated', terminal: false }];
    case 'opened':
      return [{ status: 'AwaitingAuthorization', terminal: false }];
    case 'approve':
      return [
        { status: 'Authorized', terminal: false },
        { status: 'Executed', terminal: true },
      ];
    case 'reject':
      return [{ status: 'Rejected', terminal: true, details: { statusReason: 'RejectedByBank' } }];
    case 'cancel':
      return [
        { status: aiiaCancelStatus, terminal: true, details: { statusReason: 'CancelledByPayer' } },
      ];
    case 'pending':
      return [{ status: 'Authorized', terminal: false }];
    case 'expire':
      return [{ status: 'Expired', terminal: true }];
  }
}
