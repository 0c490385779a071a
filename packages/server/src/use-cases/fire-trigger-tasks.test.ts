import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinProfile } from '@epigrid/core';
import { triggerTaskRules } from './fire-trigger-tasks.js';

describe('the catalogue’s firing rules under a protocol profile', () => {
  const p9 = builtinProfile('CN-P9-2022-06-28');

  it('carries no tolerance around planned test days unless the profile states one', () => {
    const rules = triggerTaskRules(p9);
    assert.deepEqual(rules.map((r) => r.type), ['retest_pool_member', 'urge_test', 'review_appeal', 'release_check']);
    assert.ok(rules.every((r) => r.testDayToleranceHours === 0));
    const lenient = triggerTaskRules({ ...p9, management: { ...p9.management, testDayToleranceHours: 4 } });
    assert.equal(lenient.find((r) => r.type === 'urge_test')?.testDayToleranceHours, 4);
  });
});
