import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { gridDisk, latLngToCell } from 'h3-js';
import type { TelecomColumns, TelecomRow } from '../presence-rows.js';
import { at, OFFSET } from '../testing/scenario.js';
import { hexName } from './cell-ids.js';
import { PresenceIndex } from './presence-index.js';

// Telecom rows appended as columns (cells as the halves of their 64-bit value) must index exactly
// as the same rows appended as objects (cells as names), in any split and mix of the two forms.

const base = at('2022-07-01');
// Resolution-8 cells around three far-apart places: different base cells, so different high halves.
const cells = [[39.9, 116.4], [31.23, 121.47], [-33.9, 151.2]].flatMap(([lat, lng]) => gridDisk(latLngToCell(lat!, lng!, 8), 1).slice(0, 3));

function columnsOf(rows: readonly TelecomRow[]): TelecomColumns {
  const cell = new Uint32Array(2 * rows.length);
  rows.forEach((r, i) => {
    const value = BigInt(`0x${r.cell}`);
    cell[2 * i] = Number(value >> 32n);
    cell[2 * i + 1] = Number(value & 0xffffffffn);
  });
  const column = (f: (r: TelecomRow) => number): Float64Array => Float64Array.from(rows, f);
  return { rows: rows.length, personId: column((r) => r.personId), cell, start: column((r) => r.start), end: column((r) => r.end), rowKey: column((r) => r.rowKey) };
}

/** Every row the index holds, found cell by cell and person by person, with cell names. */
function contents(index: PresenceIndex, people: number): string[] {
  const out: string[] = [];
  const from = base - 86_400;
  const to = base + 6 * 86_400;
  for (let id = 0; ; id++) {
    const name = index.cellName(id) as string | undefined;
    if (name === undefined) break;
    index.telecomAt(id, from, to, (p, s, e, k) => out.push(`at ${name} ${p} ${s} ${e} ${k}`));
  }
  for (let p = 1; p <= people; p++) index.telecomOf(p, from, to, (_, s, e, k, c) => out.push(`of ${p} ${index.cellName(c)} ${s} ${e} ${k}`));
  return out.sort();
}

const rowsArb = fc
  .array(
    fc.record({
      personId: fc.integer({ min: 1, max: 10 }),
      cell: fc.constantFrom(...cells),
      start: fc.integer({ min: 0, max: 4 * 86_400 }),
      minutes: fc.integer({ min: 0, max: 30 * 60 }),
    }),
    { minLength: 1, maxLength: 80 },
  )
  .map((rows): TelecomRow[] => rows.map((r, i) => ({ personId: r.personId, cell: r.cell, start: base + r.start, end: base + r.start + r.minutes * 60, rowKey: i + 1 })));

describe('telecom columns', () => {
  it('appending telecom as columns, rows or a mix of both, in any batches, equals appending rows at once', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.boolean()), { maxLength: 10 }), (rows, splits) => {
        const reference = new PresenceIndex({ utcOffsetMinutes: OFFSET });
        reference.appendTelecom(rows);
        reference.compact();
        const mixed = new PresenceIndex({ utcOffsetMinutes: OFFSET });
        let at0 = 0;
        for (const [size, asColumns] of [...splits, [rows.length, true] as const]) {
          const part = rows.slice(at0, at0 + size);
          at0 += part.length;
          if (part.length > 0) mixed.appendTelecom(asColumns ? columnsOf(part) : part);
        }
        mixed.compact();
        assert.deepEqual(contents(mixed, 10), contents(reference, 10));
        assert.deepEqual(mixed.stats(), reference.stats());
      }),
      { numRuns: 100 },
    );
  });

  it('names a cell given as halves the way H3 writes it, and groups it under its parent', () => {
    const index = new PresenceIndex({ utcOffsetMinutes: OFFSET });
    index.appendTelecom(columnsOf([{ personId: 1, cell: cells[0]!, start: base, end: base + 60, rowKey: 1 }]));
    assert.equal(index.cellName(0), cells[0]);
    assert.equal(index.cellName(0).length, 15);
    index.appendTelecom([{ personId: 2, cell: cells[0]!, start: base, end: base + 60, rowKey: 2 }]);
    assert.equal(index.stats().telecomRows, 2);
    let ids = 0;
    index.telecomAt(0, base, base + 60, () => ids++);
    assert.equal(ids, 2, 'the name and the halves of one cell are one cell id');
    assert.ok(index.cellGroup(0, 7).members.includes(0));
  });

  it('writes 64-bit values in hexadecimal without leading zeros', () => {
    assert.equal(hexName(0, 0), '0');
    assert.equal(hexName(0, 0xabc), 'abc');
    assert.equal(hexName(1, 2), '100000002');
    assert.equal(hexName(0x8831aa5, 0xa59fffff), '8831aa5a59fffff');
    assert.equal(hexName(0xffffffff, 0xffffffff), 'ffffffffffffffff');
  });
});
