import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { longestRun, maxWindowSum, unionMeasure, unionOf, type Interval } from './intervals.js';

const intervalArb = fc.tuple(fc.integer({ min: 0, max: 4 * 86_400 }), fc.integer({ min: 0, max: 30 * 3600 })).map(([a, len]): Interval => [a, a + len]);

describe('interval measures', () => {
  it('unionMeasure over scratch columns equals the longest run and the 24 h window sum of unionOf', () => {
    fc.assert(
      fc.property(fc.array(intervalArb, { minLength: 1, maxLength: 40 }), fc.constantFrom('contiguous' as const, 'cumulative-24h' as const), (intervals, accumulation) => {
        const from = new Float64Array(64);
        const to = new Float64Array(64);
        intervals.forEach(([a, b], i) => {
          from[i] = a;
          to[i] = b;
        });
        const union = unionOf(intervals);
        const want = accumulation === 'contiguous' ? longestRun(union) : maxWindowSum(union, 86_400);
        assert.equal(unionMeasure(from, to, intervals.length, accumulation), want);
      }),
      { numRuns: 500 },
    );
  });

  it('merges touching intervals and cuts the 24 h window at its start', () => {
    const measure = (list: Interval[], accumulation: 'contiguous' | 'cumulative-24h'): number =>
      unionMeasure(Float64Array.from(list, ([a]) => a), Float64Array.from(list, ([, b]) => b), list.length, accumulation);
    assert.equal(measure([[600, 900], [0, 600]], 'contiguous'), 900);
    assert.equal(measure([[0, 600], [86_400, 87_000]], 'cumulative-24h'), 600);
    assert.equal(measure([[0, 600], [86_100, 86_700]], 'cumulative-24h'), 900);
  });
});
