// `npm run bench`: the project's figures, measured in one run on this machine. The server figures are
// ratios against a bare node:http server answering the same bytes, measured in the same run,
// interleaved (bare, kit, bare, kit…), medians over rounds: absolute numbers depend on the machine and
// its load, ratios much less. A script to read, not a test. See the README's "Performance".
//   npm run bench [-- --short] [-- --check] [-- --write-baseline] [-- --rounds N] [-- --only server|element|long-polls]
//     [-- --route "GET /payments/{id}"] (one route of the server figures, without the long polls)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startServer, type ServerUnderTest } from './processes.js';
import {
  load,
  memoryPerLongPoll,
  REFRESH_INTERVAL_MS,
  ROUTES,
  wakeWaiters,
  type LoadFigures,
  type WakeFigures,
  type Route,
} from './server-figures.js';
import {
  byteFigures,
  mountFigures,
  startElementRun,
  statusReadsPerPayment,
  type ByteFigures,
  type MountFigures,
} from './element-figures.js';

const { values } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    'write-baseline': { type: 'boolean', default: false },
    rounds: { type: 'string' },
    only: { type: 'string' },
    route: { type: 'string' },
  },
});
const routes =
  values.route === undefined ? ROUTES : ROUTES.filter((route) => route === values.route);
if (routes.length === 0) throw new Error(`bench: --route is one of ${ROUTES.join(', ')}`);
const short = values.short === true;
const rounds = Number(values.rounds ?? (short ? 2 : 3));
const seconds = short ? 2 : 5;
const longPolls = short ? 2000 : 10_000;
const waiters = 1000;
/** The element's byte target (README, "Performance"): brotli bytes before the list is interactive. */
const BYTE_BUDGET = 12 * 1024;
const BASELINE = new URL('../../bench/baseline.json', import.meta.url);

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const fixed = (value: number, digits = 2) => value.toFixed(digits);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The figures `--check` compares: higher is better for each. */
const ratios: Record<string, number> = {};
const lines: string[] = [];

async function serverFigures() {
  const bare = await startServer('bare', 'memory');
  try {
    for (const store of ['memory', 'sqlite'] as const) {
      const kit = await startServer('kit', store);
      try {
        lines.push(
          '',
          `Server kit, ${store} store, vs bare node:http (same bytes), 50 connections, ${seconds} s × ${rounds} rounds, medians`,
          `${'route'.padEnd(20)} ${'bare req/s'.padStart(10)} ${'kit req/s'.padStart(10)} ${'ratio'.padStart(6)}   ${'p50 bare/kit ms'.padStart(15)} ${'p99 bare/kit ms'.padStart(15)} ${'p99 ratio'.padStart(9)}`,
        );
        for (const route of routes) {
          const pairs: { bare: LoadFigures; kit: LoadFigures }[] = [];
          // A second of each first, so both are measured warm (JIT, caches, pooled sockets).
          await load(bare, route, 1);
          await load(kit, route, 1);
          for (let round = 0; round < rounds; round += 1) {
            log(`bench: ${store} ${route} round ${round + 1}/${rounds}`);
            const bareRun = await load(bare, route, seconds);
            const kitRun = await load(kit, route, seconds);
            pairs.push({ bare: bareRun, kit: kitRun });
          }
          lines.push(routeLine(store, route, pairs));
        }
      } finally {
        await kit.stop();
      }
    }
  } finally {
    await bare.stop();
  }
  if (values.route === undefined) await longPollFigures();
}

function routeLine(store: string, route: Route, pairs: { bare: LoadFigures; kit: LoadFigures }[]) {
  const of = (pick: (pair: { bare: LoadFigures; kit: LoadFigures }) => number) =>
    median(pairs.map(pick));
  const ratio = of((pair) => pair.kit.requestsPerSecond / pair.bare.requestsPerSecond);
  const p99Ratio = of((pair) => pair.kit.p99Ms / Math.max(1, pair.bare.p99Ms));
  // POST /payments waits on the provider (the sandbox), so its ratio measures the sandbox, not the
  // kit: printed, but not a figure --check holds the kit to.
  if (route !== 'POST /payments') {
    ratios[`${store} ${route} throughput`] = ratio;
    // Inverted so that higher is better, like every figure --check compares.
    ratios[`${store} ${route} bare p99 / kit p99`] = 1 / p99Ratio;
  }
  return [
    route.padEnd(20),
    fixed(
      of((pair) => pair.bare.requestsPerSecond),
      0,
    ).padStart(10),
    fixed(
      of((pair) => pair.kit.requestsPerSecond),
      0,
    ).padStart(10),
    `${fixed(ratio)}x`.padStart(6),
    '  ',
    `${of((pair) => pair.bare.p50Ms)} / ${of((pair) => pair.kit.p50Ms)}`.padStart(15),
    `${of((pair) => pair.bare.p99Ms)} / ${of((pair) => pair.kit.p99Ms)}`.padStart(15),
    `${fixed(p99Ratio)}x`.padStart(9),
  ].join(' ');
}

async function longPollFigures() {
  const held: { kit: number; bare: number }[] = [];
  const woken: { lastAnsweredMs: number; bareMs: number; statusReadsPerInterval: number }[] = [];
  for (let round = 0; round < rounds; round += 1) {
    log(`bench: long polls round ${round + 1}/${rounds}`);
    const bare = await startServer('bare', 'memory');
    let bareBytes = 0;
    let bareWake: WakeFigures;
    try {
      bareBytes = await memoryPerLongPoll(bare, longPolls);
      // Answered at once by the bare server (no store, no provider): the floor on this machine.
      bareWake = await wakeWaiters(bare, waiters, 1000);
    } finally {
      await bare.stop();
    }
    const kit: ServerUnderTest = await startServer('kit', 'memory');
    try {
      const kitBytes = await memoryPerLongPoll(kit, longPolls);
      held.push({ kit: kitBytes, bare: bareBytes });
      const kitWake = await wakeWaiters(kit, waiters);
      woken.push({ ...kitWake, bareMs: bareWake.lastAnsweredMs });
    } finally {
      await kit.stop();
    }
  }
  const kitKb = median(held.map((round) => round.kit)) / 1024;
  const bareKb = median(held.map((round) => round.bare)) / 1024;
  const lastMs = median(woken.map((round) => round.lastAnsweredMs));
  const bareLastMs = median(woken.map((round) => round.bareMs));
  const reads = median(woken.map((round) => round.statusReadsPerInterval));
  ratios['long polls bare bytes / kit bytes held'] = bareKb / kitKb;
  lines.push(
    '',
    `Long polls (memory store), medians over ${rounds} rounds`,
    `${longPolls} held in one process: ${fixed(kitKb)} KB each (heap + external after GC; bare node:http holding the same requests: ${fixed(bareKb)} KB)`,
    `${waiters} waiters on one payment: last answered ${fixed(lastMs, 1)} ms after the stored change (bare node:http answering as many held requests at once: ${fixed(bareLastMs, 1)} ms); ${fixed(reads)} provider status reads per ${REFRESH_INTERVAL_MS / 1000} s refresh interval while they waited`,
  );
}

async function elementFigures() {
  const run = await startElementRun();
  try {
    lines.push(
      '',
      `Element (dist/ build, headless Chromium), medians over ${rounds} rounds`,
      `${'banks'.padStart(6)} ${'mount ms'.padStart(9)} ${'bare ms'.padStart(8)} ${'slowest key ms'.padStart(15)} ${'last key to list ms'.padStart(20)} ${'scripts B br'.padStart(13)} ${'bank list B br'.padStart(14)}`,
    );
    for (const count of [100, 3000]) {
      const mounts: MountFigures[] = [];
      const bytes: ByteFigures[] = [];
      await mountFigures(run.browser, run.origin, count); // warm: Chromium's code cache, the JIT
      for (let round = 0; round < rounds; round += 1) {
        log(`bench: element ${count} banks round ${round + 1}/${rounds}`);
        mounts.push(await mountFigures(run.browser, run.origin, count));
        bytes.push(await byteFigures(run.browser, run.origin, count));
      }
      const mountMs = median(mounts.map((figures) => figures.mountMs));
      const scriptBytes = median(bytes.map((figures) => figures.scriptBytes));
      const bareMountMs = median(mounts.map((figures) => figures.bareMountMs));
      // Ratios, like the server's, higher is better: against a bare list in the same page (times
      // differ between machines, the ratio much less), and the byte budget over the bytes.
      ratios[`element ${count} banks bare mount / mount`] = bareMountMs / mountMs;
      ratios[`element ${count} banks byte budget / script bytes`] = BYTE_BUDGET / scriptBytes;
      lines.push(
        [
          String(count).padStart(6),
          fixed(mountMs, 1).padStart(9),
          fixed(bareMountMs, 1).padStart(8),
          fixed(median(mounts.map((figures) => figures.slowestKeyMs)), 1).padStart(15),
          fixed(median(mounts.map((figures) => figures.lastKeyToListMs)), 1).padStart(20),
          String(scriptBytes).padStart(13),
          String(median(bytes.map((figures) => figures.bankListBytes))).padStart(14),
        ].join(' '),
      );
    }
    log('bench: element status reads of one payment');
    const reads = await statusReadsPerPayment(run.browser, short ? 3000 : 8000);
    lines.push(
      `status reads of one completed payment (popup flow, ${short ? 3 : 8} s at the bank): ${reads}`,
    );
  } finally {
    await run.close();
  }
}

if (values.only === 'long-polls') await longPollFigures();
else {
  if (values.only !== 'element') await serverFigures();
  if (values.only !== 'server') await elementFigures();
}
process.stdout.write(`${lines.join('\n')}\n`);

if (values['write-baseline']) {
  mkdirSync(new URL('.', BASELINE), { recursive: true });
  writeFileSync(BASELINE, `${JSON.stringify(ratios, null, 2)}\n`);
  log(`bench: wrote ${BASELINE.pathname}`);
}
if (values.check) {
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, number>;
  const regressions = Object.entries(baseline).filter(([name, expected]) => {
    const measured = ratios[name];
    return measured !== undefined && measured < expected * (2 / 3);
  });
  for (const [name, expected] of regressions) {
    log(
      `bench: REGRESSION ${name}: ${fixed(ratios[name] ?? 0)} against ${fixed(expected)} in bench/baseline.json`,
    );
  }
  if (regressions.length > 0) process.exit(1);
  log(`bench: ${Object.keys(baseline).length} ratios within a third of bench/baseline.json`);
}
