import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildResidentId, parseResidentId, residentIdCheckChar } from './resident-id.js';

const TODAY = '2026-11-28';

describe('parseResidentId (GB 11643)', () => {
  it('accepts a valid number and decodes region, birth date and sex', () => {
    // The standard's own example: 11010519491231002X (a woman born 1949-12-31 in Beijing Xicheng).
    const result = parseResidentId('11010519491231002X', TODAY);
    assert.deepEqual(result, {
      ok: true,
      facts: { value: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    const result = parseResidentId(' 11010519491231002x ', TODAY);
    assert.equal(result.ok, true);
  });

  it('refuses a wrong checksum, saying which character was expected', () => {
    const result = parseResidentId('110105194912310021', TODAY);
    assert.deepEqual(result, { ok: false, problem: 'wrong_checksum', reason: 'check character is 1, expected X' });
  });

  it('refuses a wrong length, saying how long it was', () => {
    const result = parseResidentId('11010519491231002', TODAY);
    assert.deepEqual(result, { ok: false, problem: 'wrong_length', reason: 'must have 18 characters, has 17' });
  });

  it('refuses letters other than a final X', () => {
    const result = parseResidentId('1101051949123100AX', TODAY);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.problem, 'bad_characters');
  });

  it('refuses a birth date that is not a calendar date', () => {
    const first17 = '11010519490230002'; // 30 February
    const result = parseResidentId(first17 + residentIdCheckChar(first17), TODAY);
    assert.deepEqual(result, { ok: false, problem: 'bad_date', reason: 'birth date 19490230 is not a calendar date' });
  });

  it('refuses a birth date in the future', () => {
    const result = parseResidentId(buildResidentId('110105', '2030-01-01', 1), TODAY);
    assert.equal(!result.ok && result.problem, 'bad_date');
  });

  it('property: every number built from valid parts parses back to those parts', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{5}$/),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (region, date, sequence) => {
          const birthDate = date.toISOString().slice(0, 10);
          const result = parseResidentId(buildResidentId(region, birthDate, sequence), TODAY);
          assert.ok(result.ok);
          assert.equal(result.facts.regionCode, region);
          assert.equal(result.facts.birthDate, birthDate);
          assert.equal(result.facts.sex, sequence % 2 === 1 ? 'male' : 'female');
        },
      ),
    );
  });

  it('property: changing any one digit of a valid number is detected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const valid = '11010519491231002X';
        const digit = (Number(valid[position]) + delta) % 10;
        const changed = valid.slice(0, position) + digit + valid.slice(position + 1);
        assert.equal(parseResidentId(changed, TODAY).ok, false);
      }),
    );
  });

  it('property: arbitrary strings never throw, and are accepted only with a correct check character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (input) => {
        const result = parseResidentId(input, TODAY);
        if (result.ok) assert.equal(result.facts.value[17], residentIdCheckChar(result.facts.value.slice(0, 17)));
      }),
    );
  });
});
