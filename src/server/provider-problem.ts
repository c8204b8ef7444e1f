import { ProblemError } from './problem.js';
import { ProviderError } from './provider-error.js';

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
