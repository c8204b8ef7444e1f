import { ProblemError } from './problem.js';
import { ProviderError } from './provider-error.js';

/** The problem the browser sees for a provider failure: clear, stable, and without the provider's text. */
export function providerProblem(error: ProviderError): ProblemError {
  if (error.kind === 'provider_unavailable') {
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
