import type { ApiContext } from '../../api-context.js';
import { showAuthorizePage } from '../../bank-pages.js';
import type { SandboxSimulator } from '../../simulator.js';
import { mastercardApi } from './api.js';
import { mastercardLifecycle } from './lifecycle.js';

/**
 * Mastercard Open Finance Europe: its API below `/mastercard/v1/…`, and the bank's SCA page at
 * `GET /mastercard/start/payment?startToken=` (the decision is posted to the shared `/bank/authorize`).
 */
export function mastercardSimulator(context: ApiContext): SandboxSimulator {
  context.engine.register(
    'mastercard',
    mastercardLifecycle(context.options.mastercard?.statusCodes),
  );
  return {
    name: 'mastercard',
    routes: [
      {
        method: 'ANY',
        path: /^\/mastercard(\/v.*)$/,
        api: ([, path = '']) =>
          path === '/v1/providers'
            ? 'banks'
            : /^\/v1\/payments\/create(\/session)?$/.test(path)
              ? 'create'
              : /^\/v1\/payments\/[^/]+(\/refresh-status)?$/.test(path)
                ? 'status'
                : undefined,
        handle: (request, match) => mastercardApi(context, request, match[1] ?? ''),
      },
      {
        method: 'GET',
        path: /^\/mastercard\/start\/payment$/,
        handle: (request) =>
          showAuthorizePage(context, request, new URL(request.url).searchParams.get('startToken')),
      },
    ],
    faultBody: () => ({ error: 'InternalServerError', details: { reason: 'Simulated failure.' } }),
    statusOf: (id) => context.engine.get('mastercard', id)?.status,
  };
}
