import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { freeRooms, orderFacilities, parseFacilityCache } from './facility-choice.js';
import type { FacilityView } from './task-types.js';

const facility = (id: number, name: string, capacity: number | null, occupied: number): FacilityView => ({
  id,
  name,
  category: 'hotel',
  region: { code: 'g', name: 'g' },
  location: { lat: 30, lng: 120 },
  capacity,
  occupied,
});

describe('facilities in the outcome form', () => {
  it('counts the rooms left, never below zero, unknown without a capacity', () => {
    assert.equal(freeRooms({ capacity: 100, occupied: 30 }), 70);
    assert.equal(freeRooms({ capacity: 10, occupied: 12 }), 0);
    assert.equal(freeRooms({ capacity: null, occupied: 3 }), null);
  });

  it('offers those with rooms first (most first), unknown next, full last', () => {
    const list = [facility(1, '甲', 10, 10), facility(2, '乙', null, 0), facility(3, '丙', 50, 45), facility(4, '丁', 80, 10)];
    assert.deepEqual(orderFacilities(list).map((f) => f.id), [4, 3, 2, 1]);
  });

  it('property: ordering keeps every facility once', () => {
    const arb = fc.array(fc.record({ id: fc.integer({ min: 1, max: 1e6 }), capacity: fc.option(fc.nat(300), { nil: null }), occupied: fc.nat(300) }), { maxLength: 20 });
    fc.assert(
      fc.property(arb, (rows) => {
        const list = rows.map((r, i) => facility(r.id + i * 1e6, `f${i}`, r.capacity, r.occupied));
        assert.deepEqual(orderFacilities(list).map((f) => f.id).sort(), list.map((f) => f.id).sort());
      }),
    );
  });

  it('reads back a good offline copy and treats anything else as none', () => {
    const list = [facility(7, '隔离点', 120, 3)];
    assert.deepEqual(parseFacilityCache(JSON.stringify(list)), list);
    assert.equal(parseFacilityCache(null), null);
    assert.equal(parseFacilityCache('not json'), null);
    assert.equal(parseFacilityCache('{"id":7}'), null);
    assert.equal(parseFacilityCache(JSON.stringify([{ ...list[0], id: 'x' }])), null);
  });
});
