import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium-path.js';

/** A fresh build of the script-tag files in a temporary folder, so no test reads a stale dist/. */
export async function buildScriptTagFiles(): Promise<{ outDir: string; remove(): Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'pay-by-bank-dist-'));
  await build({
    configFile: new URL('../../../vite.config.ts', import.meta.url).pathname,
    build: { outDir },
    logLevel: 'silent',
  });
  return { outDir, remove: () => rm(outDir, { recursive: true, force: true }) };
}

/** Starts a node:http server on an ephemeral port of 127.0.0.1; returns its origin. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no port');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * `npm start`'s demo (vite + server kit + sandbox) on an ephemeral port of 127.0.0.1, its payments in
 * a SQLite file of a temporary folder (`PAY_BY_BANK_DB`), never in the working copy's.
 */
export async function startDemo(): Promise<{ url: string; server: ViteDevServer }> {
  const folder = await mkdtemp(join(tmpdir(), 'pay-by-bank-demo-db-'));
  const previous = process.env.PAY_BY_BANK_DB;
  process.env.PAY_BY_BANK_DB = join(folder, 'payments.db');
  const server = await createServer({
    configFile: new URL('../../../vite.config.ts', import.meta.url).pathname,
    server: { host: '127.0.0.1', port: 0 },
    logLevel: 'silent',
  });
  await server.listen();
  if (previous === undefined) delete process.env.PAY_BY_BANK_DB;
  else process.env.PAY_BY_BANK_DB = previous;
  server.httpServer?.once('close', () => void rm(folder, { recursive: true, force: true }));
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the demo server has no port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

/**
 * For a describe block: starts the demo and Chromium before its tests and stops both after them.
 * Read `origin` and `browser` inside the tests, once the hooks have run.
 */
export function useDemo(): { readonly origin: string; readonly browser: Browser } {
  let started: { url: string; server: ViteDevServer } | undefined;
  let browser: Browser | undefined;
  before(async () => {
    started = await startDemo();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await started?.server.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useDemo(): read inside a test, after its hooks ran');
    return value;
  };
  return {
    get origin() {
      return ready(started).url;
    },
    get browser() {
      return ready(browser);
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Waits for the demo page's event log to show an event, and returns its detail. */
export async function loggedEvent(page: Page, name: string, timeout = 20_000): Promise<unknown> {
  const entry = page.locator(`#event-log li[data-event="${name}"]`).first();
  await entry.waitFor({ timeout });
  const text = (await entry.textContent()) ?? '';
  return JSON.parse(text.slice(name.length + 1));
}

/** Picks a bank in the element (the first, or the one named) and presses Pay. */
export async function payWithBank(page: Page, bank?: string | RegExp): Promise<void> {
  const banks = page.getByRole('listbox', { name: 'Banks' });
  const option = bank ? banks.getByRole('option', { name: bank }) : banks.getByRole('option');
  await option.first().click();
  await page.getByRole('button', { name: /^Pay / }).click();
}

export interface PageFigures {
  /** From navigation start to the demo's first `pay-by-bank-ready` (the bank list shown). */
  bankListMs: number;
  /** Bytes over the wire: the navigation and every resource, as resource timing reports them. */
  transferredBytes: number;
}

/** The demo page's time to the bank list and transferred bytes (the page marks the first ready). */
export async function pageFigures(page: Page): Promise<PageFigures> {
  await page.waitForFunction(() => performance.getEntriesByName('demo:bank-list-shown').length > 0);
  return page.evaluate(() => {
    const [shown] = performance.getEntriesByName('demo:bank-list-shown');
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    return {
      bankListMs: Math.round(shown?.startTime ?? Number.NaN),
      transferredBytes: entries.reduce((sum, entry) => sum + (entry.transferSize ?? 0), 0),
    };
  });
}

/** The demo's "sandbox outcome" for this server (every browser); `ask` leaves it to the payer. */
export async function setSandboxOutcome(origin: string, outcome: string): Promise<void> {
  const response = await fetch(`${origin}/sandbox-control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outcome }),
  });
  if (!response.ok) throw new Error(`sandbox-control answered ${response.status}`);
}
