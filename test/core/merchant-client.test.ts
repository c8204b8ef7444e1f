import { expect } from '@open-wc/testing';
import '../support/setup.js';
import { createMerchantClient } from '../../src/core/merchant-client.js';
import { createAttemptStorage } from '../../src/core/attempt-storage.js';
import { FakeMerchant } from '../support/fake-merchant.js';

describe('merchant client', () => {
  let merchant: FakeMerchant;
  const client = () => createMerchantClient({ endpoint: new URL('/shop/api/', location.href) });
  beforeEach(() => (merchant = new FakeMerchant()));
  afterEach(() => merchant.restore());

  it('long-polls with wait and since, capped at 25 seconds', async () => {
    await client().getPayment('pay 1', { waitSeconds: 60, since: 'processing' });
    const [request] = merchant.requests;
    expect(request?.url.pathname).to.equal('/shop/api/payments/pay%201');
    expect(request?.url.searchParams.get('wait')).to.equal('25');
    expect(request?.url.searchParams.get('since')).to.equal('processing');
  });

  it('reads a problem+json code and keeps the HTTP status', async () => {
    merchant.failNext({ status: 409, body: { code: 'idempotency_key_reused', title: 'Reused' } });
    const error = await client()
      .getBanks()
      .catch((caught: unknown) => caught);
    expect(error).to.include({ code: 'idempotency_key_reused', httpStatus: 409, retryable: true });
  });

  it('names a 4xx without a problem body by its status', async () => {
    merchant.failNext({ status: 403, body: 'nope' });
    const error = await client()
      .getBanks()
      .catch((caught: unknown) => caught);
    expect(error).to.include({ code: 'http_403' });
  });

  it('treats a bank list without banks as malformed', async () => {
    merchant.failNext({ status: 200, body: { banks: 'none' } });
    const error = await client()
      .getBanks()
      .catch((caught: unknown) => caught);
    expect(error).to.include({ code: 'malformed_response' });
  });

  it('drops banks without an id or name and keeps the rest', async () => {
    merchant.failNext({
      status: 200,
      body: {
        country: 'DE',
        countries: ['DE', 7],
        banks: [{ id: 'a', name: 'A', status: 'odd' }, { name: 'no id' }],
      },
    });
    const answer = await client().getBanks();
    expect(answer.countries).to.deep.equal(['DE']);
    expect(answer.banks).to.have.length(1);
    expect(answer.banks[0]?.status).to.equal('available');
  });

  it('rejects a create answer whose authorizationUrl is not a string', async () => {
    merchant.failNext({
      status: 201,
      body: { paymentId: 'p', status: 'created', authorizationUrl: 42 },
    });
    const error = await client()
      .createPayment({ bankId: 'a', returnUrl: location.href, flow: 'redirect' }, 'key')
      .catch((caught: unknown) => caught);
    expect(error).to.include({ code: 'malformed_response' });
  });
});

describe('attempt storage', () => {
  it('keeps one attempt per scope and claims each outcome once', () => {
    sessionStorage.clear();
    const first = createAttemptStorage('a', () => sessionStorage);
    const second = createAttemptStorage('b', () => sessionStorage);
    first.save({
      paymentId: 'p1',
      idempotencyKey: 'k',
      bankId: 'x',
      flow: 'redirect',
      status: 'created',
    });
    expect(first.load()?.paymentId).to.equal('p1');
    expect(second.load()).to.equal(undefined);
    expect(first.claimOutcome('p1', 'success')).to.equal(true);
    expect(second.claimOutcome('p1', 'failure')).to.equal(false);
    first.clear();
    expect(first.load()).to.equal(undefined);
  });

  it('works without storage, and ignores what it cannot read', () => {
    const none = createAttemptStorage('a', () => undefined);
    none.save({
      paymentId: 'p',
      idempotencyKey: 'k',
      bankId: 'x',
      flow: 'redirect',
      status: 'created',
    });
    expect(none.load()).to.equal(undefined);
    expect(none.claimOutcome('p', 'success')).to.equal(true);
    sessionStorage.setItem('pay-by-bank:attempt:c', '{not json');
    expect(createAttemptStorage('c', () => sessionStorage).load()).to.equal(undefined);
    const throwing = createAttemptStorage('d', () => {
      throw new Error('SecurityError');
    });
    expect(throwing.load()).to.equal(undefined);
    expect(throwing.claimOutcome('p', 'success')).to.equal(true);
  });
});
