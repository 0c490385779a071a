import { BINARY_COPY_SIGNATURE } from '@epigrid/store';
import type { ParsedTime } from '../map/field-rules.js';
import { numericParts, pgDate, pgTimestamp } from './binary-copy-values.js';

/** The column types the writer encodes, as PostgreSQL names them (`pg_type.typname`). */
export type BinaryColumnType = 'text' | 'varchar' | 'int2' | 'int4' | 'int8' | 'float8' | 'numeric' | 'bool' | 'date' | 'timestamptz';

/** Signature, flags (no OIDs) and header extension length. */
const HEADER = Uint8Array.from([...BINARY_COPY_SIGNATURE, 0, 0, 0, 0, 0, 0, 0, 0]);
/** A field count of -1 ends the data. */
const TRAILER = Uint8Array.from([0xff, 0xff]);
const TWO_32 = 4_294_967_296;
const NUMERIC_NEGATIVE = 0x4000;

/**
 * Writes a safe integer as a big-endian 64-bit integer (without a BigInt).
 * @param view - the bytes
 * @param at - offset of the 8 bytes
 * @param value - the integer
 */
export function setInt64(view: DataView, at: number, value: number): void {
  const high = Math.floor(value / TWO_32);
  view.setInt32(at, high);
  view.setUint32(at + 4, value - high * TWO_32);
}

/**
 * A whole binary COPY stream: the header, the tuples of each body in order, the trailer.
 * @param bodies - tuples written by {@link BinaryCopyWriter}s
 */
export function binaryCopyStream(bodies: readonly Uint8Array[]): Uint8Array {
  const size = bodies.reduce((n, b) => n + b.length, HEADER.length + TRAILER.length);
  const out = new Uint8Array(size);
  out.set(HEADER);
  let at = HEADER.length;
  for (const body of bodies) {
    out.set(body, at);
    at += body.length;
  }
  out.set(TRAILER, at);
  return out;
}

/**
 * Tuples in PostgreSQL's binary COPY format written straight into bytes, growing as needed: text
 * as UTF-8 without escapes, numbers, dates and instants in their stored form, so that the database
 * parses nothing. The bytes live outside the JavaScript heap, so a chunk waiting to be written is
 * never copied by the garbage collector.
 */
export class BinaryCopyWriter {
  private buffer: Uint8Array;
  private view: DataView;
  private end = 0;

  /** @param capacity - bytes reserved at first */
  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(capacity);
    this.view = new DataView(this.buffer.buffer);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.end;
  }

  /** The bytes written (a view, valid until the next write). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.end);
  }

  /**
   * The bytes in [from, to) (a view, valid until the next write).
   * @param from - first byte
   * @param to - end (exclusive)
   */
  slice(from: number, to: number): Uint8Array {
    return this.buffer.subarray(from, to);
  }

  /**
   * Starts a tuple of so many fields.
   * @param fields - how many fields follow
   */
  tuple(fields: number): void {
    this.reserve(2);
    this.view.setInt16(this.end, fields);
    this.end += 2;
  }

  /**
   * One field of a column type; null and undefined are written as SQL null.
   * @param type - the column's type
   * @param value - a string, number or boolean as the field rules give it (a time: its text or as read)
   */
  field(type: BinaryColumnType, value: unknown): void {
    if (value === null || value === undefined) return this.null();
    switch (type) {
      case 'text':
      case 'varchar':
        return this.text(typeof value === 'string' ? value : String(value));
      case 'int8':
        return this.int8(Number(value));
      case 'int4':
        this.length32(4);
        this.view.setInt32(this.end, Number(value));
        this.end += 4;
        return;
      case 'int2':
        this.length32(2);
        this.view.setInt16(this.end, Number(value));
        this.end += 2;
        return;
      case 'float8':
        this.length32(8);
        this.view.setFloat64(this.end, Number(value));
        this.end += 8;
        return;
      case 'bool':
        this.length32(1);
        this.buffer[this.end++] = value === true || value === 't' || value === 'true' ? 1 : 0;
        return;
      case 'date':
        this.length32(4);
        this.view.setInt32(this.end, pgDate(String(value)));
        this.end += 4;
        return;
      case 'timestamptz':
        return this.int8(pgTimestamp(typeof value === 'object' ? (value as ParsedTime) : String(value)));
      case 'numeric':
        return this.numeric(value as number | string);
    }
  }

  /** An SQL null. */
  null(): void {
    this.reserve(4);
    this.view.setInt32(this.end, -1);
    this.end += 4;
  }

  /**
   * A 64-bit integer field (a safe integer).
   * @param value - the integer
   */
  int8(value: number): void {
    this.length32(8);
    setInt64(this.view, this.end, value);
    this.end += 8;
  }

  /**
   * A text field, encoded as UTF-8 (a lone surrogate becomes U+FFFD, as `Buffer.from` does).
   * @param text - the field's text
   */
  text(text: string): void {
    const n = text.length;
    this.reserve(4 + 3 * n);
    const out = this.buffer;
    const start = this.end + 4;
    let at = start;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        out[at++] = c;
      } else if (c < 0x800) {
        out[at++] = 0xc0 | (c >> 6);
        out[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          out[at++] = 0xf0 | (c >> 18);
          out[at++] = 0x80 | ((c >> 12) & 0x3f);
          out[at++] = 0x80 | ((c >> 6) & 0x3f);
          out[at++] = 0x80 | (c & 0x3f);
        } else {
          out[at++] = 0xef;
          out[at++] = 0xbf;
          out[at++] = 0xbd;
        }
      } else {
        out[at++] = 0xe0 | (c >> 12);
        out[at++] = 0x80 | ((c >> 6) & 0x3f);
        out[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.view.setInt32(this.end, at - start);
    this.end = at;
  }

  /** Forgets the bytes written, keeping the room (for reuse). */
  clear(): void {
    this.end = 0;
  }

  private numeric(value: number | string): void {
    const { digits, weight, negative, scale } = numericParts(value);
    this.length32(8 + 2 * digits.length);
    const v = this.view;
    v.setInt16(this.end, digits.length);
    v.setInt16(this.end + 2, weight);
    v.setUint16(this.end + 4, negative ? NUMERIC_NEGATIVE : 0);
    v.setInt16(this.end + 6, scale);
    this.end += 8;
    for (const digit of digits) {
      v.setInt16(this.end, digit);
      this.end += 2;
    }
  }

  /** A field's length word, with room reserved for the field. */
  private length32(size: number): void {
    this.reserve(4 + size);
    this.view.setInt32(this.end, size);
    this.end += 4;
  }

  private reserve(more: number): void {
    if (this.end + more <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.end + more) capacity *= 2;
    const bigger = new Uint8Array(capacity);
    bigger.set(this.buffer.subarray(0, this.end));
    this.buffer = bigger;
    this.view = new DataView(bigger.buffer);
  }
}
