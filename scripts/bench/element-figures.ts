// The element's half of `npm run bench`: the script-tag build (dist/, built afresh) in headless
// Chromium, over a loopback merchant endpoint that answers a bank list of a chosen length, and the
// demo (server kit and sandbox) for the status reads of a whole payment.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import {
  buildScriptTagFiles,
  launchChromium,
  listenOnLoopback,
  loggedEvent,
  setSandboxOutcome,
  startDemo,
} from '../../test/e2e/support/demo.js';

export interface MountFigures {
  /**
   * From appending the element (its script loaded) to the paint of the first frame that shows its
   * options: to the first task after that frame, so work the element queues after its paint is not
   * counted.
   */
  mountMs: number;
  /**
   * The same for a bare list: the same answer fetched and its first 100 banks (what the element shows)
   * written as plain `<li>`s. The element's mount over this is the machine-independent figure.
   */
  bareMountMs: number;
  /** The longest keystroke Event Timing reported while typing a query; 0 if none took 16 ms. */
  slowestKeyMs: number;
  /** From the last key of the query to the frame after the list last changed. */
  lastKeyToListMs: number;
}

export interface ByteFigures {
  /** Brotli bytes of the scripts a fresh page fetched before the list was interactive. */
  scriptBytes: number;
  /** Brotli bytes of the bank list answer itself. */
  bankListBytes: number;
}

const QUERY = 'bank 12';
const NAMES = ['Nordic', 'Union', 'First', 'City', 'Royal', 'Trust', 'Coastal', 'Alpine'];

function bankList(count: number): string {
  const banks = Array.from({ length: count }, (_, index) => ({
    id: `bank-${index}`,
    name: `${NAMES[index % NAMES.length]} Bank ${index}`,
    country: 'DE',
  }));
  return JSON.stringify({ country: 'DE', countries: ['DE'], banks });
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/dist/pay-by-bank.js"></script></head><body></body></html>`;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.json': 'application/json',
};

/** The page, dist/, and a merchant endpoint whose bank list has `?banks=N` entries. */
export async function startPageServer(distDir: string) {
  const lists = new Map<number, string>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/') return send(200, TYPES['.html'] ?? '', PAGE);
    const listMatch = /^\/api\/(\d+)\/banks$/.exec(url.pathname);
    if (listMatch) {
      const count = Number(listMatch[1]);
      if (!lists.has(count)) lists.set(count, bankList(count));
      return send(200, 'application/json', lists.get(count) ?? '');
    }
    if (url.pathname.startsWith('/dist/')) {
      const file = normalize(join(distDir, url.pathname.slice('/dist/'.length)));
      if (!file.startsWith(distDir)) return send(404, 'text/plain', 'no');
      return void readFile(file).then(
        (body) => send(200, TYPES[extname(file)] ?? 'application/octet-stream', body),
        () => send(404, 'text/plain', 'no'),
      );
    }
    return send(404, 'text/plain', 'no');
  });
  const origin = await listenOnLoopback(server);
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Mounts the element once in `page` (script already loaded) and waits for its options to paint; the
 * time they appeared in the shadow root is kept as `window.benchListShownAt`.
 */
export async function mount(page: Page, count: number): Promise<number> {
  return page.evaluate(async (banks) => {
    await customElements.whenDefined('pay-by-bank');
    const element = document.createElement('pay-by-bank');
    element.setAttribute('endpoint', `/api/${banks}`);
    element.setAttribute('amount', '42.00');
    element.setAttribute('currency', 'EUR');
    const started = performance.now();
    document.body.append(element);
    for (;;) {
      await new Promise(requestAnimationFrame);
      if (element.shadowRoot?.querySelector('[role="option"]')) break;
    }
    Object.assign(window, { benchListShownAt: performance.now() });
    // The frame that shows them is painted before the next task: queued now, it is the first one.
    await new Promise((resolve) => setTimeout(resolve));
    return performance.now() - started;
  }, count);
}

/** The bare list of {@link MountFigures.bareMountMs}, in the same page. */
async function bareMount(page: Page, count: number): Promise<number> {
  return page.evaluate(async (banks) => {
    const started = performance.now();
    const answer = (await (await fetch(`/api/${banks}/banks?country=DE`)).json()) as {
      banks: { id: string; name: string }[];
    };
    const list = document.createElement('ul');
    list.innerHTML = answer.banks
      .slice(0, 100)
      .map((bank) => `<li role="option" id="${bank.id}">${bank.name}</li>`)
      .join('');
    document.body.append(list);
    await new Promise(requestAnimationFrame);
    await new Promise((resolve) => setTimeout(resolve));
    const elapsed = performance.now() - started;
    list.remove();
    return elapsed;
  }, count);
}

/** Types the query key by key and reads Event Timing and the list's last change. */
async function typeQuery(page: Page): Promise<Omit<MountFigures, 'mountMs' | 'bareMountMs'>> {
  await page.evaluate(() => {
    const figures = { slowest: 0, lastKey: 0, lastChange: 0 };
    Object.assign(window, { benchFigures: figures });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (['keydown', 'keypress', 'keyup', 'input'].includes(entry.name))
          figures.slowest = Math.max(figures.slowest, entry.duration);
      }
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    const root = document.querySelector('pay-by-bank')?.shadowRoot;
    root?.addEventListener('keydown', () => (figures.lastKey = performance.now()), true);
    if (root) {
      new MutationObserver(() => {
        requestAnimationFrame(() => (figures.lastChange = performance.now()));
      }).observe(root, { childList: true, subtree: true, characterData: true });
    }
  });
  const search = page.getByRole('searchbox');
  await search.focus();
  await search.pressSequentially(QUERY, { delay: 60 });
  // Event Timing reports after the next paint; the list settles well within this.
  await page.waitForTimeout(700);
  return page.evaluate(() => {
    const figures = (
      window as unknown as {
        benchFigures: { slowest: number; lastKey: number; lastChange: number };
      }
    ).benchFigures;
    return {
      slowestKeyMs: figures.slowest,
      lastKeyToListMs: Math.max(0, figures.lastChange - figures.lastKey),
    };
  });
}

export async function mountFigures(
  browser: Browser,
  origin: string,
  count: number,
): Promise<MountFigures> {
  const context = await browser.newContext({ viewport: { width: 480, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await elementDefined(page);
    const bareMountMs = await bareMount(page, count);
    const mountMs = await mount(page, count);
    return { mountMs, bareMountMs, ...(await typeQuery(page)) };
  } finally {
    await context.close();
  }
}

async function elementDefined(page: Page): Promise<void> {
  await page.evaluate(() => customElements.whenDefined('pay-by-bank'));
}

/**
 * A fresh page (no cache): what it fetched until the list was interactive, brotli as a CDN sends.
 * A request counts when it started before the options were in the shadow root; what the element
 * fetches once the list is painted (the views after Pay) loads while the payer reads the list.
 */
export async function byteFigures(
  browser: Browser,
  origin: string,
  count: number,
): Promise<ByteFigures> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const bodies: Promise<{ url: string; body: Buffer }>[] = [];
    page.on('response', (response) => {
      // A response still arriving when the page closes has no body to read; it came after the list.
      const url = response.url();
      bodies.push(
        response.body().then(
          (body) => ({ url, body }),
          () => ({ url, body: Buffer.alloc(0) }),
        ),
      );
    });
    await page.goto(`${origin}/`);
    await mount(page, count);
    const before = new Set(
      await page.evaluate(() => {
        const shownAt = (window as unknown as { benchListShownAt: number }).benchListShownAt;
        return [
          ...performance.getEntriesByType('navigation'),
          ...performance.getEntriesByType('resource'),
        ]
          .filter((entry) => entry.startTime <= shownAt)
          .map((entry) => entry.name);
      }),
    );
    const fetched = (await Promise.all(bodies)).filter(({ url }) => before.has(url));
    const brotli = (body: Buffer) => brotliCompressSync(body).length;
    return {
      scriptBytes: fetched
        .filter(({ url }) => new URL(url).pathname.endsWith('.js'))
        .reduce((sum, { body }) => sum + brotli(body), 0),
      bankListBytes: fetched
        .filter(({ url }) => new URL(url).pathname.endsWith('/banks'))
        .reduce((sum, { body }) => sum + brotli(body), 0),
    };
  } finally {
    await context.close();
  }
}

/**
 * One whole payment in the demo's popup flow, the payer taking `atBankMs` at the bank: how many
 * status reads the page made from Pay to its success event.
 */
export async function statusReadsPerPayment(browser: Browser, atBankMs: number): Promise<number> {
  const demo = await startDemo();
  const context = await browser.newContext();
  try {
    await setSandboxOutcome(demo.url, 'ask');
    const page = await context.newPage();
    await page.goto(`${demo.url}/?provider=mastercard-open-finance`);
    await loggedEvent(page, 'pay-by-bank-ready');
    await page.evaluate(() => document.querySelector('pay-by-bank')?.setAttribute('flow', 'popup'));
    let reads = 0;
    page.on('request', (request) => {
      if (request.method() === 'GET' && /\/payments\/[^/?]+/.test(new URL(request.url()).pathname))
        reads += 1;
    });
    await page.getByRole('listbox', { name: 'Banks' }).getByRole('option').first().click();
    const popup = context.waitForEvent('page');
    await page.getByRole('button', { name: /^Pay / }).click();
    const bank = await popup;
    await page.waitForTimeout(atBankMs);
    await bank.getByRole('button', { name: 'Approve payment' }).click();
    await loggedEvent(page, 'pay-by-bank-success');
    return reads;
  } finally {
    await context.close();
    await demo.server.close();
  }
}

export interface ElementRun {
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

/** A fresh build of dist/ served on loopback, and Chromium. */
export async function startElementRun(): Promise<ElementRun> {
  const dist = await buildScriptTagFiles();
  const server = await startPageServer(dist.outDir);
  const browser = await launchChromium();
  return {
    browser,
    origin: server.origin,
    async close() {
      await browser.close();
      await server.close();
      await dist.remove();
    },
  };
}
