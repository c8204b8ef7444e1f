import type { BrowserContext, Page, Route } from 'playwright-core';
import {
  PROVIDER_HOLD_MS,
  type CellFlow,
  type CellPage,
  type FaultColumn,
  type TerminalEvent,
} from './fault-column.js';

/**
 * One row of the fault matrix: a fault, played the same way for every provider it applies to. The
 * matrix checks every cell the same way afterwards (see `fault-matrix.test.ts`).
 */
export interface FaultRow {
  name: string;
  /** Why the row does not apply to this provider, if it does not. */
  notApplicable?(column: FaultColumn): string | undefined;
  /** The one terminal event the page must end with. Default `pay-by-bank-success`. */
  expect?: TerminalEvent['name'];
  /** The element's `flow` on the page, if not the column's own. */
  flow?: CellFlow;
  /** Before the page opens: routes between the page and the merchant's server, init scripts. */
  setup?(context: BrowserContext, column: FaultColumn): Promise<void>;
  /** From the bank list shown to the point where the outcome is on its way. */
  play(cell: CellPage): Promise<void>;
  /** After the first terminal event: how long to give a second one, or late work, to show. */
  settleMs?: number;
  /**
   * Payments the provider made whose answer the kit never got (a create it timed out on): their link
   * never reaches the payer, so they cannot be paid and expire at the provider (docs/architecture.md,
   * "Where payments live"). Default 0: exactly one payment at the provider.
   */
  orphans?: number;
}

const KIT = '/api/pay-by-bank';
const isCreate = (url: URL, method: string) =>
  method === 'POST' && url.pathname === `${KIT}/payments`;
const isStatus = (url: URL, method: string) =>
  method === 'GET' && url.pathname.startsWith(`${KIT}/payments/`);

const PROBLEM = {
  type: 'about:blank',
  title: 'Internal Server Error',
  status: 500,
  code: 'server_error',
};

type MerchantFault = '500' | 'timeout' | 'garbage';

/**
 * The merchant's server failing `times` times on create or on a status read, as the page sees it.
 * A create reaches the server first (the payment is made, then its answer is lost or garbled), the
 * worst case for a second payment; a status read is answered by the fault alone.
 */
function merchantFault(kind: MerchantFault, on: 'create' | 'status', times: number) {
  return async (context: BrowserContext) => {
    let left = times;
    await context.route(
      (url) => url.pathname.startsWith(`${KIT}/payments`),
      async (route: Route) => {
        const request = route.request();
        const url = new URL(request.url());
        const targeted =
          on === 'create' ? isCreate(url, request.method()) : isStatus(url, request.method());
        if (!targeted || left <= 0) {
          await route.continue();
          return;
        }
        left -= 1;
        if (on === 'create') await route.fetch();
        // A server that never answers: the element's own timeout gives up on it.
        if (kind === 'timeout') return;
        await route
          .fulfill(
            kind === '500'
              ? {
                  status: 500,
                  contentType: 'application/problem+json',
                  body: JSON.stringify(PROBLEM),
                }
              : { status: 200, contentType: 'application/json', body: '<html>oops</html>' },
          )
          .catch(() => {});
      },
    );
  };
}

/** Pay; the create fails; the payer presses "Try again" and goes on. */
async function payThroughFailedCreate(cell: CellPage, timeoutMs = 30_000): Promise<void> {
  await cell.pay();
  await cell.page.getByRole('button', { name: 'Try again' }).click({ timeout: timeoutMs });
}

const onlyWithWebhooks = (column: FaultColumn) =>
  column.simulator === 'mastercard' || column.simulator === 'obc'
    ? 'the provider sends no webhooks; the kit reads its status'
    : undefined;
const onlyWithCodeExchange = (column: FaultColumn) =>
  column.simulator === 'obc'
    ? undefined
    : 'no code exchange: the provider makes the payment at create';

/** The payer is at the bank; the column's outcome is unset, so they decide there. */
async function atTheBank(cell: CellPage): Promise<void> {
  await cell.pay();
  const bank = await cell.bankPage();
  await bank
    .getByRole('button', {
      name: cell.column.simulator === 'cashfree' ? 'Approve' : 'Approve payment',
    })
    .waitFor();
}

function providerFault(
  call: 'create' | 'status' | 'exchange',
  kind: '5xx' | 'timeout',
  times: number,
): (cell: CellPage) => void {
  return (cell) =>
    cell.column.configure({
      faults: {
        provider: cell.column.simulator,
        call,
        times,
        ...(kind === '5xx' ? { errorRate: 1, errorStatus: 503 } : { delayMs: PROVIDER_HOLD_MS }),
      },
    });
}

/** The redirect flow: the payer's own tab is at the bank's page, the decision not yet made. */
async function atTheBankInThisTab(cell: CellPage): Promise<void> {
  await cell.pay();
  await cell.page.waitForURL((url) => url.href.startsWith(cell.column.sandboxUrl));
  await cell.page.getByRole('button', { name: 'Approve payment' }).waitFor();
}

/** The payer approves at the bank's page in their own tab, which the bank then sends back. */
async function approveInThisTab(cell: CellPage): Promise<void> {
  await cell.page.getByRole('button', { name: 'Approve payment' }).click();
}

const withoutLeavingThePage = (column: FaultColumn) =>
  column.simulator === 'cashfree'
    ? 'a collect request leaves the page where it is: no bank page, no return (see "reload at the bank")'
    : undefined;

const RETURN = `${KIT}/return`;

/**
 * The browser follows a redirect without asking the routes, so the bank's 303 to the kit's return is
 * held here and the test goes there itself (`reloadTheReturn`): the kit finishes that return, but its
 * 303 back to the shop is lost, and the payer reloads the return page, asking for it again.
 */
async function returnAnswerLost(context: BrowserContext, column: FaultColumn): Promise<void> {
  await context.route(
    (url) => url.href.startsWith(column.sandboxUrl) && url.pathname.endsWith('/bank/authorize'),
    async (route) => {
      if (route.request().method() !== 'POST') {
        await route.continue();
        return;
      }
      const decided = await route.fetch({ maxRedirects: 0 });
      const location = decided.headers()['location'] ?? '';
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<a id="back" href="${location}">Back to the shop</a>`,
      });
    },
  );
  let returns = 0;
  await context.route(
    (url) => url.pathname === RETURN,
    async (route) => {
      returns += 1;
      if (returns > 1) {
        await route.continue();
        return;
      }
      await route.fetch({ maxRedirects: 0 });
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>Loading</p>' });
    },
  );
}

/** In the tab at the bank (`returnAnswerLost` set up): approve, go to the return, reload it. */
async function reloadTheReturn(tab: Page): Promise<void> {
  await tab.getByRole('button', { name: 'Approve payment' }).click();
  const back = await tab.locator('#back').getAttribute('href');
  await tab.goto(back ?? '');
  await tab.getByText('Loading').waitFor();
  // Back in the shop's page, a bank window hands the payment to its opener and closes itself.
  await tab.reload().catch((error: unknown) => {
    if (!tab.isClosed()) throw error;
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const FAULT_ROWS: readonly FaultRow[] = [
  {
    name: 'merchant 500 on create',
    setup: merchantFault('500', 'create', 1),
    play: (cell) => payThroughFailedCreate(cell),
  },
  {
    name: 'merchant timeout on create',
    setup: merchantFault('timeout', 'create', 1),
    play: (cell) => payThroughFailedCreate(cell, 20_000),
  },
  {
    name: 'merchant garbage on create',
    setup: merchantFault('garbage', 'create', 1),
    play: (cell) => payThroughFailedCreate(cell),
  },
  {
    name: 'merchant 500 on status',
    setup: merchantFault('500', 'status', 2),
    play: (cell) => cell.pay(),
  },
  {
    name: 'merchant timeout on status',
    setup: merchantFault('timeout', 'status', 1),
    play: (cell) => cell.pay(),
  },
  {
    name: 'merchant garbage on status',
    setup: merchantFault('garbage', 'status', 2),
    play: (cell) => cell.pay(),
  },
  {
    name: 'network dropped, bank open',
    async play(cell) {
      cell.column.configure({ outcome: undefined });
      await atTheBank(cell);
      await cell.setPageOffline(true);
      await cell.approveAtBank();
      await sleep(1500);
      await cell.setPageOffline(false);
    },
  },
  {
    name: 'network dropped, polling',
    async play(cell) {
      cell.column.configure({ outcome: undefined });
      await atTheBank(cell);
      await cell.setPageOffline(true);
      await sleep(1500);
      await cell.setPageOffline(false);
      await sleep(500);
      await cell.approveAtBank();
    },
  },
  {
    name: 'page hidden for the bank visit',
    async play(cell) {
      cell.column.configure({ outcome: undefined });
      await atTheBank(cell);
      await cell.setPageHidden(true);
      await cell.approveAtBank();
      await sleep(1500);
      await cell.setPageHidden(false);
    },
  },
  {
    name: 'provider 5xx on create',
    play: async (cell) => {
      providerFault('create', '5xx', 1)(cell);
      await payThroughFailedCreate(cell);
    },
  },
  {
    name: 'provider timeout on create',
    settleMs: PROVIDER_HOLD_MS,
    orphans: 1,
    play: async (cell) => {
      providerFault('create', 'timeout', 1)(cell);
      await payThroughFailedCreate(cell);
    },
  },
  {
    name: 'provider 5xx on status',
    play: async (cell) => {
      providerFault('status', '5xx', 3)(cell);
      await cell.pay();
    },
  },
  {
    name: 'provider timeout on status',
    play: async (cell) => {
      providerFault('status', 'timeout', 2)(cell);
      await cell.pay();
    },
  },
  {
    name: 'provider 5xx on code exchange',
    notApplicable: onlyWithCodeExchange,
    play: async (cell) => {
      providerFault('exchange', '5xx', 1)(cell);
      await cell.pay();
    },
  },
  {
    name: 'provider timeout on code exchange',
    notApplicable: onlyWithCodeExchange,
    settleMs: PROVIDER_HOLD_MS,
    play: async (cell) => {
      providerFault('exchange', 'timeout', 1)(cell);
      await cell.pay();
    },
  },
  {
    name: 'duplicate webhooks',
    notApplicable: onlyWithWebhooks,
    settleMs: 1000,
    play: async (cell) => {
      cell.column.configure({ webhooks: { duplicate: true } });
      await cell.pay();
    },
  },
  {
    name: 'out-of-order webhooks',
    notApplicable: (column) =>
      onlyWithWebhooks(column) ??
      (column.simulator === 'cashfree'
        ? 'one webhook per payment (its final status): no order to change'
        : undefined),
    settleMs: 1000,
    play: async (cell) => {
      cell.column.configure({ webhooks: { outOfOrder: true } });
      await cell.pay();
    },
  },
  {
    name: 'late webhooks',
    notApplicable: onlyWithWebhooks,
    settleMs: 2500,
    play: async (cell) => {
      cell.column.configure({ webhooks: { delayMs: 1500 } });
      await cell.pay();
    },
  },
  {
    name: 'popup blocked',
    // A bill in the popup flow too: its UPI collect request must need no window, blocked or not.
    flow: 'popup',
    async setup(context) {
      // The browser blocks the first window the page opens; the payer's next click gets one.
      await context.addInitScript(() => {
        const open = window.open.bind(window);
        let blocked = false;
        window.open = (...args: Parameters<typeof window.open>) => {
          if (blocked) return open(...args);
          blocked = true;
          return null;
        };
      });
    },
    async play(cell) {
      if (cell.column.simulator === 'cashfree') {
        cell.column.configure({ outcome: undefined });
        await atTheBank(cell);
        await cell.approveAtBank();
        return;
      }
      await cell.pay();
      await cell.page.getByRole('button', { name: /^Continue to / }).click();
    },
  },
  {
    name: 'link expired',
    expect: 'pay-by-bank-failure',
    notApplicable: (column) =>
      column.simulator === 'aiia' || column.simulator === 'mastercard'
        ? undefined
        : 'the simulated provider has no expiring authorisation link',
    async setup(context, column) {
      // The link expires at the provider between its making and the payer opening it.
      await context.route(
        (url) => url.pathname === `${KIT}/payments`,
        async (route) => {
          const response = await route.fetch();
          const body = (await response.json()) as { paymentId: string };
          const stored = await column.stored(body.paymentId);
          if (stored && (column.simulator === 'aiia' || column.simulator === 'mastercard'))
            column.sandbox.forceStatus(column.simulator, stored.providerPaymentId, 'Expired', true);
          await route.fulfill({ response });
        },
      );
    },
    play: (cell) => cell.pay(),
  },
  {
    name: 'reload while choosing',
    async play(cell) {
      await cell.page.getByRole('listbox', { name: 'Banks' }).getByRole('option').first().click();
      await cell.page.reload();
      await cell.page.locator('#event-log li[data-event="pay-by-bank-ready"]').first().waitFor();
      await cell.pay();
    },
  },
  {
    name: 'reload while creating',
    async setup(context) {
      // The create reaches the server; the page reloads before its answer arrives.
      let first = true;
      await context.route(
        (url) => url.pathname === `${KIT}/payments`,
        async (route) => {
          if (!first) {
            await route.continue();
            return;
          }
          first = false;
          await route.fetch();
          const page = route.request().frame().page();
          await page.evaluate(() => sessionStorage.setItem('fault-matrix:created', '1'));
          await page.reload().catch(() => {});
        },
      );
    },
    async play(cell) {
      await cell.pay();
      await cell.page.waitForFunction(() => sessionStorage.getItem('fault-matrix:created'));
      await cell.page.waitForLoadState('load');
      await cell.page.locator('pay-by-bank').waitFor();
      // After the reload the element resumes the payment, or shows the banks again to pay.
      const resumed = await cell.page
        .locator(
          '#event-log li[data-event="pay-by-bank-redirect"], #event-log li[data-event="pay-by-bank-status"]',
        )
        .first()
        .waitFor({ timeout: 3000 })
        .then(() => true)
        .catch(() => false);
      if (!resumed) await cell.pay();
    },
  },
  {
    name: 'reload at the bank',
    async play(cell) {
      cell.column.configure({ outcome: undefined });
      await atTheBank(cell);
      await cell.page.reload();
      await cell.page.locator('pay-by-bank').waitFor();
      await cell.approveAtBank();
    },
  },
  {
    name: 'reload at the bank list after a failed create',
    // The create was made but its answer lost; the payer reloads instead of pressing "Try again". The
    // saved attempt keeps its Idempotency-Key, so the next Pay gets the same payment.
    setup: merchantFault('500', 'create', 1),
    async play(cell) {
      await cell.pay();
      await cell.page.getByRole('button', { name: 'Try again' }).waitFor();
      await cell.page.reload();
      await cell.page.locator('#event-log li[data-event="pay-by-bank-ready"]').first().waitFor();
      await cell.pay();
    },
  },
  {
    name: 'reload of the bank page, redirect flow',
    flow: 'redirect',
    notApplicable: withoutLeavingThePage,
    async play(cell) {
      cell.column.configure({ outcome: undefined });
      await atTheBankInThisTab(cell);
      await cell.page.reload();
      await approveInThisTab(cell);
    },
  },
  {
    name: 'reload at the return',
    flow: 'redirect',
    notApplicable: withoutLeavingThePage,
    setup: returnAnswerLost,
    async play(cell) {
      cell.column.configure({ outcome: undefined });
      await atTheBankInThisTab(cell);
      await reloadTheReturn(cell.page);
    },
  },
  {
    name: 'reload at the return, popup flow',
    flow: 'popup',
    notApplicable: withoutLeavingThePage,
    setup: returnAnswerLost,
    async play(cell) {
      // The same in the bank's window: its return page reloaded while the shop's page, offline, has
      // not heard the outcome yet (once it has, it closes the window).
      cell.column.configure({ outcome: undefined });
      await atTheBank(cell);
      await cell.setPageOffline(true);
      await reloadTheReturn(await cell.bankPage());
      await sleep(500);
      await cell.setPageOffline(false);
    },
  },
  {
    name: 'reload back from the bank',
    flow: 'redirect',
    notApplicable: withoutLeavingThePage,
    async play(cell) {
      // Back on the shop's page with ?pay_by_bank_payment=…, which loads again as it came back (the
      // element has taken the parameter out of the address bar by then, a reload from history not).
      cell.column.configure({ outcome: undefined });
      await atTheBankInThisTab(cell);
      const back = cell.page.waitForRequest(
        (request) =>
          request.isNavigationRequest() &&
          new URL(request.url()).searchParams.has('pay_by_bank_payment'),
      );
      await approveInThisTab(cell);
      const returned = (await back).url();
      await cell.page.locator('pay-by-bank').waitFor();
      await cell.page.goto(returned);
      await cell.page.locator('pay-by-bank').waitFor();
    },
  },
  {
    name: 'reload while polling',
    async play(cell) {
      // Approved at the bank; the shop page reloads while it waits for the final status.
      cell.column.configure({ outcome: undefined });
      await atTheBank(cell);
      await cell.approveAtBank();
      await cell.page.reload();
      await cell.page.locator('pay-by-bank').waitFor();
    },
  },
  {
    name: 'reload after the outcome',
    settleMs: 1500,
    async play(cell) {
      await cell.pay();
      await cell.firstTerminal();
      await cell.page.reload();
      await cell.page.locator('pay-by-bank').waitFor();
    },
  },
  {
    name: 'merchant restarted at the bank',
    async play(cell) {
      cell.column.configure({ outcome: undefined });
      await atTheBank(cell);
      await cell.column.restartMerchant();
      await cell.approveAtBank();
    },
  },
];
