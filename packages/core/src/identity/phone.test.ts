import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalisePhone } from './phone.js';

describe('normalisePhone', () => {
  it('strips separators and the country prefix', () => {
    assert.deepEqual(normalisePhone('+86 139-1234-5678'), { ok: true, value: '13912345678' });
  });
  it('refuses a number that is not a mainland mobile number', () => {
    assert.deepEqual(normalisePhone('0571-8888888'), { ok: false, reason: 'must be 11 digits starting with 1' });
  });
});
