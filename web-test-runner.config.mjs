import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
// TypeScript, loaded through tsx: `npm run test:browser` starts the runner with `node --import tsx`.
import { createDemoMiddleware } from './demo/dev-server-plugin.ts';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.ts';
import { visualDiffPlugin } from './test/visual/visual-diff-plugin.ts';

/** The dev server is Koa; the demo middleware is Connect-style. */
function fromConnect(middleware) {
  return async (context, next) => {
    const handled = await new Promise((resolve) => {
      context.res.once('finish', () => resolve(true));
      middleware(context.req, context.res, () => resolve(false));
    });
    if (handled) context.respond = false;
    else await next();
  };
}

/**
 * `executeServerCommand('collect-garbage')` from a test: a full garbage collection through the
 * DevTools protocol, answering the page's DOM counters (documents, nodes, JS event listeners) after it.
 */
function collectGarbage() {
  return {
    name: 'collect-garbage',
    async executeCommand({ command, session }) {
      if (command !== 'collect-garbage') return undefined;
      const cdp = await session.browser.getPage(session.id).createCDPSession();
      try {
        await cdp.send('HeapProfiler.collectGarbage');
        return await cdp.send('Memory.getDOMCounters');
      } finally {
        await cdp.detach();
      }
    },
  };
}

export default {
  files: ['test/element/**/*.test.ts', 'test/core/**/*.test.ts'],
  // The browser's origin is the address the server listens on, which the demo's kits take as their
  // public base URL (they never read the Host header): a name such as localhost could resolve elsewhere.
  hostname: '127.0.0.1',
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 2,
  // The whole run, which grows with every locale and view it renders; the default 2 minutes is short
  // on a busy two-core machine (each test keeps its own 10 s limit).
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 10000 } },
  coverage: true,
  coverageConfig: {
    include: ['src/element/**', 'src/core/**', 'src/locales/**'],
    threshold: { statements: 90, lines: 90, branches: 90, functions: 85 },
    report: true,
    reportDir: 'coverage',
  },
  // The real merchant side for test/element/real-merchant.test.ts: the server kit at /api/pay-by-bank
  // and the provider sandbox at /sandbox, exactly as `npm start` serves them.
  middleware: [fromConnect(createDemoMiddleware())],
  plugins: [
    collectGarbage(),
    visualDiffPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      // Each test file in its own browser context, hence its own window: a page in a background tab
      // is `hidden`, and the element rightly pauses status polling while hidden.
      async createPage({ browser }) {
        const context = await browser.createBrowserContext();
        return context.newPage();
      },
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head>
    <script>
      window.process = { env: { NODE_ENV: 'test' } };
      // Lit announces dev mode once per page; every other Lit warning fails the test (test/support/setup.ts).
      window.litIssuedWarnings = new Set(['dev-mode']);
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
