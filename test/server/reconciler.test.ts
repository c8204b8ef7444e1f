import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StatusChangeEvent } from '../../src/server/index.js';
import { createSqlitePaymentStore } from '../../src/server/stores/sqlite/index.js';
import { decideAtBank } from './support/bank-browser.js';
import { countingFetch, temporaryFolder } from './support/go-live.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import { createPayment } from './support/merchant-client.js';
import { eventually, startSandboxProcess, type SandboxProcess } from './support/processes.js';
import { providerFor } from './support/providers.js';
import { manualClock } from './support/sandbox-fixture.js';

const newFile = temporaryFolder('reconciler');
const STATUS_READ = /\/mastercard\/v1\/payments\/[^/]+$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Mastercard Open Finance sends no webhooks: a payer who never comes back is found by reconciliation. */
describe('reconciliation', () => {
  let sandbox: SandboxProcess;
  const kits: RunningKit[] = [];

  before(async () => {
    sandbox = await startSandboxProcess();
  });
  after(async () => {
    for (const kit of kits) await kit.close();
    await sandbox.kill();
  });

  async function reconcilingKit(options: { now?: () => Date; graceMs?: number } = {}) {
    const changes: StatusChangeEvent[] = [];
    const reads = countingFetch(STATUS_READ);
    const kit = await startKit(
      providerFor('mastercard-open-finance', sandbox.url, { fetch: reads.fetch }),
      {
        store: createSqlitePaymentStore({ path: newFile() }),
        onStatusChange: (change) => void changes.push(change),
        reconcileIntervalMs: 100,
        ...(options.now ? { now: options.now } : {}),
        ...(options.graceMs !== undefined ? { expiryGraceMs: options.graceMs } : {}),
      },
    );
    kits.push(kit);
    return { kit, changes, reads };
  }

  it('completes a payment approved at the bank whose payer never returns, and fires the hook', async () => {
    const { kit, changes } = await reconcilingKit();
    const created = await createPayment(kit.endpoint);
    // The payer approves at the bank page and closes the tab: no return, no status read, no webhook.
    await decideAtBank(created.authorizationUrl ?? '', 'approve');
    await eventually(
      () => changes.some((change) => change.payment.status === 'completed'),
      10_000,
      'the completed hook call',
    );
    assert.equal((await kit.handler.getPayment(created.paymentId))?.status, 'completed');
    const history = await kit.handler.getPaymentHistory(created.paymentId);
    // Created, perhaps seen awaiting authorisation at the bank, then completed: all found by reconciliation.
    assert.deepEqual(history[0] && [history[0].source, history[0].status], ['create', 'created']);
    assert.ok(history.slice(1).every((entry) => entry.source === 'reconcile'));
    assert.equal(history.at(-1)?.status, 'completed');
    assert.deepEqual(
      changes.map((change) => change.eventId),
      history.map((entry) => entry.eventId),
    );
  });

  it('expires a payment past its expiry and grace that the provider still calls unfinished', async () => {
    const clock = manualClock(Date.now());
    const { kit, changes } = await reconcilingKit({ now: clock.now, graceMs: 60_000 });
    const created = await createPayment(kit.endpoint);
    await sleep(400);
    assert.equal((await kit.handler.getPayment(created.paymentId))?.status, 'created');
    // No expiresAt from this provider: a day after creation, plus the grace.
    clock.advance(24 * 60 * 60 * 1000 + 61_000);
    await eventually(
      async () => (await kit.handler.getPayment(created.paymentId))?.status === 'expired',
      10_000,
      'the payment to expire',
    );
    const record = await kit.handler.getPayment(created.paymentId);
    assert.equal(record?.error?.code, 'payment_expired');
    await eventually(() => changes.some((change) => change.payment.status === 'expired'));
    const last = (await kit.handler.getPaymentHistory(created.paymentId)).at(-1);
    assert.equal(last?.source, 'reconcile');
    assert.equal(last?.previous, 'created');
  });

  it('backs off while the provider fails, and close() stops it', async () => {
    const { kit, reads } = await reconcilingKit();
    await createPayment(kit.endpoint);
    await sandbox.configure({ faults: { errorRate: 1, errorStatus: 503 } });
    try {
      await sleep(300);
      const start = reads.count();
      await sleep(2000);
      // Every 100 ms would be about 20 reads; doubling from 100 ms (±20 %) is at most 5.
      const failing = reads.count() - start;
      assert.ok(failing >= 1 && failing <= 6, `${failing} reads in 2 s while failing`);
    } finally {
      await sandbox.configure({ faults: {} });
    }
    await kit.handler.close();
    const closedAt = reads.count();
    await sleep(1500);
    assert.equal(reads.count(), closedAt, 'no provider call after close()');
  });
});
