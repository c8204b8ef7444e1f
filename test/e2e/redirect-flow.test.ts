import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loggedEvent, useDemo } from './support/demo.js';

/**
 * The redirect flow as a payer clicks it through `npm start`'s demo in Chromium: pick a bank, decide at
 * the sandbox bank, come back, and the page hears the outcome.
 */
describe('demo: redirect flow in Chromium', () => {
  const demo = useDemo();

  const cases = [
    { provider: 'aiia-pay', decision: 'Approve payment', event: 'pay-by-bank-success' },
    { provider: 'aiia-pay', decision: 'Reject', event: 'pay-by-bank-failure' },
    { provider: 'aiia-pay', decision: 'Cancel payment', event: 'pay-by-bank-cancel' },
    {
      provider: 'mastercard-open-finance',
      decision: 'Approve payment',
      event: 'pay-by-bank-success',
    },
    { provider: 'mastercard-open-finance', decision: 'Reject', event: 'pay-by-bank-failure' },
    {
      provider: 'mastercard-open-finance',
      decision: 'Cancel payment',
      event: 'pay-by-bank-cancel',
    },
  ];

  for (const { provider, decision, event } of cases) {
    it(`${provider}: "${decision}" at the bank ends with ${event}`, async () => {
      const context = await demo.browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(`${demo.origin}/?provider=${provider}`);
        await loggedEvent(page, 'pay-by-bank-ready');
        // On a desktop pointer `auto` opens a popup; this test is about the redirect flow.
        await page.evaluate(() =>
          document.querySelector('pay-by-bank')?.setAttribute('flow', 'redirect'),
        );
        const banks = page.getByRole('listbox', { name: 'Banks' });
        const bank = banks.getByRole('option').first();
        const bankName = (await bank.locator('.name').textContent())?.trim() ?? '';
        await bank.click();
        await page.getByRole('button', { name: /^Pay €42\.00 with / }).click();

        await page.waitForURL((url) => url.pathname.includes('/sandbox/'));
        await page.getByRole('button', { name: decision }).click();

        await page.waitForURL((url) => url.pathname === '/');
        const detail = (await loggedEvent(page, event)) as { paymentId: string };
        assert.match(detail.paymentId, /^[A-Za-z0-9_-]{22,}$/);
        assert.equal(new URL(page.url()).searchParams.has('pay_by_bank_payment'), false);
        const outcomes = await page
          .locator(
            '#event-log li[data-event$="-success"], #event-log li[data-event$="-failure"], #event-log li[data-event$="-cancel"]',
          )
          .count();
        assert.equal(outcomes, 1);
        if (event === 'pay-by-bank-success') {
          // Back from the bank the list is not loaded, yet the receipt names the bank.
          const receipt = (await page.locator('pay-by-bank .receipt').textContent()) ?? '';
          assert.ok(bankName, 'the option has a name');
          const rows = receipt.replace(/\s+/g, ' ');
          assert.ok(rows.includes(`Bank ${bankName}`), `the receipt: ${rows}`);
        }
      } finally {
        await context.close();
      }
    });
  }
});
