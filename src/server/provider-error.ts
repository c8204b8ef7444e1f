/**
 * A provider call that failed. `kind` decides the problem the browser sees; `providerCode` and
 * `httpStatus` are for the merchant's logs and never carry secrets.
 */
export class ProviderError extends Error {
  readonly kind: 'provider_error' | 'provider_unavailable';
  readonly httpStatus: number | undefined;
  readonly providerCode: string | undefined;
  /** What the provider says about trying again (a `Recoverable` flag, a retry category), when it says. */
  readonly retryable: boolean | undefined;

  constructor(
    kind: 'provider_error' | 'provider_unavailable',
    message: string,
    details: { httpStatus?: number; providerCode?: string; retryable?: boolean } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
    this.kind = kind;
    this.httpStatus = details.httpStatus;
    this.providerCode = details.providerCode;
    this.retryable = details.retryable;
  }
}

/** A return to the kit that must change nothing: a `state` the kit did not issue, a code without it. */
export class ReturnRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReturnRejectedError';
  }
}

/**
 * The payment's own return (its `state` checked) after an earlier one completed it: the payer reloaded
 * the return page, or it arrived twice. Nothing is redeemed or changed; the payer is sent back to the
 * page, where the element reads the status (docs/protocol.md, "Mastercard Open Banking Connect").
 */
export class ReturnRepeatedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReturnRepeatedError';
  }
}

/** Payer input (`payer` of the create request) that the chosen bank or method cannot take. */
export class PayerInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayerInputError';
  }
}

/** A webhook whose signature, timestamp or shape cannot be trusted. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}
