import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  EXAMPLES_DIR,
  installExamples,
  packTarball,
  ROOT,
  run,
  type Example,
} from '../../scripts/examples.js';
import { launchChromium } from '../e2e/support/demo.js';
import { serveExample, type ServerRendered } from './support/example-server.js';

interface ExampleCase {
  name: Example;
  /** The folder the merchant's server serves, inside the example. */
  served: string;
  /** Pages to pay through; each renders `Paid: <reference>` from the framework's own state. */
  pages: string[];
  /** Type-checks and builds with its own tooling (the plain page has neither). */
  built: boolean;
  serverRendered?: Omit<ServerRendered, 'shell' | 'entry'> & { shell: string; entry: string };
}

const CASES: ExampleCase[] = [
  { name: 'html', served: '.', pages: ['/index.html', '/classic.html'], built: false },
  {
    name: 'react19',
    served: 'dist/client',
    pages: ['/', '/ssr.html'],
    built: true,
    serverRendered: {
      path: '/ssr.html',
      shell: 'dist/client/ssr.html',
      entry: 'dist/server/entry-server.js',
    },
  },
  { name: 'react18', served: 'dist', pages: ['/'], built: true },
  { name: 'vue', served: 'dist', pages: ['/'], built: true },
  { name: 'svelte', served: 'dist', pages: ['/'], built: true },
  { name: 'angular', served: 'dist', pages: ['/'], built: true },
];

const TERMINAL_EVENTS = [
  'pay-by-bank-success',
  'pay-by-bank-failure',
  'pay-by-bank-cancel',
  'pay-by-bank-pending',
];

/**
 * What a merchant installs, in each framework: the package is built and packed, every example runs
 * `npm ci` against the tarball (all at once), type-checks and builds with its own tooling, and pays
 * in Chromium against the server kit and the sandbox until the app shows the success from its state.
 */
describe('examples, installed from the packed tarball', () => {
  let browser: Browser;
  const timings: Record<string, number> = {};

  before(async () => {
    let started = Date.now();
    await run('npm', ['run', 'build'], ROOT);
    await packTarball();
    timings.buildAndPackMs = Date.now() - started;
    started = Date.now();
    await installExamples();
    timings.installMs = Date.now() - started;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  for (const example of CASES) {
    const folder = join(EXAMPLES_DIR, example.name);

    if (example.built) {
      it(`${example.name}: type-checks and builds with its own tooling`, async (t) => {
        t.diagnostic(
          `build+pack ${timings.buildAndPackMs} ms, npm ci of all examples ${timings.installMs} ms`,
        );
        const typecheck = await run('npm', ['run', 'typecheck'], folder);
        const build = await run('npm', ['run', 'build'], folder);
        t.diagnostic(`typecheck ${typecheck.ms} ms, build ${build.ms} ms`);
      });
    }

    for (const path of example.pages) {
      it(`${example.name}: ${path} pays in Chromium and the app's state shows it`, async () => {
        const server = await serveExample(
          join(folder, example.served),
          example.serverRendered && {
            path: example.serverRendered.path,
            shell: join(folder, example.serverRendered.shell),
            entry: join(folder, example.serverRendered.entry),
          },
        );
        const context = await browser.newContext();
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('console', (message) => {
          const onExamplePage = !new URL(page.url()).pathname.startsWith('/sandbox');
          if (message.type() === 'error' && onExamplePage) problems.push(message.text());
        });
        await page.addInitScript((names: string[]) => {
          for (const name of names) {
            document.addEventListener(name, () => {
              const seen = JSON.parse(sessionStorage.getItem('terminal-events') ?? '[]');
              sessionStorage.setItem('terminal-events', JSON.stringify([...seen, name]));
            });
          }
        }, TERMINAL_EVENTS);
        try {
          await page.goto(`${server.origin}${path}`);
          await page.getByRole('listbox', { name: 'Banks' }).getByRole('option').first().click();
          await page.getByRole('button', { name: /^Pay €42\.00 with / }).click();
          await page.waitForURL((url) => url.pathname.startsWith('/sandbox/'));
          await page.getByRole('button', { name: 'Approve payment' }).click();
          await page.waitForURL((url) => !url.pathname.startsWith('/sandbox/'));
          assert.equal(new URL(page.url()).pathname, path);

          await page.getByText('Paid: ORDER-1', { exact: true }).waitFor({ timeout: 20_000 });
          // A second mount (React's StrictMode) would show here as a second payment or event.
          await page.waitForLoadState('networkidle');
          const terminal = await page.evaluate(() => sessionStorage.getItem('terminal-events'));
          assert.deepEqual(JSON.parse(terminal ?? '[]'), ['pay-by-bank-success']);
          assert.equal(server.paymentsCreated, 1);
          assert.deepEqual(problems, []);
        } finally {
          await context.close();
          await server.close();
        }
      });
    }
  }
});
