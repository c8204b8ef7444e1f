import type { ApiContext } from '../../api-context.js';
import type { SandboxSimulator } from '../../simulator.js';
import { upiInboxScript } from './upi-inbox-script.js';
import { createCashfreeApi } from './api.js';
import { createCashfreeState } from './state.js';
import { decideUpiIntent, showUpiIntent } from './upi-intent-pages.js';
import { decideUpi, showUpiApp } from './upi-pages.js';

/**
 * Cashfree BBPS: its COU API below `/cashfree/bbps/…`, and the payer's UPI app: collect requests at
 * `GET|POST /cashfree/upi`, intent links and QR codes at `GET|POST /cashfree/upi/pay`.
 * A payment here is a fetched bill and a bill payment, so it keeps its own state rather than the engine's
 * redirect payments.
 */
export function cashfreeSimulator(context: ApiContext): SandboxSimulator {
  const state = createCashfreeState();
  const api = createCashfreeApi(context, state, context.outbox);
  return {
    name: 'cashfree',
    routes: [
      {
        method: 'ANY',
        path: /^\/cashfree(\/bbps\/.*)$/,
        api: ([, path = '']) =>
          /\/bill-payment$/.test(path)
            ? /\/request\//.test(path)
              ? 'create'
              : 'status'
            : /\/bill-fetch$/.test(path)
              ? 'bill-fetch'
              : undefined,
        handle: (request, match) => api.handle(request, match[1] ?? ''),
      },
      {
        method: 'GET',
        path: /^\/cashfree\/upi$/,
        handle: (request) => showUpiApp(context, state, request),
      },
      {
        method: 'GET',
        path: /^\/cashfree\/upi\/inbox\.js$/,
        handle: () => upiInboxScript(),
      },
      {
        method: 'POST',
        path: /^\/cashfree\/upi$/,
        handle: (request) => decideUpi(context, api, request),
      },
      {
        method: 'GET',
        path: /^\/cashfree\/upi\/pay$/,
        handle: (request) => showUpiIntent(context, api, request),
      },
      {
        method: 'POST',
        path: /^\/cashfree\/upi\/pay$/,
        handle: (request) => decideUpiIntent(context, api, request),
      },
    ],
    faultBody: () => ({ status: 'ERROR', message: 'Simulated failure.', data: null }),
    statusOf: (transactionRefId) => api.current(transactionRefId)?.status,
  };
}
