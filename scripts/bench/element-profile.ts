// `npm run bench:profile`: where one mount of the element goes, in the dist/ build as `npm run build`
// left it: a CPU profile of a 3,000-bank mount in headless Chromium, its self time attributed to
// source files through dist/'s sourcemaps, and the chunks fetched with when each arrived. A tool
// to read before changing the first paint, not a figure (`npm run bench` has the figures).
//   npm run bench:profile [-- --banks N] [-- --trace file.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { launchChromium } from '../../test/e2e/support/demo.js';
import { mount, startPageServer } from './element-figures.js';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values } = parseArgs({
  options: {
    banks: { type: 'string', default: '3000' },
    trace: { type: 'string' },
    warm: { type: 'boolean', default: false },
  },
});
const count = Number(values.banks);
const dist = resolve('dist');
const maps = new Map<string, TraceMap | undefined>();

/** `src/element/styles.ts`, `lit-html`, or the URL's file when it has no sourcemap. */
function sourceOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url)
    return frame.functionName.startsWith('(') ? frame.functionName : `(${frame.functionName})`;
  const file = new URL(frame.url).pathname.split('/').pop() ?? '';
  if (!maps.has(file)) {
    try {
      maps.set(file, new TraceMap(readFileSync(join(dist, `${file}.map`), 'utf8')));
    } catch {
      maps.set(file, undefined);
    }
  }
  const map = maps.get(file);
  if (!map) return file;
  const { source } = originalPositionFor(map, {
    line: frame.lineNumber + 1,
    column: frame.columnNumber,
  });
  if (!source) return file;
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return module ? (module[1] ?? source) : source.replace(/^.*?\/src\//, 'src/');
}

if (!existsSync(join(dist, 'pay-by-bank.js'))) {
  console.error('bench:profile: dist/pay-by-bank.js is missing; run `npm run build` first.');
  process.exit(1);
}
const server = await startPageServer(dist);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 480, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  await page.evaluate(() => customElements.whenDefined('pay-by-bank'));
  // `--warm`: a first mount warms the JIT and the styles, as a page's second element would find them.
  if (values.warm) {
    await mount(page, count);
    await page.evaluate(() => document.querySelector('pay-by-bank')?.remove());
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  if (values.trace) await browser.startTracing(page, { path: values.trace, screenshots: false });
  await cdp.send('Profiler.start');
  const mountMs = await mount(page, count);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  if (values.trace) await browser.stopTracing();

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (!node) return;
    const source = sourceOf(node.callFrame);
    selfMs.set(source, (selfMs.get(source) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  // The mount as a timeline: the source that took most of each 5 ms, so waits and their order show.
  const timeline: string[] = [];
  let elapsed = 0;
  let bucket = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    elapsed += (profile.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(id);
    const source = node ? sourceOf(node.callFrame) : '?';
    bucket.set(source, (bucket.get(source) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
    if (elapsed >= (timeline.length + 1) * 5) {
      const top = [...bucket].sort((a, b) => b[1] - a[1]).slice(0, 3);
      timeline.push(top.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', '));
      bucket = new Map();
    }
  });
  const rows = [...selfMs].sort((a, b) => b[1] - a[1]);
  console.log(`mount of ${count} banks: ${mountMs.toFixed(1)} ms; self time by source:`);
  for (const [source, ms] of rows.slice(0, 25))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${source}`);
  console.log('\ntimeline (5 ms steps, top 3 sources in each):');
  timeline.forEach((line, index) => console.log(`${String(index * 5).padStart(5)} ms  ${line}`));
  const resources = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry as PerformanceResourceTiming)
      .map(
        (entry) => `${entry.startTime.toFixed(0)}-${entry.responseEnd.toFixed(0)} ms ${entry.name}`,
      ),
  );
  console.log('\nfetched (page time):');
  for (const line of resources) console.log(`  ${line.replace(server.origin, '')}`);
  if (values.trace)
    writeFileSync(`${values.trace}.txt`, rows.map((row) => row.join('\t')).join('\n'));
} finally {
  await browser.close();
  await server.close();
}
