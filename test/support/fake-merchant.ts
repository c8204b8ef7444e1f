import type { Bank } from '../../src/core/protocol.js';
import type { PaymentStatus } from '../../src/core/status.js';

/**
 * A stand-in for the merchant's server (outside the element), answering the merchant protocol through
 * a replaced `window.fetch`. Each test scripts it: banks, what a create answers, the status sequence,
 * and faults. Every request is recorded so tests can assert on what the element sent.
 */

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Fault =
  | 'http500'
  | 'garbage'
  | 'network'
  | 'hang'
  | { status: number; body: unknown; headers?: Record<string, string> };

export interface FakeMerchantOptions {
  banks?: Bank[];
  countries?: string[];
  authorizationUrl?: string | null;
  /** Statuses the status route answers in turn; the last one repeats. */
  statuses?: PaymentStatus[];
  error?: { code: string; message: string; retryable: boolean };
  summary?: Array<{ label: string; value: string; type?: string; currency?: string }>;
  /** Who is paid, in the banks answer. */
  payee?: string;
  /** The checkout's reference, in the banks answer. */
  reference?: string;
  /** Each created link expires this long after creation (the create answer's expiresAt). */
  expiresInMs?: number;
  /** More of each create answer, for the payment's id: a hand-off, a QR payload, a biller. */
  created?: (paymentId: string) => Record<string, unknown>;
  /** More of each status answer, for the payment's id and status: a receipt, a biller. */
  answered?: (paymentId: string, status: PaymentStatus) => Record<string, unknown>;
}

export const BANKS: Bank[] = [
  { id: 'sg', name: 'Société Générale', country: 'DE', status: 'available' },
  { id: 'alpha', name: 'Alpha Bank', country: 'DE', status: 'available', popular: true },
  { id: 'bravo', name: 'Bravo Sparkasse', country: 'DE', status: 'degraded' },
  { id: 'closed', name: 'Closed Bank', country: 'DE', status: 'unavailable' },
  {
    id: 'delta',
    name: 'Delta Bank',
    country: 'DE',
    status: 'available',
    logo: 'https://127.0.0.1:1/broken.png',
  },
];

export const UPI_BANK: Bank = {
  id: 'upi',
  name: 'UPI',
  country: 'IN',
  status: 'available',
  fields: [{ name: 'vpa', label: 'UPI ID', pattern: '[a-z0-9.]+@[a-z]+' }],
};

function json(
  body: unknown,
  status = 200,
  type = 'application/json',
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': type, ...headers },
  });
}

export class FakeMerchant {
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  options: Required<
    Omit<
      FakeMerchantOptions,
      'error' | 'summary' | 'payee' | 'reference' | 'expiresInMs' | 'created' | 'answered'
    >
  > &
    Pick<
      FakeMerchantOptions,
      'error' | 'summary' | 'payee' | 'reference' | 'expiresInMs' | 'created' | 'answered'
    >;
  private paymentCount = 0;
  private readonly paymentsByKey = new Map<string, string>();
  private statusIndex = 0;
  private readonly originalFetch = window.fetch;

  constructor(options: FakeMerchantOptions = {}) {
    this.options = {
      banks: BANKS,
      countries: ['DE', 'NL'],
      authorizationUrl: 'https://bank.example/authorise',
      statuses: ['awaiting_authorisation', 'completed'],
      ...options,
    };
    window.fetch = (input, init) => this.handle(new Request(input, init));
  }

  restore() {
    window.fetch = this.originalFetch;
  }

  /** Makes the next request fail in the given way (queued, one per request). */
  failNext(...faults: Fault[]) {
    this.faults.push(...faults);
  }

  requestsTo(path: string, method = 'GET') {
    return this.requests.filter(
      (request) => request.url.pathname.endsWith(path) && request.method === method,
    );
  }

  get creates() {
    return this.requests.filter((request) => request.method === 'POST');
  }

  private async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.json() : undefined;
    this.requests.push({ method: request.method, url, headers: request.headers, body });
    const fault = this.faults.shift();
    if (fault === 'network') throw new TypeError('Failed to fetch');
    if (fault === 'hang') {
      return new Promise((_resolve, reject) =>
        request.signal.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    }
    if (fault === 'http500') {
      return json(
        { type: 'about:blank', title: 'Boom', status: 500, code: 'internal' },
        500,
        'application/problem+json',
      );
    }
    if (fault === 'garbage') return new Response('<html>not json</html>', { status: 200 });
    if (fault) return json(fault.body, fault.status, 'application/problem+json', fault.headers);
    return this.route(request.method, url, body, request.headers);
  }

  private route(method: string, url: URL, body: unknown, headers: Headers): Response {
    const path = url.pathname;
    if (method === 'GET' && path.endsWith('/banks')) {
      const country = url.searchParams.get('country') ?? this.options.countries[0] ?? 'DE';
      const summary = url.searchParams.get('checkout') ? this.options.summary : undefined;
      return json({
        country,
        countries: this.options.countries,
        banks: this.options.banks,
        summary,
        payee: this.options.payee,
        reference: this.options.reference,
      });
    }
    if (method === 'POST' && path.endsWith('/payments')) {
      const key = headers.get('Idempotency-Key') ?? '';
      let paymentId = this.paymentsByKey.get(key);
      if (!paymentId) {
        paymentId = `pay_${++this.paymentCount}`;
        this.paymentsByKey.set(key, paymentId);
      }
      const { authorizationUrl } = this.options;
      return json(
        {
          paymentId,
          status: 'created',
          amount: { value: '42.00', currency: 'EUR' },
          reference: 'INV-123',
          ...(authorizationUrl
            ? { authorizationUrl: `${authorizationUrl}?payment=${paymentId}` }
            : {}),
          ...(this.options.expiresInMs !== undefined
            ? { expiresAt: new Date(Date.now() + this.options.expiresInMs).toISOString() }
            : {}),
          ...this.options.created?.(paymentId),
          echo: body,
        },
        201,
      );
    }
    const match = /\/payments\/([^/]+)$/.exec(path);
    if (method === 'GET' && match) {
      const statuses = this.options.statuses;
      const status = statuses[Math.min(this.statusIndex++, statuses.length - 1)];
      const paymentId = decodeURIComponent(match[1] ?? '');
      return json({
        paymentId,
        status,
        amount: { value: '42.00', currency: 'EUR' },
        reference: 'INV-123',
        updatedAt: new Date().toISOString(),
        ...(this.options.error && status !== 'completed' ? { error: this.options.error } : {}),
        ...(status ? this.options.answered?.(paymentId, status) : {}),
      });
    }
    return json({ type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' }, 404);
  }
}
