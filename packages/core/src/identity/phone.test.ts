import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalisePhone } from './phone.js';

describe('normalisePhone', () => {
  it('strips separators and the country prefix', () => {
    assert.deepEqual(normalisePhone('+86 139-1234-5678'), { ok: true, value: '13912345678' });
  });
  it('refuses a number that is not a mainland mobile number', () => {
    assert.deepEqual(normalisePhone('0571-8888888'), { ok: false, reason: 'must be 11 digits starting with 1' });
  });
  it('property: agrees with the rule as written (separators and prefix stripped, then 11 digits starting with 1)', () => {
    const reference = (input: string): string | null => {
      const digits = input.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
      return /^1\d{10}$/.test(digits) ? digits : null;
    };
    const phoneLike = fc.stringMatching(/^(\+86|0086)?[ -]?1[0-9 -]{9,12}$/);
    fc.assert(
      fc.property(fc.oneof(phoneLike, fc.string({ maxLength: 16 }), fc.stringMatching(/^[0-9]{11}$/)), (input) => {
        const result = normalisePhone(input);
        assert.equal(result.ok ? result.value : null, reference(input));
      }),
      { numRuns: 3000 },
    );
  });
});
