import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { launchChromium, loggedEvent, startDemo } from './support/demo.js';

/** The same checkout open in two tabs of one browser: a payment in one leaves the other untouched. */
describe('demo: one checkout in two tabs', () => {
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

  it('shares no saved attempt and no event between the tabs', async () => {
    const context = await browser.newContext();
    const [first, second] = [await context.newPage(), await context.newPage()];
    try {
      for (const tab of [first, second]) {
        await tab.goto(`${origin}/?provider=aiia-pay`);
        await loggedEvent(tab, 'pay-by-bank-ready');
      }
      await first.evaluate(() => {
        const element = document.querySelector('pay-by-bank');
        element?.setAttribute('flow', 'redirect');
        // The page takes over navigation, so the tab stays to be inspected.
        element?.addEventListener('pay-by-bank-redirect', (event) => event.preventDefault());
      });
      await first.getByRole('listbox', { name: 'Banks' }).getByRole('option').first().click();
      await first.getByRole('button', { name: /^Pay €42\.00 with / }).click();
      await loggedEvent(first, 'pay-by-bank-redirect');

      const savedAttempts = (tab: typeof first) =>
        tab.evaluate(() =>
          Object.keys(sessionStorage).filter((key) => key.startsWith('pay-by-bank:attempt:')),
        );
      assert.equal((await savedAttempts(first)).length, 1);
      assert.deepEqual(await savedAttempts(second), []);
      const secondEvents = await second
        .locator('#event-log li')
        .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.event));
      assert.deepEqual(secondEvents, ['pay-by-bank-ready']);
    } finally {
      await context.close();
    }
  });
});
