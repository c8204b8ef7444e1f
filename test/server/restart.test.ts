import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CreatePaymentResponse } from '../../src/core/protocol.js';
import { fingerprint } from '../../src/server/idempotency.js';
import { newPaymentId } from '../../src/server/payment-id.js';
import { createSqlitePaymentStore } from '../../src/server/stores/sqlite/index.js';
import { validateCreateRequest } from '../../src/server/validate-create-request.js';
import { decideAtBank, followReturn } from './support/bank-browser.js';
import { temporaryFolder } from './support/go-live.js';
import { startKit } from './support/kit-fixture.js';
import { createBody, getStatus, postPayment, readProblem } from './support/merchant-client.js';
import {
  eventually,
  freePort,
  startMerchantProcess,
  startSandboxProcess,
  type MerchantProcess,
  type SandboxProcess,
} from './support/processes.js';
import { hookCallsRecorded } from './support/outbox.js';
import { providerFor } from './support/providers.js';

const newFile = temporaryFolder('restart');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface HookLine {
  eventId: string;
  paymentId: string;
  status: string;
  previous: string | null;
}

function hookLines(path: string): HookLine[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as HookLine);
}

/**
 * `npm run serve` on a SQLite file, over `npm run sandbox`, each its own process; the merchant server is
 * killed with SIGKILL (nothing of it runs on the way out) and started again on the same file and port.
 */
describe('restart of the merchant server (kill -9) loses nothing', () => {
  let sandbox: SandboxProcess;
  let merchant: MerchantProcess | undefined;
  let port: number;
  let database: string;
  let hookLog: string;

  const env = (overrides: Record<string, string> = {}) => ({
    PAY_BY_BANK_DB: database,
    SANDBOX_URL: sandbox.url,
    PAY_BY_BANK_PROVIDER: 'aiia-pay',
    PAY_BY_BANK_HOOK_LOG: hookLog,
    PAY_BY_BANK_RECONCILE_MS: '0',
    PAY_BY_BANK_IDEMPOTENCY_LEASE_MS: '3000',
    ...overrides,
  });
  const start = async (overrides?: Record<string, string>) => {
    merchant = await startMerchantProcess(port, env(overrides));
    return merchant;
  };
  const restart = async (overrides?: Record<string, string>) => {
    await merchant?.kill();
    return start(overrides);
  };
  const body = () => createBody({ returnUrl: `http://127.0.0.1:${port}/?order=123` });

  before(async () => {
    port = await freePort();
    database = newFile();
    hookLog = newFile('hook.log');
    sandbox = await startSandboxProcess(`http://127.0.0.1:${port}/api/pay-by-bank/webhooks`);
  });
  after(async () => {
    await merchant?.kill();
    await sandbox.kill();
  });

  it('reads the payment back, replays its Idempotency-Key, completes the return and applies a later webhook', async () => {
    const first = await start();
    const key = randomUUID();
    const createdBefore = (await sandbox.created()).aiia ?? 0;
    const answered = await postPayment(first.endpoint, body(), key);
    assert.equal(answered.status, 201);
    const created = (await answered.json()) as CreatePaymentResponse;
    const statusBefore = await getStatus(first.endpoint, created.paymentId);
    // Killed inside the creation's hook call, the server would make it again after its lease: the
    // completed call, which waits for it, would come too late for this test.
    await eventually(
      () => hookCallsRecorded(database, created.paymentId),
      10_000,
      'the creation hook call recorded',
    );

    const restartedAt = new Date().toISOString();
    const second = await restart();
    assert.deepEqual(await getStatus(second.endpoint, created.paymentId), statusBefore);
    const replay = await postPayment(second.endpoint, body(), key);
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await replay.json(), created);
    assert.equal((await sandbox.created()).aiia, createdBefore + 1, 'one provider payment');

    // The payer approves at the bank: the sandbox posts its webhook to the restarted server.
    const location = await decideAtBank(created.authorizationUrl ?? '', 'approve');
    const reader = createSqlitePaymentStore({ path: database });
    try {
      const webhook = await eventually(
        async () =>
          (await reader.history(created.paymentId)).find(
            (entry) => entry.source === 'webhook' && entry.at >= restartedAt,
          ),
        10_000,
        'a webhook applied after the restart',
      );
      assert.equal(typeof webhook.webhookEventId, 'string');
      assert.match(webhook.bodySha256 ?? '', /^[0-9a-f]{64}$/);
    } finally {
      await reader.close?.();
    }
    const back = await followReturn(location);
    assert.equal(back.status, 303);
    assert.equal(
      new URL(back.location ?? '').searchParams.get('pay_by_bank_payment'),
      created.paymentId,
    );
    assert.equal((await getStatus(second.endpoint, created.paymentId)).status, 'completed');
    await eventually(
      () =>
        hookLines(hookLog).some(
          (line) => line.paymentId === created.paymentId && line.status === 'completed',
        ),
      10_000,
      'the completed hook call',
    );
  });

  it('delivers after the restart a hook call that was stored, and failing, when the server died', async () => {
    // The shop's order system is down: its log folder does not exist, so every hook call throws.
    const broken = join(newFile('missing-folder'), 'hook.log');
    const failing = await restart({ PAY_BY_BANK_HOOK_LOG: broken });
    const answered = await postPayment(failing.endpoint, body());
    assert.equal(answered.status, 201);
    const { paymentId } = (await answered.json()) as CreatePaymentResponse;
    await sleep(500);
    assert.equal(existsSync(broken), false);
    assert.equal(
      hookLines(hookLog).some((line) => line.paymentId === paymentId),
      false,
    );

    await restart();
    const delivered = await eventually(
      () => {
        const lines = hookLines(hookLog).filter((line) => line.paymentId === paymentId);
        return lines.length > 0 && lines;
      },
      10_000,
      'the stored hook call',
    );
    assert.deepEqual(delivered, [
      { eventId: `${paymentId}.1`, paymentId, status: 'created', previous: null },
    ]);
  });

  it('lets a retry take over a key whose holder died mid-create, once its lease ran out: one provider payment, no lasting 409', async () => {
    // A fresh process, so that nothing (the bank list) is cached: the holder dies at the slow provider.
    const holder = await restart();
    await sandbox.configure({ latencyMs: 2500 });
    const key = randomUUID();
    const dying = postPayment(holder.endpoint, body(), key).catch(() => undefined);
    await sleep(600);
    await holder.kill();
    await dying;
    await sandbox.configure({ latencyMs: 0 });
    const createdBefore = (await sandbox.created()).aiia ?? 0;

    const survivor = await start();
    const answers: number[] = [];
    const created = await eventually(
      async () => {
        const response = await postPayment(survivor.endpoint, body(), key);
        answers.push(response.status);
        if (response.status === 409) {
          assert.equal((await readProblem(response)).code, 'idempotency_request_in_progress');
          await sleep(250);
          return undefined;
        }
        assert.equal(response.status, 201, await response.clone().text());
        return (await response.json()) as CreatePaymentResponse;
      },
      10_000,
      'the retry to take over',
    );
    assert.ok(answers.every((status) => status === 409 || status === 201));
    const again = await postPayment(survivor.endpoint, body(), key);
    assert.equal(again.status, 201);
    assert.equal(((await again.json()) as CreatePaymentResponse).paymentId, created.paymentId);
    await sleep(300);
    assert.equal((await sandbox.created()).aiia, createdBefore + 1, 'one provider payment');
  });
});

describe('a takeover adopts the payment its dead holder stored', () => {
  let sandbox: SandboxProcess;
  before(async () => {
    sandbox = await startSandboxProcess();
  });
  after(() => sandbox.kill());

  it('answers the stored payment instead of making a second one', async () => {
    const store = createSqlitePaymentStore({ path: newFile() });
    const provider = providerFor('aiia-pay', sandbox.url);
    const kit = await startKit(provider, { store, idempotencyLeaseMs: 300 });
    try {
      const request = createBody();
      const key = randomUUID();
      // The dead holder's steps, up to the one it never took (completing the key).
      await store.claimIdempotencyKey(key, fingerprint(validateCreateRequest(request)), {
        leaseMs: 300,
      });
      const paymentId = newPaymentId();
      await store.recordIdempotencyAttempt(key, { paymentId });
      const made = await provider.createPayment({
        paymentId,
        bankId: String(request.bankId),
        checkout: { amount: { value: '42.00', currency: 'EUR' }, reference: 'ORDER-123' },
        redirectUrl: `${kit.endpoint}/return?payment=${paymentId}`,
        flow: 'redirect',
      });
      await store.recordIdempotencyAttempt(key, {
        paymentId,
        providerPaymentId: made.providerPaymentId,
      });
      const now = new Date().toISOString();
      await store.insert({
        id: paymentId,
        provider: provider.name,
        providerPaymentId: made.providerPaymentId,
        status: made.status,
        providerStatus: made.rawStatus,
        amount: { value: '42.00', currency: 'EUR' },
        reference: 'ORDER-123',
        checkout: 'order-123',
        bankId: String(request.bankId),
        flow: 'redirect',
        returnUrl: String(request.returnUrl),
        ...(made.authorizationUrl ? { authorizationUrl: made.authorizationUrl } : {}),
        createdAt: now,
        updatedAt: now,
        checkedAt: now,
      });
      const createdBefore = (await sandbox.created()).aiia;

      const during = await postPayment(kit.endpoint, request, key);
      assert.equal(during.status, 409);
      await sleep(350);
      const adopted = await postPayment(kit.endpoint, request, key);
      assert.equal(adopted.status, 201);
      const answer = (await adopted.json()) as CreatePaymentResponse;
      assert.equal(answer.paymentId, paymentId);
      assert.equal(answer.authorizationUrl, made.authorizationUrl);
      assert.equal((await sandbox.created()).aiia, createdBefore);
      const replay = await postPayment(kit.endpoint, request, key);
      assert.equal(((await replay.json()) as CreatePaymentResponse).paymentId, paymentId);
    } finally {
      await kit.close();
      await store.close?.();
    }
  });
});
