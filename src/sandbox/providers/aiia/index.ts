import type { ApiContext } from '../../api-context.js';
import { showAuthorizePage } from '../../bank-pages.js';
import type { SandboxSimulator } from '../../simulator.js';
import { aiiaApi } from './api.js';
import { aiiaCultureOf } from './culture.js';
import { aiiaLifecycle } from './lifecycle.js';

/**
 * Aiia Pay: its API below `/aiia/v2/payments/accept…` and `/aiia/v1/providers`, and the bank's SCA page at
 * `GET /aiia/authorize?token=&culture=` (the decision is posted to the shared `/bank/authorize`).
 */
export function aiiaSimulator(context: ApiContext): SandboxSimulator {
  context.engine.register(
    'aiia',
    aiiaLifecycle(context.outbox, {
      cancelStatus: context.options.aiia?.cancelStatus ?? 'Cancelled',
      linkLifetimeMs: context.options.aiiaLinkLifetimeMs ?? 60_000,
    }),
  );
  return {
    name: 'aiia',
    routes: [
      {
        method: 'ANY',
        path: /^\/aiia(\/v.*)$/,
        api: ([, path = '']) =>
          path === '/v1/providers'
            ? 'banks'
            : path === '/v2/payments/accept'
              ? 'create'
              : /^\/v2\/payments\/accept\/[^/]+$/.test(path)
                ? 'status'
                : undefined,
        handle: (request, match) => aiiaApi(context, request, match[1] ?? ''),
      },
      {
        method: 'GET',
        path: /^\/aiia\/authorize$/,
        handle: (request) => {
          const url = new URL(request.url);
          return showAuthorizePage(
            context,
            request,
            url.searchParams.get('token'),
            aiiaCultureOf(url),
          );
        },
      },
    ],
    faultBody: (status) => ({
      type: 'about:blank',
      title: 'Simulated failure.',
      status,
      errorCode: 'InternalServerError',
    }),
    statusOf: (id) => context.engine.get('aiia', id)?.status,
  };
}
