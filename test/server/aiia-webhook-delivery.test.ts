import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decideAtBank } from './support/bank-browser.js';
import { startKit, type RunningKit } from './support/kit-fixture.js';
import { createPayment } from './support/merchant-client.js';
import { providerFor } from './support/providers.js';
import { startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

/** The sandbox's own signed webhooks, over real HTTP, with its duplicate, out-of-order and late knobs. */
describe('aiiaPay receiving the sandbox webhooks', () => {
  let sandbox: RunningSandbox;
  let kit: RunningKit;
  let webhookUrl = '';

  before(async () => {
    sandbox = await startSandbox({
      webhooks: {
        deliver: (request) =>
          fetch(webhookUrl, {
            method: 'POST',
            headers: request.headers,
            body: request.body,
            duplex: 'half',
          } as RequestInit),
      },
    });
    // A long refresh interval: only webhooks, not status polls, can move these payments.
    kit = await startKit(providerFor('aiia-pay', sandbox.url), { refreshIntervalMs: 60_000 });
    webhookUrl = `${kit.endpoint}/webhooks`;
  });
  after(async () => {
    await kit.close();
    await sandbox.close();
  });

  it('completes a payment from webhooks alone, without the payer returning', async () => {
    const created = await createPayment(kit.endpoint);
    await decideAtBank(created.authorizationUrl ?? '', 'approve');
    await sandbox.sandbox.flushWebhooks();
    assert.equal((await kit.store.get(created.paymentId))?.status, 'completed');
    const events = sandbox.sandbox.webhookDeliveries.filter(
      (delivery) => delivery.status !== undefined,
    );
    assert.ok(events.length >= 4, 'created, awaiting, authorized, executed');
    assert.ok(events.every((delivery) => delivery.status === 200));
  });

  it('ignores duplicates as replays and keeps the status', async () => {
    sandbox.sandbox.configure({ webhooks: { duplicate: true } });
    try {
      const before = sandbox.sandbox.webhookDeliveries.length;
      const created = await createPayment(kit.endpoint);
      await decideAtBank(created.authorizationUrl ?? '', 'reject');
      await sandbox.sandbox.flushWebhooks();
      const deliveries = sandbox.sandbox.webhookDeliveries.slice(before);
      assert.ok(deliveries.length >= 6, 'three events, each twice');
      assert.equal(
        deliveries.filter((delivery) => delivery.status === 409).length,
        deliveries.length / 2,
      );
      assert.equal((await kit.store.get(created.paymentId))?.status, 'failed');
    } finally {
      sandbox.sandbox.configure({ webhooks: { duplicate: false } });
    }
  });

  it('ends at the final status when webhooks arrive out of order', async () => {
    sandbox.sandbox.configure({ webhooks: { outOfOrder: true } });
    try {
      const created = await createPayment(kit.endpoint);
      await decideAtBank(created.authorizationUrl ?? '', 'approve');
      await sandbox.sandbox.flushWebhooks();
      assert.equal((await kit.store.get(created.paymentId))?.status, 'completed');
    } finally {
      sandbox.sandbox.configure({ webhooks: { outOfOrder: false } });
    }
  });

  it('sends each webhook delayMs late, and the payment still ends at its final status', async () => {
    const before = sandbox.sandbox.webhookDeliveries.length;
    sandbox.sandbox.configure({ webhooks: { delayMs: 150 } });
    try {
      const created = await createPayment(kit.endpoint);
      await decideAtBank(created.authorizationUrl ?? '', 'reject');
      await new Promise((resolve) => setTimeout(resolve, 50));
      const sent = sandbox.sandbox.webhookDeliveries.slice(before);
      assert.ok(sent.length >= 3, 'created, awaiting, rejected: all queued');
      assert.ok(
        sent.every((delivery) => delivery.status === undefined),
        'none delivered yet',
      );
      await sandbox.sandbox.flushWebhooks();
      assert.ok(sent.every((delivery) => delivery.status === 200));
      assert.equal((await kit.store.get(created.paymentId))?.status, 'failed');
    } finally {
      sandbox.sandbox.configure({ webhooks: { delayMs: 0 } });
    }
  });
});
