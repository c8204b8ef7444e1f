import type { HandlerContext } from './context.js';
import { ProblemError } from './problem.js';
import {
  PayerInputError,
  ProviderError,
  ReturnRejectedError,
  WebhookVerificationError,
} from './provider-error.js';
import { logProviderFailure } from './refresh-status.js';
import { StoreUnavailableError } from './store-errors.js';

/**
 * The one place a failure becomes the problem the browser (or the provider, for a webhook) sees.
 * Routes throw or let through what adapters throw; `action` names the route in the merchant's logs.
 */
export function problemOf(context: HandlerContext, error: unknown, action: string): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof ProviderError) {
    logProviderFailure(context, `${action} failed`, undefined, error);
    return providerProblem(error);
  }
  if (error instanceof StoreUnavailableError) {
    // Nothing of the request was stored (the store writes all or nothing): the same request may be sent
    // again once the store is back.
    context.logger.error(`${action} failed: the payment store is unavailable`, {
      code: error.code,
    });
    return new ProblemError(
      503,
      'store_unavailable',
      'The merchant server cannot store payments right now. Try again shortly.',
      { 'retry-after': '5' },
    );
  }
  if (error instanceof PayerInputError)
    return new ProblemError(400, 'invalid_request', error.message);
  if (error instanceof WebhookVerificationError) {
    context.logger.warn('webhook rejected', {
      provider: context.provider.name,
      reason: error.message,
    });
    return new ProblemError(
      401,
      'invalid_signature',
      'The webhook signature or timestamp is not valid.',
    );
  }
  if (error instanceof ReturnRejectedError) {
    context.logger.warn('return rejected', {
      provider: context.provider.name,
      reason: error.message,
    });
    return new ProblemError(
      400,
      'invalid_return',
      'This return does not match the payment, or was already used.',
    );
  }
  context.logger.error('unexpected failure', {
    action,
    error: error instanceof Error ? error.name : typeof error,
  });
  return new ProblemError(500, 'internal_error', 'Something went wrong on the merchant server.');
}

/** The problem the browser sees for a provider failure: clear, stable, and without the provider's text. */
export function providerProblem(error: ProviderError): ProblemError {
  // A provider that calls its failure recoverable is, to the browser, briefly unavailable: try again.
  if (error.kind === 'provider_unavailable' || error.retryable === true) {
    return new ProblemError(
      503,
      'provider_unavailable',
      'The payment provider cannot be reached. Try again shortly.',
      {
        'retry-after': '5',
      },
    );
  }
  const code = error.providerCode ? ` (${error.providerCode.slice(0, 60)})` : '';
  return new ProblemError(
    502,
    'provider_error',
    `The payment provider refused or garbled the request${code}.`,
  );
}
