import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { loggedEvent, setSandboxOutcome, useDemo } from './support/demo.js';

/** The sales demo's layout and its one-click tour (`npm start`), in Chromium. */
describe('demo page: layout and the tour', () => {
  const demo = useDemo();
  let context: BrowserContext | undefined;

  afterEach(async () => {
    await context?.close();
    await setSandboxOutcome(demo.origin, 'ask');
  });

  async function open(width: number): Promise<Page> {
    context = await demo.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(
      `${demo.origin}/?checkout=order-123&provider=aiia-pay&flow=redirect&outcome=ask`,
    );
    await loggedEvent(page, 'pay-by-bank-ready');
    return page;
  }

  const box = async (page: Page, selector: string) => {
    const found = await page.locator(selector).boundingBox();
    assert.ok(found, selector);
    return found;
  };

  it('puts the element and the event log side by side on a desktop, stacked on a phone', async () => {
    const desktop = await open(1280);
    const element = await box(desktop, 'pay-by-bank');
    const log = await box(desktop, '.log');
    assert.ok(log.x >= element.x + element.width, 'the log is right of the element');
    assert.ok(log.y < element.y + element.height, 'and beside it');
    await context?.close();

    const phone = await open(390);
    const small = await box(phone, 'pay-by-bank');
    const below = await box(phone, '.log');
    assert.ok(below.y >= small.y + small.height, 'the log is below the element');
    assert.ok(small.width >= 280 && small.x >= 0 && small.x + small.width <= 390);
    // No code block wider than its card: nothing cut off on the right.
    const overflowing = await phone.$$eval(
      'pre',
      (blocks) => blocks.filter((block) => block.scrollWidth > block.clientWidth).length,
    );
    assert.equal(overflowing, 0);
    // The card draws the frame: the element inside draws none.
    const border = await phone.evaluate(() => {
      const base = document
        .querySelector('pay-by-bank')
        ?.shadowRoot?.querySelector('[part="base"]');
      return base ? getComputedStyle(base).borderTopWidth : undefined;
    });
    assert.equal(border, '0px');
  });

  it('tours a payment in one click: bank, Pay, approval on the bank page, the receipt', async () => {
    const page = await open(1280);
    await page.click('#tour');
    // The tour shows the bank's own page, where its guide picks the account and presses Approve: the
    // test presses nothing there.
    await page.getByRole('button', { name: 'Approve payment' }).waitFor({ timeout: 20_000 });
    await page.getByRole('radio', { checked: true }).waitFor();
    const success = (await loggedEvent(page, 'pay-by-bank-success', 30_000)) as {
      reference?: string;
    };
    assert.equal(success.reference, 'ORDER-123');
    await page.locator('#tour-status', { hasText: '4 of 4' }).waitFor();
    const receipt = await page.evaluate(
      () =>
        document.querySelector('pay-by-bank')?.shadowRoot?.querySelector('.receipt')?.textContent ??
        '',
    );
    assert.match(receipt, /Paid\s*€42\.00/);
    // The bank asked (the demo's outcome is `ask`), so the approval was the bank page's.
    await page.waitForFunction(() => document.documentElement.dataset.outcome === 'ask');
  });
});
