import { RowRejected } from '../model/source-record.js';

/** Raw fields of a row. */
export type Raw = Readonly<Record<string, string>>;

/** A validated time: its text as received and its instant. */
export interface ParsedTime {
  readonly text: string;
  /** Milliseconds since 1970-01-01 UTC, whole seconds (a fraction of a second is left out). */
  readonly ms: number;
  /** Microseconds since 1970-01-01 UTC, the fraction rounded to the microsecond as PostgreSQL rounds it. */
  readonly micros: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):?(\d{2}))$/;
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Day number (days since 1970-01-01) → YYYY-MM-DD, for the few days a file's rows fall on. */
const DAY_TEXT = new Map<number, string>();

/**
 * Quotes a value for a message, cut to a readable length.
 * @param value - the value as received
 */
export function quote(value: string): string {
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether y-m-d is a day of the calendar (years before 100 are refused, as `Date.UTC` reads them as 19xx). */
function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!);
}

/**
 * The value of a field, trimmed; null when absent or empty.
 * @param raw - the row
 * @param field - field name
 */
export function optionalText(raw: Raw, field: string): string | null {
  const value = raw[field];
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The value of a required field.
 * @param raw - the row
 * @param field - field name
 * @throws RowRejected required
 */
export function requiredText(raw: Raw, field: string): string {
  const value = optionalText(raw, field);
  if (value === null) throw new RowRejected(field, 'required', 'this field is required but is empty');
  return value;
}

/**
 * Checks a date written YYYY-MM-DD.
 * @param field - field name, for the message
 * @param value - text
 * @throws RowRejected format
 */
export function checkDate(field: string, value: string): string {
  const m = DATE.exec(value);
  if (m === null) throw new RowRejected(field, 'format', `${quote(value)} is not a date written YYYY-MM-DD, e.g. 2026-03-01`);
  if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new RowRejected(field, 'format', `${quote(value)} is not a calendar date`);
  return value;
}

/**
 * An optional date field.
 * @param raw - the row
 * @param field - field name
 */
export function optionalDate(raw: Raw, field: string): string | null {
  const value = optionalText(raw, field);
  return value === null ? null : checkDate(field, value);
}

/**
 * A required date field.
 * @param raw - the row
 * @param field - field name
 */
export function requiredDate(raw: Raw, field: string): string {
  return checkDate(field, requiredText(raw, field));
}

/**
 * Checks an ISO 8601 time with an offset (or Z).
 * @param field - field name, for the message
 * @param value - text
 * @throws RowRejected format
 */
export function checkTime(field: string, value: string): ParsedTime {
  const ms = fastTimeMs(value);
  return ms === null ? checkTimeByPattern(field, value) : { text: value, ms, micros: ms * 1000 };
}

function badTime(field: string, value: string): RowRejected {
  return new RowRejected(field, 'format', `${quote(value)} is not a time with its offset, e.g. 2026-03-01T08:15:00+08:00`);
}

/** The full rule, with its reasons; {@link checkTime} takes it for anything but the common shape. */
function checkTimeByPattern(field: string, value: string): ParsedTime {
  const m = TIME.exec(value);
  if (m === null) throw badTime(field, value);
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) throw badTime(field, value);
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[9]);
    const om = Number(m[10]);
    if (oh > 14 || om > 59) throw badTime(field, value);
    offsetMinutes = (m[8]!.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
  const fraction = m[7];
  return { text: value, ms, micros: fraction === undefined ? ms * 1000 : ms * 1000 + roundHalfEven(Number(`0.${fraction}`) * 1_000_000) };
}

/**
 * The instant of a time {@link checkTime} accepted, in microseconds since 1970-01-01 UTC (see
 * {@link ParsedTime.micros}).
 * @param value - a time that passed checkTime
 */
export function timeMicros(value: string): number {
  return checkTime('time', value).micros;
}

/** C's rint in its default mode: to the nearest whole number, a half to the even one. */
function roundHalfEven(x: number): number {
  const up = Math.round(x);
  return up - x === 0.5 && up % 2 !== 0 ? up - 1 : up;
}

/** Two ASCII digits at `at` as a number, or -1. */
function twoDigits(value: string, at: number): number {
  const a = value.charCodeAt(at) - 48;
  const b = value.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The instant of the common shape `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `Z`), read without allocating;
 * null for anything else or anything invalid, which {@link checkTimeByPattern} then judges.
 */
function fastTimeMs(v: string): number | null {
  if (v.length !== 25 && v.length !== 20) return null;
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58) return null;
  const c1 = twoDigits(v, 0);
  const c2 = twoDigits(v, 2);
  const mo = twoDigits(v, 5);
  const d = twoDigits(v, 8);
  const h = twoDigits(v, 11);
  const mi = twoDigits(v, 14);
  const s = twoDigits(v, 17);
  if (c1 < 0 || c2 < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) return null;
  const y = c1 * 100 + c2;
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  let offsetMinutes = 0;
  if (v.length === 20) {
    if (v.charCodeAt(19) !== 90) return null; // Z
  } else {
    const sign = v.charCodeAt(19);
    const oh = twoDigits(v, 20);
    const om = twoDigits(v, 23);
    if ((sign !== 43 && sign !== 45) || v.charCodeAt(22) !== 58 || oh < 0 || om < 0 || oh > 14 || om > 59) return null;
    offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  }
  return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi - offsetMinutes) * 60_000 + s * 1000;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, by integer arithmetic (H. Hinnant's
 * days_from_civil): the same as `Date.UTC(y, m - 1, d) / 86400000` at a fraction of its cost.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/**
 * A required time field.
 * @param raw - the row
 * @param field - field name
 */
export function requiredTime(raw: Raw, field: string): ParsedTime {
  return checkTime(field, requiredText(raw, field));
}

/**
 * An optional time field.
 * @param raw - the row
 * @param field - field name
 */
export function optionalTime(raw: Raw, field: string): ParsedTime | null {
  const value = optionalText(raw, field);
  return value === null ? null : checkTime(field, value);
}

/**
 * Requires one time not to be later than another.
 * @param earlier - field and time that must come first
 * @param later - field and time that must not come before it
 * @throws RowRejected order (on the later field)
 */
export function checkOrder(earlier: { field: string; time: ParsedTime }, later: { field: string; time: ParsedTime }): void {
  if (later.time.ms < earlier.time.ms) {
    throw new RowRejected(later.field, 'order', `${later.time.text} is earlier than ${earlier.field} (${earlier.time.text})`);
  }
}

/**
 * The calendar day of an instant in China Standard Time (UTC+8), which decides the partition.
 * @param time - an instant
 */
export function chinaDay(time: ParsedTime): string {
  const dayNumber = Math.floor((time.ms + 8 * HOUR_MS) / DAY_MS);
  let day = DAY_TEXT.get(dayNumber);
  if (day === undefined) {
    day = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    if (DAY_TEXT.size > 10_000) DAY_TEXT.clear();
    DAY_TEXT.set(dayNumber, day);
  }
  return day;
}

/**
 * A field whose value must be one of a list.
 * @param raw - the row
 * @param field - field name
 * @param choices - allowed values (compared case-insensitively, returned as listed)
 * @param required - whether an empty value is refused
 */
export function choice<T extends string>(raw: Raw, field: string, choices: readonly T[], required: boolean): T | null {
  const value = required ? requiredText(raw, field) : optionalText(raw, field);
  if (value === null) return null;
  const found = choices.find((c) => c === value.toLowerCase());
  if (found === undefined) throw new RowRejected(field, 'choice', `${quote(value)} is not one of: ${choices.join(', ')}`);
  return found;
}

/**
 * A whole number field with a minimum.
 * @param raw - the row
 * @param field - field name
 * @param required - whether an empty value is refused
 * @param min - smallest allowed value
 */
export function integer(raw: Raw, field: string, required: boolean, min = Number.MIN_SAFE_INTEGER): number | null {
  const value = required ? requiredText(raw, field) : optionalText(raw, field);
  if (value === null) return null;
  if (!INTEGER.test(value) || !Number.isSafeInteger(Number(value))) throw new RowRejected(field, 'format', `${quote(value)} is not a whole number`);
  const n = Number(value);
  if (n < min) throw new RowRejected(field, 'range', `${quote(value)} is too small: the least allowed is ${min}`);
  return n;
}

/**
 * An optional decimal number field.
 * @param raw - the row
 * @param field - field name
 */
export function decimal(raw: Raw, field: string): number | null {
  const value = optionalText(raw, field);
  if (value === null) return null;
  if (!NUMBER.test(value) || !Number.isFinite(Number(value))) throw new RowRejected(field, 'format', `${quote(value)} is not a number`);
  return Number(value);
}

/**
 * An optional true/false field.
 * @param raw - the row
 * @param field - field name
 * @param fallback - value when empty
 */
export function flag(raw: Raw, field: string, fallback: boolean): boolean {
  const value = optionalText(raw, field);
  if (value === null) return fallback;
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new RowRejected(field, 'format', `${quote(value)} is not true or false`);
}
