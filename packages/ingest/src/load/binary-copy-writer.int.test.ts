import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { testBackends, type SqlClient } from '@epigrid/store';
import { BinaryCopyWriter, binaryCopyStream, type BinaryColumnType } from './binary-copy-writer.js';

const COLUMNS: ReadonlyArray<readonly [string, BinaryColumnType, string]> = [
  ['t', 'text', 'text'],
  ['s', 'int2', 'smallint'],
  ['i', 'int4', 'integer'],
  ['b', 'int8', 'bigint'],
  ['f', 'float8', 'double precision'],
  ['n', 'numeric', 'numeric'],
  ['o', 'bool', 'boolean'],
  ['d', 'date', 'date'],
  ['ts', 'timestamptz', 'timestamptz'],
];
const two = (n: number): string => String(n).padStart(2, '0');
const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Times in every shape the field rules accept: seconds or not, 0-9 fraction digits, Z or an offset with or without its colon. */
const time = fc
  .record({
    day,
    h: fc.integer({ min: 0, max: 23 }),
    m: fc.integer({ min: 0, max: 59 }),
    s: fc.option(fc.integer({ min: 0, max: 59 })),
    fraction: fc.option(fc.stringMatching(/^\d{1,9}$/)),
    zone: fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 59 }), fc.boolean()).map(([sign, h, m, colon]) => `${sign}${two(h)}${colon ? ':' : ''}${two(m)}`)),
  })
  .map(({ day: d, h, m, s, fraction, zone }) => `${d}T${two(h)}:${two(m)}${s === null ? '' : `:${two(s)}${fraction === null ? '' : `.${fraction}`}`}${zone}`);
const row = fc.tuple(
  fc.option(fc.string({ unit: 'binary' }).filter((t) => !t.includes('\0'))),
  fc.option(fc.integer({ min: -32768, max: 32767 })),
  fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })),
  fc.option(fc.maxSafeInteger()),
  fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
  fc.option(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.stringMatching(/^[+-]?(\d{1,12}\.?\d{0,12}|\.\d{1,12})([eE][+-]?\d{1,2})?$/))),
  fc.option(fc.boolean()),
  fc.option(day),
  fc.option(time),
);

for (const backend of testBackends()) {
  describe(`binary COPY writer on ${backend.name}`, () => {
    let db: SqlClient;
    before(async () => {
      db = await backend.open({ migrated: false });
      const columns = COLUMNS.map(([name, , sql]) => `${name} ${sql}`).join(', ');
      await db.exec(`CREATE TABLE by_copy (ord int, ${columns}); CREATE TABLE by_text (ord int, ${columns})`);
    });
    after(async () => db.close());

    it('stores exactly what PostgreSQL makes of the same values as text', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(row, { maxLength: 12 }), fc.integer({ min: 1, max: 64 }), async (rows, capacity) => {
          await db.exec('TRUNCATE by_copy; TRUNCATE by_text');
          const writer = new BinaryCopyWriter(capacity);
          rows.forEach((values, ord) => {
            writer.tuple(COLUMNS.length + 1);
            writer.field('int4', ord);
            COLUMNS.forEach(([, type], k) => writer.field(type, values[k]));
          });
          await db.copyIn(`by_copy (ord, ${COLUMNS.map(([name]) => name).join(', ')})`, binaryCopyStream([writer.bytes()]), 'binary');
          const text = (k: number): Array<string | null> => rows.map((values) => (values[k] === null ? null : String(values[k])));
          await db.query(
            `INSERT INTO by_text SELECT * FROM unnest($1::int[], ${COLUMNS.map(([, , sql], k) => `$${k + 2}::${sql === 'double precision' ? 'float8' : sql}[]`).join(', ')})`,
            [rows.map((_, ord) => ord), ...COLUMNS.map((_, k) => text(k))],
          );
          const differ = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ((TABLE by_copy EXCEPT ALL TABLE by_text) UNION ALL (TABLE by_text EXCEPT ALL TABLE by_copy)) d`,
          );
          assert.equal(differ.rows[0]!.n, 0);
          const scales = await db.query<{ same: boolean }>('SELECT bool_and(c.n::text IS NOT DISTINCT FROM t.n::text) AS same FROM by_copy c JOIN by_text t USING (ord)');
          assert.notEqual(scales.rows[0]!.same, false, 'decimals keep the scale the text gives them');
        }),
        { numRuns: 40 },
      );
    });
  });
}
