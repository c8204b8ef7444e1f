import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SandboxBank } from '../../catalogue/sandbox-bank.js';

export type ObcScheme = 'domestic' | 'sepa';

/** A consent and, once its code is redeemed, its payment, as Open Banking Connect holds them. */
export interface ObcConsent {
  consentRequestId: string;
  /** Opens the bank page; unguessable. */
  token: string;
  state: string;
  scheme: ObcScheme;
  aspspId: string;
  bankId: string;
  amount: { value: string; currency: string };
  creditorName: string;
  reference?: string;
  tppRedirectURI: string;
  decision?: 'approve' | 'reject' | 'pending' | 'cancel';
  reasonCode?: string;
  code?: string;
  codeUsed?: boolean;
  consentId?: string;
  paymentId?: string;
  transactionStatus?: string;
  statusReasonCode?: string;
}

export interface ObcState {
  consents: Map<string, ObcConsent>;
  byToken: Map<string, ObcConsent>;
  byCode: Map<string, ObcConsent>;
  byPaymentId: Map<string, ObcConsent>;
  newIds(): { consentRequestId: string; token: string; state: string };
  newCode(): string;
}

export function createObcState(): ObcState {
  return {
    consents: new Map(),
    byToken: new Map(),
    byCode: new Map(),
    byPaymentId: new Map(),
    newIds: () => ({
      consentRequestId: randomUUID(),
      token: randomBytes(24).toString('base64url'),
      state: randomBytes(16).toString('base64url'),
    }),
    newCode: () => randomBytes(24).toString('base64url'),
  };
}

/** Each sandbox bank's ASPSP id: a stable UUID derived from its id, so tests and demo can name it. */
export function sandboxAspspId(bankId: string): string {
  const hex = createHash('sha256').update(`aspsp:${bankId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The banks Open Banking Connect reaches in the sandbox: SEPA (EUR) and UK/Polish domestic. */
export function reachesObc(bank: SandboxBank): boolean {
  return ['EUR', 'GBP', 'PLN'].includes(bank.currency);
}
