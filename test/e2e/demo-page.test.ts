import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { SUPPORTED_LOCALES } from '../../src/locales/index.js';
import {
  launchChromium,
  loggedEvent,
  pageFigures,
  payWithBank,
  setSandboxOutcome,
  startDemo,
} from './support/demo.js';

/**
 * The sales demo (`npm start`) in Chromium: each scene paid to the end, and each control of the panel
 * taking effect on the live element.
 */
describe('demo page: scenes and controls', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let origin: string;
  let context: BrowserContext;

  before(async () => {
    const demo = await startDemo();
    server = demo.server;
    origin = demo.url;
    browser = await launchChromium();
  });
  afterEach(async () => {
    await context?.close();
    await setSandboxOutcome(origin, 'ask');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(query: string): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/${query}`);
    await loggedEvent(page, 'pay-by-bank-ready');
    return page;
  }

  const inElement = (page: Page, selector: string, property: string) =>
    page.evaluate(
      ([css, name]) => {
        const node = document.querySelector('pay-by-bank')?.shadowRoot?.querySelector(css ?? '');
        return node ? getComputedStyle(node).getPropertyValue(name ?? '') : undefined;
      },
      [selector, property],
    );

  const scenes = [
    {
      name: 'shop, basket in euros (Aiia)',
      query: '?checkout=order-123&provider=aiia-pay',
      pay: /^Pay €42\.00/,
    },
    {
      name: 'shop, basket in pounds (Open Banking Connect)',
      query: '?checkout=order-gb-123&provider=open-banking-connect',
      pay: /^Pay £42\.00/,
    },
    {
      name: 'bill, SEPA invoice (Mastercard Open Finance)',
      query: '?checkout=invoice-2024042&provider=mastercard-open-finance',
      pay: /^Pay €186\.40/,
    },
  ];
  for (const scene of scenes) {
    it(`${scene.name}: paid at the sandbox bank, back to pay-by-bank-success`, async () => {
      const page = await open(`${scene.query}&flow=redirect`);
      await page.getByRole('listbox', { name: 'Banks' }).getByRole('option').first().click();
      await page.getByRole('button', { name: scene.pay }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/sandbox/'));
      await page.getByRole('button', { name: 'Approve payment' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      const success = (await loggedEvent(page, 'pay-by-bank-success')) as { status: string };
      assert.equal(success.status, 'completed');
    });
  }

  it('prints the time to the bank list and the bytes transferred (vite dev server)', async () => {
    const page = await open('?checkout=order-123');
    const figures = await pageFigures(page);
    console.log(
      `demo (vite dev, unbundled sources): bank list shown after ${figures.bankListMs} ms, ` +
        `${(figures.transferredBytes / 1024).toFixed(1)} KB transferred`,
    );
    assert.ok(figures.bankListMs > 0);
  });

  it('provider: a change reloads the banks from the new provider and pays through it', async () => {
    const page = await open('?provider=aiia-pay&flow=redirect');
    await page.locator('#event-log li').first().waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Provider').selectOption('mastercard-open-finance');
    await loggedEvent(page, 'pay-by-bank-ready');
    assert.match(page.url(), /provider=mastercard-open-finance/);
    await payWithBank(page);
    await page.waitForURL((url) => url.pathname === '/sandbox/mastercard/start/payment');

    // BBPS pays bills only: choosing it moves the page to the bill scene.
    const bbps = await open('?provider=aiia-pay');
    await bbps.getByRole('button', { name: 'Clear' }).click();
    await bbps.getByLabel('Provider').selectOption('cashfree-bbps');
    const ready = (await loggedEvent(bbps, 'pay-by-bank-ready')) as { country: string };
    assert.equal(ready.country, 'IN');
    assert.equal(await bbps.locator('#scene-bill').isVisible(), true);
    assert.equal(await bbps.locator('pay-by-bank').getAttribute('checkout'), 'bill-CUST-7');
  });

  it('flow: sets the element’s flow, which the create request carries', async () => {
    const page = await open('?provider=aiia-pay');
    assert.equal(await page.locator('pay-by-bank').getAttribute('flow'), 'auto');
    await page.getByLabel('Hand-off to the bank').selectOption('qr');
    assert.equal(
      await page
        .locator('pay-by-bank')
        .evaluate((el) => (el as HTMLElement & { flow: string }).flow),
      'qr',
    );
    assert.match((await page.locator('#code-html').textContent()) ?? '', /flow="qr"/);
    const created = page.waitForRequest(
      (request) =>
        request.method() === 'POST' && request.url().endsWith('/api/pay-by-bank/payments'),
    );
    await payWithBank(page);
    assert.equal(((await created).postDataJSON() as { flow: string }).flow, 'qr');
    await page
      .locator('pay-by-bank')
      .getByRole('img', { name: /^QR code/ })
      .waitFor();
  });

  it('language: every locale the element speaks, by its own name; a choice sets `locale`', async () => {
    const page = await open('?provider=aiia-pay');
    const menu = page.getByLabel('Language');
    await page.waitForFunction(
      (count) => document.querySelectorAll('#control-language option').length === count,
      SUPPORTED_LOCALES.length + 1,
    );
    const options = await menu
      .locator('option')
      .evaluateAll((items) =>
        (items as HTMLOptionElement[]).map((item) => [item.value, item.textContent, item.lang]),
      );
    assert.deepEqual(
      options.slice(1).map(([value]) => value),
      [...SUPPORTED_LOCALES],
    );
    const labels = new Map(options.map(([value, label]) => [value, label]));
    assert.equal(labels.get('de'), 'Deutsch');
    assert.equal(labels.get('ar'), 'العربية');
    assert.equal(labels.get('ja'), '日本語');
    assert.equal(labels.get('da'), 'Dansk');
    for (const [value, , lang] of options.slice(1)) assert.equal(lang, value);
    assert.equal(await page.locator('pay-by-bank').getAttribute('locale'), null);

    await menu.selectOption('de');
    assert.equal(await page.locator('pay-by-bank').getAttribute('locale'), 'de');
    assert.match(page.url(), /language=de/);
    assert.match((await page.locator('#code-html').textContent()) ?? '', /locale="de"/);
    await menu.selectOption('');
    assert.equal(await page.locator('pay-by-bank').getAttribute('locale'), null);

    // From the address, as a shared link opens it; a language the element lacks is automatic.
    const linked = await open('?provider=aiia-pay&language=he');
    assert.equal(await linked.locator('pay-by-bank').getAttribute('locale'), 'he');
    await linked.waitForFunction(
      () => (document.querySelector('#control-language') as HTMLSelectElement).value === 'he',
    );
    const unknown = await open('?provider=aiia-pay&language=xx');
    await unknown.waitForFunction(() => !/language=/.test(location.search));
    assert.equal(await unknown.locator('pay-by-bank').getAttribute('locale'), null);
  });

  it('theme: dark and the brand presets change the colours inside the element', async () => {
    const page = await open('?provider=aiia-pay');
    const light = await inElement(page, '[part="base"]', 'background-color');
    await page.getByLabel('Theme').selectOption('dark');
    assert.equal(await page.locator('pay-by-bank').getAttribute('theme'), 'dark');
    const dark = await inElement(page, '[part="base"]', 'background-color');
    assert.notEqual(dark, light);
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');

    await page.getByLabel('Theme').selectOption('fjord');
    assert.equal(await inElement(page, '[part="base"]', 'background-color'), 'rgb(246, 251, 251)');
    assert.equal(await inElement(page, '[part="base"]', 'border-top-left-radius'), '2px');
    assert.match(
      (await page.locator('#code-css').textContent()) ?? '',
      /--pay-by-bank-color-primary: #0f5e66/,
    );
    await page.getByLabel('Theme').selectOption('ember');
    assert.equal(await inElement(page, '[part="base"]', 'background-color'), 'rgb(28, 20, 16)');
  });

  it('sandbox outcome: "reject" decides at the bank by itself; "server error" shows an error', async () => {
    const page = await open('?provider=aiia-pay&flow=redirect');
    await page.getByLabel('Sandbox outcome').selectOption('reject');
    await page.waitForFunction(() => document.documentElement.dataset.outcome === 'reject');
    await payWithBank(page);
    const failure = (await loggedEvent(page, 'pay-by-bank-failure')) as { status: string };
    assert.equal(failure.status, 'failed');

    const broken = await open('?provider=aiia-pay&flow=redirect&outcome=server-error');
    await broken.waitForFunction(() => document.documentElement.dataset.outcome === 'server-error');
    await payWithBank(broken);
    await broken.locator('pay-by-bank').locator('[part="error"]').first().waitFor();
  });

  it('copy the code: the Copy button puts the snippet on the clipboard', async () => {
    const page = await open('?checkout=order-gb-123&provider=open-banking-connect');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.locator('button[data-copy="code-html"]').click();
    await page
      .getByRole('status')
      .getByText(/^Copied/)
      .waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.locator('#code-html').textContent());
    assert.match(copied, /checkout="order-gb-123"/);
    assert.match((await page.locator('#code-server').textContent()) ?? '', /openBankingConnect\(/);
  });
});
