import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { HouseholdTable } from './household-table.js';

describe('household table', () => {
  it('moves a person between households and forgets an emptied one', () => {
    const table = new HouseholdTable();
    table.set([
      { personId: 1, householdId: 10 },
      { personId: 2, householdId: 10 },
      { personId: 3, householdId: 11 },
    ]);
    table.set([{ personId: 3, householdId: 10 }]);
    assert.equal(table.of(3), 10);
    assert.deepEqual(table.membersOf(10), [1, 2, 3]);
    assert.deepEqual(table.membersOf(11), []);
    assert.deepEqual(table.membersWith(2), [1, 2, 3]);
    table.set([{ personId: 1, householdId: 12 }]);
    assert.deepEqual(table.membersWith(2), [2, 3]);
    assert.deepEqual(table.membersWith(1), [1]);
    assert.equal(table.of(4), undefined);
    assert.deepEqual(table.membersWith(4), []);
  });

  it('answers like a plain map for any ids, dense, far apart, negative or fractional, in any order of moves', () => {
    const idArb = fc.oneof(fc.nat(3000), fc.integer({ min: 2 ** 30, max: 2 ** 40 }), fc.integer({ min: -50, max: -1 }), fc.double({ min: 0, max: 10, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(idArb, fc.nat(20)), { maxLength: 200 }), fc.array(idArb, { maxLength: 20 }), (moves, probes) => {
        const table = new HouseholdTable();
        const model = new Map<number, number>();
        for (let i = 0; i < moves.length; i += 7) {
          const batch = moves.slice(i, i + 7).map(([personId, householdId]) => ({ personId, householdId }));
          table.set(batch);
          for (const r of batch) {
            // A person moved into a household is listed after its members.
            if (model.get(r.personId) !== r.householdId) model.delete(r.personId);
            model.set(r.personId, r.householdId);
          }
        }
        for (const person of [...probes, ...moves.map(([p]) => p)]) {
          const household = model.get(person);
          assert.equal(table.of(person), household);
          const members = household === undefined ? [] : [...model].filter(([, h]) => h === household).map(([p]) => p);
          assert.deepEqual(table.membersWith(person), members);
          if (household !== undefined) assert.deepEqual(table.membersOf(household), members);
        }
      }),
      { numRuns: 200 },
    );
  });
});
