import type { ApiContext } from './api-context.js';
import { bankPageStyles, decide } from './bank-pages.js';
import { bankGuideScript } from './bank-guide-script.js';
import { bankBrandCss } from './bank-page-html.js';
import { bankLogoResponse } from './catalogue/logo.js';
import type { SandboxRoute } from './simulator.js';

/** What every simulated bank shares: the decision form of the redirect providers, the page style, logos. */
export function bankRoutes(context: ApiContext): SandboxRoute[] {
  return [
    { method: 'POST', path: /^\/bank\/authorize$/, handle: (request) => decide(context, request) },
    { method: 'GET', path: /^\/bank\/style\.css$/, handle: () => bankPageStyles() },
    { method: 'GET', path: /^\/bank\/guide\.js$/, handle: () => bankGuideScript() },
    {
      method: 'GET',
      path: /^\/bank\/brand\/([^/]+)\.css$/,
      handle: (_request, match) => {
        const bank = context.engine.bank(decodeURIComponent(match[1] ?? ''));
        if (!bank) return new Response('Not found', { status: 404 });
        return new Response(bankBrandCss(bank), {
          headers: {
            'content-type': 'text/css; charset=utf-8',
            'cache-control': 'public, max-age=300',
          },
        });
      },
    },
    {
      method: 'GET',
      path: /^\/logos\/([^/]+)\.svg$/,
      handle: (_request, match) =>
        bankLogoResponse(context.engine.bank(decodeURIComponent(match[1] ?? ''))),
    },
  ];
}
