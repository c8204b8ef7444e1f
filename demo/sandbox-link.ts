import {
  createSandbox,
  type Sandbox,
  type SandboxKnobs,
  type SandboxOptions,
  type SandboxProvider,
} from '../src/sandbox/index.js';
import type { FetchFunction } from '../src/server/index.js';

/** The sandbox's own control route when it runs as its own process (`npm run sandbox`). */
export const SANDBOX_PROCESS_CONTROL_PATH = '/sandbox-control';

/**
 * How the demo's merchant server reaches the sandbox: mounted in the same process, or as its own
 * process at `SANDBOX_URL`, as a merchant's server meets a real provider.
 */
export interface SandboxLink {
  /** Where the adapters send their calls, e.g. `http://127.0.0.1:5174/sandbox`. */
  baseUrl: string;
  /** The same sandbox as the payer's browser reaches it (its pages, e.g. the UPI app). */
  publicBaseUrl(): string;
  fetch: FetchFunction;
  /** The in-process sandbox; undefined for an external one. */
  local: Sandbox | undefined;
  /** The sandbox's catalogue of Open Banking Connect banks, as the merchant configures them. */
  openBankingConnectBanks: Sandbox['openBankingConnectBanks'];
  configure(knobs: SandboxKnobs): Promise<void>;
  forceStatus(
    provider: SandboxProvider,
    paymentId: string,
    status: string,
    terminal?: boolean,
  ): Promise<void>;
}

/** A sandbox process at `url` (its base path included), driven through its control route. */
export function externalSandbox(url: string): SandboxLink {
  const baseUrl = url.replace(/\/+$/, '');
  const control = new URL(SANDBOX_PROCESS_CONTROL_PATH, baseUrl).href;
  const post = async (body: unknown) => {
    const response = await fetch(control, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`the sandbox at ${baseUrl} answered ${response.status}`);
  };
  // The same catalogue the sandbox process serves; its logos are that process's.
  const catalogue = createSandbox({ logos: 'served', publicUrl: baseUrl });
  return {
    baseUrl,
    publicBaseUrl: () => baseUrl,
    fetch: (input, init) => fetch(input, init),
    local: undefined,
    openBankingConnectBanks: catalogue.openBankingConnectBanks,
    configure: (knobs) => post({ knobs }),
    forceStatus: (provider, paymentId, status, terminal) =>
      post({ forceStatus: { provider, paymentId, status, terminal } }),
  };
}

/**
 * The sandbox in this process, addressed with the browser's own origin (`origin()`), so the bank links it
 * hands out work whatever host and port serve the demo.
 */
export function inProcessSandbox(
  options: SandboxOptions,
  basePath: string,
  origin: () => string,
): SandboxLink {
  const sandbox = createSandbox({ ...options, basePath });
  return {
    baseUrl: `http://sandbox.internal${basePath}`,
    publicBaseUrl: () => `${origin()}${basePath}`,
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const browser = new URL(origin());
      url.protocol = browser.protocol;
      url.host = browser.host;
      return sandbox.handler(new Request(url, init));
    },
    local: sandbox,
    openBankingConnectBanks: sandbox.openBankingConnectBanks,
    configure: async (knobs) => sandbox.configure(knobs),
    forceStatus: async (provider, paymentId, status, terminal) =>
      sandbox.forceStatus(provider, paymentId, status, terminal),
  };
}
