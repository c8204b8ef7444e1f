import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_CSP, createStaticDemoServer } from '../../demo/static-server.js';
import {
  buildScriptTagFiles,
  launchChromium,
  listenOnLoopback,
  loggedEvent,
  pageFigures,
  payWithBank,
} from './support/demo.js';

/**
 * The demo page as a merchant would serve it: the built dist/pay-by-bank.js, and the page under
 * `default-src 'self'; require-trusted-types-for 'script'` (no `unsafe-inline`). A payment completes
 * with no CSP violation and no console error, in each flow a payer can take without a phone.
 */
describe('demo page under a strict Content-Security-Policy', () => {
  let built: Awaited<ReturnType<typeof buildScriptTagFiles>>;
  let server: Server;
  let origin: string;
  let browser: Browser;

  before(async () => {
    built = await buildScriptTagFiles();
    server = createStaticDemoServer({ distDir: built.outDir, csp: DEMO_CSP });
    origin = await listenOnLoopback(server);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await built?.remove();
  });

  /** Every violation and console error on every page of the context, across navigations. */
  async function watch(page: Page): Promise<string[]> {
    const problems: string[] = [];
    await page.exposeFunction('reportCspViolation', (text: string) => problems.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
          `${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} ` +
            `at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`,
        );
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    return problems;
  }

  it('sends the policy with the page', async () => {
    const response = await fetch(`${origin}/`);
    assert.equal(response.headers.get('content-security-policy'), DEMO_CSP);
  });

  it('qr: the QR code is drawn with no violation and no console error', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = await watch(page);
      await page.goto(`${origin}/?provider=aiia-pay&flow=qr&theme=dark`);
      await loggedEvent(page, 'pay-by-bank-ready');
      await payWithBank(page);
      await page
        .locator('pay-by-bank')
        .getByRole('img', { name: /^QR code/ })
        .waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  for (const flow of ['redirect', 'popup'] as const) {
    it(`${flow}: a payment completes with no violation and no console error`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const problems = await watch(page);
        await page.goto(`${origin}/?provider=aiia-pay&flow=${flow}&theme=fjord`);
        await loggedEvent(page, 'pay-by-bank-ready');
        if (flow === 'redirect') {
          const figures = await pageFigures(page);
          console.log(
            `demo (built dist/, strict CSP): bank list shown after ${figures.bankListMs} ms, ` +
              `${(figures.transferredBytes / 1024).toFixed(1)} KB transferred`,
          );
          // Logos are same-origin images, not data: URLs, which the policy would block.
          const logo = page.locator('pay-by-bank').locator('img').first();
          assert.match((await logo.getAttribute('src')) ?? '', /\/sandbox\/logos\/.+\.svg$/);
          assert.ok(await logo.evaluate((img) => (img as HTMLImageElement).naturalWidth > 0));
        }
        if (flow === 'redirect') {
          await payWithBank(page);
          await page.waitForURL((url) => url.pathname.startsWith('/sandbox/'));
          await page.getByRole('button', { name: 'Approve payment' }).click();
          await page.waitForURL((url) => url.pathname === '/');
        } else {
          const popupOpened = context.waitForEvent('page');
          await payWithBank(page);
          const popup = await popupOpened;
          await popup.getByRole('button', { name: 'Approve payment' }).click();
        }
        await loggedEvent(page, 'pay-by-bank-success');
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
