import type { UnknownFields } from './schemas/check.js';

export type SandboxOutcome = 'approve' | 'reject' | 'cancel' | 'pending';

/** The simulated providers, by the first segment of their paths. */
export type SandboxApiProvider = 'mastercard' | 'aiia' | 'obc' | 'cashfree';

/**
 * A provider API call by what it does, whatever the provider calls it: `create` a payment (Aiia's
 * accept, Open Banking Connect's consent, Cashfree's bill payment), read its `status`, `exchange`
 * the bank's code for the payment (Open Banking Connect's credit transfer), list `banks`, or fetch a
 * bill (Cashfree's `bill-fetch`, request and response).
 */
export type SandboxApiCall = 'create' | 'status' | 'exchange' | 'banks' | 'bill-fetch';

export interface SandboxFaults {
  /** Share (0..1) of provider API calls answered with `errorStatus`. */
  errorRate?: number;
  /** Default 500. */
  errorStatus?: number;
  /** Share (0..1) of provider API calls answered with a body that is not JSON. */
  malformedRate?: number;
  /**
   * How long each affected call is held before it is answered (its real answer, or the fault): a
   * provider slower than the kit's timeout. The call still does its work, as a slow provider would.
   */
  delayMs?: number;
  /** Only this provider's API calls are affected. Default: every provider's. */
  provider?: SandboxApiProvider;
  /** Only this call is affected (of `provider`, or of every provider). Default: every call. */
  call?: SandboxApiCall;
  /** Only the next `times` affected calls; after them the faults are spent. Default: no end. */
  times?: number;
}

export interface SandboxWebhookOptions {
  /** Where signed webhooks are POSTed. */
  url?: string;
  /** Instead of (or besides) a URL: hand each webhook request to a function, e.g. the server kit's handler. */
  deliver?: (request: Request) => Promise<Response | void> | Response | void;
  /** Send every webhook twice, with the same event id. */
  duplicate?: boolean;
  /** Swap consecutive webhooks of a payment, so the later event arrives first. */
  outOfOrder?: boolean;
  /** Send each webhook this long after its change: late, after the payer already saw the outcome. */
  delayMs?: number;
}

/**
 * Open Finance Europe's `status.code` after each step, where no public source names it. Defaults:
 * opened `Authorizing`, reject `Failed`, cancel `Cancelled`, pending `Pending`, expire `Expired`.
 */
export interface MastercardStatusCodes {
  opened?: string;
  reject?: string;
  cancel?: string;
  pending?: string;
  expire?: string;
}

/** Unix time in seconds (default) or milliseconds, as the public sample parses it, or ISO-8601. */
export type AiiaWebhookTimestamp = 'unix-seconds' | 'unix-milliseconds' | 'iso';

export interface SandboxSchemaOptions {
  /**
   * A request field the provider's documentation does not name: refused in the provider's error
   * envelope (default), or dropped before the request is handled.
   */
  unknownFields?: UnknownFields;
}

export interface SandboxOptions {
  /** Where the sandbox is mounted. Default `/sandbox`. */
  basePath?: string;
  /** The sandbox's public URL including `basePath`, for the bank page links. Default: the request's origin. */
  publicUrl?: string;
  mastercard?: {
    clientId?: string;
    clientSecret?: string;
    /** The status codes no public source confirms (see `docs/protocol.md`). */
    statusCodes?: MastercardStatusCodes;
  };
  aiia?: {
    clientId?: string;
    clientSecret?: string;
    webhookSecret?: string;
    destinationIds?: string[];
    /** How clients authenticate; not fully confirmed publicly, so both are accepted by default. */
    auth?: 'basic' | 'client-headers' | 'either';
    /** `X-Aiia-TimeStamp` of the sandbox's webhooks. Default `unix-seconds` (see `docs/protocol.md`). */
    webhookTimestamp?: AiiaWebhookTimestamp;
    /** The status a payer's cancel shows as; `Cancelled` is not in the public list. Default `Cancelled`. */
    cancelStatus?: 'Cancelled' | 'Rejected';
  };
  /** Open Banking Connect: the `oauth_consumer_key` its `Authorization` header must name. */
  openBankingConnect?: { clientId?: string };
  cashfree?: {
    clientId?: string;
    clientSecret?: string;
    webhookSecret?: string;
    /** Bills by the first customer parameter's value; others get a default ₹1,200.00 bill. */
    bills?: Record<string, SandboxBill>;
    /** How many bill-fetch response polls answer `processing` first. Default 0. */
    billFetchProcessingPolls?: number;
    /**
     * How long a UPI collect request waits before the automatic decision: test VPAs
     * (`testsuccess@gocash`, `testfailure@gocash`), the `outcome` knob, or non-UPI modes. Default 2 s.
     */
    upiDecisionDelayMs?: number;
  };
  /**
   * Bank logos as inline `data:` URLs (default) or served by the sandbox at `/logos/<bank id>.svg`, for
   * pages whose Content-Security-Policy blocks `data:` images.
   */
  logos?: 'inline' | 'served';
  /** About 3,000 banks, for benchmarks. */
  largeCatalogue?: boolean;
  /** Decide every payment at once when its bank page is opened, for automation. */
  outcome?: SandboxOutcome;
  webhooks?: SandboxWebhookOptions;
  /** Delay of each provider API answer: fixed, or uniformly between min and max. */
  latencyMs?: number | { min: number; max: number };
  faults?: SandboxFaults;
  /** How strictly requests are held to the providers' documented schemas. */
  schemas?: SandboxSchemaOptions;
  /** How long an Aiia authorization link stays valid. Default 60 s (see `docs/protocol.md`). */
  aiiaLinkLifetimeMs?: number;
  now?: () => Date;
  random?: () => number;
}

/** A bill the simulated biller answers; amounts in paise as BBPS writes them. */
export interface SandboxBill {
  amountPaise: string;
  customerName?: string;
  dueDate?: string;
  billNumber?: string;
  billPeriod?: string;
  /** How many response polls of this bill's fetch answer `processing` first. */
  processingPolls?: number;
  /** The biller's flow. `VALIDATE_AND_PAY` answers no `biller_response` (no amount). Default `FETCH_AND_PAY`. */
  flow?: 'FETCH_AND_PAY' | 'VALIDATE_AND_PAY';
  /** The fetch fails: `Bill request failed` with this `response_code` and `response_reason`. */
  fetchFailure?: { code: string; reason: string };
}

/** Changeable while the sandbox runs: `sandbox.configure({ faults: { errorRate: 1 } })`. */
export type SandboxKnobs = Pick<SandboxOptions, 'outcome' | 'latencyMs' | 'faults'> & {
  webhooks?: Pick<SandboxWebhookOptions, 'duplicate' | 'outOfOrder' | 'delayMs'>;
};

export const SANDBOX_DEFAULTS = {
  mastercard: { clientId: 'sandbox-mastercard-client', clientSecret: 'sandbox-mastercard-secret' },
  aiia: {
    clientId: 'sandbox-aiia-client',
    clientSecret: 'sandbox-aiia-secret',
    webhookSecret: 'sandbox-aiia-webhook-secret',
    destinationId: 'sandbox-destination',
  },
  openBankingConnect: { clientId: 'sandbox-obc-client' },
  cashfree: {
    clientId: 'sandbox-cashfree-client',
    clientSecret: 'sandbox-cashfree-secret',
    webhookSecret: 'sandbox-cashfree-webhook-secret',
    agentId: 'OU01AI34INT001123456',
  },
} as const;
