import { expect } from '@open-wc/testing';
import '../support/setup.js';
import type { BankWindow } from '../../src/core/bank-window.js';
import type { CheckoutDependencies, CheckoutSetup } from '../../src/core/checkout-context.js';
import { INITIAL_STATE } from '../../src/core/checkout-state.js';
import type { Attempt, CheckoutState, PaymentSnapshot } from '../../src/core/checkout-state.js';
import type { HandOffContext } from '../../src/core/flows/hand-off.js';
import { noHandOff } from '../../src/core/flows/none.js';
import { popupHandOff } from '../../src/core/flows/popup.js';
import { qrHandOff } from '../../src/core/flows/qr.js';
import { redirectHandOff } from '../../src/core/flows/redirect.js';
import type { FlowSetting } from '../../src/core/config.js';

/** Each flow against a fake session: what it shows, what it asks the session for, and no DOM. */

const PAYMENT: PaymentSnapshot = { paymentId: 'pay_1', status: 'created' };
const URL_AT_BANK = 'https://bank.example/authorize';

function fakeContext(options: { flow?: FlowSetting; proceed?: boolean; window?: BankWindow } = {}) {
  const calls: string[] = [];
  let state: CheckoutState = {
    ...INITIAL_STATE,
    view: 'handing-off',
    payment: PAYMENT,
    authorizationUrl: URL_AT_BANK,
    expiresAt: undefined,
  };
  const saved: Record<string, unknown> = { paymentId: 'pay_1', flow: 'popup' };
  const deps = {
    events: {
      redirect: (detail: { flow: string }) => {
        calls.push(`redirect event (${detail.flow})`);
        return options.proceed ?? true;
      },
    },
    navigate: (url: string) => calls.push(`navigate ${url}`),
    newIdempotencyKey: () => 'key-2',
    openBankWindow: () => undefined,
  } as unknown as CheckoutDependencies;
  const setup = {
    flow: options.flow ?? 'popup',
    attempts: {
      load: () => saved,
      save: (next: Record<string, unknown>) => Object.assign(saved, next),
    },
  } as unknown as CheckoutSetup;
  const context: HandOffContext = {
    deps,
    onBankWindowReturn: () => () => {},
    setup: () => setup,
    state: () => state,
    update: (transition) => (state = transition(state)),
    bankWindow: {
      current: options.window,
      close() {
        calls.push('close window');
        this.current = undefined;
      },
    },
    startTracking: (payment, view) => {
      calls.push(`track ${payment.paymentId} in ${view}`);
      state = { ...state, view, payment, connectionTrouble: false } as CheckoutState;
    },
    stopTracking: () => calls.push('stop tracking'),
    applyPayment: () => calls.push('apply payment'),
    finish: (payment) => calls.push(`finish ${payment.status}`),
    createQuietly: async (attempt: Attempt) => {
      calls.push(`create ${attempt.flow} ${attempt.idempotencyKey}`);
    },
    leaveByRedirect: (payment, url) => calls.push(`leave by redirect ${payment.paymentId} ${url}`),
  };
  return { context, calls, saved, state: () => state };
}

function fakeWindow(): BankWindow & { loaded: string[] } {
  return {
    loaded: [],
    load(url) {
      this.loaded.push(url);
    },
    isClosed: () => false,
    focus() {},
    close() {},
  };
}

describe('hand-off flows', () => {
  it('none: no link, so it only tracks the status', () => {
    const { context, calls } = fakeContext();
    noHandOff(context).resume(PAYMENT);
    expect(calls).to.deep.equal(['track pay_1 in tracking']);
  });

  it('redirect: closes any window, saves the flow, asks the page, then navigates', () => {
    const { context, calls, saved, state } = fakeContext();
    redirectHandOff(context).start(PAYMENT, URL_AT_BANK);
    expect(calls).to.deep.equal([
      'close window',
      'redirect event (redirect)',
      `navigate ${URL_AT_BANK}`,
    ]);
    expect(saved.flow).to.equal('redirect');
    expect(state().view).to.equal('redirecting');
  });

  it('redirect: a page that cancels the event navigates itself', () => {
    const { context, calls } = fakeContext({ proceed: false });
    redirectHandOff(context).start(PAYMENT, URL_AT_BANK);
    expect(calls).not.to.include(`navigate ${URL_AT_BANK}`);
  });

  it('popup: points the open window at the bank and tracks in the popup view', () => {
    const bankWindow = fakeWindow();
    const { context, calls } = fakeContext({ window: bankWindow });
    const flow = popupHandOff(context);
    flow.start(PAYMENT, URL_AT_BANK);
    flow.dispose();
    expect(bankWindow.loaded).to.deep.equal([URL_AT_BANK]);
    expect(calls).to.deep.equal(['redirect event (popup)', 'track pay_1 in popup']);
  });

  it('popup: blocked, an explicit popup asks for one more click and auto goes by redirect', () => {
    const explicit = fakeContext({ flow: 'popup' });
    popupHandOff(explicit.context).start(PAYMENT, URL_AT_BANK);
    expect(explicit.state().view).to.equal('popup-blocked');
    expect(explicit.calls).to.deep.equal([]);

    const auto = fakeContext({ flow: 'auto' });
    popupHandOff(auto.context).start(PAYMENT, URL_AT_BANK);
    expect(auto.calls).to.deep.equal([`leave by redirect pay_1 ${URL_AT_BANK}`]);
  });

  it('popup: a page that cancels the event gets the window closed and the redirecting view', () => {
    const { context, calls, state } = fakeContext({ window: fakeWindow(), proceed: false });
    popupHandOff(context).start(PAYMENT, URL_AT_BANK);
    expect(calls).to.deep.equal(['redirect event (popup)', 'close window']);
    expect(state().view).to.equal('redirecting');
  });

  it('qr: tracks in the QR view; paying on this device leaves by redirect with the same payment', () => {
    const { context, calls } = fakeContext();
    const flow = qrHandOff(context);
    flow.start(PAYMENT, URL_AT_BANK);
    flow.payOnThisDevice();
    expect(calls).to.deep.equal([
      'track pay_1 in qr',
      'stop tracking',
      `leave by redirect pay_1 ${URL_AT_BANK}`,
    ]);
  });
});
