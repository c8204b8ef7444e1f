import { expect } from '@open-wc/testing';
import '../support/setup.js';
import { isSafeAuthorizationUrl, isUpiIntentLink } from '../../src/core/authorization-url.js';

const LINK = 'upi://pay?pa=bbps.collect%40cashfree&pn=Biller&am=1234.50&cu=INR&tr=OU01ABC&tn=Bill';

describe('url safety: the one UPI intent exception', () => {
  it('allows a upi://pay link only when the create answer says upi_intent', () => {
    expect(isSafeAuthorizationUrl(LINK, [], 'upi_intent')).to.equal(true);
    expect(isSafeAuthorizationUrl(LINK)).to.equal(false);
    expect(isSafeAuthorizationUrl(LINK, [], undefined)).to.equal(false);
  });
  it('still refuses every other non-https scheme under upi_intent', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<p>x</p>',
      'intent://pay#Intent;scheme=upi;end',
      'upi:pay?pa=x@y',
      'upi://mandate?pa=x@y',
      'UPI//pay?pa=x@y',
      'tez://upi/pay?pa=x@y',
      'http://bank.example/a',
    ]) {
      expect(isSafeAuthorizationUrl(url, [], 'upi_intent'), url).to.equal(false);
      expect(isUpiIntentLink(url, 'upi_intent'), url).to.equal(false);
    }
  });
  it('keeps https links under upi_intent (the sandbox UPI app), within the allowlist', () => {
    const page = 'https://sandbox.example/cashfree/upi/pay?pa=x%40y';
    expect(isSafeAuthorizationUrl(page, [], 'upi_intent')).to.equal(true);
    expect(isSafeAuthorizationUrl(page, ['https://bank.example'], 'upi_intent')).to.equal(false);
  });
});
