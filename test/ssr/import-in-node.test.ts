import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { run, ROOT } from '../../scripts/examples.js';

/**
 * Frameworks import the element on the server (Next.js, Nuxt, SvelteKit, Angular SSR): the typed ESM
 * a bundler gets, built fresh (the element, core and framework entries), must load in Node and render
 * with Lit's SSR without touching a page, storage or the merchant's server.
 */
describe('the element in Node', () => {
  let outDir: string;
  const fetched: string[] = [];
  const errors: unknown[][] = [];
  const originalFetch = globalThis.fetch;
  const originalError = console.error;

  before(async () => {
    // Inside the repository, so the build's imports of lit and react resolve from its node_modules.
    await mkdir(join(ROOT, 'node_modules', '.cache'), { recursive: true });
    outDir = await mkdtemp(join(ROOT, 'node_modules', '.cache', 'pay-by-bank-ssr-'));
    await run('npx', ['tsc', '-p', 'tsconfig.frameworks.json', '--outDir', outDir], ROOT);
    globalThis.fetch = async (input) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      throw new Error('no network during server rendering');
    };
    console.error = (...args: unknown[]) => errors.push(args);
  });
  after(async () => {
    globalThis.fetch = originalFetch;
    console.error = originalError;
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it("imports 'pay-by-bank', 'pay-by-bank/element' and 'pay-by-bank/react' without throwing", async () => {
    const define = await import(pathToFileURL(join(outDir, 'element', 'define.js')).href);
    const element = await import(pathToFileURL(join(outDir, 'element', 'pay-by-bank.js')).href);
    const react = await import(pathToFileURL(join(outDir, 'react', 'index.js')).href);
    assert.equal(typeof define.PayByBank, 'function');
    assert.equal(define.PayByBank, element.PayByBank);
    assert.equal(react.PayByBankElement, define.PayByBank);
    assert.equal(customElements.get('pay-by-bank'), define.PayByBank);
  });

  it('renders <pay-by-bank endpoint=…> with @lit-labs/ssr: its first view, no merchant call', async () => {
    await import(pathToFileURL(join(outDir, 'element', 'define.js')).href);
    const { render } = await import('@lit-labs/ssr');
    const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
    const { html } = await import('lit');
    const markup = await collectResult(
      render(
        html`<pay-by-bank
          endpoint="/api/pay-by-bank"
          checkout="order-1"
          flow="redirect"
        ></pay-by-bank>`,
      ),
    );
    assert.match(markup, /<pay-by-bank\s[^>]*endpoint="\/api\/pay-by-bank"/);
    assert.match(markup, /<template shadowroot="open" shadowrootmode="open">/);
    assert.match(markup, /part="base"/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(fetched, []);
    assert.deepEqual(errors, []);
  });
});
