import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RowKeyColumn } from './row-key-column.js';

describe('row key column', () => {
  it('gives back every key, in 4 bytes a row when they span less than 2^32 and 8 otherwise', () => {
    const keyArb = fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(keyArb, { minLength: 1, maxLength: 50 }), (list) => {
        const keys = Float64Array.from(list);
        const column = new RowKeyColumn(Float64Array.from(keys));
        const narrow = list.every((k) => Number.isSafeInteger(k) && !Object.is(k, -0)) && Math.max(...list) - Math.min(...list) < 2 ** 32;
        assert.equal(column.bytes, (narrow ? 4 : 8) * list.length);
        assert.equal(column.length, list.length);
        assert.deepEqual(Array.from({ length: list.length }, (_, i) => column.at(i)), Array.from(keys));
        const copy = new Float64Array(list.length);
        column.copyTo(copy);
        assert.deepEqual(copy, keys);
      }),
      { numRuns: 300 },
    );
  });

  it('holds store ids far above 2^32 that lie close together in 4 bytes a row', () => {
    const column = new RowKeyColumn(Float64Array.from([2 ** 40 + 7, 2 ** 40, 2 ** 40 + 2 ** 32 - 1]));
    assert.equal(column.bytes, 12);
    assert.deepEqual([column.at(0), column.at(1), column.at(2)], [2 ** 40 + 7, 2 ** 40, 2 ** 40 + 2 ** 32 - 1]);
  });
});
