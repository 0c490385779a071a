import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { numericParts, pgDate, pgTimestamp } from './binary-copy-values.js';

/** The decimal a numeric's parts stand for, as exact text (for comparing with the input). */
function decimalOf(parts: ReturnType<typeof numericParts>): string {
  if (parts.digits.length === 0) return '0';
  let text = parts.digits.map((d) => String(d).padStart(4, '0')).join('');
  // The first group holds 10000^weight: shift the point so it falls after that group's digits.
  const point = 4 * (parts.weight + 1);
  if (point <= 0) text = `0.${'0'.repeat(-point)}${text}`;
  else if (point >= text.length) text = text + '0'.repeat(point - text.length);
  else text = `${text.slice(0, point)}.${text.slice(point)}`;
  text = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return (parts.negative ? '-' : '') + text.replace(/^0+(?=\d)/, '');
}

describe('binary COPY values', () => {
  it('counts days from 2000-01-01', () => {
    assert.equal(pgDate('2000-01-01'), 0);
    assert.equal(pgDate('1999-12-31'), -1);
    assert.equal(pgDate('2026-03-01'), 9556);
  });

  it('counts microseconds from 2000-01-01 UTC, offsets and fractions included', () => {
    assert.equal(pgTimestamp('2000-01-01T08:00:00+08:00'), 0);
    assert.equal(pgTimestamp('2000-01-01T00:00:01.5Z'), 1_500_000);
    assert.equal(pgTimestamp('2000-01-01T00:00:00.0000005Z'), 0, 'a half rounds to even, as PostgreSQL rounds');
    assert.equal(pgTimestamp('2000-01-01T00:00:00.0000015Z'), 2);
    assert.equal(pgTimestamp('2000-01-01T00:00-0130'), 5_400_000_000);
  });

  it('splits decimals into base-10000 groups with PostgreSQL scale', () => {
    assert.deepEqual(numericParts('123.45'), { digits: [123, 4500], weight: 0, negative: false, scale: 2 });
    assert.deepEqual(numericParts('1.50'), { digits: [1, 5000], weight: 0, negative: false, scale: 2 });
    assert.deepEqual(numericParts('15e-1'), { digits: [1, 5000], weight: 0, negative: false, scale: 1 });
    assert.deepEqual(numericParts(1e-7), { digits: [10], weight: -2, negative: false, scale: 7 });
    assert.deepEqual(numericParts('-0.000'), { digits: [], weight: 0, negative: false, scale: 3 });
    assert.deepEqual(numericParts(12_345_678), { digits: [1234, 5678], weight: 1, negative: false, scale: 0 });
    assert.throws(() => numericParts('1e'), /not a finite decimal/);
    assert.throws(() => numericParts(Number.NaN), /not a finite decimal/);
  });

  it('keeps the value of any finite number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        assert.equal(Number(decimalOf(numericParts(n))), n === 0 ? 0 : n);
      }),
    );
  });
});
