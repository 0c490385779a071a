import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoResponseTimes, demoSimConfig, integerOption, shareOption } from './demo.js';

describe('epigrid demo', () => {
  it('maps the switches to the simulation settings', () => {
    assert.deepEqual(demoSimConfig(7, {}), { seed: 7, isolateReportedCases: true, massTesting: null });
    assert.equal(demoSimConfig(7, { interventions: false }).isolateReportedCases, false);
    assert.deepEqual(demoSimConfig(7, { pooledTesting: true }).massTesting, { firstDay: 2, everyDays: 3, coverage: 0.85, poolSize: 10 });
  });

  it('maps --scan-compliance to the share who never scan, leaving other scan settings alone', () => {
    assert.equal('neverScanShare' in demoSimConfig(7, {}), false, 'the sim\'s default when omitted');
    assert.equal(demoSimConfig(7, { scanCompliance: '1' }).neverScanShare, 0);
    assert.equal(demoSimConfig(7, { scanCompliance: '0' }).neverScanShare, 1);
    assert.ok(Math.abs(demoSimConfig(7, { scanCompliance: '0.7' }).neverScanShare! - 0.3) < 1e-12);
    const config = demoSimConfig(7, { scanCompliance: '0.7' });
    assert.equal('noTimeOutShare' in config || 'skipScanShare' in config, false);
    assert.throws(() => demoSimConfig(7, { scanCompliance: '1.2' }), /--scan-compliance must be a number from 0 to 1/);
  });

  it('checks share options', () => {
    assert.equal(shareOption('0.85', 'scan-compliance'), 0.85);
    assert.throws(() => shareOption('-0.1', 'scan-compliance'), /--scan-compliance/);
    assert.throws(() => shareOption('', 'scan-compliance'), /--scan-compliance/);
    assert.throws(() => shareOption('abc', 'scan-compliance'), /--scan-compliance/);
  });

  it('checks integer options', () => {
    assert.equal(integerOption('14', 'days', 1), 14);
    assert.throws(() => integerOption('0', 'days', 1), /--days must be an integer ≥ 1/);
    assert.throws(() => integerOption('1.5', 'people', 1), /--people/);
  });

  it('maps the worker switches to the simulated response times, refusing bad ones', () => {
    assert.deepEqual(demoResponseTimes({}), { medianHours: 6, sigma: 0.8, notHomeShare: 0.1 });
    assert.deepEqual(demoResponseTimes({ workerMedianHours: '2', workerSigma: '0', workerNotHome: '0' }), { medianHours: 2, sigma: 0, notHomeShare: 0 });
    assert.throws(() => demoResponseTimes({ workerMedianHours: 'soon' }), /median hours/);
  });
});
