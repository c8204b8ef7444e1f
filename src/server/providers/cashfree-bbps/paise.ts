/** BBPS speaks ISO 4217 numeric: 356 is the Indian rupee. */
export const BBPS_INR = '356';

const DECIMAL = /^(\d{1,15})(?:\.(\d{1,4}))?$/;

/**
 * "19.99" -> "1999", exactly: string and BigInt arithmetic, never a float (0.1 + 0.2 is not 0.3).
 * Throws for anything finer than a paisa or not a plain positive decimal.
 */
export function toPaise(value: string): string {
  const match = DECIMAL.exec(value);
  if (!match) throw new RangeError('amount must be a decimal string such as "19.99"');
  const fraction = (match[2] ?? '').padEnd(4, '0');
  if (fraction.slice(2) !== '00') throw new RangeError('amount is finer than one paisa');
  return (BigInt(match[1] ?? '0') * 100n + BigInt(fraction.slice(0, 2))).toString();
}

/** "1999" -> "19.99", "1" -> "0.01": the protocol's decimal string in rupees. */
export function fromPaise(paise: string): string {
  if (!/^\d{1,17}$/.test(paise)) throw new RangeError('paise must be a string of digits');
  const value = BigInt(paise);
  return `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

export function currencyFromBbps(code: string): string {
  if (code !== BBPS_INR && code !== 'INR') throw new RangeError(`unknown BBPS currency ${code}`);
  return 'INR';
}
