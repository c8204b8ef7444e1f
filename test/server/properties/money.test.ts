import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatMoney } from '../../../src/core/money.js';
import { fromPaise, toPaise } from '../../../src/server/index.js';

/** Paise as the protocol's providers send them: digits, no leading zero, up to 17 of them. */
const paise = fc.bigInt({ min: 0n, max: 10n ** 17n - 1n }).map(String);

/** A rupee amount as the protocol writes it: up to 15 integer digits, up to 4 decimals. */
const rupees = fc
  .tuple(
    fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }),
    fc.integer({ min: 0, max: 4 }),
    fc.integer({ min: 0, max: 9999 }),
  )
  .map(([whole, places, fraction]) =>
    places === 0
      ? String(whole)
      : `${whole}.${String(fraction % 10 ** places).padStart(places, '0')}`,
  );

/** One currency per ISO 4217 exponent the kit takes (amounts with at most four decimals). */
const EXPONENTS = [
  ['JPY', 0],
  ['EUR', 2],
  ['INR', 2],
  ['KWD', 3],
  ['CLF', 4],
] as const;

describe('money conversion (property)', () => {
  it('paise -> rupees -> paise is exact', () => {
    fc.assert(fc.property(paise, (value) => assert.equal(toPaise(fromPaise(value)), value)));
  });

  it('rupees -> paise is exact, and refuses (never rounds) what is finer than a paisa', () => {
    fc.assert(
      fc.property(rupees, (value) => {
        const [whole = '0', fraction = ''] = value.split('.');
        const padded = fraction.padEnd(4, '0');
        if (padded.slice(2) !== '00') {
          assert.throws(() => toPaise(value), RangeError);
          return;
        }
        const expected = BigInt(whole) * 100n + BigInt(padded.slice(0, 2));
        assert.equal(toPaise(value), expected.toString());
        assert.equal(fromPaise(toPaise(value)), `${BigInt(whole)}.${padded.slice(0, 2)}`);
      }),
    );
  });

  it('formats every amount in minor units exactly, for every exponent: no binary float between', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXPONENTS),
        fc.bigInt({ min: 1n, max: 10n ** 16n - 1n }),
        ([currency, exponent], minor) => {
          const digits = minor.toString().padStart(exponent + 1, '0');
          const value =
            exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
          const shown = formatMoney(value, currency, 'en-US');
          // The digits shown are the minor units, none lost or rounded away.
          assert.equal(BigInt(shown.replace(/\D/g, '')), minor, `${value} ${currency}: ${shown}`);
        },
      ),
    );
  });
});
