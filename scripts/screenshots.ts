// `npm run screenshots`: PNGs of each demo scene and state, light and dark, into screenshots/ (ignored
// by git). Runs the demo (vite, server kit, sandbox) and the system Chromium, like the e2e tests.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  loggedEvent,
  payWithBank,
  setSandboxOutcome,
  startDemo,
} from '../test/e2e/support/demo.js';

const out = new URL('../screenshots/', import.meta.url).pathname;
const scenes = [
  { name: 'shop', query: '?checkout=order-123&provider=aiia-pay' },
  { name: 'invoice', query: '?checkout=invoice-2024042&provider=mastercard-open-finance' },
  { name: 'bill', query: '?checkout=bill-CUST-7' },
];
const themes = ['light', 'dark'] as const;

async function shot(page: Page, file: string): Promise<void> {
  await page.locator('pay-by-bank').screenshot({ path: `${out}${file}-element.png` });
  await page.screenshot({ path: `${out}${file}-page.png`, fullPage: true });
  console.log(`screenshots/${file}-{element,page}.png`);
}

async function open(browser: Browser, origin: string, query: string, theme: string) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: theme === 'dark' ? 'dark' : 'light',
  });
  const page = await context.newPage();
  await page.goto(`${origin}/${query}&theme=${theme}&flow=redirect`);
  await loggedEvent(page, 'pay-by-bank-ready');
  await page.getByRole('listbox', { name: 'Banks' }).getByRole('option').first().waitFor();
  return { context, page };
}

/** Pays and ends at the outcome: a bank page decision, or the UPI app for BBPS. */
async function payTo(page: Page, origin: string, scene: string, decision: 'approve' | 'reject') {
  if (scene === 'bill') {
    const vpa = decision === 'approve' ? 'testsuccess@gocash' : 'testfailure@gocash';
    await page
      .getByRole('listbox', { name: 'Banks' })
      .getByRole('option', { name: 'UPI ID (collect request)' })
      .click();
    await page.getByLabel('UPI ID').fill(vpa);
    await page.getByRole('button', { name: /^Pay / }).click();
  } else {
    await setSandboxOutcome(origin, decision);
    await payWithBank(page);
  }
  await loggedEvent(
    page,
    decision === 'approve' ? 'pay-by-bank-success' : 'pay-by-bank-failure',
    30_000,
  );
  await setSandboxOutcome(origin, 'ask');
}

const demo = await startDemo();
const browser = await launchChromium();
try {
  await mkdir(out, { recursive: true });
  for (const theme of themes) {
    for (const scene of scenes) {
      for (const state of ['banks', 'success', 'failure', 'popup', 'qr'] as const) {
        const { context, page } = await open(browser, demo.url, scene.query, theme);
        try {
          if (state === 'banks') {
            await page.getByRole('listbox', { name: 'Banks' }).getByRole('option').first().click();
          } else if (state === 'success' || state === 'failure') {
            await payTo(page, demo.url, scene.name, state === 'success' ? 'approve' : 'reject');
          } else if (scene.name === 'bill') {
            continue; // BBPS has no bank page: no popup and no QR.
          } else {
            await page.getByLabel('Hand-off to the bank').selectOption(state);
            const popup = state === 'popup' ? context.waitForEvent('page') : undefined;
            await payWithBank(page);
            await popup;
            const element = page.locator('pay-by-bank');
            await (
              state === 'qr'
                ? element.getByRole('img', { name: /^QR code/ })
                : element.getByRole('heading', { name: /Continue in the window of/ })
            ).waitFor();
          }
          await page.waitForTimeout(300);
          await shot(page, `${scene.name}-${state}-${theme}`);
        } finally {
          await context.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  await demo.server.close();
}
