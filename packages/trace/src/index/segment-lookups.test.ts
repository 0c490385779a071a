import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { KeyRuns, PersonLookup } from './segment-lookups.js';

// Ids this far up make the direct tables too large, so the same rows are looked up by search.
const FAR = 3_000_000_000;

/** The entries of a person: (position, key) pairs, in lookup order. */
function entriesOf(lookup: PersonLookup, person: number): [number, number][] {
  lookup.find(person);
  const out: [number, number][] = [];
  for (let a = lookup.rangeStart; a < lookup.rangeEnd; a++) out.push([lookup.byPerson[a]!, lookup.keys[a]!]);
  return out;
}

describe('segment lookups', () => {
  it("a person's rows (positions ascending, with their keys) are the same through the direct table and the sampled search", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 19 }), fc.nat(1000)), { minLength: 44, maxLength: 400 }), (rows) => {
        const persons = Uint32Array.from(rows, ([p]) => p);
        const keys = Uint32Array.from(rows, ([, k]) => k);
        const direct = new PersonLookup(persons, keys);
        const searched = new PersonLookup(persons.map((p) => p + FAR), keys);
        // n ≥ 2 · (largest id + 2) rows: the direct table fits its budget; far ids keep a sample.
        assert.equal(direct.bytes, 8 * rows.length + 4 * (Math.max(...persons) + 2));
        assert.equal(searched.bytes, 8 * rows.length + 4 * Math.ceil(rows.length / 32));
        for (let p = 0; p <= 21; p++) {
          const want: [number, number][] = [];
          rows.forEach(([person, key], i) => {
            if (person === p) want.push([i, key]);
          });
          assert.deepEqual(entriesOf(direct, p), want);
          assert.deepEqual(entriesOf(searched, p + FAR), want);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('finds the run of a key, or none, through the direct table and by search alike', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(60), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 20 }), (distinct, perRun) => {
        const keys = Uint32Array.from(distinct.sort((a, b) => a - b));
        const start = Uint32Array.from({ length: keys.length + 1 }, (_, r) => r * perRun);
        const rows = keys.length * perRun;
        const direct = new KeyRuns(keys, start, Math.max(rows, 2 * 61));
        const searched = new KeyRuns(keys.map((k) => k + FAR), start, rows);
        assert.equal(searched.bytes, keys.byteLength + start.byteLength);
        assert.ok(direct.bytes > keys.byteLength + start.byteLength);
        for (let k = 0; k <= 62; k++) {
          const want = distinct.indexOf(k);
          assert.equal(direct.find(k), want);
          assert.equal(searched.find(k + FAR), want);
        }
      }),
      { numRuns: 100 },
    );
  });
});
