import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { maskName, maskPhone, maskResidentId } from './mask.js';

describe('masking', () => {
  it('keeps the first 3 and last 4 characters of an ID number', () => {
    assert.equal(maskResidentId('11010519491231002X'), '110***********002X');
  });
  it('masks from a stored tail alone', () => {
    assert.equal(maskResidentId('002X'), '**************002X');
  });
  it('keeps the last 4 digits of a phone', () => {
    assert.equal(maskPhone('13912345678'), '*******5678');
  });
  it('keeps the family name', () => {
    assert.equal(maskName('张小明'), '张**');
  });
  it('property: a masked ID never reveals the 11 middle characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskResidentId(id);
        assert.equal(masked.length, 18);
        assert.equal(masked.slice(3, 14), '*'.repeat(11));
      }),
    );
  });
});
