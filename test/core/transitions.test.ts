import { expect } from '@open-wc/testing';
import '../support/setup.js';
import { INITIAL_STATE } from '../../src/core/checkout-state.js';
import { paymentOf } from '../../src/core/state-payment.js';
import type { CheckoutState, PaymentSnapshot } from '../../src/core/checkout-state.js';
import {
  bankListReset,
  bankSelected,
  banksLoaded,
  banksRequested,
  backToBanks,
  countryChanged,
  failedRetryably,
  payerFieldChanged,
  payerFieldsRejected,
  paymentStarted,
  queryChanged,
} from '../../src/core/transitions/bank-choice.js';
import {
  bankWindowBlocked,
  bankWindowClosed,
  cancelled,
  connectionLost,
  creationRetried,
  failedForGood,
  finished,
  handedBack,
  leftForBank,
  paymentCreated,
  resuming,
  statusChanged,
  trackingGaveUp,
  trackingStarted,
} from '../../src/core/transitions/payment.js';
import type { CreatePaymentResponse } from '../../src/core/protocol.js';
import { BANKS, UPI_BANK } from '../support/fake-merchant.js';

/** The transitions are pure: a state and an event in, the next state out, the old one untouched. */

const PAYMENT_KEYS = ['payment', 'authorizationUrl', 'expiresAt', 'connectionTrouble', 'outcome'];

function choosing(): CheckoutState {
  return banksLoaded(INITIAL_STATE, {
    answer: { country: 'DE', countries: ['DE', 'AT'], banks: [...BANKS, UPI_BANK] },
    country: undefined,
    locale: 'en',
    preselectedBankId: undefined,
  });
}

const CREATED: CreatePaymentResponse = {
  paymentId: 'pay_1',
  status: 'created',
  amount: { value: '42.00', currency: 'EUR' },
  reference: 'order-123',
  authorizationUrl: 'https://bank.example/authorize',
  expiresAt: '2030-01-01T00:00:00Z',
  summary: [{ label: 'Invoice', value: 'INV-7' }],
};

function tracking(view: 'tracking' | 'popup' | 'qr' = 'tracking'): CheckoutState {
  const created = paymentCreated(paymentStarted(choosing()), {
    created: CREATED,
    flow: 'redirect',
  });
  return trackingStarted(created, { view, payment: paymentOf(created) as PaymentSnapshot });
}

function frozen<T>(value: T): T {
  return structuredClone(value);
}

describe('bank list transitions', () => {
  it('banksLoaded sorts popular first, keeps the country and preselects only a selectable bank', () => {
    const state = choosing();
    expect(state.view).to.equal('choose');
    expect(state.country).to.equal('DE');
    expect(state.countries).to.deep.equal(['DE', 'AT']);
    expect(state.banks[0]?.id).to.equal('alpha');
    const loaded = (preselectedBankId: string) =>
      banksLoaded(banksRequested(INITIAL_STATE), {
        answer: { country: '', countries: [], banks: BANKS },
        country: 'AT',
        locale: 'en',
        preselectedBankId,
      });
    expect(loaded('bravo').selectedBankId).to.equal('bravo');
    expect(loaded('closed').selectedBankId).to.equal(undefined);
    expect(loaded('closed').country, 'the country asked for').to.equal('AT');
  });

  it('banksLoaded keeps the payer’s earlier choice over the page’s preselection', () => {
    const state = banksLoaded(bankSelected(choosing(), 'sg'), {
      answer: { country: 'DE', countries: [], banks: BANKS },
      country: 'DE',
      locale: 'en',
      preselectedBankId: 'alpha',
    });
    expect(state.selectedBankId).to.equal('sg');
  });

  it('banksRequested, failedRetryably and the way back drop everything about a payment', () => {
    const withPayment = tracking();
    for (const next of [
      banksRequested(withPayment),
      failedRetryably(withPayment, {
        code: 'timeout',
        message: 'slow',
        retryable: true,
        operation: 'banks',
      }),
      backToBanks(withPayment),
      bankListReset(withPayment),
      handedBack(withPayment),
      resuming(withPayment),
      paymentStarted(withPayment),
      creationRetried(withPayment),
    ]) {
      for (const key of PAYMENT_KEYS)
        expect(next, `${next.view} has no ${key}`).not.to.have.key(key);
      expect(next.banks).to.equal(withPayment.banks);
    }
    expect(
      failedRetryably(withPayment, {
        code: 'x',
        message: '',
        retryable: true,
        operation: 'create',
      }),
    )
      .to.deep.include({ view: 'error' })
      .and.have.nested.property('error.operation', 'create');
  });

  it('backToBanks shows the list it has, or loads one; bankListReset forgets what was entered', () => {
    expect(backToBanks(tracking()).view).to.equal('choose');
    expect(backToBanks(INITIAL_STATE).view).to.equal('loading');
    const typed = payerFieldChanged(queryChanged(choosing(), 'alp'), { name: 'vpa', value: 'a@b' });
    const reset = bankListReset(typed);
    expect(reset).to.deep.include({ view: 'loading', query: '', payer: {}, payerProblems: {} });
  });

  it('countryChanged clears the search and the choice, and changes nothing for the same country', () => {
    const state = bankSelected(queryChanged(choosing(), 'alp'), 'alpha');
    expect(countryChanged(state, 'DE')).to.equal(state);
    expect(countryChanged(state, 'AT')).to.deep.include({
      country: 'AT',
      query: '',
      selectedBankId: undefined,
    });
  });

  it('bankSelected takes a selectable bank, empties its fields, and ignores the rest', () => {
    const state = payerFieldsRejected(choosing(), { vpa: 'required' });
    const selected = bankSelected(state, 'upi');
    expect(selected).to.deep.include({ selectedBankId: 'upi', payer: {}, payerProblems: {} });
    expect(bankSelected(selected, 'upi'), 'already selected').to.equal(selected);
    expect(bankSelected(selected, 'closed'), 'unavailable').to.equal(selected);
    expect(bankSelected(selected, 'nope'), 'unknown').to.equal(selected);
  });

  it('payerFieldChanged stores the value and clears only that field’s problem', () => {
    const state = payerFieldsRejected(bankSelected(choosing(), 'upi'), {
      vpa: 'invalid',
      other: 'required',
    });
    const before = frozen(state);
    const next = payerFieldChanged(state, { name: 'vpa', value: 'me@upi' });
    expect(next.payer).to.deep.equal({ vpa: 'me@upi' });
    expect(next.payerProblems).to.deep.equal({ other: 'required' });
    expect(state, 'the old state is untouched').to.deep.equal(before);
  });

  it('paymentStarted starts a new attempt’s QR links at 0; creationRetried keeps the count', () => {
    const counted = { ...choosing(), qrLinks: 3 };
    expect(paymentStarted(counted)).to.deep.include({ view: 'creating', qrLinks: 0 });
    expect(creationRetried(counted)).to.deep.include({ view: 'creating', qrLinks: 3 });
  });
});

describe('payment transitions', () => {
  it('paymentCreated holds the payment, its link and the server’s summary, and counts QR links', () => {
    const created = paymentCreated(paymentStarted(choosing()), { created: CREATED, flow: 'qr' });
    expect(created).to.deep.include({
      view: 'handing-off',
      payment: {
        paymentId: 'pay_1',
        status: 'created',
        amount: CREATED.amount,
        reference: 'order-123',
      },
      authorizationUrl: CREATED.authorizationUrl,
      expiresAt: CREATED.expiresAt,
      summary: CREATED.summary,
      qrLinks: 1,
    });
    expect(paymentCreated(created, { created: CREATED, flow: 'popup' }).qrLinks).to.equal(1);
    const noSummary = paymentCreated(created, {
      created: { ...CREATED, summary: undefined },
      flow: 'redirect',
    });
    expect(noSummary.summary, 'the bank list’s summary stays').to.equal(created.summary);
  });

  it('trackingStarted keeps the link, and the connection trouble only for the same payment', () => {
    const state = connectionLost(tracking());
    expect(state).to.deep.include({ view: 'tracking', connectionTrouble: true });
    const again = trackingStarted(state, {
      view: 'popup',
      payment: paymentOf(state) as PaymentSnapshot,
    });
    expect(again).to.deep.include({
      view: 'popup',
      connectionTrouble: true,
      authorizationUrl: CREATED.authorizationUrl,
    });
    const other = trackingStarted(state, {
      view: 'tracking',
      payment: { paymentId: 'pay_2', status: 'awaiting_authorisation' },
      authorizationUrl: undefined,
      expiresAt: undefined,
    });
    expect(other).to.deep.include({ connectionTrouble: false, authorizationUrl: undefined });
  });

  it('statusChanged moves forward only, and leaves a hand-off view once the payer is done', () => {
    const popup = tracking('popup');
    const waiting = statusChanged(popup, { paymentId: 'pay_1', status: 'awaiting_authorisation' });
    expect(waiting).to.deep.include({ view: 'popup' });
    expect(paymentOf(waiting)?.status).to.equal('awaiting_authorisation');
    const authorised = statusChanged(waiting, {
      paymentId: 'pay_1',
      status: 'authorised',
      reference: 'bank-ref',
    });
    expect(authorised.view).to.equal('tracking');
    expect(paymentOf(authorised)).to.include({ status: 'authorised', reference: 'bank-ref' });
    const late = statusChanged(authorised, { paymentId: 'pay_1', status: 'created' });
    expect(paymentOf(late)?.status, 'never back').to.equal('authorised');
    expect(statusChanged(authorised, { paymentId: 'other', status: 'completed' })).to.equal(
      authorised,
    );
    const list = choosing();
    expect(statusChanged(list, { paymentId: 'pay_1', status: 'completed' })).to.equal(list);
  });

  it('statusChanged clears the connection trouble; connectionLost leaves untracked views alone', () => {
    const trouble = connectionLost(tracking());
    const answered = statusChanged(trouble, { paymentId: 'pay_1', status: 'created' });
    expect(answered).to.deep.include({ connectionTrouble: false });
    const list = choosing();
    expect(connectionLost(list)).to.equal(list);
  });

  it('finished, failedForGood, trackingGaveUp and cancelled end in one outcome with the payment', () => {
    const state = tracking();
    const payment = paymentOf(state) as PaymentSnapshot;
    expect(finished(state, { ...payment, status: 'completed' })).to.deep.include({
      view: 'outcome',
      outcome: 'completed',
      payment: { ...payment, status: 'completed' },
    });
    const error = { code: 'unsafe_authorization_url', message: 'no', retryable: false };
    expect(failedForGood(state, error)).to.deep.include({
      view: 'outcome',
      outcome: 'failed',
      payment: { ...payment, error },
    });
    expect(failedForGood(choosing(), error)).to.deep.include({
      outcome: 'failed',
      payment: undefined,
    });
    expect(trackingGaveUp(state)).to.deep.include({ outcome: 'pending', payment });
    expect(cancelled(state)).to.deep.include({ outcome: 'cancelled', payment });
    for (const key of ['authorizationUrl', 'expiresAt', 'connectionTrouble']) {
      expect(cancelled(state)).not.to.have.key(key);
    }
  });

  it('leftForBank and the bank window’s events keep the payment and its link', () => {
    const state = tracking('popup');
    for (const [next, view] of [
      [leftForBank(state), 'redirecting'],
      [bankWindowBlocked(state), 'popup-blocked'],
      [bankWindowClosed(state), 'popup-closed'],
    ] as const) {
      expect(next).to.deep.include({
        view,
        payment: paymentOf(state),
        authorizationUrl: CREATED.authorizationUrl,
        expiresAt: CREATED.expiresAt,
      });
    }
    const list = choosing();
    expect(leftForBank(list), 'no payment: nothing to leave with').to.equal(list);
    expect(bankWindowBlocked(list)).to.equal(list);
  });
});

describe('bill payment transitions', () => {
  it('a bill payment keeps its biller from the create answer through status answers to pending', () => {
    const created = paymentCreated(paymentStarted(choosing()), {
      created: { ...CREATED, biller: 'Mumbai Electricity' },
      flow: 'redirect',
    });
    expect(paymentOf(created)?.biller).to.equal('Mumbai Electricity');
    const state = trackingStarted(created, {
      view: 'tracking',
      payment: paymentOf(created) as PaymentSnapshot,
    });
    const answered = statusChanged(state, {
      paymentId: CREATED.paymentId,
      status: 'processing',
    });
    expect(paymentOf(answered)?.biller).to.equal('Mumbai Electricity');
    expect(paymentOf(trackingGaveUp(answered))).to.deep.include({
      status: 'processing',
      biller: 'Mumbai Electricity',
    });
    expect(paymentOf(tracking())).not.to.have.property('biller');
  });
});
