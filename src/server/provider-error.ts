/**
 * A provider call that failed. `kind` decides the problem the browser sees; `providerCode` and
 * `httpStatus` are for the merchant's logs and never carry secrets.
 */
export class ProviderError extends Error {
  readonly kind: 'provider_error' | 'provider_unavailable';
  readonly httpStatus: number | undefined;
  readonly providerCode: string | undefined;

  constructor(
    kind: 'provider_error' | 'provider_unavailable',
    message: string,
    details: { httpStatus?: number; providerCode?: string } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
    this.kind = kind;
    this.httpStatus = details.httpStatus;
    this.providerCode = details.providerCode;
  }
}

/** A webhook whose signature, timestamp or shape cannot be trusted. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}
