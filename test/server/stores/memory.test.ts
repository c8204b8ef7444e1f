import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { createMemoryPaymentStore, type Logger } from '../../../src/server/index.js';
import { runPaymentStoreContract } from './payment-store-contract.js';

runPaymentStoreContract('memory', (options) => createMemoryPaymentStore(options));

describe('createMemoryPaymentStore and NODE_ENV', () => {
  function recordingLogger() {
    const warnings: string[] = [];
    const logger: Logger = { info() {}, error() {}, warn: (message) => warnings.push(message) };
    return { logger, warnings };
  }

  function withNodeEnv(t: TestContext, value: string): void {
    const previous = process.env.NODE_ENV;
    t.after(() => {
      if (previous === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = previous;
    });
    process.env.NODE_ENV = value;
  }

  it('warns once per store that a restart loses every payment', async (t) => {
    withNodeEnv(t, 'production');
    const { logger, warnings } = recordingLogger();
    const store = createMemoryPaymentStore({ logger });
    await store.get('pay_unknownunknownunknownun');
    await store.claimIdempotencyKey('k', 'f');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /loses every payment on restart/);
  });

  it('stays quiet elsewhere', (t) => {
    withNodeEnv(t, 'development');
    const { logger, warnings } = recordingLogger();
    createMemoryPaymentStore({ logger });
    assert.deepEqual(warnings, []);
  });
});
