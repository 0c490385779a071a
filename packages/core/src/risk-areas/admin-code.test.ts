import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { adminCodePrefix, isWithinAdminCode } from './admin-code.js';

const digits = (min: number, max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

describe('administrative code containment', () => {
  it('reads province, prefecture and county from a 6-digit code', () => {
    assert.equal(adminCodePrefix('440000'), '44');
    assert.equal(adminCodePrefix('440100'), '4401');
    assert.equal(adminCodePrefix('440106'), '440106');
    assert.equal(adminCodePrefix('440106001'), '440106001');
    assert.equal(adminCodePrefix('000000'), '00', 'never an empty prefix that would hold everything');
    assert.equal(adminCodePrefix('HZ-01'), null);
    assert.equal(adminCodePrefix('4401'), null, 'a short digit code is no administrative level');
  });

  it('places a town in its county, prefecture and province, and nowhere else', () => {
    for (const area of ['440106', '440100', '440000', '440106001']) assert.equal(isWithinAdminCode('440106001', area), true, area);
    for (const area of ['440107', '440200', '450000', '440106002', '4401060010']) assert.equal(isWithinAdminCode('440106001', area), false, area);
    assert.equal(isWithinAdminCode('440106', '440106001'), false, 'a county is not inside its town');
  });

  it('a code that is not all digits matches only itself', () => {
    assert.equal(isWithinAdminCode('abc-A1', 'abc-A1'), true);
    assert.equal(isWithinAdminCode('abc-A10', 'abc-A1'), false);
    assert.equal(isWithinAdminCode('440106x', '440100'), false);
  });

  it('every code lies in itself; a town lies in a 6-digit area exactly when it is its county, prefecture or province', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (code) => isWithinAdminCode(code, code)),
    );
    fc.assert(
      fc.property(digits(9, 9), digits(6, 6), fc.integer({ min: 0, max: 3 }), (town, random, pick) => {
        const area = [random, town.slice(0, 6), `${town.slice(0, 4)}00`, `${town.slice(0, 2)}0000`][pick]!;
        // The model: a town lies in its county (its first 6 digits), its prefecture and its province.
        const county = town.slice(0, 6);
        const expected = area === county || area === `${town.slice(0, 4)}00` || area === `${town.slice(0, 2)}0000`;
        return isWithinAdminCode(town, area) === expected;
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(digits(9, 9), (town) => isWithinAdminCode(town, town.slice(0, 6)) && isWithinAdminCode(town, `${town.slice(0, 2)}0000`)),
    );
  });

  it('containment is transitive along the levels', () => {
    fc.assert(
      fc.property(digits(2, 2), digits(2, 2), digits(2, 2), digits(3, 3), (p, c, d, t) => {
        fc.pre(p !== '00' && c !== '00' && d !== '00');
        const town = `${p}${c}${d}${t}`;
        const county = `${p}${c}${d}`;
        const prefecture = `${p}${c}00`;
        const province = `${p}0000`;
        return isWithinAdminCode(town, county) && isWithinAdminCode(county, prefecture) && isWithinAdminCode(prefecture, province) && isWithinAdminCode(town, province);
      }),
    );
  });
});
