import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import {
  flushIo,
  mount,
  mountReady,
  payWith,
  query,
  shown,
  setReturnParameter,
} from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';
import { BANK_WINDOW_NAME } from '../../src/core/bank-window.js';
import type { BankWindow } from '../../src/core/bank-window.js';

/** The browser's window for the bank, as far as the element can see it. */
class FakeBankWindow implements BankWindow {
  loaded: string[] = [];
  closed = false;
  focused = 0;
  load(url: string) {
    this.loaded.push(url);
  }
  isClosed() {
    return this.closed;
  }
  focus() {
    this.focused++;
  }
  close() {
    this.closed = true;
  }
}

const DESKTOP = { finePointer: true, framed: false };

describe('<pay-by-bank> popup hand-off', () => {
  let merchant: FakeMerchant;
  let navigate: sinon.SinonStub;
  let openWindow: sinon.SinonStub;
  let bankWindow: FakeBankWindow;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = new FakeMerchant({ statuses: ['awaiting_authorisation'] });
    navigate = sinon.stub(browserEffects, 'navigate');
    sinon.stub(browserEffects, 'device').returns(DESKTOP);
    bankWindow = new FakeBankWindow();
    openWindow = sinon.stub(browserEffects, 'openBankWindow').returns(bankWindow);
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
  });

  it('auto opens a blank window inside the click, then points it at the bank', async () => {
    const element = await mountReady({ flow: 'auto' });
    const redirect = oneEvent(element, 'pay-by-bank-redirect');
    await payWith(element, 'alpha');
    // Synchronously within the click, before the server has answered.
    expect(openWindow).to.have.been.calledOnceWithExactly(undefined);
    expect(merchant.creates).to.have.length(0);
    const event = await redirect;
    expect(event.detail.flow).to.equal('popup');
    expect((merchant.creates[0]?.body as { flow: string }).flow).to.equal('popup');
    expect(bankWindow.loaded).to.deep.equal([event.detail.authorizationUrl]);
    expect(navigate).not.to.have.been.called;
    const waiting = await shown(element, '[part="status"]', 'Continue in the window of Alpha Bank');
    waiting.querySelector('button')?.click();
    expect(bankWindow.focused).to.equal(1);
    await expect(element).to.be.accessible();
  });

  it('finishes as soon as the return page in the window says the payer is back', async () => {
    const element = await mountReady({ flow: 'popup' });
    await payWith(element, 'alpha');
    await shown(element, '[part="status"]', 'Continue in the window');
    await flushIo(element);
    const before = merchant.requestsTo('/payments/pay_1').length;

    window.dispatchEvent(
      new MessageEvent('message', {
        origin: 'https://evil.example',
        data: { type: 'pay-by-bank:returned', paymentId: 'pay_1' },
      }),
    );
    await flushIo(element);
    expect(merchant.requestsTo('/payments/pay_1').length, 'a forged message is ignored').to.equal(
      before,
    );

    merchant.options.statuses = ['completed'];
    const success = oneEvent(element, 'pay-by-bank-success');
    window.postMessage({ type: 'pay-by-bank:returned', paymentId: 'pay_1' }, location.origin);
    await success;
    expect(merchant.requestsTo('/payments/pay_1').length).to.equal(before + 1);
  });

  it('auto falls back to redirect when the browser blocks the window', async () => {
    openWindow.returns(undefined);
    const element = await mountReady({ flow: 'auto' });
    const redirect = oneEvent(element, 'pay-by-bank-redirect');
    await payWith(element, 'alpha');
    expect((await redirect).detail.flow).to.equal('redirect');
    expect(navigate).to.have.been.calledOnce;
  });

  it('an explicit popup flow asks for one more click when blocked, and opens from it', async () => {
    openWindow.returns(undefined);
    const element = await mountReady({ flow: 'popup' });
    await payWith(element, 'alpha');
    const blocked = await shown(element, '[part="status"]', 'Your browser blocked the bank window');
    await expect(element).to.be.accessible();
    openWindow.returns(bankWindow);
    blocked.querySelector<HTMLButtonElement>('[part="button"]')?.click();
    expect(openWindow.lastCall.args[0]).to.match(/^https:\/\/bank\.example\/authorise/);
    await shown(element, '[part="status"]', 'Continue in the window');
    expect(navigate).not.to.have.been.called;
    expect(merchant.creates).to.have.length(1);
  });

  it('notices a window closed before authorising, and offers to reopen it or choose another bank', async () => {
    const element = await mountReady({ flow: 'popup' });
    await payWith(element, 'alpha');
    await shown(element, '[part="status"]', 'Continue in the window');
    bankWindow.closed = true;
    const closed = await shown(
      element,
      '[part="status"]',
      'was closed before the payment was approved',
    );
    await expect(element).to.be.accessible();
    const reopened = new FakeBankWindow();
    openWindow.returns(reopened);
    closed.querySelector<HTMLButtonElement>('[part="button"]')?.click();
    expect(reopened.closed).to.equal(false);
    expect(openWindow.lastCall.args[0]).to.match(/payment=pay_1$/);
    await shown(element, '[part="status"]', 'Continue in the window');

    reopened.closed = true;
    const again = await shown(element, '[part="status"]', 'was closed');
    again.querySelector<HTMLButtonElement>('.secondary')?.click();
    await shown(element, '[role="listbox"]');
  });

  it('on the return page inside the bank window, hands back to the shop and says so', async () => {
    const opener = { postMessage: sinon.spy() };
    sinon.stub(window, 'opener').value(opener);
    const close = sinon.stub(window, 'close');
    const name = window.name;
    const page = location.href;
    window.name = BANK_WINDOW_NAME;
    setReturnParameter('pay_9');
    try {
      const element = await mount({ flow: 'popup' });
      await shown(element, '[part="status"]', 'You can close this window');
      expect(opener.postMessage).to.have.been.calledOnceWith(
        { type: 'pay-by-bank:returned', paymentId: 'pay_9' },
        location.origin,
      );
      expect(close).to.have.been.calledOnce;
      expect(merchant.requests).to.have.length(0);
      await expect(element).to.be.accessible();
    } finally {
      window.name = name;
      history.replaceState(null, '', page);
    }
  });

  it('tracks on when the return page closed the window before the server knew the outcome', async () => {
    const element = await mountReady({ flow: 'popup' });
    await payWith(element, 'alpha');
    await shown(element, '[part="status"]', 'Continue in the window');
    await flushIo(element);
    // The return page reports back and closes the window; the server still says awaiting.
    window.postMessage({ type: 'pay-by-bank:returned', paymentId: 'pay_1' }, location.origin);
    await flushIo(element);
    bankWindow.closed = true;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(query(element, '[part="status"]').textContent).not.to.contain('was closed');
    merchant.options.statuses = ['completed'];
    await oneEvent(element, 'pay-by-bank-success');
  });

  it('tracks on when the return message lands only after the window was seen closed', async () => {
    const element = await mountReady({ flow: 'popup' });
    await payWith(element, 'alpha');
    await shown(element, '[part="status"]', 'Continue in the window');
    await flushIo(element);
    // The return page posted and closed, and this page saw the close first: the message lands
    // while the one status check after the close is out, and the server still says awaiting.
    merchant.options.answered = (paymentId) => {
      if (bankWindow.closed)
        window.postMessage({ type: 'pay-by-bank:returned', paymentId }, location.origin);
      return {};
    };
    bankWindow.closed = true;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(query(element, '[part="status"]').textContent).not.to.contain('was closed');
    merchant.options.statuses = ['completed'];
    await oneEvent(element, 'pay-by-bank-success');
  });

  it('keeps tracking when the window closes while the status cannot be read', async () => {
    const element = await mountReady({ flow: 'popup' });
    await payWith(element, 'alpha');
    await shown(element, '[part="status"]', 'Continue in the window');
    await flushIo(element);
    // The payer approved, then closed the window while this page was offline: the one check after
    // the window closed fails, and the payment is not known to be abandoned.
    merchant.options.statuses = ['completed'];
    merchant.failNext('network');
    bankWindow.closed = true;
    await shown(element, '[part="status"]', 'was closed');
    await oneEvent(element, 'pay-by-bank-success');
  });

  it('keeps tracking when the window closes after the payer approved', async () => {
    const element = await mountReady({ flow: 'popup' });
    await payWith(element, 'alpha');
    await shown(element, '[part="status"]', 'Continue in the window');
    merchant.options.statuses = ['completed'];
    bankWindow.closed = true;
    await oneEvent(element, 'pay-by-bank-success');
  });
});

describe('<pay-by-bank> QR hand-off', () => {
  let merchant: FakeMerchant;
  let navigate: sinon.SinonStub;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = new FakeMerchant({ statuses: ['awaiting_authorisation'] });
    navigate = sinon.stub(browserEffects, 'navigate');
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
  });

  it('shows a QR code of the link with its remaining time, and moves on when the phone finishes', async () => {
    merchant.options.expiresInMs = 60_000;
    const element = await mountReady({ flow: 'qr' });
    await payWith(element, 'alpha');
    const qr = await shown(element, '[part="qr"]');
    expect(qr.getAttribute('aria-label')).to.equal('QR code to pay with Alpha Bank on your phone');
    expect(qr.querySelector('path')?.getAttribute('d')).to.match(/^M\d+ \d+h1v1h-1z/);
    await shown(element, '[role="timer"]', 'Code valid for 1:0');
    await expect(element).to.be.accessible();
    merchant.options.statuses = ['completed'];
    await oneEvent(element, 'pay-by-bank-success');
    expect(navigate).not.to.have.been.called;
  });

  it('fetches a new link with a new Idempotency-Key when the shown one expires', async () => {
    merchant.options.expiresInMs = 300;
    const element = await mountReady({ flow: 'qr' });
    await payWith(element, 'alpha');
    await shown(element, '[part="qr"]');
    merchant.options.expiresInMs = 60_000;
    const status = oneEvent(element, 'pay-by-bank-status');
    const renewed = await status;
    expect(renewed.detail).to.include({ paymentId: 'pay_2', status: 'created' });
    const [first, second] = merchant.creates;
    expect(second?.headers.get('Idempotency-Key')).not.to.equal(
      first?.headers.get('Idempotency-Key'),
    );
    expect((second?.body as { flow: string }).flow).to.equal('qr');
    await shown(element, '[part="qr"]');
  });

  it('stops after a bounded number of links and reports the expiry', async () => {
    merchant.options.expiresInMs = 20;
    const element = await mountReady({ flow: 'qr' });
    const failure = oneEvent(element, 'pay-by-bank-failure');
    await payWith(element, 'alpha');
    const event = await failure;
    expect(event.detail.status).to.equal('expired');
    expect(merchant.creates).to.have.length(5);
    await shown(element, '[part="status"]', 'The link expired');
  });

  it('lets the payer pay on this device instead, with the same payment', async () => {
    const element = await mountReady({ flow: 'qr' });
    await payWith(element, 'alpha');
    await shown(element, '[part="qr"]');
    const redirect = oneEvent(element, 'pay-by-bank-redirect');
    query<HTMLButtonElement>(element, '.secondary').click();
    expect((await redirect).detail).to.include({ paymentId: 'pay_1', flow: 'redirect' });
    expect(navigate).to.have.been.calledOnce;
    expect(merchant.creates).to.have.length(1);
  });
});
