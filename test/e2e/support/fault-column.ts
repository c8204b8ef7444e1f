import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoProvider } from '../../../demo/dev-server-plugin.js';
import {
  createSandbox,
  type ListeningServer,
  type Sandbox,
  type SandboxApiProvider,
  type SandboxKnobs,
} from '../../../src/sandbox/index.js';
import { AIIA_STATUSES } from '../../../src/server/providers/aiia-pay/status.js';
import { CASHFREE_BBPS_STATUSES } from '../../../src/server/providers/cashfree-bbps/status.js';
import { OPEN_BANKING_CONNECT_STATUSES } from '../../../src/server/providers/open-banking-connect/status.js';
import { createSqlitePaymentStore } from '../../../src/server/stores/sqlite/index.js';
import type { PaymentStatus } from '../../../src/core/status.js';
import {
  freePort,
  startMerchantProcess,
  type MerchantProcess,
} from '../../server/support/processes.js';

/**
 * The adapters' timeout in the matrix: a provider call held longer than this is a provider timeout.
 * Short, so the timeout rows play fast, but far above a provider call under load: at 1 s a create
 * slowed by a busy machine (near 1 s seen with four columns on two loaded cores) timed out in a row
 * that injects no fault, and the payer's retry made a second payment (docs/protocol.md, "A create
 * cut short"), the flake of "merchant 500 on create / aiia".
 */
export const PROVIDER_TIMEOUT_MS = 3000;
/** How long a "provider timeout" fault holds a call: past the kit's timeout, then it does its work. */
export const PROVIDER_HOLD_MS = 4500;

export const TERMINAL_EVENTS = ['pay-by-bank-success', 'pay-by-bank-failure', 'pay-by-bank-cancel'];

export interface TerminalEvent {
  name: string;
  detail: { paymentId?: string; status?: string; error?: { code: string } };
}

const SIMULATOR: Record<DemoProvider, SandboxApiProvider> = {
  'mastercard-open-finance': 'mastercard',
  'aiia-pay': 'aiia',
  'open-banking-connect': 'obc',
  'cashfree-bbps': 'cashfree',
};

/**
 * The demo page for each provider: a shop order in the bank's window, or a BBPS bill by UPI, a bill of
 * its own per cell, since a bill is paid once (docs/protocol.md, "Cashfree BBPS"). A row may ask for
 * another flow.
 */
export type CellFlow = 'popup' | 'redirect' | 'auto';
const PAGE: Record<DemoProvider, (flow?: CellFlow) => string> = {
  'mastercard-open-finance': (flow = 'popup') => `/?provider=mastercard-open-finance&flow=${flow}`,
  'aiia-pay': (flow = 'popup') => `/?provider=aiia-pay&flow=${flow}`,
  'open-banking-connect': (flow = 'popup') => `/?provider=open-banking-connect&flow=${flow}`,
  // Redirect by default: a collect request opens no window in any flow, and leaves the page alone.
  'cashfree-bbps': (flow = 'redirect') =>
    `/?provider=cashfree-bbps&flow=${flow}&checkout=bill-CUST-${randomUUID().slice(0, 8)}`,
};

const UPI_ID = 'matrix.payer@okbank';

/** What a provider's raw status means in the merchant protocol, by the adapters' own tables. */
function protocolStatus(simulator: SandboxApiProvider, raw: string): PaymentStatus | undefined {
  switch (simulator) {
    case 'aiia':
      return AIIA_STATUSES[raw];
    case 'obc':
      return OPEN_BANKING_CONNECT_STATUSES[raw.toUpperCase()];
    case 'cashfree':
      return CASHFREE_BBPS_STATUSES[raw.toLowerCase()];
    case 'mastercard':
      // Open Finance Europe's codes (the adapter decides by `terminal`; these are the sandbox's).
      return (
        (
          {
            Succeeded: 'completed',
            Failed: 'failed',
            Cancelled: 'cancelled',
            Expired: 'expired',
            Authorizing: 'awaiting_authorisation',
            Pending: 'processing',
          } as Record<string, PaymentStatus>
        )[raw] ?? undefined
      );
  }
}

/**
 * One column of the fault matrix: a provider, its sandbox (in this process, so the test turns its
 * knobs directly) and a merchant server process (`npm run serve` over the built element, payments in
 * a SQLite file, so that it can be killed and started again), shared by every cell of the column.
 */
export interface FaultColumn {
  readonly provider: DemoProvider;
  readonly simulator: SandboxApiProvider;
  readonly sandbox: Sandbox;
  readonly origin: string;
  /** The sandbox's URL, its base path included. */
  readonly sandboxUrl: string;
  /** Knobs back to the column's defaults: every payment decided at the bank at once, no faults. */
  reset(): void;
  configure(knobs: SandboxKnobs): void;
  /** kill -9 and start again on the same port and SQLite file. */
  restartMerchant(): Promise<void>;
  /** What the merchant's server printed so far (its warnings and errors), across restarts. */
  merchantLog(): string;
  /** The server's stored payment: its status and the provider's id for it. */
  stored(paymentId: string): Promise<{ status: string; providerPaymentId: string } | undefined>;
  /** The provider's status of the server's payment, in the merchant protocol's words. */
  providerStatus(providerPaymentId: string): PaymentStatus | undefined;
  /** Payments the provider made so far (2xx answers to its create call). */
  paymentsMade(): number;
  /** A fresh browser context on the demo page, counting terminal events across reloads. */
  open(setup?: (context: BrowserContext) => Promise<void>, flow?: CellFlow): Promise<CellPage>;
  close(): Promise<void>;
}

export interface CellPage {
  context: BrowserContext;
  page: Page;
  column: FaultColumn;
  /** Picks a bank (or UPI with an id) and presses Pay. */
  pay(): Promise<void>;
  /** The bank's window (popup providers) or the payer's UPI app (Cashfree), once it is open. */
  bankPage(): Promise<Page>;
  /** The payer approves at the bank (a column started with `outcome` unset). */
  approveAtBank(): Promise<void>;
  /** Every terminal event the tab saw, across reloads and redirects. */
  terminalEvents(): Promise<TerminalEvent[]>;
  /** For a failed cell: the events the page logged, what the element shows, the open windows. */
  describe(): Promise<string>;
  /** Waits for the first terminal event. */
  firstTerminal(timeoutMs?: number): Promise<TerminalEvent>;
  /** Cuts or restores the shop page's network only (the bank's window keeps its own). */
  setPageOffline(offline: boolean): Promise<void>;
  /** Makes the shop page report itself hidden (or visible again), as when the payer switches apps. */
  setPageHidden(hidden: boolean): Promise<void>;
  close(): Promise<void>;
}

const COLUMN_DEFAULTS: SandboxKnobs = {
  outcome: 'approve',
  latencyMs: 0,
  faults: {},
  webhooks: { duplicate: false, outOfOrder: false, delayMs: 0 },
};

export async function startFaultColumn(
  provider: DemoProvider,
  browser: Browser,
  distDir: string,
): Promise<FaultColumn> {
  const simulator = SIMULATOR[provider];
  const folder = mkdtempSync(join(tmpdir(), `pay-by-bank-faults-${simulator}-`));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const sandbox = createSandbox({
    logos: 'served',
    webhooks: { url: `${origin}/api/pay-by-bank/webhooks` },
    cashfree: { upiDecisionDelayMs: 300 },
  });
  const listening: ListeningServer = await sandbox.listen();
  const database = join(folder, 'payments.db');
  const env = {
    PAY_BY_BANK_DB: database,
    PAY_BY_BANK_PROVIDER: provider,
    PAY_BY_BANK_PROVIDER_TIMEOUT_MS: String(PROVIDER_TIMEOUT_MS),
    PAY_BY_BANK_REFRESH_MS: '300',
    PAY_BY_BANK_RATE_LIMITS: 'off',
    SANDBOX_URL: listening.url,
    DEMO_DIST_DIR: distDir,
  };
  let merchant: MerchantProcess = await startMerchantProcess(port, env);
  let earlierLog = '';
  const reset = () => sandbox.configure(COLUMN_DEFAULTS);
  reset();

  // A first page load, before any cell: the server's first answers (its kits, the bank list, the
  // built files) are made then, not in the first cell, whose page must be ready as fast as the rest.
  const warmUp = await browser.newContext();
  try {
    const page = await warmUp.newPage();
    await page.goto(`${origin}${PAGE[provider]()}`);
    await page
      .locator('#event-log li[data-event="pay-by-bank-ready"]')
      .first()
      .waitFor({ timeout: 60_000 });
  } finally {
    await warmUp.close();
  }

  const column: FaultColumn = {
    provider,
    simulator,
    sandbox,
    origin,
    sandboxUrl: listening.url,
    reset,
    configure: (knobs) => sandbox.configure(knobs),
    async restartMerchant() {
      await merchant.kill();
      earlierLog += merchant.output();
      merchant = await startMerchantProcess(port, env);
    },
    merchantLog: () => earlierLog + merchant.output(),
    async stored(paymentId) {
      const reader = createSqlitePaymentStore({ path: database });
      try {
        const payment = await reader.get(paymentId);
        return payment && { status: payment.status, providerPaymentId: payment.providerPaymentId };
      } finally {
        await reader.close?.();
      }
    },
    providerStatus(providerPaymentId) {
      const raw = sandbox.statusOf(simulator, providerPaymentId);
      return raw === undefined ? undefined : protocolStatus(simulator, raw);
    },
    paymentsMade: () => sandbox.succeeded(simulator, 'create'),
    open: (setup, flow) => openCell(column, browser, setup, flow),
    async close() {
      await merchant.kill();
      await listening.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  // And a first payment: the sandbox compiles each call's request schema on its first use, so the
  // column's first create is its slowest, and no cell should play on it.
  const first = await column.open();
  try {
    await first.pay();
    await first.firstTerminal(60_000);
  } finally {
    await first.close();
  }
  return column;
}

async function openCell(
  column: FaultColumn,
  browser: Browser,
  setup?: (context: BrowserContext) => Promise<void>,
  flow?: CellFlow,
): Promise<CellPage> {
  const context = await browser.newContext();
  // Terminal events in sessionStorage: they survive the tab's reloads and redirects.
  await context.addInitScript((names: string[]) => {
    for (const name of names) {
      document.addEventListener(name, (event) => {
        const seen = JSON.parse(
          sessionStorage.getItem('fault-matrix:terminal') ?? '[]',
        ) as unknown[];
        seen.push({ name, detail: (event as CustomEvent).detail });
        sessionStorage.setItem('fault-matrix:terminal', JSON.stringify(seen));
      });
    }
  }, TERMINAL_EVENTS);
  await setup?.(context);
  const page = await context.newPage();
  const popups: Page[] = [];
  context.on('page', (opened) => {
    if (opened !== page) popups.push(opened);
  });
  await page.goto(`${column.origin}${PAGE[column.provider](flow)}`);
  await page.locator('#event-log li[data-event="pay-by-bank-ready"]').first().waitFor();
  const cdp = await context.newCDPSession(page);

  const terminalEvents = () =>
    page.evaluate(
      () =>
        JSON.parse(sessionStorage.getItem('fault-matrix:terminal') ?? '[]') as {
          name: string;
          detail: TerminalEvent['detail'];
        }[],
    );

  const cell: CellPage = {
    context,
    page,
    column,
    async pay() {
      const banks = page.getByRole('listbox', { name: 'Banks' });
      if (column.provider === 'cashfree-bbps') {
        // The collect request: the fault rows drive the payer's UPI ID, not an intent link.
        await banks.getByRole('option', { name: 'UPI ID (collect request)' }).click();
        await page.getByLabel('UPI ID').fill(UPI_ID);
      } else {
        await banks.getByRole('option').first().click();
      }
      await page.getByRole('button', { name: /^Pay / }).click();
    },
    async bankPage() {
      if (column.provider === 'cashfree-bbps') {
        // No bank window: the collect request waits in the payer's UPI app.
        const upi = await context.newPage();
        await upi.goto(`${column.sandboxUrl}/cashfree/upi?vpa=${encodeURIComponent(UPI_ID)}`);
        return upi;
      }
      const deadline = Date.now() + 15_000;
      while (popups.length === 0) {
        if (Date.now() > deadline) throw new Error('the bank window did not open');
        await page.waitForTimeout(50);
      }
      return popups[popups.length - 1] as Page;
    },
    async approveAtBank() {
      if (column.provider === 'cashfree-bbps') {
        const upi = await cell.bankPage();
        await upi.getByRole('button', { name: 'Approve' }).click();
        await upi.getByRole('heading', { name: 'Payment approved' }).waitFor();
        await upi.close();
        return;
      }
      const bank = await cell.bankPage();
      await bank.getByRole('button', { name: 'Approve payment' }).click();
    },
    terminalEvents,
    async describe() {
      const events = await page
        .locator('#event-log li')
        .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.event ?? ''));
      const shown = await page.evaluate(
        `document.querySelector('pay-by-bank')?.shadowRoot?.querySelector('[part="status"], [part="error"]')?.textContent?.trim().slice(0, 120)`,
      );
      const windows = context.pages().map((open) => new URL(open.url()).pathname);
      return `events ${events.map((name) => name.replace('pay-by-bank-', '')).join(',')}; shows "${String(shown)}"; windows ${windows.join(' ')}`;
    },
    async firstTerminal(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const seen = await terminalEvents().catch(() => []);
        if (seen[0]) return seen[0];
        if (Date.now() > deadline) throw new Error('no terminal event on the page');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async setPageOffline(offline) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    },
    async setPageHidden(hidden) {
      // A string, not a function: the test's compiler would wrap a function's inner functions.
      await page.evaluate(`(() => {
        const hidden = ${String(hidden)};
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (hidden ? 'hidden' : 'visible'),
        });
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
        document.dispatchEvent(new Event('visibilitychange'));
      })()`);
    },
    async close() {
      await context.close();
    },
  };
  return cell;
}
