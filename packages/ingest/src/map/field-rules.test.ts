import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RowRejected } from '../model/source-record.js';
import { checkDate, checkTime, chinaDay, quote } from './field-rules.js';

// The rules as first written (regular expression, calendar by Date): the fast readers must agree.
const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/;
function calendar(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
function referenceTime(value: string): number | null {
  const m = TIME.exec(value);
  if (m === null) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  if (!calendar(y!, mo!, d!) || h! > 23 || mi! > 59 || s! > 59) return null;
  let offset = 0;
  if (m[7] !== 'Z') {
    if (Number(m[8]) > 14 || Number(m[9]) > 59) return null;
    offset = (m[7]!.startsWith('-') ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  }
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - offset * 60_000;
}
const outcome = (read: () => unknown): unknown => {
  try {
    return read();
  } catch (error) {
    assert.ok(error instanceof RowRejected);
    return error.rejection;
  }
};

const digits = (n: number): fc.Arbitrary<string> => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
const timeText = fc
  .tuple(
    fc.oneof(digits(4), fc.constantFrom('0099', '0100', '2000', '1900', '2024', '2100')),
    digits(2),
    digits(2),
    fc.constantFrom('T', 't', ' '),
    digits(2),
    digits(2),
    fc.constantFrom(':00', ':59', ':60', '', ':07.123', ':5'),
    fc.constantFrom('Z', '+08:00', '-05:30', '+14:00', '+15:00', '+0800', '+08:60', 'z', ''),
  )
  .map((parts) => `${parts[0]}-${parts[1]}-${parts[2]}${parts[3]}${parts[4]}:${parts[5]}${parts[6]}${parts[7]}`);

describe('field rules', () => {
  it('property: a time is accepted, with the same instant, exactly when the pattern rule accepts it', () => {
    fc.assert(
      fc.property(fc.oneof(timeText, fc.string({ maxLength: 30 })), (text) => {
        const expected = referenceTime(text);
        const got = outcome(() => checkTime('t', text));
        if (expected === null) assert.deepEqual(got, { field: 't', rule: 'format', reason: `${quote(text)} is not a time with its offset, e.g. 2026-03-01T08:15:00+08:00` });
        else {
          const fraction = /\.(\d{1,6})(?=[zZ+-])/.exec(text)?.[1] ?? '';
          assert.deepEqual(got, { text, ms: expected, micros: expected * 1000 + Number(fraction.padEnd(6, '0')) });
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('property: a date is a calendar date exactly as Date reads it', () => {
    fc.assert(
      fc.property(digits(4), digits(2), digits(2), (y, m, d) => {
        const ok = calendar(Number(y), Number(m), Number(d));
        const got = outcome(() => checkDate('d', `${y}-${m}-${d}`));
        assert.equal(got === `${y}-${m}-${d}`, ok);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the China day of an instant is its UTC+8 calendar day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        assert.equal(chinaDay({ text: '', ms, micros: ms * 1000 }), new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });
});
