import { expect, fixture, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import sinon from 'sinon';
import '../support/setup.js';
import { FakeMerchant } from '../support/fake-merchant.js';
import { mountReady, query, shadow, shown } from '../support/element.js';
import { browserEffects } from '../../src/element/browser-effects.js';
import type { BankWindow } from '../../src/core/bank-window.js';
import type { Bank, PaymentReceipt } from '../../src/core/protocol.js';
import { createTranslator } from '../../src/core/i18n.js';
import { en } from '../../src/locales/en.js';
import { hi } from '../../src/locales/hi.js';
import { outcomeView } from '../../src/element/views/outcome-view.js';
import type { PayByBank } from '../../src/element/pay-by-bank.js';

/**
 * A BBPS bill paid by UPI (docs/protocol.md, "Cashfree BBPS"): the create answer says
 * `handOff: "upi_intent"`; a phone opens the `upi://pay` link, a desktop shows it as a QR code.
 */

const UPI: Bank = { id: 'upi-intent', name: 'UPI', country: 'IN', status: 'available' };
const NETBANKING: Bank = {
  id: 'netbanking',
  name: 'Internet Banking',
  country: 'IN',
  status: 'available',
};
const BILLER = 'Mumbai Electricity';
const link = (paymentId: string) =>
  `upi://pay?pa=bbps.demo@cashfree&pn=Demo%20BBPS&am=1200.00&cu=INR&tr=OU01${paymentId.toUpperCase()}&tn=Bill%20BN-7`;
const RECEIPT: PaymentReceipt = {
  biller: BILLER,
  billNumber: 'BN-7',
  amount: { value: '1200.00', currency: 'INR' },
  approvalReference: 'AB12CD34EF',
  paidAt: '2026-12-01T09:30:00.000Z',
};

class FakeBankWindow implements BankWindow {
  loaded: string[] = [];
  closed = false;
  load(url: string) {
    this.loaded.push(url);
  }
  isClosed() {
    return this.closed;
  }
  focus() {}
  close() {
    this.closed = true;
  }
}

function upiMerchant(answer: (paymentId: string) => Record<string, unknown> = () => ({})) {
  return new FakeMerchant({
    banks: [UPI, NETBANKING],
    countries: ['IN'],
    statuses: ['awaiting_authorisation'],
    created: (paymentId) => ({
      status: 'awaiting_authorisation',
      amount: { value: '1200.00', currency: 'INR' },
      handOff: 'upi_intent',
      authorizationUrl: link(paymentId),
      qrPayload: link(paymentId),
      biller: BILLER,
      ...answer(paymentId),
    }),
    answered: (_paymentId, status) => ({
      amount: { value: '1200.00', currency: 'INR' },
      biller: BILLER,
      ...(status === 'completed' ? { receipt: RECEIPT } : {}),
    }),
  });
}

/** Chooses UPI (last of the list, after Internet Banking) and pays, with the keyboard only. */
async function payWithKeyboard(element: PayByBank) {
  const list = query(element, '[role="listbox"]');
  list.focus();
  list.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
  await element.updateComplete;
  list.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
}

describe('<pay-by-bank> UPI on a desktop: a QR code of the upi://pay link', () => {
  let merchant: FakeMerchant;
  let navigate: sinon.SinonStub;
  let bankWindow: FakeBankWindow;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = upiMerchant();
    navigate = sinon.stub(browserEffects, 'navigate');
    sinon.stub(browserEffects, 'device').returns({ finePointer: true, framed: false });
    bankWindow = new FakeBankWindow();
    sinon.stub(browserEffects, 'openBankWindow').returns(bankWindow);
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
  });

  it('says "Scan with any UPI app" with the countdown, opens nothing, and is axe-clean', async () => {
    merchant.options.expiresInMs = 300_000;
    const element = await mountReady({ flow: 'auto', currency: 'INR', amount: '1200.00' });
    await payWithKeyboard(element);
    const qr = await shown(element, '[part="qr"]');
    expect(qr.getAttribute('aria-label')).to.equal('Scan with any UPI app');
    expect(query(element, '[part="status"] h2').textContent).to.equal('Scan with any UPI app');
    await shown(element, '[role="timer"]', 'Code valid for 4:');
    // A computer has no UPI app: nothing to open here, only the code to scan.
    expect(shadow(element).querySelector('[part="status"] button')).to.equal(null);
    expect(bankWindow.loaded).to.deep.equal([]);
    expect(bankWindow.closed).to.equal(true);
    expect(navigate).not.to.have.been.called;
    expect(shadow(element).activeElement?.textContent).to.equal('Scan with any UPI app');
    await expect(element).to.be.accessible();

    merchant.options.statuses = ['completed'];
    const success = await oneEvent(element, 'pay-by-bank-success');
    expect(success.detail.receipt).to.deep.equal(RECEIPT);
  });

  it('shows a fresh QR code, of a new payment, when the shown one expires', async () => {
    merchant.options.expiresInMs = 300;
    const element = await mountReady({ flow: 'popup' });
    await payWithKeyboard(element);
    const first = (await shown(element, '[part="qr"]')).querySelector('path')?.getAttribute('d');
    merchant.options.expiresInMs = 300_000;
    await shown(element, '[role="timer"]', 'Code valid for 4:');
    const [, second] = merchant.creates;
    expect(second?.headers.get('Idempotency-Key')).not.to.equal(
      merchant.creates[0]?.headers.get('Idempotency-Key'),
    );
    expect((second?.body as { flow: string }).flow).to.equal('qr');
    const renewed = query(element, '[part="qr"] path').getAttribute('d');
    expect(renewed).not.to.equal(first);
    expect(query(element, '[part="qr"]').getAttribute('aria-label')).to.equal(
      'Scan with any UPI app',
    );
    expect(navigate).not.to.have.been.called;
  });

  it('refuses a QR payload that is not a upi://pay link', async () => {
    merchant.options.created = (paymentId) => ({
      handOff: 'upi_intent',
      authorizationUrl: link(paymentId),
      qrPayload: 'javascript:alert(1)',
    });
    const element = await mountReady({ flow: 'popup' });
    sinon.stub(console, 'error');
    const failure = oneEvent(element, 'pay-by-bank-failure');
    await payWithKeyboard(element);
    expect((await failure).detail.error.code).to.equal('unsafe_authorization_url');
    await shown(element, '[part~="error"]', 'Payment failed');
    expect(shadow(element).querySelector('[part="qr"]')).to.equal(null);
  });
});

describe('<pay-by-bank> UPI on a phone: the intent link opens the UPI app', () => {
  let merchant: FakeMerchant;
  let navigate: sinon.SinonStub;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = upiMerchant();
    navigate = sinon.stub(browserEffects, 'navigate');
    sinon.stub(browserEffects, 'device').returns({ finePointer: false, framed: false });
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
  });

  it('follows the upi://pay link, tracks, and shows the BBPS receipt', async () => {
    const element = await mountReady({ flow: 'auto', currency: 'INR', amount: '1200.00' });
    const redirect = oneEvent(element, 'pay-by-bank-redirect');
    await payWithKeyboard(element);
    expect((await redirect).detail.authorizationUrl).to.equal(link('pay_1'));
    await shown(element, '[part="status"]');
    expect(navigate).to.have.been.calledOnceWith(link('pay_1'));
    expect((merchant.creates[0]?.body as { bankId: string }).bankId).to.equal('upi-intent');

    merchant.options.statuses = ['completed'];
    const success = await oneEvent(element, 'pay-by-bank-success');
    expect(success.detail).to.deep.include({ paymentId: 'pay_1', receipt: RECEIPT });
    const receipt = await shown(element, '[part="receipt"]', 'BBPS receipt');
    const shownDate = new Date(RECEIPT.paidAt).toLocaleString('en', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const rows = [...receipt.querySelectorAll('dt')].map(
      (term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`,
    );
    expect(rows).to.deep.equal([
      `Biller: ${BILLER}`,
      'Bill number: BN-7',
      'BBPS transaction reference: AB12CD34EF',
      `Date: ${shownDate}`,
    ]);
    expect(receipt.textContent).to.contain('₹1,200.00 paid');
    // Paid: nothing offers to pay the bill again.
    expect(shadow(element).querySelector('[part="status"] button')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('refuses every other scheme under upi_intent, and a upi: link without it', async () => {
    sinon.stub(console, 'error');
    for (const answer of [
      { authorizationUrl: 'intent://pay#Intent;scheme=upi;end' },
      { authorizationUrl: 'javascript:alert(1)' },
      { authorizationUrl: 'tez://upi/pay?pa=x@y' },
      { authorizationUrl: 'upi://mandate?pa=x@y' },
      { authorizationUrl: link('pay_1'), handOff: undefined },
      { authorizationUrl: link('pay_1'), handOff: 'redirect' },
    ]) {
      sessionStorage.clear();
      merchant.options.created = (paymentId) => ({
        handOff: 'upi_intent',
        qrPayload: link(paymentId),
        ...answer,
      });
      const element = await mountReady({ flow: 'redirect' });
      const failure = oneEvent(element, 'pay-by-bank-failure');
      await payWithKeyboard(element);
      expect((await failure).detail.error.code, JSON.stringify(answer)).to.equal(
        'unsafe_authorization_url',
      );
      element.remove();
    }
    expect(navigate).not.to.have.been.called;
  });
});

describe('outcome view of a bill payment', () => {
  const translate = createTranslator(en);
  const pending = (biller?: string) =>
    outcomeView({
      outcome: 'pending',
      payment: {
        paymentId: 'pay_1',
        status: 'processing',
        ...(biller ? { biller } : {}),
      },
      displayAmount: '₹1,200.00',
      bankName: undefined,
      translate,
      locale: 'en',
      onStartAgain: () => expect.fail('a pending bill offers nothing to do'),
    });

  it('still processing: says the biller will confirm, and offers no second payment', async () => {
    const view = await fixture<HTMLElement>(html`<div>${pending(BILLER)}</div>`);
    expect(view.textContent).to.contain(`${BILLER} has not confirmed your bill payment yet`);
    expect(view.textContent).to.contain('The biller will confirm it; do not pay this bill again.');
    expect(view.querySelector('button')).to.equal(null);
    await expect(view).to.be.accessible();
  });

  it('other payments keep the bank wording', async () => {
    const view = await fixture<HTMLElement>(html`<div>${pending()}</div>`);
    expect(view.textContent).to.contain('Your bank has not confirmed the payment yet.');
    expect(view.textContent).not.to.contain('biller');
  });
});

describe('<pay-by-bank> UPI in Hindi', () => {
  let merchant: FakeMerchant;

  beforeEach(() => {
    sessionStorage.clear();
    merchant = upiMerchant();
    sinon.stub(browserEffects, 'navigate');
    sinon.stub(browserEffects, 'device').returns({ finePointer: true, framed: false });
    sinon.stub(browserEffects, 'openBankWindow').returns(new FakeBankWindow());
  });
  afterEach(() => {
    merchant.restore();
    sinon.restore();
  });

  it('a QR code to scan with any UPI app, then the BBPS receipt, keyboard only and axe-clean', async () => {
    merchant.options.expiresInMs = 300_000;
    const element = await mountReady({ flow: 'popup', locale: 'hi' });
    await payWithKeyboard(element);
    const qr = await shown(element, '[part="qr"]');
    expect(qr.getAttribute('aria-label')).to.equal('किसी भी UPI ऐप से स्कैन करें');
    expect(query(element, '[part="status"] h2').textContent).to.equal('किसी भी UPI ऐप से स्कैन करें');
    await shown(element, '[role="timer"]', 'कोड 4:');
    await expect(element).to.be.accessible();

    merchant.options.statuses = ['completed'];
    await oneEvent(element, 'pay-by-bank-success');
    const receipt = await shown(element, '[part="receipt"]', 'BBPS रसीद');
    const rows = [...receipt.querySelectorAll('dt')].map(
      (term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`,
    );
    expect(rows.slice(0, 3)).to.deep.equal([
      `बिलर: ${BILLER}`,
      'बिल नंबर: BN-7',
      'BBPS ट्रांज़ैक्शन रेफ़रेंस: AB12CD34EF',
    ]);
    expect(rows[3]).to.match(/^तारीख: .*2026/);
    expect(receipt.textContent).to.contain('का भुगतान हो गया');
    await expect(element).to.be.accessible();
  });

  it('a pending bill says, in Hindi, that the biller will confirm it', async () => {
    const view = await fixture<HTMLElement>(
      html`<div lang="hi">
        ${outcomeView({
          outcome: 'pending',
          payment: { paymentId: 'pay_1', status: 'processing', biller: BILLER },
          displayAmount: '₹1,200.00',
          bankName: undefined,
          translate: createTranslator(hi),
          locale: 'hi',
          onStartAgain: () => expect.fail('a pending bill offers nothing to do'),
        })}
      </div>`,
    );
    expect(view.textContent).to.contain(`${BILLER} ने अभी तक आपके बिल भुगतान की पुष्टि नहीं की है।`);
    expect(view.textContent).to.contain('यह बिल दोबारा न चुकाएँ।');
    expect(view.querySelector('button')).to.equal(null);
    await expect(view).to.be.accessible();
  });
});
