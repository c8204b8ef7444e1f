import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { loggedEvent, useDemo } from './support/demo.js';
import { decodeElementQr } from './support/qr.js';

/** Counts the status requests (GET …/payments/{id}) the shop's page makes. */
function countStatusRequests(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.method() === 'GET' && /\/api\/pay-by-bank\/payments\/[^/?]+/.test(request.url())) {
      count++;
    }
  });
  return () => count;
}

async function openCheckout(page: Page, origin: string, flow: string) {
  await page.goto(`${origin}/?provider=aiia-pay`);
  await loggedEvent(page, 'pay-by-bank-ready');
  await page.evaluate(
    (value) => document.querySelector('pay-by-bank')?.setAttribute('flow', value),
    flow,
  );
  await page.getByRole('listbox', { name: 'Banks' }).getByRole('option').first().click();
}

describe('demo: popup and QR hand-offs in Chromium', () => {
  const demo = useDemo();

  it('popup: the payer approves in the bank window and the shop page, still open, hears success', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    try {
      const statusRequests = countStatusRequests(page);
      await openCheckout(page, demo.origin, 'popup');
      const popupOpened = context.waitForEvent('page');
      await page.getByRole('button', { name: /^Pay €42\.00 with / }).click();
      const popup = await popupOpened;
      await popup.waitForURL((url) => url.pathname.includes('/sandbox/'));
      assert.equal(new URL(page.url()).pathname, '/', 'the shop page stays where it was');
      await page
        .locator('pay-by-bank')
        .getByRole('heading', { name: /Continue in the window of/ })
        .waitFor();
      const popupClosed = popup.waitForEvent('close', { timeout: 10_000 });
      await popup.getByRole('button', { name: 'Approve payment' }).click();
      const detail = (await loggedEvent(page, 'pay-by-bank-success')) as { paymentId: string };
      await popupClosed;
      assert.match(detail.paymentId, /^[A-Za-z0-9_-]{22,}$/);
      console.log(
        `popup e2e: payment ${detail.paymentId} made ${statusRequests()} status requests`,
      );
      assert.ok(statusRequests() >= 1);
    } finally {
      await context.close();
    }
  });

  it('qr: a phone scans the code, approves at the bank, and the shop page hears success', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const phone = await (
      await demo.browser.newContext({ hasTouch: true, isMobile: true })
    ).newPage();
    try {
      const statusRequests = countStatusRequests(page);
      await openCheckout(page, demo.origin, 'qr');
      await page.getByRole('button', { name: /^Pay €42\.00 with / }).click();
      await page
        .locator('pay-by-bank')
        .getByRole('img', { name: /^QR code to pay with/ })
        .waitFor();
      const authorizationUrl = await decodeElementQr(page);
      assert.match(authorizationUrl, /\/sandbox\//);

      await phone.goto(authorizationUrl);
      await phone.getByRole('button', { name: 'Approve payment' }).click();
      const detail = (await loggedEvent(page, 'pay-by-bank-success')) as { paymentId: string };
      assert.equal(new URL(page.url()).pathname, '/');
      console.log(`qr e2e: payment ${detail.paymentId} made ${statusRequests()} status requests`);
      assert.ok(statusRequests() >= 1);
    } finally {
      await phone.context().close();
      await context.close();
    }
  });
});
