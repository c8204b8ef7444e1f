import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { minifyHTMLLiterals } from 'minify-literals';
import { payByBankDevServer } from './demo/dev-server-plugin.js';

/**
 * The minifier leaves lit's html`` and css`` templates as written, indentation included. This plugin
 * parses each template (HTML with html-minifier-terser, CSS with clean-css, lit's `${}` parts kept
 * in place) and minifies it, with a sourcemap; no other string is touched.
 */
const minifyTemplates = (): Plugin => ({
  name: 'minify-templates',
  apply: 'build',
  async transform(code, id) {
    if (!/[\\/]src[\\/]element[\\/].+\.ts$/.test(id)) return null;
    const minified = await minifyHTMLLiterals(code, { fileName: id });
    // magic-string's map, whose `version` is typed loosely; it is a v3 sourcemap.
    return minified && { code: minified.code, map: minified.map?.toString() ?? null };
  },
});

/**
 * Everything the entry loads at once goes in one chunk, which the lazily loaded chunks import too.
 * Otherwise they would import lit from the entry file by its name, and a page that renamed or
 * hashed `pay-by-bank.js` would load a second copy of the element. The entry itself is only the
 * `customElements.define` call (`scripts/report-size.mjs` fails the build if a chunk imports it).
 */
const sharedChunk = {
  groups: [
    {
      name: 'pay-by-bank-shared',
      tags: ['$initial' as const],
      test: (id: string) => !id.endsWith('/src/element/define.ts'),
    },
    {
      // The payment half: the session, and the checks of the merchant's answers about a payment,
      // which the merchant client imports lazily; one chunk, fetched while the bank list is shown.
      name: 'payment-session',
      test: /[\\/]src[\\/]core[\\/](payment-session|merchant-payments)\.ts$/,
    },
  ],
};

/**
 * `vite build` makes the script-tag builds, each registering the element: `dist/pay-by-bank.js`, an
 * ES module (with the views after the bank list and the QR encoder in chunks of their own, loaded
 * only when needed), and with `--mode iife` `dist/pay-by-bank.iife.js`, a classic script, which
 * cannot load chunks and so carries everything. `vite` serves the demo.
 */
export default defineConfig(({ command, mode }) => ({
  define: {
    // Library mode leaves process.env alone, but nanostores reads it; the browser has no `process`.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  // The demo's merchant server (server kit) and the provider sandbox, on vite's own port.
  plugins: [payByBankDevServer(), minifyTemplates()],
  publicDir: 'demo/public',
  // Pre-bundled at start-up: otherwise the first page load discovers them and vite reloads the page.
  optimizeDeps: { include: ['lit', 'nanostores'] },
  resolve: {
    // The demo page loads the script-tag build, exactly as a merchant would; in development that
    // file is served from the sources.
    alias:
      command === 'serve'
        ? [{ find: '/dist/pay-by-bank.js', replacement: '/src/element/define.ts' }]
        : [],
  },
  build: {
    target: 'es2022',
    lib: {
      entry: 'src/element/define.ts',
      name: 'PayByBank',
      formats: mode === 'iife' ? ['iife'] : ['es'],
      fileName: (format) => (format === 'es' ? 'pay-by-bank.js' : 'pay-by-bank.iife.js'),
    },
    // Beside every file (`pay-by-bank.js.map`), so a merchant's error reports point into the sources.
    sourcemap: true,
    copyPublicDir: false,
    emptyOutDir: mode !== 'iife',
    rolldownOptions: {
      // Library mode keeps whitespace in ES output for bundlers' tree-shaking; this file is for
      // script tags, where every byte is the payer's.
      output: {
        minify: true,
        comments: false,
        // Chunks are named by their content, so a CDN can cache them for good (README, "dist/");
        // the entries keep fixed names, the ones a page writes.
        chunkFileNames: '[name]-[hash].js',
        ...(mode === 'iife' ? { inlineDynamicImports: true } : { codeSplitting: sharedChunk }),
      },
    },
  },
}));
