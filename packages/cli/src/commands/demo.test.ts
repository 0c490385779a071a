import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoSimConfig, integerOption } from './demo.js';

describe('epigrid demo', () => {
  it('maps the switches to the simulation settings', () => {
    assert.deepEqual(demoSimConfig(7, {}), { seed: 7, isolateReportedCases: true, massTesting: null });
    assert.equal(demoSimConfig(7, { interventions: false }).isolateReportedCases, false);
    assert.deepEqual(demoSimConfig(7, { pooledTesting: true }).massTesting, { firstDay: 2, everyDays: 3, coverage: 0.85, poolSize: 10 });
  });

  it('checks integer options', () => {
    assert.equal(integerOption('14', 'days', 1), 14);
    assert.throws(() => integerOption('0', 'days', 1), /--days must be an integer ≥ 1/);
    assert.throws(() => integerOption('1.5', 'people', 1), /--people/);
  });
});
