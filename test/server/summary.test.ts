import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { payeeOf, typedSummary } from '../../src/server/summary.js';

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
