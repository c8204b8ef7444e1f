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
 * `vite build` makes the script-tag builds: `dist/pay-by-bank.js` (one self-contained ES module) and
 * `dist/pay-by-bank.iife.js` (a classic script), each registering the element. `vite` serves the demo.
 */
export default defineConfig(({ command }) => ({
  define: {
    // Library mode leaves process.env alone, but nanostores reads it; the browser has no `process`.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  // The demo's merchant server (server kit) and the provider sandbox, on vite's own port.
  plugins: [payByBankDevServer(), collapseTemplateWhitespace()],
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
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'pay-by-bank.js' : 'pay-by-bank.iife.js'),
    },
    // Off: the whitespace collapse above would shift every mapping. Bundlers get the typed ESM build.
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      // Library mode keeps whitespace in ES output for bundlers' tree-shaking; this file is for
      // script tags, where every byte is the payer's.
      output: { minify: true },
    },
  },
}));
