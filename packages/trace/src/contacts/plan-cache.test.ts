import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinProfile, managementPlan } from '@epigrid/core';
import { at, OFFSET } from '../testing/scenario.js';
import { planCache } from './plan-cache.js';

const p9 = builtinProfile('CN-P9-2022-06-28');

describe('management plan cache', () => {
  it('gives the plan of the day of last exposure, one frozen object per day shared across traces', () => {
    const planOf = planCache(p9.management.closeContact, p9.dayCounting, OFFSET, 'CN-P9/management/close');
    const morning = planOf(at('2022-07-04', '09:00'));
    assert.deepEqual(morning, managementPlan(p9.management.closeContact, p9.dayCounting, at('2022-07-04', '09:00'), OFFSET, 'CN-P9/management/close'));
    assert.equal(planCache(p9.management.closeContact, p9.dayCounting, OFFSET, 'CN-P9/management/close')(at('2022-07-04', '23:59')), morning);
    assert.notEqual(planOf(at('2022-07-05', '00:00')), morning);
    assert.ok(Object.isFrozen(morning) && Object.isFrozen(morning.tests) && morning.tests.every((t) => Object.isFrozen(t)));
  });

  it('keeps plans apart by offset and rule id', () => {
    const instant = at('2022-07-04', '20:00');
    const china = planCache(p9.management.closeContact, p9.dayCounting, OFFSET, 'a')(instant);
    assert.equal(planCache(p9.management.closeContact, p9.dayCounting, OFFSET, 'b')(instant).ruleId, 'b');
    // 20:00 in UTC+8 is already the next day in UTC+14.
    assert.notEqual(planCache(p9.management.closeContact, p9.dayCounting, 840, 'a')(instant).lastExposureDate, china.lastExposureDate);
  });
});
