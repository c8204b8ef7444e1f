import type { ApiContext } from './api-context.js';
import { bankPageStyles, decide } from './bank-pages.js';
import { bankLogoResponse } from './catalogue/logo.js';
import type { SandboxRoute } from './simulator.js';

/** What every simulated bank shares: the decision form of the redirect providers, the page style, logos. */
export function bankRoutes(context: ApiContext): SandboxRoute[] {
  return [
    { method: 'POST', path: /^\/bank\/authorize$/, handle: (request) => decide(context, request) },
    { method: 'GET', path: /^\/bank\/style\.css$/, handle: () => bankPageStyles() },
    {
      method: 'GET',
      path: /^\/logos\/([^/]+)\.svg$/,
      handle: (_request, match) =>
        bankLogoResponse(context.engine.bank(decodeURIComponent(match[1] ?? ''))),
    },
  ];
}
