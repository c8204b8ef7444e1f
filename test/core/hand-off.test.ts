import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../support/setup.js';
import { BANK_WINDOW_NAME, openBankWindow } from '../../src/core/bank-window.js';
import { onBankWindowReturn, returnToOpener } from '../../src/core/bank-window-return.js';
import { resolveFlow } from '../../src/core/flow.js';

describe('resolveFlow', () => {
  it('auto: popup on desktop pointers and in iframes, redirect on touch devices', () => {
    expect(resolveFlow('auto', { finePointer: true, framed: false })).to.equal('popup');
    expect(resolveFlow('auto', { finePointer: false, framed: true })).to.equal('popup');
    expect(resolveFlow('auto', { finePointer: false, framed: false })).to.equal('redirect');
  });
  it('an explicit flow is kept whatever the device', () => {
    expect(resolveFlow('redirect', { finePointer: true, framed: true })).to.equal('redirect');
    expect(resolveFlow('qr', { finePointer: false, framed: false })).to.equal('qr');
    expect(resolveFlow('popup', { finePointer: false, framed: false })).to.equal('popup');
  });
});

describe('bank window', () => {
  afterEach(() => sinon.restore());

  it('opens a named, sized popup, and reports a blocked one as undefined', () => {
    const fake = {
      closed: false,
      location: { replace: sinon.spy() },
      focus: sinon.spy(),
      close: sinon.spy(),
    };
    const open = sinon.stub(window, 'open').returns(fake as unknown as Window);
    const opened = openBankWindow();
    expect(open.firstCall.args[0]).to.equal('about:blank');
    expect(open.firstCall.args[1]).to.equal(BANK_WINDOW_NAME);
    expect(open.firstCall.args[2]).to.match(/^popup,width=\d+,height=\d+,left=-?\d+,top=-?\d+$/);
    opened?.load('https://bank.example/a');
    expect(fake.location.replace).to.have.been.calledWith('https://bank.example/a');
    expect(opened?.isClosed()).to.equal(false);
    opened?.focus();
    opened?.close();
    expect(fake.focus).to.have.been.calledOnce;
    expect(fake.close).to.have.been.calledOnce;

    open.returns(null);
    expect(openBankWindow()).to.equal(undefined);
    open.throws(new Error('blocked by sandbox'));
    expect(openBankWindow()).to.equal(undefined);
  });

  it('the return page tells only a same-origin opener, then closes; elsewhere it does nothing', () => {
    const opener = { postMessage: sinon.spy() };
    const close = sinon.stub(window, 'close');
    const name = window.name;
    try {
      sinon.stub(window, 'opener').value(opener);
      window.name = 'some-other-window';
      expect(returnToOpener('pay_1')).to.equal(false);
      window.name = BANK_WINDOW_NAME;
      expect(returnToOpener('pay_1')).to.equal(true);
      expect(opener.postMessage).to.have.been.calledOnceWith(
        { type: 'pay-by-bank:returned', paymentId: 'pay_1' },
        location.origin,
      );
      expect(close).to.have.been.calledOnce;
    } finally {
      window.name = name;
    }
  });

  it('listens only to messages from its own origin', () => {
    const heard: string[] = [];
    const stop = onBankWindowReturn((paymentId) => heard.push(paymentId));
    const send = (origin: string, data: unknown) =>
      window.dispatchEvent(new MessageEvent('message', { origin, data }));
    send('https://evil.example', { type: 'pay-by-bank:returned', paymentId: 'forged' });
    send(location.origin, { type: 'something-else', paymentId: 'other' });
    send(location.origin, null);
    send(location.origin, { type: 'pay-by-bank:returned', paymentId: 'pay_1' });
    stop();
    send(location.origin, { type: 'pay-by-bank:returned', paymentId: 'after-stop' });
    expect(heard).to.deep.equal(['pay_1']);
  });
});
