import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeBinaryCopy, type BinaryCopyType, type CopyColumns } from './binary-copy.js';

// An independent encoder of the binary COPY format, written from the PostgreSQL documentation.
const HEADER = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0];

/** A value as the test writes it: numbers, a string for text and hex64, a boolean for bool. */
type Value = number | string | boolean | null;

function field(type: BinaryCopyType, value: Value): Buffer {
  if (value === null) return Buffer.from([0xff, 0xff, 0xff, 0xff]);
  if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    const out = Buffer.alloc(4 + text.length);
    out.writeInt32BE(text.length, 0);
    text.copy(out, 4);
    return out;
  }
  if (typeof value === 'boolean') return Buffer.from([0, 0, 0, 1, value ? 1 : 0]);
  const size = type === 'int2' ? 2 : type === 'int4' ? 4 : 8;
  const out = Buffer.alloc(4 + size);
  out.writeInt32BE(size, 0);
  if (type === 'int2') out.writeInt16BE(value, 4);
  else if (type === 'int4') out.writeInt32BE(value, 4);
  else if (type === 'int8') out.writeBigInt64BE(BigInt(value), 4);
  else out.writeBigInt64BE(BigInt(value), 4); // timestamptz: microseconds since 2000-01-01
  return out;
}

function encode(types: readonly BinaryCopyType[], rows: readonly Value[][], extension: Buffer = Buffer.alloc(0)): Buffer {
  const parts = [Buffer.from(HEADER), Buffer.alloc(4), extension];
  parts[1]!.writeInt32BE(extension.length);
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count, ...row.map((v, i) => field(types[i]!, v)));
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

async function* split(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const cut of cuts) {
    const next = Math.min(bytes.length, at + cut);
    yield bytes.subarray(at, next);
    at = next;
  }
  if (at < bytes.length) yield bytes.subarray(at);
}

async function decodeAll<const T extends readonly BinaryCopyType[]>(chunks: AsyncIterable<Uint8Array>, types: T, batchRows?: number): Promise<CopyColumns<T>[]> {
  const out: CopyColumns<T>[] = [];
  for await (const batch of decodeBinaryCopy(chunks, types, batchRows)) out.push(batch);
  return out;
}

const valueArb: Record<BinaryCopyType, fc.Arbitrary<Value>> = {
  int2: fc.integer({ min: -32768, max: 32767 }),
  int4: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  int8: fc.oneof(fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0, -1, 2 ** 32), fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })),
  timestamptz: fc.integer({ min: -(2 ** 52), max: 2 ** 52 }),
  bool: fc.boolean(),
  text: fc.oneof(fc.string(), fc.constantFrom('', '中文 ✓', 'a\tb\nc\\N')),
  hex64: fc.oneof(
    fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((v) => v.toString(16)),
    fc.constantFrom('8831aa5a59fffff', '8831AA5A59FFFFF', '0', 'ffffffffffffffff', '0000000000000001'),
  ),
};

/** Row r of a decoded column, as the test compares it (a hex64 as its lowercase hex digits). */
function cell(column: CopyColumns['columns'][number], r: number): Value {
  if (Array.isArray(column)) return column[r]!;
  if (column instanceof Uint32Array) return ((BigInt(column[2 * r]!) << 32n) | BigInt(column[2 * r + 1]!)).toString(16);
  return column[r]!;
}

/** What the decoder must give for an encoded value. */
function expected(type: BinaryCopyType, value: Value): Value {
  if (type === 'text') return value;
  if (type === 'hex64') return BigInt(`0x${value as string}`).toString(16);
  if (value === null) return Number.NaN;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (type !== 'timestamptz') return value;
  return Number((BigInt(value) - (((BigInt(value) % 1_000_000n) + 1_000_000n) % 1_000_000n)) / 1_000_000n) + 946_684_800;
}

describe('binary COPY decoder', () => {
  it('gives back every value (nulls as NaN or null, instants as epoch seconds rounded down, hex as 64 bits) however the bytes are split', async () => {
    const typesArb = fc.array(fc.constantFrom<BinaryCopyType>('int2', 'int4', 'int8', 'timestamptz', 'bool', 'text', 'hex64'), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(
        typesArb.chain((types) =>
          fc.tuple(
            fc.constant(types),
            fc.array(fc.tuple(...types.map((t) => (t === 'hex64' ? valueArb[t] : fc.option(valueArb[t], { nil: null })))), { maxLength: 40 }),
            fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }),
            fc.integer({ min: 1, max: 17 }),
            fc.uint8Array({ maxLength: 6 }),
          ),
        ),
        async ([types, rows, cuts, batchRows, extension]) => {
          const batches = await decodeAll(split(encode(types, rows, Buffer.from(extension)), cuts), types, batchRows);
          assert.ok(batches.every((b, i) => b.rows > 0 && (i === batches.length - 1 ? b.rows <= batchRows : b.rows === batchRows)));
          const got = batches.flatMap((b) => Array.from({ length: b.rows }, (_, r) => b.columns.map((c) => cell(c, r))));
          assert.deepEqual(got, rows.map((row) => row.map((v, i) => expected(types[i]!, v))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a timestamp before and after 2000 to the second, rounding fractions down', async () => {
    const micros = [0, 1, 999_999, -1, -1_000_000, -1_000_001, 825_638_400_500_000];
    const [batch] = await decodeAll(split(encode(['timestamptz'], micros.map((m) => [m])), []), ['timestamptz']);
    assert.deepEqual(Array.from(batch!.columns[0]!), [946_684_800, 946_684_800, 946_684_800, 946_684_799, 946_684_799, 946_684_798, 1_772_323_200]);
  });

  it('refuses what is not a whole binary COPY of the expected columns', async () => {
    const good = encode(['int4'], [[1]]);
    await assert.rejects(decodeAll(split(Buffer.from('1\t2\n'), []), ['int4']), /signature/);
    await assert.rejects(decodeAll(split(good.subarray(0, good.length - 2), []), ['int4']), /before its trailer/);
    await assert.rejects(decodeAll(split(Buffer.concat([good, Buffer.from([0])]), []), ['int4']), /after the trailer/);
    await assert.rejects(decodeAll(split(good, []), ['int4', 'int4']), /1 fields, expected 2/);
    await assert.rejects(decodeAll(split(good, []), ['int8']), /4 bytes, not a int8/);
    const huge = encode(['int8'], [[0]]);
    huge.writeBigInt64BE(2n ** 60n, HEADER.length + 4 + 2 + 4);
    await assert.rejects(decodeAll(split(huge, []), ['int8']), /beyond 2\^53/);
    await assert.rejects(decodeAll(split(encode(['hex64'], [['88g1']]), []), ['hex64']), /not hexadecimal/);
    await assert.rejects(decodeAll(split(encode(['hex64'], [['']]), []), ['hex64']), /0 characters/);
    await assert.rejects(decodeAll(split(encode(['hex64'], [['1'.repeat(17)]]), []), ['hex64']), /17 characters/);
    await assert.rejects(decodeAll(split(encode(['hex64'], [[null]]), []), ['hex64']), /null/);
    const badUtf8 = encode(['text'], [['a']]);
    badUtf8[HEADER.length + 4 + 2 + 4] = 0xff;
    await assert.rejects(decodeAll(split(badUtf8, []), ['text']), TypeError);
  });
});
