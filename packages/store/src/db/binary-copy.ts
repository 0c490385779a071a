/**
 * Decoding of PostgreSQL's binary COPY format (the output of `COPY … TO STDOUT (FORMAT binary)`)
 * into typed columns, for bulk reads of numbers, instants and identifiers written in hexadecimal
 * without an object, a Date or a string per row (text columns, for the few small reads that need
 * them, do make a string per value).
 * See https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */

/**
 * Column types the decoder reads into a Float64Array (NaN where null): signed integers of 2, 4 or
 * 8 bytes (8-byte values must be safe integers), `timestamptz` as whole epoch seconds rounded down,
 * and `bool` as 1 or 0.
 */
export type BinaryCopyNumberType = 'int2' | 'int4' | 'int8' | 'timestamptz' | 'bool';

/**
 * Column types the decoder reads: the number types; `text` into an array of strings (null where
 * null); `hex64`, a non-null text of 1 to 16 hexadecimal digits (an H3 cell, say), into a
 * Uint32Array holding its 64-bit value as two halves per row, high at 2i and low at 2i + 1, so
 * that no string is made per row.
 */
export type BinaryCopyType = BinaryCopyNumberType | 'text' | 'hex64';

/** The decoded column of a type: text as strings, hex64 as halves, the rest as numbers. */
export type CopyColumnOf<T extends BinaryCopyType> = T extends 'text' ? (string | null)[] : T extends 'hex64' ? Uint32Array : Float64Array;

/** One decoded column of any type. */
export type CopyColumn = CopyColumnOf<BinaryCopyType>;

/** A batch of decoded rows: one column per requested type, typed after it when the types are a tuple. */
export interface CopyColumns<T extends readonly BinaryCopyType[] = readonly BinaryCopyType[]> {
  readonly rows: number;
  readonly columns: { readonly [K in keyof T]: CopyColumnOf<T[K]> };
}

/** The 11 bytes that open every binary COPY stream, read or written. */
export const BINARY_COPY_SIGNATURE: readonly number[] = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];
const SIZE: Record<BinaryCopyNumberType, number> = { int2: 2, int4: 4, int8: 8, timestamptz: 8, bool: 1 };
/** Seconds from 1970-01-01 to 2000-01-01, PostgreSQL's timestamp epoch. */
const PG_EPOCH = 946_684_800;
const TWO_32 = 4_294_967_296;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function int32(b: Uint8Array, o: number): number {
  return (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;
}

function int64(b: Uint8Array, o: number): number {
  const value = int32(b, o) * TWO_32 + (int32(b, o + 4) >>> 0);
  if (!Number.isSafeInteger(value)) throw new RangeError('binary COPY: an 8-byte integer is beyond 2^53');
  return value;
}

/** Whole seconds (rounded down) of microseconds, exactly. */
function floorSeconds(micros: number): number {
  let s = Math.floor(micros / 1_000_000);
  if (s * 1_000_000 > micros) s--;
  else if ((s + 1) * 1_000_000 <= micros) s++;
  return s;
}

function numberAt(b: Uint8Array, o: number, type: BinaryCopyNumberType): number {
  switch (type) {
    case 'int2':
      return (((b[o]! << 8) | b[o + 1]!) << 16) >> 16;
    case 'int4':
      return int32(b, o);
    case 'int8':
      return int64(b, o);
    case 'timestamptz':
      return floorSeconds(int64(b, o)) + PG_EPOCH;
    case 'bool':
      return b[o] === 0 ? 0 : 1;
  }
}

/** The value of a hexadecimal digit's character code, or −1. */
function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** Writes the 64-bit value of `length` hex digits at b[o] into out[2row] (high) and out[2row + 1] (low). */
function hex64(b: Uint8Array, o: number, length: number, out: Uint32Array, row: number, field: number): void {
  if (length < 1 || length > 16) throw new RangeError(`binary COPY: field ${field} has ${length} characters, not 1 to 16 hexadecimal digits`);
  let high = 0;
  let low = 0;
  for (let i = 0; i < length; i++) {
    const d = hexDigit(b[o + i]!);
    if (d < 0) throw new RangeError(`binary COPY: field ${field} is not hexadecimal`);
    high = ((high << 4) | (low >>> 28)) >>> 0;
    low = ((low << 4) | d) >>> 0;
  }
  out[2 * row] = high;
  out[2 * row + 1] = low;
}

/** Columns being filled. */
class Batch {
  rows = 0;
  readonly columns: CopyColumn[];

  constructor(
    types: readonly BinaryCopyType[],
    private readonly capacity: number,
  ) {
    this.columns = types.map((t) => (t === 'text' ? [] : t === 'hex64' ? new Uint32Array(2 * capacity) : new Float64Array(capacity)));
  }

  result(): CopyColumns {
    if (this.rows === this.capacity) return { rows: this.rows, columns: this.columns };
    const rows = this.rows;
    return { rows, columns: this.columns.map((c) => (Array.isArray(c) ? c : c instanceof Uint32Array ? c.slice(0, 2 * rows) : c.slice(0, rows))) };
  }
}

/**
 * Decodes a binary COPY stream into batches of columns; chunks may split the header and rows
 * anywhere. Each batch is new (a caller may keep it).
 * @param chunks - the bytes, e.g. from `SqlClient.copyOut(query, 'binary')`
 * @param types - the type of each selected column, in order
 * @param batchRows - rows per batch (the last one may be shorter; no empty batch is produced)
 */
export async function* decodeBinaryCopy<const T extends readonly BinaryCopyType[]>(
  chunks: AsyncIterable<Uint8Array>,
  types: T,
  batchRows = 65_536,
): AsyncGenerator<CopyColumns<T>> {
  const width = types.length;
  let pending: Uint8Array = new Uint8Array(0);
  let headerDone = false;
  let ended = false;
  let batch = new Batch(types, batchRows);
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (ended) throw new Error('binary COPY: data after the trailer');
    const b = pending.length === 0 ? chunk : concat(pending, chunk);
    let o = 0;
    if (!headerDone) {
      for (let i = 0; i < BINARY_COPY_SIGNATURE.length && i < b.length; i++) if (b[i] !== BINARY_COPY_SIGNATURE[i]) throw new Error('binary COPY: bad signature');
      if (b.length < 19) {
        pending = b;
        continue;
      }
      const extension = int32(b, 15);
      if (b.length < 19 + extension) {
        pending = b;
        continue;
      }
      o = 19 + extension;
      headerDone = true;
    }
    for (;;) {
      if (b.length - o < 2) break;
      const fields = (((b[o]! << 8) | b[o + 1]!) << 16) >> 16;
      if (fields === -1) {
        ended = true;
        o += 2;
        break;
      }
      if (fields !== width) throw new Error(`binary COPY: a row has ${fields} fields, expected ${width}`);
      // Check that the whole row is here before writing any of it.
      let end = o + 2;
      for (let f = 0; f < width && end !== -1; f++) {
        if (b.length - end < 4) end = -1;
        else {
          const length = int32(b, end);
          end = length < 0 ? end + 4 : b.length - end - 4 < length ? -1 : end + 4 + length;
        }
      }
      if (end === -1) break;
      let at = o + 2;
      const row = batch.rows;
      for (let f = 0; f < width; f++) {
        const length = int32(b, at);
        at += 4;
        const type = types[f]!;
        const column = batch.columns[f]!;
        if (type === 'text') (column as (string | null)[]).push(length < 0 ? null : utf8.decode(b.subarray(at, at + length)));
        else if (type === 'hex64') {
          if (length < 0) throw new RangeError(`binary COPY: field ${f + 1} is null, which a hex64 cannot be`);
          hex64(b, at, length, column as Uint32Array, row, f + 1);
        } else if (length < 0) (column as Float64Array)[row] = Number.NaN;
        else {
          if (length !== SIZE[type]) throw new Error(`binary COPY: field ${f + 1} has ${length} bytes, not a ${type}`);
          (column as Float64Array)[row] = numberAt(b, at, type);
        }
        if (length > 0) at += length;
      }
      o = end;
      if (++batch.rows === batchRows) {
        yield batch.result() as CopyColumns<T>;
        batch = new Batch(types, batchRows);
      }
    }
    pending = o === b.length ? new Uint8Array(0) : b.slice(o);
  }
  if (!ended) throw new Error('binary COPY: the stream ended before its trailer');
  if (pending.length > 0) throw new Error('binary COPY: data after the trailer');
  if (batch.rows > 0) yield batch.result() as CopyColumns<T>;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
