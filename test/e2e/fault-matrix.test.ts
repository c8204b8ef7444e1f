import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_PROVIDERS, type DemoProvider } from '../../demo/dev-server-plugin.js';
import { startFaultColumn, type CellPage, type FaultColumn } from './support/fault-column.js';
import { FAULT_ROWS, type FaultRow } from './support/fault-rows.js';
import { buildScriptTagFiles, launchChromium } from './support/demo.js';

/**
 * The fault matrix (`npm run test:faults`; CONTRIBUTING.md, "The fault matrix"): a payer in Chromium
 * pays through the built element, `npm run serve` (SQLite) and the sandbox, once per fault (rows) and
 * provider (columns). Every cell must end with exactly one terminal event on the page, the server's
 * final status equal to the provider's, and one payment at the provider, however often the page or
 * the kit retried. `FAULT_MATRIX_ROWS` / `FAULT_MATRIX_PROVIDERS` (regular expressions) run a part;
 * `FAULT_MATRIX_REPEAT=N` plays each cell N times (a flake hunt), its first failure standing for it.
 */

type Outcome =
  | { result: 'pass' }
  | { result: 'fail'; why: string }
  | { result: 'n/a'; why: string }
  | { result: 'known'; why: string };

const pick = (variable: string) => {
  const value = process.env[variable];
  return value ? new RegExp(value) : undefined;
};
/**
 * Inside `npm test` a bounded sample (every provider, a few quick rows that each caught a bug once);
 * `npm run test:faults` (`FAULT_MATRIX=full`) plays every row.
 */
const SAMPLE =
  /^(merchant 500 on create|network dropped, bank open|provider 5xx on status|merchant restarted at the bank)$/;
const full = process.env.FAULT_MATRIX === 'full';
const rowFilter = pick('FAULT_MATRIX_ROWS') ?? (full ? undefined : SAMPLE);
const providerFilter = pick('FAULT_MATRIX_PROVIDERS');
const REPEAT = Math.max(1, Number(process.env.FAULT_MATRIX_REPEAT ?? 1) || 1);
/**
 * A run that hangs (a browser gone from under it, once) fails instead of holding CI to its limit: the
 * whole matrix plays in under four minutes, the sample in about one.
 */
const MATRIX_TIMEOUT_MS = (full ? 15 : 5) * 60_000 * REPEAT;
const ROWS = FAULT_ROWS.filter((row) => !rowFilter || rowFilter.test(row.name));
const PROVIDERS: readonly DemoProvider[] = [
  'mastercard-open-finance',
  'aiia-pay',
  'open-banking-connect',
  'cashfree-bbps',
].filter(
  (name) =>
    DEMO_PROVIDERS.includes(name as DemoProvider) && (!providerFilter || providerFilter.test(name)),
) as DemoProvider[];

const SHORT: Record<DemoProvider, string> = {
  'mastercard-open-finance': 'mastercard',
  'aiia-pay': 'aiia',
  'open-banking-connect': 'obc',
  'cashfree-bbps': 'cashfree',
};

/**
 * Cells that fail today, for a reason written down, and so are printed as "known" rather than played in
 * the sample of `npm test`; `npm run test:faults` plays them and fails on them until they are fixed.
 */
const KNOWN_FAILING: Readonly<Record<string, string>> = {};

async function playCell(column: FaultColumn, row: FaultRow): Promise<Outcome> {
  const why = row.notApplicable?.(column);
  if (why) return { result: 'n/a', why };
  const known = full ? undefined : KNOWN_FAILING[`${row.name}|${column.provider}`];
  if (known) return { result: 'known', why: known };
  column.reset();
  const madeBefore = column.paymentsMade();
  const logBefore = column.merchantLog().length;
  const problems: string[] = [];
  let cell: CellPage | undefined;
  try {
    cell = await column.open(
      (context) => row.setup?.(context, column) ?? Promise.resolve(),
      row.flow,
    );
    await row.play(cell);
    const first = await cell.firstTerminal();
    await new Promise((resolve) => setTimeout(resolve, row.settleMs ?? 700));
    const events = await cell.terminalEvents();
    const expected = row.expect ?? 'pay-by-bank-success';
    if (events.length !== 1)
      problems.push(
        `${events.length} terminal events (${events.map((event) => event.name).join(', ')})`,
      );
    if (first.name !== expected)
      problems.push(`${first.name} (${JSON.stringify(first.detail)}) instead of ${expected}`);
    const paymentId = first.detail.paymentId;
    const stored = paymentId ? await column.stored(paymentId) : undefined;
    if (!stored) problems.push(`the server has no payment ${paymentId ?? '(no id on the event)'}`);
    else {
      const atProvider = column.providerStatus(stored.providerPaymentId);
      if (stored.status !== atProvider)
        problems.push(`server ${stored.status}, provider ${atProvider ?? 'unknown'}`);
    }
    const made = column.paymentsMade() - madeBefore;
    if (made !== 1 + (row.orphans ?? 0))
      problems.push(`${made} payments made at the provider, ${row.orphans ?? 0} of them orphans`);
  } catch (error) {
    problems.push(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
    if (cell) problems.push(await cell.describe().catch(() => 'the page is gone'));
  } finally {
    column.reset();
    await cell?.close().catch(() => {});
  }
  if (!problems.length) return { result: 'pass' };
  // What the merchant's server warned of during the cell: a provider timeout, an adopted attempt.
  const logged = column.merchantLog().slice(logBefore).trim();
  if (logged) problems.push(`the server logged: ${logged.replace(/\s+/g, ' ').slice(0, 600)}`);
  return { result: 'fail', why: problems.join('; ') };
}

/** A cell, `REPEAT` times: the first run that does not pass stands for the cell. */
async function play(column: FaultColumn, row: FaultRow): Promise<Outcome> {
  for (let run = 1; ; run += 1) {
    const outcome = await playCell(column, row);
    if (outcome.result === 'fail' && REPEAT > 1)
      return { ...outcome, why: `run ${run} of ${REPEAT}: ${outcome.why}` };
    if (outcome.result !== 'pass' || run >= REPEAT) return outcome;
  }
}

function printMatrix(results: Map<string, Outcome>): string {
  const nameWidth = Math.max(...ROWS.map((row) => row.name.length), 5);
  const width = 11;
  const lines = [
    ['fault'.padEnd(nameWidth), ...PROVIDERS.map((provider) => SHORT[provider].padEnd(width))].join(
      ' | ',
    ),
    ['-'.repeat(nameWidth), ...PROVIDERS.map(() => '-'.repeat(width))].join('-|-'),
  ];
  const notes: string[] = [];
  for (const row of ROWS) {
    const cells = PROVIDERS.map((provider) => {
      const outcome = results.get(`${row.name}|${provider}`);
      if (!outcome) return 'not run'.padEnd(width);
      if (outcome.result !== 'pass')
        notes.push(`${outcome.result} ${row.name} / ${SHORT[provider]}: ${outcome.why}`);
      return outcome.result.padEnd(width);
    });
    lines.push([row.name.padEnd(nameWidth), ...cells].join(' | '));
  }
  return [...lines, '', ...notes].join('\n');
}

describe('e2e: the fault matrix', () => {
  let built: Awaited<ReturnType<typeof buildScriptTagFiles>>;
  let browser: Browser;
  const columns: FaultColumn[] = [];

  before(
    async () => {
      built = await buildScriptTagFiles();
      browser = await launchChromium();
      for (const provider of PROVIDERS)
        columns.push(await startFaultColumn(provider, browser, built.outDir));
    },
    { timeout: 5 * 60_000 },
  );
  after(async () => {
    await Promise.all(columns.map((column) => column.close()));
    await browser?.close();
    await built?.remove();
  });

  it(
    "every fault, every provider: one terminal event, the provider's status, one payment",
    { timeout: MATRIX_TIMEOUT_MS },
    async () => {
      const results = new Map<string, Outcome>();
      const started = Date.now();
      // The columns run side by side (each its own sandbox and server); a column's cells one by one.
      await Promise.all(
        columns.map(async (column) => {
          for (const row of ROWS)
            results.set(`${row.name}|${column.provider}`, await play(column, row));
        }),
      );
      const table = printMatrix(results);
      console.log(`\nfault matrix (${Math.round((Date.now() - started) / 1000)} s)\n${table}\n`);
      const failed = [...results.values()].filter((outcome) => outcome.result === 'fail');
      assert.equal(failed.length, 0, `${failed.length} cells failed:\n${table}`);
    },
  );
});
