import { randomUUID } from 'node:crypto';
import type {
  CreatePaymentResponse,
  PaymentStatusResponse,
  Problem,
} from '../../../src/core/protocol.js';
import { RETURN_URL } from './kit-fixture.js';
import { AVAILABLE_BANK } from './providers.js';

export interface CreateBody {
  bankId?: string;
  checkout?: string;
  returnUrl?: string;
  flow?: string;
  [field: string]: unknown;
}

export function createBody(overrides: CreateBody = {}): CreateBody {
  return {
    bankId: AVAILABLE_BANK,
    checkout: 'order-123',
    returnUrl: RETURN_URL,
    flow: 'redirect',
    ...overrides,
  };
}

export async function postPayment(
  endpoint: string,
  body: unknown = createBody(),
  key: string | null = randomUUID(),
): Promise<Response> {
  return fetch(`${endpoint}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function createPayment(
  endpoint: string,
  body: unknown = createBody(),
): Promise<CreatePaymentResponse> {
  const response = await postPayment(endpoint, body);
  if (response.status !== 201)
    throw new Error(`create answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as CreatePaymentResponse;
}

export async function getStatus(
  endpoint: string,
  paymentId: string,
  query = '',
): Promise<PaymentStatusResponse> {
  const response = await fetch(`${endpoint}/payments/${paymentId}${query}`);
  if (response.status !== 200)
    throw new Error(`status answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as PaymentStatusResponse;
}

export async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json'))
    throw new Error(`not a problem: ${type} ${await response.text()}`);
  return (await response.json()) as Problem;
}
