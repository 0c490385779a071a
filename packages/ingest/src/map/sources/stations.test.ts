import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { stationsSource } from './stations.js';

const valid = { station_code: 'IZQ', name: '广州南站', modes: 'train', region_code: '440113', lat: '22.99', lng: '113.27', updated_at: '2026-03-01T00:00:00+08:00' };
const fields = stationsSource.fields;

/** A field value: often a plausible one, sometimes anything at all. */
const value = (field: string): fc.Arbitrary<string> => {
  const plausible: Record<string, fc.Arbitrary<string>> = {
    station_code: fc.constantFrom('IZQ', 'sha', 'A-1', 'Guangzhou South', ''),
    modes: fc.constantFrom('train', 'train,coach', 'PLANE ship', 'bike', ' , ', ''),
    region_code: fc.constantFrom('440113', 'r99.a', '广州', ''),
    lat: fc.constantFrom('22.99', '-90', '90.1', 'north', ''),
    lng: fc.constantFrom('113.27', '180', '-181', ''),
    updated_at: fc.constantFrom('2026-03-01T00:00:00+08:00', '2026-03-01', ''),
  };
  const usual = plausible[field] ?? fc.constantFrom(valid[field as keyof typeof valid] ?? 'x', ' ', '');
  return fc.oneof({ arbitrary: usual, weight: 6 }, { arbitrary: fc.string({ maxLength: 20 }), weight: 1 });
};
// Optional fields may be missing altogether; required ones are usually present (absent ones are rejected too).
const anyRow = fc.record(Object.fromEntries(fields.map((f) => [f, value(f)])) as Record<string, fc.Arbitrary<string>>, {
  requiredKeys: ['station_code', 'name', 'modes', 'region_code', 'updated_at'],
});

describe('stations source', () => {
  it('any row gives either a clean rejection naming one of its fields or a record the table accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyRow, (raw) => {
        const result = stationsSource.map(raw as Record<string, string>, { today: '2026-03-20' });
        if (!result.ok) return fields.includes(result.rejection.field ?? '') && result.rejection.reason.length > 0 && !result.rejection.reason.includes('undefined');
        accepted++;
        const v = result.row.values as Record<string, unknown>;
        const inRange = (x: unknown, limit: number): boolean => x === null || (typeof x === 'number' && Math.abs(x) <= limit);
        return (
          /^[A-Z0-9][A-Z0-9_-]{0,15}$/.test(result.row.key) &&
          /^(train|coach|plane|ship)(,(train|coach|plane|ship))*$/.test(String(v.modes)) &&
          typeof v.name === 'string' && v.name.trim() === v.name && v.name !== '' &&
          (v.lat === null) === (v.lng === null) && inRange(v.lat, 90) && inRange(v.lng, 180) &&
          result.row.identity === null && result.row.day === null
        );
      }),
      { numRuns: 2000 },
    );
    assert.ok(accepted > 0, 'some generated rows are valid');
  });

  it('accepts the plain valid row', () => {
    assert.equal(stationsSource.map(valid, { today: '2026-03-20' }).ok, true);
  });
});
