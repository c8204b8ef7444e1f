import type { ApiContext } from './api-context.js';
import type { SandboxApiCall, SandboxApiProvider } from './options.js';

/** One route of a simulated provider, below the sandbox's base path. */
export interface SandboxRoute {
  method: 'GET' | 'POST' | 'ANY';
  /** Matched against the path below the base path; capture groups reach `handle`. */
  path: RegExp;
  /**
   * A provider API route: answers after the configured latency, or with an injected fault. Given the
   * route's captures, names the call (`create`, `status`…) so that a fault can target it alone.
   */
  api?: (match: RegExpExecArray) => SandboxApiCall | undefined;
  handle(request: Request, match: RegExpExecArray): Response | Promise<Response>;
}

/**
 * The shape every simulated provider has (see `docs/adding-a-provider.md`): a name, its routes (API and
 * the pages the payer sees), its error envelope for injected faults, and its raw status of a payment.
 * Payments that are a redirect with one status code live in the shared engine (`SandboxEngine`, through a
 * registered `PaymentLifecycle`); a provider whose payment has another shape keeps it in its own folder.
 */
export interface SandboxSimulator {
  /** The first segment of its paths, e.g. `cashfree` for `/cashfree/bbps/…`. */
  readonly name: SandboxApiProvider;
  readonly routes: readonly SandboxRoute[];
  /** An injected failure, in the provider's own documented error envelope. */
  faultBody(status: number): unknown;
  /** The payment's raw status as the provider's API would answer it. */
  statusOf(id: string): string | undefined;
}

export type SimulatorFactory = (context: ApiContext) => SandboxSimulator;

/** The first route whose method and path match, with the path's captures. */
export function matchRoute(
  routes: readonly SandboxRoute[],
  method: string,
  path: string,
): { route: SandboxRoute; match: RegExpExecArray } | undefined {
  for (const route of routes) {
    if (route.method !== 'ANY' && route.method !== method) continue;
    const match = route.path.exec(path);
    if (match) return { route, match };
  }
  return undefined;
}
