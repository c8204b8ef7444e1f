import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { payByBankDevServer } from './demo/dev-server-plugin.js';

/**
 * The minifier leaves lit's html`` and css`` templates as written, indentation included. After
 * minification the only line breaks left are inside template literals, where a line break and its
 * indentation mean no more than one space in HTML and CSS.
 */
function collapseTemplateWhitespace(): Plugin {
  return {
    name: 'collapse-template-whitespace',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') output.code = output.code.replace(/\n\s*/g, ' ');
      }
    },
  };
}

/**
 * Whitespace between tags, and between a tag and an expression, renders nothing in the element's
 * templates (its layouts are grid and flex); it only costs bytes.
 */
function trimTemplateWhitespace(): Plugin {
  return {
    name: 'trim-template-whitespace',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/element\/.*\.ts$/.test(id) || id.endsWith('/styles.ts')) return undefined;
      return code
        .replace(/>\s+</g, '><')
        .replace(/>\s+\$\{/g, '>${')
        .replace(/\}\s+</g, '}<')
        .replace(/\s+(\/?>)/g, '$1');
    },
  };
}

/** The element's stylesheet is plain CSS in one template literal: spaces around punctuation go. */
function minifyElementStyles(): Plugin {
  return {
    name: 'minify-element-styles',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('/src/element/styles.ts')) return undefined;
      return code.replace(/css`([^`]*)`/, (_template, sheet: string) => {
        const minified = sheet
          .replace(/\/\*[^]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,:>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${minified}\``;
      });
    },
  };
}

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
  plugins: [
    payByBankDevServer(),
    trimTemplateWhitespace(),
    minifyElementStyles(),
    collapseTemplateWhitespace(),
  ],
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
    // Off: the whitespace collapse above would shift every mapping. Bundlers get the typed ESM build.
    sourcemap: false,
    copyPublicDir: false,
    emptyOutDir: mode !== 'iife',
    rolldownOptions: {
      // Library mode keeps whitespace in ES output for bundlers' tree-shaking; this file is for
      // script tags, where every byte is the payer's.
      output: {
        minify: true,
        ...(mode === 'iife' ? { inlineDynamicImports: true } : { codeSplitting: sharedChunk }),
      },
    },
  },
}));
