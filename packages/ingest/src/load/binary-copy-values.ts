import { timeMicros, type ParsedTime } from '../map/field-rules.js';

/**
 * Values in the forms PostgreSQL's binary COPY takes them: dates as days and instants as
 * microseconds since 2000-01-01, decimals as base-10000 digit groups.
 * See https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */

/** Days from 1970-01-01 to 2000-01-01, PostgreSQL's date epoch. */
const PG_EPOCH_DAYS = 10_957;
const PG_EPOCH_MICROS = PG_EPOCH_DAYS * 86_400_000_000;
const DAY_MS = 86_400_000;
/** Dates met so far (an import's rows fall on a few days; birth dates repeat too). */
const DAYS = new Map<string, number>();
const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A date written YYYY-MM-DD as days since 2000-01-01.
 * @param value - a date the field rules accepted
 */
export function pgDate(value: string): number {
  let days = DAYS.get(value);
  if (days === undefined) {
    days = Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))) / DAY_MS - PG_EPOCH_DAYS;
    if (DAYS.size >= 50_000) DAYS.clear();
    DAYS.set(value, days);
  }
  return days;
}

/**
 * A time with its offset as microseconds since 2000-01-01 UTC.
 * @param value - a time the field rules accepted, as read or as its text
 */
export function pgTimestamp(value: ParsedTime | string): number {
  return (typeof value === 'string' ? timeMicros(value) : value.micros) - PG_EPOCH_MICROS;
}

/** A decimal as PostgreSQL's numeric stores it. */
export interface NumericParts {
  /** Base-10000 digit groups, most significant first, without trailing zero groups. */
  readonly digits: number[];
  /** Power of 10000 of the first group. */
  readonly weight: number;
  readonly negative: boolean;
  /** Digits shown after the decimal point. */
  readonly scale: number;
}

/**
 * A finite decimal (a number, or its text with an optional exponent) split as numeric's binary
 * form has it; the scale is the one PostgreSQL gives the same text (`1.50` keeps 2, `15e-1` has 1).
 * @param value - a finite number or decimal text
 * @throws RangeError for anything else
 */
export function numericParts(value: number | string): NumericParts {
  const text = typeof value === 'number' ? String(value) : value;
  const m = DECIMAL.exec(text);
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a finite decimal: ${text}`);
  const whole = m[2]!;
  const fraction = m[3] ?? '';
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  const scale = Math.max(0, fraction.length - exponent);
  let all = whole + fraction;
  // Digits before the decimal point once the exponent is applied (may be negative or beyond the digits).
  let point = whole.length + exponent;
  const lead = all.length - all.replace(/^0+/, '').length;
  all = all.slice(lead);
  point -= lead;
  all = all.replace(/0+$/, '');
  if (all === '') return { digits: [], weight: 0, negative: false, scale };
  const padLeft = (((4 - point) % 4) + 4) % 4;
  const padded = '0'.repeat(padLeft) + all + '0'.repeat((4 - ((padLeft + all.length) % 4)) % 4);
  const digits: number[] = [];
  for (let i = 0; i < padded.length; i += 4) digits.push(Number(padded.slice(i, i + 4)));
  while (digits.length > 0 && digits[digits.length - 1] === 0) digits.pop();
  return { digits, weight: (point + padLeft) / 4 - 1, negative: m[1] === '-', scale };
}
