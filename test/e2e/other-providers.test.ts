import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { launchChromium, loggedEvent, startDemo } from './support/demo.js';

/**
 * Open Banking Connect and Cashfree BBPS through `npm start`'s demo in Chromium. OBC as the payer clicks
 * it: pick a bank, decide at the sandbox bank, come back. BBPS has no bank page: the payer approves
 * the collect request in the sandbox's UPI app; until the demo page takes `?checkout=bill-…`, the
 * payment is created by the page's own fetch, as the element would.
 */
describe('demo: Open Banking Connect and Cashfree BBPS in Chromium', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let origin: string;

  before(async () => {
    const demo = await startDemo();
    server = demo.server;
    origin = demo.url;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function withPage(run: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext();
    try {
      await run(await context.newPage());
    } finally {
      await context.close();
    }
  }

  const obcCases = [
    { decision: 'Approve payment', event: 'pay-by-bank-success', reason: undefined },
    { decision: 'Reject', event: 'pay-by-bank-failure', reason: 'AM04' },
    { decision: 'Cancel payment', event: 'pay-by-bank-cancel', reason: undefined },
  ];
  for (const { decision, event, reason } of obcCases) {
    it(`open-banking-connect: "${decision}" at the bank ends with ${event}`, async () => {
      await withPage(async (page) => {
        await page.goto(`${origin}/?provider=open-banking-connect`);
        await loggedEvent(page, 'pay-by-bank-ready');
        await page.getByRole('listbox', { name: 'Banks' }).getByRole('option').first().click();
        await page.getByRole('button', { name: /^Pay €42\.00 with / }).click();

        await page.waitForURL((url) => url.pathname === '/sandbox/obc/bank/authorize');
        if (reason) await page.getByLabel('Reason to reject').selectOption(reason);
        await page.getByRole('button', { name: decision }).click();

        await page.waitForURL((url) => url.pathname === '/');
        const detail = (await loggedEvent(page, event)) as {
          paymentId: string;
          error?: { code: string; message: string };
        };
        assert.match(detail.paymentId, /^[A-Za-z0-9_-]{22,}$/);
        if (reason) assert.equal(detail.error?.code, 'insufficient_funds');
      });
    });
  }

  it('cashfree-bbps: a bill with its summary, paid by UPI, approved in the UPI app', async () => {
    await withPage(async (page) => {
      await page.goto(`${origin}/?provider=cashfree-bbps`);
      const banks = (await page.evaluate(async () => {
        const response = await fetch('/api/pay-by-bank/banks?checkout=bill-CUST-7');
        return response.json();
      })) as { country: string; banks: { id: string }[]; summary?: { label: string }[] };
      assert.equal(banks.country, 'IN');
      assert.ok(banks.banks.some((bank) => bank.id === 'upi'));
      assert.ok(banks.summary?.some((item) => item.label === 'Due date'));

      const vpa = 'e2e.payer@okbank';
      const created = (await page.evaluate(async (payerVpa) => {
        const response = await fetch('/api/pay-by-bank/payments', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify({
            bankId: 'upi',
            checkout: 'bill-CUST-7',
            returnUrl: location.href,
            flow: 'redirect',
            payer: { vpa: payerVpa },
          }),
        });
        return response.json();
      }, vpa)) as { paymentId: string; status: string; authorizationUrl?: string; amount: unknown };
      assert.equal(created.status, 'processing');
      assert.equal(created.authorizationUrl, undefined);
      assert.deepEqual(created.amount, { value: '1200.00', currency: 'INR' });

      const upiApp = await page.context().newPage();
      await upiApp.goto(`${origin}/sandbox/cashfree/upi?vpa=${encodeURIComponent(vpa)}`);
      await upiApp.getByRole('button', { name: 'Approve' }).click();
      await upiApp.getByRole('heading', { name: 'Payment approved' }).waitFor();

      const status = (await page.evaluate(async (paymentId) => {
        const response = await fetch(
          `/api/pay-by-bank/payments/${paymentId}?wait=10&since=processing`,
        );
        return response.json();
      }, created.paymentId)) as { status: string };
      assert.equal(status.status, 'completed');
    });
  });
});
