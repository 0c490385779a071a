import { RecordBatch, recordsOfBatches, type RowBatch } from '../model/row-batch.js';
import type { SourceRecord } from '../model/source-record.js';
import { decodeText } from './decode-text.js';
import { unreadable } from './unreadable.js';

const MAX_LINE = 1_000_000;
/** Rows per batch: a large piece of text (a whole HTTP body) is handed over a few hundred rows at a time. */
const BATCH_ROWS = 512;

/**
 * Turns one JSON value into the text fields of a row (numbers and booleans as written; null as empty).
 * @param value - a parsed JSON value
 * @returns the row's fields, or null when the value is not an object
 */
export function jsonToRaw(value: unknown): Record<string, string> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const object = value as Record<string, unknown>;
  // The common case — every value already text — needs no copy.
  let allText = true;
  for (const key in object) {
    if (typeof object[key] !== 'string') {
      allText = false;
      break;
    }
  }
  if (allText) return object as Record<string, string>;
  const raw: Record<string, string> = {};
  for (const key in object) {
    const v = object[key];
    if (v === null || v === undefined) raw[key] = '';
    else if (typeof v === 'object') raw[key] = JSON.stringify(v);
    else raw[key] = String(v);
  }
  return raw;
}

/**
 * Reads NDJSON (one object per line), streaming, in batches of up to 512 rows.
 * A line that is not a JSON object becomes a row with a defect (it goes to the dead letters); the
 * row number is the line number.
 * @param bytes - the file's bytes
 * @throws DomainError unreadable_file for undecodable bytes or a line over 1 MB
 */
export async function* readNdjsonBatches(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<RowBatch> {
  let carry = '';
  let line = 0;
  const parseLine = (text: string): SourceRecord | null => {
    line++;
    const trimmed = text.trim();
    if (trimmed === '') return null;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return { rowNumber: line, raw: { _line: trimmed.slice(0, 2000) }, defect: 'the line is not valid JSON' };
    }
    const raw = jsonToRaw(value);
    return raw === null ? { rowNumber: line, raw: { _line: trimmed.slice(0, 2000) }, defect: 'the line is not a JSON object' } : { rowNumber: line, raw };
  };
  for await (const text of decodeText(bytes)) {
    carry += text;
    let records: SourceRecord[] = [];
    let start = 0;
    for (let nl = carry.indexOf('\n'); nl !== -1; nl = carry.indexOf('\n', start)) {
      const record = parseLine(carry.slice(start, nl));
      start = nl + 1;
      if (record === null) continue;
      records.push(record);
      if (records.length >= BATCH_ROWS) {
        yield new RecordBatch(records);
        records = [];
      }
    }
    carry = carry.slice(start);
    if (records.length > 0) yield new RecordBatch(records);
    if (carry.length > MAX_LINE) throw unreadable(line + 1, 'the line is longer than 1 MB');
  }
  const record = parseLine(carry);
  if (record !== null) yield new RecordBatch([record]);
}

/**
 * Reads NDJSON row by row (see {@link readNdjsonBatches}).
 * @param bytes - the file's bytes
 * @throws DomainError unreadable_file for undecodable bytes or a line over 1 MB
 */
export function readNdjson(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<SourceRecord> {
  return recordsOfBatches(readNdjsonBatches(bytes));
}
