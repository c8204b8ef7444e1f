import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { loggedEvent, useDemo } from './support/demo.js';
import { decodeElementQr as decodeQr } from './support/qr.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core over the whole page, the element's shadow root included: each rule broken, and where. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (...args: unknown[]) => Promise<{
          violations: { id: string; nodes: { target: unknown }[] }[];
        }>;
      };
    };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (violation) =>
        `${violation.id} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    );
  });
}

/**
 * A BBPS bill paid the way India pays: on a desktop a UPI QR code (decoded here, field by field),
 * on a phone the intent link, which in the sandbox opens its page playing the UPI app.
 */
describe('demo: BBPS bills by UPI intent and QR in Chromium', () => {
  const demo = useDemo();

  it('desktop: a UPI QR code of the upi://pay link, paid in the UPI app with a PIN, and a receipt', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const phone =
      await // bypassCSP: only for axe-core, which the sandbox's strict policy would refuse as a script.
      (
        await demo.browser.newContext({ hasTouch: true, isMobile: true, bypassCSP: true })
      ).newPage();
    try {
      await page.goto(`${demo.origin}/?checkout=bill-CUST-7`);
      await loggedEvent(page, 'pay-by-bank-ready');
      const element = page.locator('pay-by-bank');
      await element.getByRole('option', { name: 'UPI', exact: true }).click();
      await element.getByRole('button', { name: /^Pay ₹1,200\.00/ }).click();
      await element.getByRole('heading', { name: 'Scan with any UPI app' }).waitFor();
      await element.getByRole('img', { name: 'Scan with any UPI app' }).waitFor();
      await element.getByRole('timer').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'the UPI QR code view');

      const payload = await decodeQr(page);
      assert.ok(payload.startsWith('upi://pay?'), payload);
      const fields = new URL(payload).searchParams;
      assert.equal(fields.get('pa'), 'bbps.demo@cashfree');
      assert.equal(fields.get('pn'), 'Demo BBPS Payments');
      assert.equal(fields.get('am'), '1200.00');
      assert.equal(fields.get('cu'), 'INR');
      assert.match(fields.get('tr') ?? '', /^OU01[0-9A-Z]{16}$/);
      assert.match(fields.get('tn') ?? '', /^Bill /);

      // The phone's UPI app: the sandbox's page with the same fields. Keyboard only.
      await phone.goto(`${demo.origin}/sandbox/cashfree/upi/pay${new URL(payload).search}`);
      assert.deepEqual(await axeViolations(phone), [], 'the sandbox UPI app');
      await phone.getByLabel('UPI PIN').focus();
      await phone.keyboard.type('1234');
      await phone.keyboard.press('Enter');
      await phone.getByRole('heading', { name: 'Payment approved' }).waitFor();

      const success = (await loggedEvent(page, 'pay-by-bank-success', 30_000)) as {
        receipt?: { approvalReference: string; billNumber?: string; biller: string };
      };
      assert.ok(success.receipt, 'the success event carries the receipt');
      assert.match(success.receipt.approvalReference, /^AB[0-9A-Z]{8}$/);
      const receipt = element.getByRole('region', { name: 'BBPS receipt' });
      await receipt.getByText(success.receipt.approvalReference).waitFor();
      await receipt.getByText('BBPS transaction reference').waitFor();
      await receipt.getByText(success.receipt.biller).waitFor();
      await receipt.getByText(/1,200\.00 paid/).waitFor();
      await receipt.getByText(success.receipt.billNumber ?? 'no bill number').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'the BBPS receipt');
    } finally {
      await phone.context().close();
      await context.close();
    }
  });

  it('phone: the intent link opens the sandbox UPI app; left pending it waits, declined it fails', async () => {
    const context = await demo.browser.newContext({ hasTouch: true, isMobile: true });
    const page = await context.newPage();
    try {
      await page.goto(`${demo.origin}/?checkout=bill-CUST-8`);
      await loggedEvent(page, 'pay-by-bank-ready');
      const element = page.locator('pay-by-bank');
      await element.getByRole('option', { name: 'UPI', exact: true }).click();
      const app = context.waitForEvent('page');
      const redirect = loggedEvent(page, 'pay-by-bank-redirect');
      await element.getByRole('button', { name: /^Pay ₹/ }).click();
      const { authorizationUrl } = (await redirect) as { authorizationUrl: string };
      assert.match(authorizationUrl, /\/sandbox\/cashfree\/upi\/pay\?pa=/);
      const upiApp = await app;
      await upiApp.getByRole('heading', { name: /^Pay ₹/ }).waitFor();
      // Left pending: the shop's page keeps waiting for the app, offering nothing else to pay with.
      await upiApp.getByRole('button', { name: 'Leave pending' }).click();
      await upiApp.getByRole('heading', { name: 'Payment left pending' }).waitFor();
      await element.getByText('Waiting for confirmation', { exact: false }).waitFor();
      assert.equal(await element.getByRole('button', { name: /^Pay ₹/ }).count(), 0);
      await upiApp.goBack();
      await upiApp.getByRole('button', { name: 'Decline' }).click();
      await upiApp.getByRole('heading', { name: 'Payment declined' }).waitFor();
      await loggedEvent(page, 'pay-by-bank-failure', 30_000);
    } finally {
      await context.close();
    }
  });
});
