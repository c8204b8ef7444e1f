import type { JsonSchema } from '../../../src/sandbox/schemas/check.js';
import * as aiia from '../../../src/sandbox/schemas/aiia/index.js';
import * as cashfree from '../../../src/sandbox/schemas/cashfree/index.js';
import * as mastercard from '../../../src/sandbox/schemas/mastercard/index.js';
import * as obc from '../../../src/sandbox/schemas/obc/index.js';

/** The documented schemas of one provider call: its request (if it has a body) and its answers. */
export interface WireSchemas {
  request?: JsonSchema;
  /** The 2xx answer. */
  response: JsonSchema;
  /** Every 4xx/5xx answer: the provider's own error envelope. */
  error: JsonSchema;
}

const OBC = '/obc/openbanking/sandbox/connect/api/payments/(domestic|sepa)-credit-transfers';

/** Calls by method and path below the sandbox's base path. */
const CALLS: readonly {
  method: string;
  path: RegExp;
  schemas: (match: RegExpExecArray) => WireSchemas;
}[] = [
  {
    method: 'GET',
    path: /^\/(mastercard|aiia)\/v1\/providers$/,
    schemas: (match) => ({
      response: mastercard.providersResponse,
      error: match[1] === 'aiia' ? aiia.errorResponse : mastercard.errorResponse,
    }),
  },
  {
    method: 'POST',
    path: /^\/mastercard\/v1\/payments\/create(\/session)?$/,
    schemas: () => ({
      request: mastercard.createPaymentRequest,
      response: mastercard.createPaymentResponse,
      error: mastercard.errorResponse,
    }),
  },
  {
    method: 'ANY',
    path: /^\/mastercard\/v1\/payments\/[^/]+(\/refresh-status)?$/,
    schemas: () => ({ response: mastercard.paymentResponse, error: mastercard.errorResponse }),
  },
  {
    method: 'POST',
    path: /^\/aiia\/v2\/payments\/accept$/,
    schemas: () => ({
      request: aiia.acceptRequest,
      response: aiia.acceptResponse,
      error: aiia.errorResponse,
    }),
  },
  {
    method: 'GET',
    path: /^\/aiia\/v2\/payments\/accept\/[^/]+$/,
    schemas: () => ({ response: aiia.acceptPaymentResponse, error: aiia.errorResponse }),
  },
  {
    method: 'POST',
    path: new RegExp(`^${OBC}/consents$`),
    schemas: (match) => ({
      request: match[1] === 'sepa' ? obc.sepaConsentRequest : obc.domesticConsentRequest,
      response: obc.consentResponse,
      error: obc.errorResponse,
    }),
  },
  {
    method: 'POST',
    path: new RegExp(`^${OBC}$`),
    schemas: () => ({
      request: obc.transferRequest,
      response: obc.transferResponse,
      error: obc.errorResponse,
    }),
  },
  {
    method: 'POST',
    path: new RegExp(`^${OBC}/payment-status$`),
    schemas: () => ({
      request: obc.paymentStatusRequest,
      response: obc.paymentStatusResponse,
      error: obc.errorResponse,
    }),
  },
  ...(
    [
      ['request/bill-fetch', cashfree.billFetchRequest, cashfree.billFetchAcknowledgement],
      ['response/bill-fetch', cashfree.billFetchPollRequest, cashfree.billFetchPollResponse],
      ['request/bill-payment', cashfree.billPaymentRequest, cashfree.billPaymentAcknowledgement],
      ['response/bill-payment', cashfree.billPaymentPollRequest, cashfree.billPaymentPollResponse],
    ] as const
  ).map(([operation, request, response]) => ({
    method: 'POST',
    path: new RegExp(`^/cashfree/bbps/cou/v1/billers/${operation}$`),
    schemas: () => ({ request, response, error: cashfree.errorResponse }),
  })),
];

/** The schemas of a call to the sandbox, by its method and its path below the base path. */
export function wireSchemasOf(method: string, path: string): WireSchemas | undefined {
  for (const call of CALLS) {
    if (call.method !== 'ANY' && call.method !== method) continue;
    const match = call.path.exec(path);
    if (match) return call.schemas(match);
  }
  return undefined;
}

/** Every path to a required field the body has, e.g. `request.destination.iban.ibanNumber`. */
export function requiredPaths(
  schema: JsonSchema,
  body: unknown,
  prefix: string[] = [],
): string[][] {
  if (Array.isArray(body)) {
    const items = schema.items as JsonSchema | undefined;
    return items && body.length > 0 ? requiredPaths(items, body[0], [...prefix, '0']) : [];
  }
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const paths: string[][] = [];
  for (const [name, child] of Object.entries(properties)) {
    if (!(name in record)) continue;
    if (required.has(name)) paths.push([...prefix, name]);
    paths.push(...requiredPaths(child, record[name], [...prefix, name]));
  }
  return paths;
}

/** `request.destination` as the sandboxes name a field, `items[0].name` for array items. */
export function fieldName(path: readonly string[]): string {
  return path.reduce(
    (name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part),
    '',
  );
}

/** A deep copy of `body` with the field at `path` deleted, or replaced by a value of another type. */
export function mutate(
  body: unknown,
  path: readonly string[],
  change: 'delete' | 'retype',
): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let holder: Record<string, unknown> = copy;
  for (const part of path.slice(0, -1)) holder = holder[part] as Record<string, unknown>;
  const last = path.at(-1) ?? '';
  if (change === 'delete') {
    delete holder[last];
  } else {
    const value = holder[last];
    holder[last] = typeof value === 'string' ? 12345 : typeof value === 'number' ? '12345' : true;
  }
  return copy;
}
