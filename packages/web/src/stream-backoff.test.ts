import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reconnectDelayMs } from './stream-backoff.js';

describe('push stream reconnect delay', () => {
  it('doubles from 1 s and caps at 30 s, with jitter up to 20 %', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 20].map((n) => reconnectDelayMs(n, 0)), [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    assert.equal(reconnectDelayMs(0, 0.999), 1_200);
    assert.equal(reconnectDelayMs(9, 0.999), 30_000);
  });
});
