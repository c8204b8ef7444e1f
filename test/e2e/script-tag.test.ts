import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createDemoMiddleware } from '../../demo/dev-server-plugin.js';
import { buildScriptTagFiles, launchChromium, listenOnLoopback } from './support/demo.js';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>plain page</title>
<script type="module" src="/dist/pay-by-bank.js"></script></head>
<body><pay-by-bank endpoint="/api/pay-by-bank" checkout="order-1" amount="42.00" currency="EUR"></pay-by-bank>
</body></html>`;

/**
 * What a merchant without a bundler does: one script tag for dist/pay-by-bank.js on a plain page, no
 * import map. The build is made fresh into a temporary folder so the test never reads a stale dist/.
 */
describe('script-tag build on a plain HTML page', () => {
  let built: Awaited<ReturnType<typeof buildScriptTagFiles>>;
  let server: Server;
  let origin: string;
  let browser: Browser;

  before(async () => {
    built = await buildScriptTagFiles();
    const demo = createDemoMiddleware();
    server = createServer((request, response) => {
      demo(request, response, async () => {
        if (request.url === '/') {
          response.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
        } else if (/^\/dist\/[\w.-]+\.js$/.test(request.url ?? '')) {
          // The script-tag file and the chunks it loads later (payment views, QR code).
          const file = join(built.outDir, (request.url ?? '').slice('/dist/'.length));
          const script = await readFile(file);
          response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
        } else {
          response.writeHead(404).end();
        }
      });
    });
    origin = await listenOnLoopback(server);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await built?.remove();
  });

  it('renders a working element from dist/pay-by-bank.js alone', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() =>
      document.addEventListener('pay-by-bank-ready', (event) => {
        document.documentElement.dataset.readyDetail = JSON.stringify(
          (event as CustomEvent).detail,
        );
      }),
    );
    await page.goto(origin);
    await page.waitForSelector('html[data-ready-detail]');
    const detail = JSON.parse((await page.getAttribute('html', 'data-ready-detail')) ?? '{}') as {
      banks: number;
    };
    assert.ok(detail.banks > 0);
    const options = page.getByRole('listbox', { name: 'Banks' }).getByRole('option');
    assert.equal(await options.count(), detail.banks);
    await options.first().click();
    assert.match(
      (await page.getByRole('button', { name: /^Pay €42\.00 with / }).textContent()) ?? '',
      /Pay/,
    );
    assert.deepEqual(errors, []);
  });
});
