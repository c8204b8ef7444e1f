import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSchemaChecker, type JsonSchema } from '../../src/sandbox/schemas/check.js';
import type { FetchFunction } from '../../src/server/index.js';
import { getStatus, createPayment } from '../server/support/merchant-client.js';
import { startKit } from '../server/support/kit-fixture.js';
import { PROVIDER_FIXTURES } from '../server/support/provider-fixtures.js';
import { startSandbox, type RunningSandbox } from '../server/support/sandbox-fixture.js';
import { fieldName, mutate, requiredPaths, wireSchemasOf } from './support/wire-schemas.js';

/** One call an adapter made to the sandbox, and what the sandbox answered. */
interface RecordedCall {
  method: string;
  url: string;
  /** Below the sandbox's base path, e.g. `/aiia/v2/payments/accept`. */
  path: string;
  headers: Headers;
  body: unknown;
  status: number;
  answer: unknown;
}

function recordingFetch(calls: RecordedCall[]): FetchFunction {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    const text = await response.clone().text();
    calls.push({
      method: (init?.method ?? 'GET').toUpperCase(),
      url,
      path: new URL(url).pathname.replace(/^\/sandbox/, ''),
      headers: new Headers(init?.headers),
      body: init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined,
      status: response.status,
      answer: text ? (JSON.parse(text) as unknown) : undefined,
    });
    return response;
  };
}

const checker = createSchemaChecker();

function assertConforms(schema: JsonSchema, value: unknown, what: string): void {
  const problems = checker.check(schema, value);
  assert.deepEqual(problems, [], `${what}: ${JSON.stringify(value).slice(0, 400)}`);
}

/** Whether an error answer names the field (in its field list, source or message). */
function namesField(answer: unknown, field: string): boolean {
  return JSON.stringify(answer).includes(field);
}

for (const fixture of PROVIDER_FIXTURES) {
  describe(`${fixture.name}: the adapter's wire traffic against the documented schemas`, () => {
    let sandbox: RunningSandbox;
    const calls: RecordedCall[] = [];

    before(async () => {
      sandbox = await startSandbox({ cashfree: { upiDecisionDelayMs: 0 } });
      const { provider, resolveCheckout } = fixture.start(sandbox, recordingFetch(calls));
      const kit = await startKit(provider, { resolveCheckout });
      try {
        await (await fetch(`${kit.endpoint}/banks`)).body?.cancel();
        const body = fixture.body();
        const created = await createPayment(kit.endpoint, body);
        await fixture.decide(sandbox, { ...created, body }, 'approve', true);
        await getStatus(kit.endpoint, created.paymentId, '?wait=5&since=processing');
      } finally {
        await kit.close();
      }
    });
    after(() => sandbox.close());

    it('sends only documented requests and gets only documented answers', () => {
      assert.ok(calls.length >= 3, `calls: ${calls.map((call) => call.path).join(', ')}`);
      for (const call of calls) {
        const schemas = wireSchemasOf(call.method, call.path);
        assert.ok(schemas, `a documented schema for ${call.method} ${call.path}`);
        if (schemas.request) assertConforms(schemas.request, call.body, `request ${call.path}`);
        assert.ok(call.status < 300, `${call.path} answered ${call.status}`);
        assertConforms(schemas.response, call.answer, `answer of ${call.path}`);
      }
    });

    it('gets the provider’s 4xx, in its own error shape, for each required field deleted or of the wrong type', async () => {
      let mutations = 0;
      for (const call of calls) {
        const schemas = wireSchemasOf(call.method, call.path);
        if (!schemas?.request) continue;
        for (const path of requiredPaths(schemas.request, call.body)) {
          for (const change of ['delete', 'retype'] as const) {
            const response = await fetch(call.url, {
              method: call.method,
              headers: call.headers,
              body: JSON.stringify(mutate(call.body, path, change)),
            });
            const answer = (await response.json()) as unknown;
            const what = `${call.path} with ${fieldName(path)} ${change}d`;
            assert.equal(response.status, 400, what);
            assertConforms(schemas.error, answer, `error of ${what}`);
            assert.ok(
              namesField(answer, fieldName(path)),
              `${what} names the field: ${JSON.stringify(answer)}`,
            );
            mutations += 1;
          }
        }
      }
      assert.ok(mutations >= 10, `only ${mutations} mutations`);
    });
  });
}
