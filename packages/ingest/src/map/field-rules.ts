import { RowRejected } from '../model/source-record.js';

/** Raw fields of a row. */
export type Raw = Readonly<Record<string, string>>;

/** A validated time: its text as received and its instant. */
export interface ParsedTime {
  readonly text: string;
  readonly ms: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/;
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HOUR_MS = 3_600_000;

/**
 * Quotes a value for a message, cut to a readable length.
 * @param value - the value as received
 */
export function quote(value: string): string {
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
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
  const m = TIME.exec(value);
  const bad = (): RowRejected => new RowRejected(field, 'format', `${quote(value)} is not a time with its offset, e.g. 2026-03-01T08:15:00+08:00`);
  if (m === null) throw bad();
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) throw bad();
  let offsetMinutes = 0;
  if (m[7] !== 'Z') {
    const oh = Number(m[8]);
    const om = Number(m[9]);
    if (oh > 14 || om > 59) throw bad();
    offsetMinutes = (m[7]!.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
  return { text: value, ms };
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
  return new Date(time.ms + 8 * HOUR_MS).toISOString().slice(0, 10);
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
