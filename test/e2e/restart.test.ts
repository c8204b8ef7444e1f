import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createSqlitePaymentStore } from '../../src/server/stores/sqlite/index.js';
import {
  eventually,
  freePort,
  startMerchantProcess,
  startSandboxProcess,
  type MerchantProcess,
  type SandboxProcess,
} from '../server/support/processes.js';
import { hookCallsRecorded } from '../server/support/outbox.js';
import { buildScriptTagFiles, launchChromium, loggedEvent, payWithBank } from './support/demo.js';

interface HookLine {
  eventId: string;
  paymentId: string;
  status: string;
  previous: string | null;
}

/**
 * A payer in Chromium pays through `npm run serve` (the built element, payments in a SQLite file) over
 * `npm run sandbox`, each its own process. While the payer is at the bank, the merchant server is
 * killed (SIGKILL) and started again on the same file: the payer still comes back to success, and the
 * shop's completion hook is called exactly once per status change.
 */
describe('e2e: the merchant server restarts mid-payment', () => {
  let built: Awaited<ReturnType<typeof buildScriptTagFiles>>;
  let folder: string;
  let sandbox: SandboxProcess;
  let merchant: MerchantProcess | undefined;
  let browser: Browser;
  let port: number;

  const env = () => ({
    PAY_BY_BANK_DB: join(folder, 'payments.db'),
    PAY_BY_BANK_HOOK_LOG: join(folder, 'hook.log'),
    PAY_BY_BANK_PROVIDER: 'aiia-pay',
    PAY_BY_BANK_RECONCILE_MS: '0',
    SANDBOX_URL: sandbox.url,
    DEMO_DIST_DIR: built.outDir,
  });
  const hookLines = (): HookLine[] => {
    const path = join(folder, 'hook.log');
    if (!existsSync(path)) return [];
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as HookLine);
  };

  before(async () => {
    built = await buildScriptTagFiles();
    folder = mkdtempSync(join(tmpdir(), 'pay-by-bank-restart-e2e-'));
    port = await freePort();
    sandbox = await startSandboxProcess(`http://127.0.0.1:${port}/api/pay-by-bank/webhooks`);
    merchant = await startMerchantProcess(port, env());
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await merchant?.kill();
    await sandbox?.kill();
    await built?.remove();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('ends with pay-by-bank-success and one hook call per status change', async () => {
    const origin = `http://127.0.0.1:${port}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/?provider=aiia-pay`);
      await loggedEvent(page, 'pay-by-bank-ready');
      await page.evaluate(() =>
        document.querySelector('pay-by-bank')?.setAttribute('flow', 'redirect'),
      );
      await payWithBank(page);
      await page.waitForURL((url) => url.pathname.includes('/sandbox/'));
      const paymentId = await eventually(
        () => hookLines().find((line) => line.previous === null)?.paymentId,
        10_000,
        'the creation hook call',
      );
      // Killed inside a hook call, the server makes it again (at least once): this test kills it
      // between calls, where "exactly once" must hold.
      await eventually(
        () => hookCallsRecorded(env().PAY_BY_BANK_DB, paymentId),
        10_000,
        'the creation hook call recorded',
      );

      // The payer is at the bank; the merchant's server dies and comes back on the same file.
      await merchant?.kill();
      merchant = await startMerchantProcess(port, env());

      await page.getByRole('button', { name: 'Approve payment' }).click();
      await page.waitForURL((url) => url.origin === origin && url.pathname === '/');
      const detail = (await loggedEvent(page, 'pay-by-bank-success')) as { paymentId: string };
      assert.equal(detail.paymentId, paymentId);

      const reader = createSqlitePaymentStore({ path: env().PAY_BY_BANK_DB });
      try {
        const history = await eventually(async () => {
          const entries = await reader.history(paymentId);
          return entries.at(-1)?.status === 'completed' && entries;
        });
        const expected = history.map((entry) => entry.eventId);
        const calls = await eventually(() => {
          const lines = hookLines().filter((line) => line.paymentId === paymentId);
          return lines.length >= expected.length && lines;
          // A delivery the restart interrupted waits out its backoff (1 s, 2 s, 4 s…) first.
        }, 30_000);
        // Give a duplicate time to show.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const settled = hookLines().filter((line) => line.paymentId === paymentId);
        assert.deepEqual(
          settled.map((line) => line.eventId),
          expected,
        );
        assert.equal(calls[0]?.previous, null);
        assert.deepEqual(
          settled.map((line) => line.status),
          history.map((entry) => entry.status),
        );
      } finally {
        await reader.close?.();
      }
    } finally {
      await context.close();
    }
  });
});
