import { ProviderError } from './provider-error.js';

export type FetchFunction = (
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<Response>;

export interface ProviderRequest {
  baseUrl: string;
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  fetch: FetchFunction;
  /** Pulls the provider's own error code out of an error body, for logs and problem details. */
  errorCode?: (body: unknown) => string | undefined;
  /** Reads the provider's own word on retrying from an error body (a `Recoverable` flag, a category). */
  errorRetryable?: (body: unknown) => boolean | undefined;
}

const UNAVAILABLE = new Set([502, 503, 504]);

/** Joins without losing a base path: `new URL('/v1/x', 'https://h/sandbox/p')` would drop `/sandbox/p`. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Calls a provider and answers its JSON body; every failure becomes a `ProviderError`, never a crash. */
export async function requestProviderJson(request: ProviderRequest): Promise<unknown> {
  const url = joinUrl(request.baseUrl, request.path);
  let response: Response;
  try {
    response = await request.fetch(url, {
      method: request.method,
      headers: {
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'manual',
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new ProviderError(
      'provider_unavailable',
      timedOut
        ? `${request.method} ${request.path} timed out`
        : `${request.method} ${request.path} failed to connect`,
    );
  }

  const text = await response.text().catch(() => '');
  const body = parseJson(text);
  if (!response.ok) {
    const providerCode = body === undefined ? undefined : request.errorCode?.(body);
    const retryable = body === undefined ? undefined : request.errorRetryable?.(body);
    const kind = UNAVAILABLE.has(response.status) ? 'provider_unavailable' : 'provider_error';
    throw new ProviderError(kind, `${request.method} ${request.path} answered ${response.status}`, {
      httpStatus: response.status,
      ...(providerCode ? { providerCode } : {}),
      ...(retryable === undefined ? {} : { retryable }),
    });
  }
  if (body === undefined) {
    throw new ProviderError(
      'provider_error',
      `${request.method} ${request.path} answered malformed JSON`,
      {
        httpStatus: response.status,
      },
    );
  }
  return body;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Thrown by adapters when a 2xx answer lacks what the documented shape promises. */
export function malformed(what: string): ProviderError {
  return new ProviderError('provider_error', `malformed provider answer: ${what}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A field holding an absolute http(s) URL, such as the bank link the payer is sent to; else undefined. */
export function httpUrlField(record: Record<string, unknown>, name: string): string | undefined {
  const value = stringField(record, name);
  return value && /^https?:\/\//i.test(value) ? value : undefined;
}
