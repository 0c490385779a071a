import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Evidence } from './contact-types.js';
import { PersonEvidence } from './person-evidence.js';

const evidence = (n: number): Evidence => ({ kind: 'investigator', ruleId: 'r', reference: `#${n}`, from: n, to: n });

describe('person evidence', () => {
  it('lists every person once, ascending, with their evidence in the order added, at any size', () => {
    // Sizes around the scan limit and the insertion-sort limit, with repeated and far-apart ids.
    const personArb = fc.oneof(fc.nat(400), fc.integer({ min: 2 ** 40, max: 2 ** 41 }));
    fc.assert(
      fc.property(fc.uniqueArray(personArb, { maxLength: 300 }), fc.array(fc.tuple(personArb, fc.nat(3)), { maxLength: 300 }), (fresh, more) => {
        const found = new PersonEvidence();
        const model = new Map<number, Evidence[]>();
        let n = 0;
        for (const person of fresh) {
          const list = [evidence(n++)];
          found.addNew(person, list);
          model.set(person, [...list]);
        }
        for (const [person, count] of more) {
          const list = Array.from({ length: count + 1 }, () => evidence(n++));
          found.add(person, list);
          model.set(person, [...(model.get(person) ?? []), ...list]);
        }
        assert.equal(found.size, model.size);
        const seen: [number, Evidence[]][] = [];
        found.forEachAscending((person, list) => seen.push([person, list]));
        assert.deepEqual(seen, [...model].sort((a, b) => a[0] - b[0]));
      }),
      { numRuns: 200 },
    );
  });
});
