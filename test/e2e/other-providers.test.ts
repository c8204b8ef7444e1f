import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { loggedEvent, useDemo } from './support/demo.js';

/**
 * Open Banking Connect and Cashfree BBPS through `npm start`'s demo in Chromium. OBC as the payer clicks
 * it: pick a bank, decide at the sandbox bank, come back. BBPS has no bank page: on the demo's bill
 * scene (`?checkout=bill-…`) the payer picks UPI, types a UPI ID and pays in the element, then approves
 * the collect request in the sandbox's UPI app.
 */
describe('demo: Open Banking Connect and Cashfree BBPS in Chromium', () => {
  const demo = useDemo();

  async function withPage(run: (page: Page) => Promise<void>): Promise<void> {
    const context = await demo.browser.newContext();
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
        await page.goto(`${demo.origin}/?provider=open-banking-connect&flow=redirect`);
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
      await page.goto(`${demo.origin}/?checkout=bill-CUST-7`);
      const ready = (await loggedEvent(page, 'pay-by-bank-ready')) as { country: string };
      assert.equal(ready.country, 'IN');
      assert.equal(await page.getByLabel('Provider').inputValue(), 'cashfree-bbps');
      const element = page.locator('pay-by-bank');
      await element.getByText('Due date').waitFor();
      await element.getByText('Asha Verma').waitFor();

      const vpa = 'e2e.payer@okbank';
      await page
        .getByRole('listbox', { name: 'Banks' })
        .getByRole('option', { name: /UPI ID/ })
        .click();
      await page.getByLabel('UPI ID').fill(vpa);
      const created = page.waitForResponse(
        (response) =>
          response.request().method() === 'POST' &&
          new URL(response.url()).pathname === '/api/pay-by-bank/payments',
      );
      await page.getByRole('button', { name: /^Pay ₹1,200\.00/ }).click();
      const payment = (await (await created).json()) as {
        status: string;
        authorizationUrl?: string;
        amount: unknown;
      };
      assert.equal(payment.status, 'processing');
      assert.equal(payment.authorizationUrl, undefined);
      assert.deepEqual(payment.amount, { value: '1200.00', currency: 'INR' });

      // The payer approves the collect request in their UPI app, here a second page.
      const upiApp = await page.context().newPage();
      await upiApp.goto(`${demo.origin}/sandbox/cashfree/upi?vpa=${encodeURIComponent(vpa)}`);
      await upiApp.getByRole('button', { name: 'Approve' }).click();
      await upiApp.getByRole('heading', { name: 'Payment approved' }).waitFor();

      const success = (await loggedEvent(page, 'pay-by-bank-success', 30_000)) as {
        status: string;
        amount: unknown;
      };
      assert.equal(success.status, 'completed');
      assert.deepEqual(success.amount, { value: '1200.00', currency: 'INR' });
      assert.equal(new URL(page.url()).pathname, '/');
    });
  });

  it('cashfree-bbps: a UPI app opened before the collect request shows it when it comes', async () => {
    await withPage(async (page) => {
      const vpa = 'early.payer@okbank';
      // The payer opens their UPI app first: nothing waits there yet.
      const upiApp = await page.context().newPage();
      await upiApp.goto(`${demo.origin}/sandbox/cashfree/upi?vpa=${encodeURIComponent(vpa)}`);
      await upiApp.getByText('No payment requests are waiting.').waitFor();

      await page.goto(`${demo.origin}/?checkout=bill-CUST-${Date.now() % 100_000}`);
      await loggedEvent(page, 'pay-by-bank-ready');
      await page
        .getByRole('listbox', { name: 'Banks' })
        .getByRole('option', { name: /UPI ID/ })
        .click();
      await page.getByLabel('UPI ID').fill(vpa);
      await page.getByRole('button', { name: /^Pay ₹/ }).click();

      // The request shows up in the open app, as a push notification would bring it: no reload.
      await upiApp.getByRole('button', { name: 'Approve' }).click({ timeout: 10_000 });
      await upiApp.getByRole('heading', { name: 'Payment approved' }).waitFor();
      const success = (await loggedEvent(page, 'pay-by-bank-success', 30_000)) as {
        status: string;
      };
      assert.equal(success.status, 'completed');
    });
  });

  it('cashfree-bbps on a desktop, flow="auto": no blank window at Pay for UPI, none left for a mode without a link', async () => {
    await withPage(async (page) => {
      const windows: Page[] = [];
      page.context().on('page', (opened) => windows.push(opened));
      const pay = async (option: RegExp, fields: Record<string, string>) => {
        await page.goto(
          `${demo.origin}/?checkout=bill-CUST-${Math.floor(Math.random() * 1e6)}&flow=auto`,
        );
        await loggedEvent(page, 'pay-by-bank-ready');
        await page
          .getByRole('listbox', { name: 'Banks' })
          .getByRole('option', { name: option })
          .click();
        for (const [label, value] of Object.entries(fields))
          await page.getByLabel(label).fill(value);
        await page.getByRole('button', { name: /^Pay ₹/ }).click();
      };
      // The bank list says both UPI options are paid in the payer's UPI app: no window opens.
      await pay(/^UPI ID/, { 'UPI ID': 'desk.payer@okbank' });
      await loggedEvent(page, 'pay-by-bank-status');
      await pay(/^UPI$/, {});
      await page
        .locator('pay-by-bank')
        .getByRole('heading', { name: 'Scan with any UPI app' })
        .waitFor();
      assert.equal(windows.length, 0, 'no window for a UPI option');
      // A mode the list says nothing of gets its window at the click, closed when no link comes.
      await pay(/Internet Banking/, { IFSC: 'HDFC0001234', 'Account number': '123456789012' });
      await loggedEvent(page, 'pay-by-bank-status');
      assert.equal(windows.length, 1);
      // Closed as the create answers with no link, not when the payment ends (two seconds later).
      const unused = windows[0] as Page;
      if (!unused.isClosed()) await unused.waitForEvent('close', { timeout: 1500 });
      assert.equal(
        await page.locator('#event-log li[data-event="pay-by-bank-success"]').count(),
        0,
        'the window closed before the outcome',
      );
    });
  });
});
