import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loggedEvent, useDemo } from './support/demo.js';

/** The same checkout open in two tabs of one browser: a payment in one leaves the other untouched. */
describe('demo: one checkout in two tabs', () => {
  const demo = useDemo();

  it('shares no saved attempt and no event between the tabs', async () => {
    const context = await demo.browser.newContext();
    const [first, second] = [await context.newPage(), await context.newPage()];
    try {
      for (const tab of [first, second]) {
        await tab.goto(`${demo.origin}/?provider=aiia-pay`);
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
