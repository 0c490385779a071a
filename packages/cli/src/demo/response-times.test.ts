import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkResponseTimes, defaultResponseTimes, simulatedAttempt } from './response-times.js';

describe('simulated worker response times', () => {
  it('is deterministic per (seed, task, attempt)', () => {
    assert.deepEqual(simulatedAttempt(7, 12, 0, defaultResponseTimes), simulatedAttempt(7, 12, 0, defaultResponseTimes));
    assert.notDeepEqual(simulatedAttempt(7, 12, 0, defaultResponseTimes), simulatedAttempt(7, 12, 1, defaultResponseTimes));
  });

  it('follows the lognormal: median near the configured one, a right tail, the not-home share', () => {
    const n = 4000;
    const draws = Array.from({ length: n }, (_, i) => simulatedAttempt(1, i, 0, { medianHours: 6, sigma: 0.8, notHomeShare: 0.1 }));
    const delays = draws.map((d) => d.delayHours).sort((a, b) => a - b);
    const median = delays[n / 2]!;
    assert.ok(Math.abs(median - 6) < 0.5, `median ${median}`);
    // exp(0.8 · 1.2816) ≈ 2.79: the 90th percentile sits near 16.7 h.
    const p90 = delays[Math.floor(n * 0.9)]!;
    assert.ok(p90 > 14 && p90 < 20, `p90 ${p90}`);
    const notHome = draws.filter((d) => d.notHome).length / n;
    assert.ok(Math.abs(notHome - 0.1) < 0.02, `not home ${notHome}`);
  });

  it('with sigma 0 always answers at the median', () => {
    assert.equal(simulatedAttempt(3, 4, 0, { medianHours: 2, sigma: 0, notHomeShare: 0 }).delayHours, 2);
  });

  it('refuses settings out of range, naming them', () => {
    assert.throws(() => checkResponseTimes({ ...defaultResponseTimes, medianHours: 0 }), /median hours/);
    assert.throws(() => checkResponseTimes({ ...defaultResponseTimes, notHomeShare: 1 }), /not-home share/);
  });
});
