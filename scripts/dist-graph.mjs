// The script-tag build as a graph of files, read from dist/ after `vite build`: which chunks each
// file imports at once (`import"./x.js"`, `from"./x.js"`) and which it loads lazily (`import("./x.js")`).
// Shared by the size budgets (.size-limit.js) and the build report (scripts/report-size.mjs), so
// "what the first paint loads" and "what a redirect payment loads" are defined once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DIST = 'dist';
/** The files a page names; unhashed. Every other file is a chunk, named `<name>-<hash>.js`. */
export const ENTRIES = ['pay-by-bank.js', 'pay-by-bank.iife.js'];
/** The lazy chunks a redirect payment loads after the bank list (not the QR view, not the config help). */
export const REDIRECT_CHUNKS = ['payment-session', 'payment-views'];

/** `payment-views-rAC3yCt3.js` → `payment-views`; an entry keeps its name. */
export function chunkName(file) {
  return ENTRIES.includes(file) ? file : file.replace(/-[\w-]{8}\.js$/, '');
}

/** Whether a chunk's name ends in the content hash rolldown gives it. */
export function isHashed(file) {
  return /-[\w-]{8}\.js$/.test(file);
}

function importsOf(source) {
  const found = (pattern) => [...source.matchAll(pattern)].map((match) => match[1]);
  return {
    static: found(/(?:\bfrom|\bimport)\s*["'`]\.\/([\w.-]+\.js)["'`]/g),
    lazy: found(/\bimport\s*\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g),
  };
}

/** Every .js file in dist/ with its bytes and imports, entries first. */
export function readDist(dist = DIST) {
  const files = readdirSync(dist)
    .filter((name) => name.endsWith('.js'))
    .sort(
      (a, b) => Number(ENTRIES.includes(b)) - Number(ENTRIES.includes(a)) || a.localeCompare(b),
    );
  return new Map(
    files.map((name) => {
      const bytes = readFileSync(join(dist, name));
      return [name, { bytes, imports: importsOf(bytes.toString('utf8')) }];
    }),
  );
}

/** The files and every chunk they reach by static imports: they load together. */
export function withStaticImports(graph, files) {
  const seen = new Set(files);
  for (const name of seen) for (const next of graph.get(name)?.imports.static ?? []) seen.add(next);
  return [...seen];
}

/** What the first paint of `<script type="module" src="pay-by-bank.js">` loads. */
export function firstPaintFiles(graph) {
  return withStaticImports(graph, ['pay-by-bank.js']);
}

/** Everything a redirect payment loads: the first paint, then the payment session and its views. */
export function redirectPaymentFiles(graph) {
  const lazy = [...graph.keys()].filter((file) => REDIRECT_CHUNKS.includes(chunkName(file)));
  return withStaticImports(graph, [...firstPaintFiles(graph), ...lazy]);
}
