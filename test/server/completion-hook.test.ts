import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StatusChangeEvent } from '../../src/server/index.js';
import { createSqlitePaymentStore } from '../../src/server/stores/sqlite/index.js';
import { decideAtBank, followReturn } from './support/bank-browser.js';
import { temporaryFolder } from './support/go-live.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import { createBody, createPayment } from './support/merchant-client.js';
import { eventually, startSandboxProcess, type SandboxProcess } from './support/processes.js';
import { providerFor } from './support/providers.js';

const newFile = temporaryFolder('completion-hook');

interface Call {
  change: StatusChangeEvent;
  at: number;
}

const RECORD_FIELDS = [
  'amount',
  'checkout',
  'createdAt',
  'id',
  'provider',
  'providerPaymentId',
  'providerStatus',
  'reference',
  'status',
  'updatedAt',
];

describe('the completion hook (onStatusChange)', () => {
  let sandbox: SandboxProcess;
  const kits: RunningKit[] = [];

  before(async () => {
    sandbox = await startSandboxProcess();
  });
  after(async () => {
    for (const kit of kits) await kit.close();
    await sandbox.kill();
  });

  async function kitWithHook(hook: (change: StatusChangeEvent) => unknown, timeoutMs = 2000) {
    const kit = await startKit(providerFor('mastercard-open-finance', sandbox.url), {
      store: createSqlitePaymentStore({ path: newFile() }),
      onStatusChange: async (change) => {
        await hook(change);
      },
      hookTimeoutMs: timeoutMs,
      reconcileIntervalMs: 0,
    });
    kits.push(kit);
    return kit;
  }

  it('is called for the creation (previous null) and each change, in order, with the history’s event ids', async () => {
    const calls: Call[] = [];
    const kit = await kitWithHook((change) => calls.push({ change, at: Date.now() }));
    const created = await createPayment(kit.endpoint, createBody({ checkout: 'order-77' }));
    await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'approve'));
    await eventually(() => calls.length >= 2, 10_000, 'two hook calls');

    const history = await kit.handler.getPaymentHistory(created.paymentId);
    assert.deepEqual(
      history.map((entry) => entry.source),
      ['create', 'return'],
    );
    assert.deepEqual(
      calls.map(({ change }) => change.eventId),
      history.map((entry) => entry.eventId),
    );
    assert.deepEqual(
      calls.map(({ change }) => [change.previous, change.payment.status]),
      [
        [null, 'created'],
        ['created', 'completed'],
      ],
    );
    assert.equal(calls[0]?.change.eventId, `${created.paymentId}.1`);

    const record = await kit.handler.getPayment(created.paymentId);
    assert.ok(record);
    assert.deepEqual(Object.keys(record).sort(), RECORD_FIELDS);
    assert.deepEqual(calls[1]?.change.payment, record);
    assert.equal(record.checkout, 'order-77');
    assert.equal(record.reference, 'ORDER-77');
    assert.deepEqual(record.amount, { value: '42.00', currency: 'EUR' });
    assert.equal(record.provider, 'mastercard-open-finance');
    // Nothing more is delivered: one call per change.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    assert.equal(calls.length, 2);
    assert.equal(await kit.handler.getPayment('no-such-payment'), undefined);
    assert.deepEqual(await kit.handler.getPaymentHistory('no-such-payment'), []);
  });

  it('calls a hook that throws again with backoff, and holds the payment’s later changes until then', async () => {
    const calls: Call[] = [];
    let failures = 2;
    const kit = await kitWithHook((change) => {
      calls.push({ change, at: Date.now() });
      if (change.previous === null && failures > 0) {
        failures -= 1;
        throw new Error('the order system is down');
      }
    });
    const created = await createPayment(kit.endpoint);
    await followReturn(await decideAtBank(created.authorizationUrl ?? '', 'approve'));
    await eventually(() => calls.length >= 4, 15_000, 'four hook calls');

    const first = `${created.paymentId}.1`;
    assert.deepEqual(
      calls.map(({ change }) => change.eventId),
      [first, first, first, `${created.paymentId}.2`],
    );
    const [a, b, c] = calls.map(({ at }) => at);
    assert.ok(a !== undefined && b !== undefined && c !== undefined);
    assert.ok(b - a >= 900, `first retry after ${b - a} ms`);
    assert.ok(c - b >= 1900, `second retry after ${c - b} ms`);
  });

  it('takes a hook that outlasts hookTimeoutMs for failed and calls it again', async () => {
    const calls: Call[] = [];
    const kit = await kitWithHook((change) => {
      calls.push({ change, at: Date.now() });
      if (calls.length === 1) return new Promise(() => {});
      return undefined;
    }, 200);
    const created = await createPayment(kit.endpoint);
    await eventually(() => calls.length >= 2, 10_000, 'a second hook call');
    assert.deepEqual(
      calls.map(({ change }) => change.eventId),
      [`${created.paymentId}.1`, `${created.paymentId}.1`],
    );
  });
});
