import type { ProviderConnectionOptions } from '../provider-client.js';

export interface AiiaPayOptions extends ProviderConnectionOptions {
  /** e.g. `https://api-sandbox.aiia.eu`, or the sandbox's `${url}/aiia`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The onboarded payee (Connect Flow with `payments:inbound`). */
  destinationId: string;
  webhookSecret: string;
  /** HTTP Basic (public clients) or X-Client-Id/X-Client-Secret headers: not fully confirmed. Default basic. */
  auth?: 'basic' | 'client-headers';
  /** Optional payment scheme, e.g. `SepaCreditTransfer`. */
  schemeId?: string;
  /** Where the bank list is read. Default `/v1/providers` (not confirmed for Aiia Pay). */
  banksPath?: string;
  /** Accepted clock skew of webhook timestamps. Default 5 minutes. */
  webhookWindowMs?: number;
  /** How long the bank list is kept. Default 5 minutes. */
  bankCacheMs?: number;
}
