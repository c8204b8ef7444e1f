import type { Bank } from '../../core/protocol.js';
import { joinUrl, requestProviderJson, type FetchFunction } from '../provider-http.js';

/** The options every adapter takes besides its own: where the provider is, and how to reach it. */
export interface ProviderConnectionOptions {
  baseUrl: string;
  /** Per call. Default 10 seconds. */
  timeoutMs?: number;
  /** Default: the global `fetch`. Tests pass one that counts or fails calls. */
  fetch?: FetchFunction;
  /** Default: the system clock. */
  now?: () => Date;
}

/** One call as the adapter's `headers` hook sees it: enough to sign it (a body hash, the full URL). */
export interface ProviderCallInfo {
  method: 'GET' | 'POST';
  url: string;
  body: string;
}

export interface ProviderClientConfig<Options extends ProviderConnectionOptions> {
  /** The adapter's factory name, e.g. `aiiaPay`, for the errors a merchant reads at start-up. */
  adapter: string;
  options: Options;
  /** Options without which the adapter cannot work: a missing one throws at once, not at the first payment. */
  required: readonly (keyof Options)[];
  /** The credentials of every call: fixed headers, or headers computed per call (a request signature). */
  headers:
    | Record<string, string>
    | ((call: ProviderCallInfo) => Record<string, string> | Promise<Record<string, string>>);
  /** Pulls the provider's own error code out of an error body (see `docs/adding-a-provider.md`). */
  errorCode?: (body: unknown) => string | undefined;
  /** Reads the provider's own word on retrying from an error body. */
  errorRetryable?: (body: unknown) => boolean | undefined;
}

export interface ProviderClient {
  /** Calls the provider and answers its JSON body; every failure is a `ProviderError`. */
  call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<unknown>;
  now(): Date;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The opening every adapter shares: checks the required options, picks the `fetch`, the timeout and
 * the clock, and answers one `call` that adds the credentials and maps failures to `ProviderError`.
 */
export function createProviderClient<Options extends ProviderConnectionOptions>(
  config: ProviderClientConfig<Options>,
): ProviderClient {
  const { adapter, options } = config;
  for (const name of config.required) {
    if (!options[name]) throw new TypeError(`${adapter}: \`${String(name)}\` is required.`);
  }
  const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  const headersOf = config.headers;

  return {
    now,
    async call(method, path, body, extraHeaders = {}) {
      const credentials =
        typeof headersOf === 'function'
          ? await headersOf({
              method,
              url: joinUrl(options.baseUrl, path),
              body: body === undefined ? '' : JSON.stringify(body),
            })
          : headersOf;
      return requestProviderJson({
        baseUrl: options.baseUrl,
        path,
        method,
        headers: { ...credentials, ...extraHeaders },
        body,
        timeoutMs,
        fetch,
        ...(config.errorCode ? { errorCode: config.errorCode } : {}),
        ...(config.errorRetryable ? { errorRetryable: config.errorRetryable } : {}),
      });
    },
  };
}

/** The whole list, frozen, once per list: the bank-list route serialises it once per list it sees. */
const everyBank = new WeakMap<readonly Bank[], readonly Bank[]>();

/** `listBanks(country)` of an adapter that holds its whole list: one country's, or all. */
export function banksIn<T extends Bank>(banks: readonly T[], country: string | undefined): T[] {
  if (country) return banks.filter((bank) => bank.country === country);
  let all = everyBank.get(banks);
  if (!all) everyBank.set(banks, (all = Object.freeze([...banks])));
  // Frozen: a caller that wrote to it would throw rather than change every later answer.
  return all as T[];
}
