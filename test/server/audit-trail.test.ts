import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  createMemoryPaymentStore,
  type PaymentHistoryEntry,
  type PaymentStore,
} from '../../src/server/index.js';
import { createSqlitePaymentStore } from '../../src/server/stores/sqlite/index.js';
import { decideAtBank, followReturn } from './support/bank-browser.js';
import { temporaryFolder } from './support/go-live.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import { createPayment, getStatus } from './support/merchant-client.js';
import { eventually } from './support/processes.js';
import { providerFor } from './support/providers.js';
import { startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

const newFile = temporaryFolder('audit-trail');

/** Each entry is a well-formed change: the time, the provider's raw status, chained to the one before. */
function assertWellFormed(history: PaymentHistoryEntry[]): void {
  assert.equal(history[0]?.source, 'create');
  assert.equal(history[0]?.previous, null);
  history.forEach((entry, index) => {
    assert.equal(entry.sequence, index + 1);
    assert.ok(entry.providerStatus.length > 0, `entry ${index + 1} has the provider's raw status`);
    assert.ok(!Number.isNaN(Date.parse(entry.at)), `entry ${index + 1} has its time`);
    if (index > 0) assert.equal(entry.previous, history[index - 1]?.status);
  });
}

const stores: Array<[string, () => PaymentStore]> = [
  ['memory', () => createMemoryPaymentStore()],
  ['SQLite', () => createSqlitePaymentStore({ path: newFile() })],
];

for (const [storeName, openStore] of stores) {
  describe(`the audit trail through the kit (${storeName} store)`, () => {
    let sandbox: RunningSandbox;
    let kit: RunningKit;
    let reconciling: RunningKit;
    let webhookUrl = '';
    /** The event ids of the deliveries the sandbox made, by the SHA-256 of their bodies. */
    const deliveredEvents = new Map<string, Set<string>>();
    let store: PaymentStore;

    before(async () => {
      sandbox = await startSandbox({
        webhooks: {
          deliver: async (request) => {
            const body = await request.text();
            const sha = createHash('sha256').update(body).digest('hex');
            const events = deliveredEvents.get(sha) ?? new Set<string>();
            events.add(request.headers.get('x-aiia-eventid') ?? '');
            deliveredEvents.set(sha, events);
            if (!webhookUrl) return new Response(null, { status: 503 });
            return fetch(webhookUrl, { method: 'POST', headers: request.headers, body });
          },
        },
      });
      store = openStore();
      kit = await startKit(providerFor('aiia-pay', sandbox.url), {
        store,
        refreshIntervalMs: 0,
        reconcileIntervalMs: 0,
      });
      reconciling = await startKit(providerFor('mastercard-open-finance', sandbox.url), {
        store,
        reconcileIntervalMs: 100,
      });
    });
    after(async () => {
      await kit.close();
      await reconciling.close();
      await sandbox.close();
      await store.close?.();
    });

    it('records the create, then the return with the provider status', async () => {
      webhookUrl = '';
      const created = await createPayment(kit.endpoint);
      const location = await decideAtBank(created.authorizationUrl ?? '', 'approve');
      await followReturn(location);
      const history = await kit.handler.getPaymentHistory(created.paymentId);
      assertWellFormed(history);
      const returned = history.filter((entry) => entry.source === 'return');
      assert.ok(returned.length >= 1, JSON.stringify(history));
      const stored = await store.get(created.paymentId);
      assert.equal(history.at(-1)?.status, stored?.status);
      assert.equal(history.at(-1)?.providerStatus, stored?.providerStatus);
    });

    it('records a status poll', async () => {
      webhookUrl = '';
      const created = await createPayment(kit.endpoint);
      await decideAtBank(created.authorizationUrl ?? '', 'reject');
      const status = await getStatus(kit.endpoint, created.paymentId);
      const history = await kit.handler.getPaymentHistory(created.paymentId);
      assertWellFormed(history);
      const polled = history.filter((entry) => entry.source === 'poll');
      assert.ok(polled.length >= 1, JSON.stringify(history));
      assert.equal(history.at(-1)?.status, status.status);
    });

    it("records a webhook with the provider's event id and the SHA-256 of its body", async () => {
      webhookUrl = `${kit.endpoint}/webhooks`;
      const created = await createPayment(kit.endpoint);
      await decideAtBank(created.authorizationUrl ?? '', 'approve');
      await sandbox.sandbox.flushWebhooks();
      const history = await kit.handler.getPaymentHistory(created.paymentId);
      assertWellFormed(history);
      const fromWebhooks = history.filter((entry) => entry.source === 'webhook');
      assert.ok(fromWebhooks.length >= 1, JSON.stringify(history));
      for (const entry of fromWebhooks) {
        assert.ok(entry.webhookEventId, 'the event id');
        // The SHA-256 is of a body the sandbox sent, the one that carried this event id.
        const events = deliveredEvents.get(entry.bodySha256 ?? '');
        assert.ok(events?.has(entry.webhookEventId ?? ''), JSON.stringify(entry));
      }
      webhookUrl = '';
    });

    it('records what reconciliation found', async () => {
      const created = await createPayment(reconciling.endpoint);
      await decideAtBank(created.authorizationUrl ?? '', 'approve');
      const history = await eventually(
        async () => {
          const entries = await reconciling.handler.getPaymentHistory(created.paymentId);
          return entries.some((entry) => entry.source === 'reconcile') && entries;
        },
        10_000,
        'a reconciled change',
      );
      assertWellFormed(history);
    });

    it('appends, never rewrites: earlier entries stay as they were', async () => {
      const created = await createPayment(kit.endpoint);
      const first = await kit.handler.getPaymentHistory(created.paymentId);
      await decideAtBank(created.authorizationUrl ?? '', 'approve');
      await getStatus(kit.endpoint, created.paymentId);
      const later = await kit.handler.getPaymentHistory(created.paymentId);
      assert.ok(later.length > first.length);
      assert.deepEqual(later.slice(0, first.length), first);
    });
  });
}
