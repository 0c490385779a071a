/**
 * Decoding of PostgreSQL's binary COPY format (the output of `COPY … TO STDOUT (FORMAT binary)`)
 * into typed columns, for bulk reads of numbers and instants without an object or a Date per row.
 * See https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */

/**
 * Column types the decoder reads: signed integers of 2, 4 or 8 bytes (8-byte values must be safe
 * integers), and `timestamptz` as whole epoch seconds, rounded down.
 */
export type BinaryCopyType = 'int2' | 'int4' | 'int8' | 'timestamptz';

/** A batch of decoded rows: one column per requested type, NaN where the value is null. */
export interface CopyColumns {
  readonly rows: number;
  readonly columns: readonly Float64Array[];
}

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];
const SIZE: Record<BinaryCopyType, number> = { int2: 2, int4: 4, int8: 8, timestamptz: 8 };
/** Seconds from 1970-01-01 to 2000-01-01, PostgreSQL's timestamp epoch. */
const PG_EPOCH = 946_684_800;
const TWO_32 = 4_294_967_296;

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

function value(b: Uint8Array, o: number, type: BinaryCopyType): number {
  switch (type) {
    case 'int2':
      return (((b[o]! << 8) | b[o + 1]!) << 16) >> 16;
    case 'int4':
      return int32(b, o);
    case 'int8':
      return int64(b, o);
    case 'timestamptz':
      return floorSeconds(int64(b, o)) + PG_EPOCH;
  }
}

/** Columns being filled. */
class Batch {
  rows = 0;
  readonly columns: Float64Array[];

  constructor(width: number, capacity: number) {
    this.columns = Array.from({ length: width }, () => new Float64Array(capacity));
  }

  result(): CopyColumns {
    const full = this.rows === this.columns[0]!.length;
    return { rows: this.rows, columns: full ? this.columns : this.columns.map((c) => c.slice(0, this.rows)) };
  }
}

/**
 * Decodes a binary COPY stream into batches of columns; chunks may split the header and rows
 * anywhere. Each batch is new (a caller may keep it).
 * @param chunks - the bytes, e.g. from `SqlClient.copyOut(query, 'binary')`
 * @param types - the type of each selected column, in order
 * @param batchRows - rows per batch (the last one may be shorter; no empty batch is produced)
 */
export async function* decodeBinaryCopy(chunks: AsyncIterable<Uint8Array>, types: readonly BinaryCopyType[], batchRows = 65_536): AsyncGenerator<CopyColumns> {
  const width = types.length;
  let pending: Uint8Array = new Uint8Array(0);
  let headerDone = false;
  let ended = false;
  let batch = new Batch(width, batchRows);
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (ended) throw new Error('binary COPY: data after the trailer');
    const b = pending.length === 0 ? chunk : concat(pending, chunk);
    let o = 0;
    if (!headerDone) {
      for (let i = 0; i < SIGNATURE.length && i < b.length; i++) if (b[i] !== SIGNATURE[i]) throw new Error('binary COPY: bad signature');
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
        if (length < 0) batch.columns[f]![row] = Number.NaN;
        else {
          if (length !== SIZE[types[f]!]) throw new Error(`binary COPY: field ${f + 1} has ${length} bytes, not a ${types[f]}`);
          batch.columns[f]![row] = value(b, at, types[f]!);
          at += length;
        }
      }
      o = end;
      if (++batch.rows === batchRows) {
        yield batch.result();
        batch = new Batch(width, batchRows);
      }
    }
    pending = o === b.length ? new Uint8Array(0) : b.slice(o);
  }
  if (!ended) throw new Error('binary COPY: the stream ended before its trailer');
  if (pending.length > 0) throw new Error('binary COPY: data after the trailer');
  if (batch.rows > 0) yield batch.result();
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
