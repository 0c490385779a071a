import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { badgeText } from './notice-badge.js';

describe('the unread-notice badge', () => {
  it('shows nothing for none, the count up to 99, then 99+', () => {
    assert.equal(badgeText(0), '');
    assert.equal(badgeText(-3), '');
    assert.equal(badgeText(Number.NaN), '');
    assert.equal(badgeText(1), '1');
    assert.equal(badgeText(99), '99');
    assert.equal(badgeText(100), '99+');
  });

  it('property: never longer than three characters, and empty exactly when nothing is unread', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 1_000_000 }), (n) => {
        const text = badgeText(n);
        assert.ok(text.length <= 3);
        assert.equal(text === '', n <= 0);
      }),
    );
  });
});
