import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { payeeOf, typedSummary } from '../../src/server/summary.js';
import { resolveTestCheckout, startKit, type RunningKit } from './support/kit-fixture.js';
import { providerFor } from './support/providers.js';
import { startSandbox, type RunningSandbox } from './support/sandbox-fixture.js';

describe('typedSummary', () => {
  it('types ISO dates and amounts for the element, and turns enum constants into words', () => {
    assert.deepEqual(
      typedSummary([
        { label: 'Due date', value: '2026-12-11' },
        { label: 'Amount due', value: '₹1200.00' },
        { label: 'Total', value: '42.00 EUR' },
        { label: 'Bill period', value: 'MONTHLY' },
        { label: 'Plan', value: 'HALF_YEARLY' },
        { label: 'Bank', value: 'ICICI' },
        { label: 'Network', value: 'BBPS' },
        { label: 'Order', value: 'ORDER-123' },
      ]),
      [
        { label: 'Due date', value: '2026-12-11', type: 'date' },
        { label: 'Amount due', value: '1200.00', type: 'money', currency: 'INR' },
        { label: 'Total', value: '42.00', type: 'money', currency: 'EUR' },
        { label: 'Bill period', value: 'Monthly' },
        { label: 'Plan', value: 'Half yearly' },
        { label: 'Bank', value: 'ICICI' },
        { label: 'Network', value: 'BBPS' },
        { label: 'Order', value: 'ORDER-123' },
      ],
    );
  });

  it('leaves a date that is no date as text', () => {
    assert.deepEqual(typedSummary([{ label: 'Due', value: '2026-13-45' }]), [
      { label: 'Due', value: '2026-13-45' },
    ]);
  });
});

describe('payeeOf', () => {
  it('keeps short text and drops anything else', () => {
    assert.equal(payeeOf('  Nordlicht Audio '), 'Nordlicht Audio');
    assert.equal(payeeOf(''), undefined);
    assert.equal(payeeOf(42), undefined);
    assert.equal(payeeOf('x'.repeat(200))?.length, 140);
  });
});

describe('GET banks?checkout= before the hand-off', () => {
  let sandbox: RunningSandbox;
  let kit: RunningKit;

  before(async () => {
    sandbox = await startSandbox();
    kit = await startKit(providerFor('aiia-pay', sandbox.url), {
      resolveCheckout: (checkout) => {
        const known = resolveTestCheckout(checkout);
        return known && { ...known, payee: ' Nordlicht Audio ' };
      },
    });
  });
  after(async () => {
    await kit.close();
    await sandbox.close();
  });

  it('carries the payee and the reference of resolveCheckout, which the payer sees before the bank', async () => {
    const response = await fetch(`${kit.endpoint}/banks?country=DE&checkout=order-7`);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.payee, 'Nordlicht Audio');
    assert.equal(body.reference, 'ORDER-7');
    assert.ok(Array.isArray(body.banks) && body.banks.length > 0);
  });

  it('carries neither for an unknown checkout, nor for the bank list alone', async () => {
    for (const query of ['country=DE&checkout=nonsense', 'country=DE']) {
      const body = (await (await fetch(`${kit.endpoint}/banks?${query}`)).json()) as Record<
        string,
        unknown
      >;
      assert.equal(body.payee, undefined, query);
      assert.equal(body.reference, undefined, query);
    }
  });
});
