import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { CreatePaymentResponse } from '../../src/core/protocol.js';
import { temporaryFolder } from './support/go-live.js';
import { createBody, getStatus, postPayment, readProblem } from './support/merchant-client.js';
import {
  eventually,
  freePort,
  startMerchantProcess,
  startSandboxProcess,
  type MerchantProcess,
  type SandboxProcess,
} from './support/processes.js';
import { freshDatabase, SKIP_WITHOUT_POSTGRES, testServerUrl } from './stores/support/postgres.js';

const serverUrl = await testServerUrl();
const database = serverUrl ? await freshDatabase(serverUrl, 'adopt') : undefined;
const newFile = temporaryFolder('adopt-after-kill');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LEASE_MS = 2000;
const HELD = /test hook: holding payment (pay_\S+) before storing it/;

/**
 * The holder of an Idempotency-Key is killed with SIGKILL after the provider answered and the kit
 * recorded that answer with the key, but before the payment's own write (the demo's test hook
 * PAY_BY_BANK_TEST_HOOK_HOLD_INSERT holds it there). A fresh process on the same store takes the key
 * over once its lease ran out and answers the provider payment the dead holder made: one provider
 * payment, 201, never a lasting 409 (docs/architecture.md, "Where payments live").
 */
function adoptsAfterKill(storeEnv: () => Record<string, string>): void {
  let sandbox: SandboxProcess;
  let port: number;
  const running: MerchantProcess[] = [];
  const start = async (extra: Record<string, string> = {}) => {
    const merchant = await startMerchantProcess(port, {
      ...storeEnv(),
      SANDBOX_URL: sandbox.url,
      PAY_BY_BANK_PROVIDER: 'aiia-pay',
      PAY_BY_BANK_RECONCILE_MS: '0',
      PAY_BY_BANK_IDEMPOTENCY_LEASE_MS: String(LEASE_MS),
      ...extra,
    });
    running.push(merchant);
    return merchant;
  };
  const body = () => createBody({ returnUrl: `http://127.0.0.1:${port}/?order=123` });

  before(async () => {
    port = await freePort();
    sandbox = await startSandboxProcess();
  });
  after(async () => {
    for (const merchant of running) await merchant.kill();
    await sandbox?.kill();
  });

  it('answers the retry with the provider payment the killed holder made, and makes no second one', async () => {
    const holder = await start({ PAY_BY_BANK_TEST_HOOK_HOLD_INSERT: '1' });
    const createdBefore = (await sandbox.created()).aiia ?? 0;
    const key = randomUUID();
    const dying = postPayment(holder.endpoint, body(), key).catch(() => undefined);
    const [, heldId] = await eventually(
      () => HELD.exec(holder.output()) ?? undefined,
      10_000,
      'the holder to reach the payment’s write',
    );
    assert.equal((await sandbox.created()).aiia, createdBefore + 1, 'the provider made it');
    await holder.kill();
    await dying;

    const fresh = await start();
    const answers: number[] = [];
    const adopted = await eventually(
      async () => {
        const response = await postPayment(fresh.endpoint, body(), key);
        answers.push(response.status);
        if (response.status === 409) {
          assert.equal((await readProblem(response)).code, 'idempotency_request_in_progress');
          await sleep(250);
          return undefined;
        }
        assert.equal(response.status, 201, await response.clone().text());
        return (await response.json()) as CreatePaymentResponse;
      },
      LEASE_MS + 8000,
      'the retry to take the key over',
    );
    assert.ok(answers.every((status) => status === 409 || status === 201));
    assert.equal(adopted.paymentId, heldId, 'the dead holder’s payment');
    assert.match(adopted.authorizationUrl ?? '', /^http/);
    assert.equal((await getStatus(fresh.endpoint, adopted.paymentId)).status, adopted.status);

    const replay = await postPayment(fresh.endpoint, body(), key);
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await replay.json(), adopted);
    await sleep(300);
    assert.equal((await sandbox.created()).aiia, createdBefore + 1, 'one provider payment');
  });
}

describe('a key whose holder was killed after the provider answered: SQLite', () => {
  const file = newFile();
  adoptsAfterKill(() => ({ PAY_BY_BANK_DB: file }));
});

describe(
  'a key whose holder was killed after the provider answered: PostgreSQL',
  { skip: database ? false : SKIP_WITHOUT_POSTGRES },
  () => {
    after(() => database?.drop());
    adoptsAfterKill(() => ({ DATABASE_URL: database?.url ?? '' }));
  },
);
