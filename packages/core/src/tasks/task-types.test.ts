import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ZodError } from 'zod';
import { can } from '../access/policy.js';
import { appealDeadlineHours } from '../health-codes/safeguards.js';
import { allowedOutcomes, builtinTaskTypes, deadlineHoursFor, taskTypeById, taskTypeForContactKind, typesFiredBy } from './builtin-task-types.js';
import { taskTriggers } from './outcome-codes.js';
import { parseTaskTypes } from './task-type-schema.js';

describe('task types as data', () => {
  it('covers every trigger of the loop', () => {
    assert.deepEqual(new Set(builtinTaskTypes.map((t) => t.trigger)), new Set(taskTriggers));
  });

  it('gives close contacts 24 h from the case report, 12 h under CN-P8', () => {
    const close = taskTypeById(taskTypeForContactKind.close)!;
    assert.equal(close.clockStart, 'case_report');
    assert.equal(deadlineHoursFor(close, 'CN-P9-2022-06-28'), 24);
    assert.equal(deadlineHoursFor(close, 'CN-P8-2021-05'), 12);
  });

  it('lists the outcomes a worker may report, and a refusal asks for a review', () => {
    const close = taskTypeById('verify_close_contact')!;
    assert.deepEqual(allowedOutcomes(close), ['reached', 'transferred', 'not_home', 'moved', 'refused']);
    assert.deepEqual(close.outcomes.refused, { closes: true, state: 'refused', followUp: 'review_refusal' });
    assert.equal(close.outcomes.not_home?.closes, false);
  });

  it('refuses a follow-up to an unknown type, naming it', () => {
    const bad = [{ ...builtinTaskTypes[0]!, outcomes: { reached: { closes: true, state: null, followUp: 'nope' } } }];
    assert.throws(() => parseTaskTypes(bad), (e: unknown) => e instanceof ZodError && /unknown follow-up task type nope/.test(e.message));
  });

  it('refuses a type no outcome can close, and a duplicate id', () => {
    const open = [{ ...builtinTaskTypes[0]!, outcomes: { not_home: { closes: false, state: null, followUp: null } } }];
    assert.throws(() => parseTaskTypes(open), /no outcome closes it/);
    const twice = [builtinTaskTypes[3]!, builtinTaskTypes[3]!];
    assert.throws(() => parseTaskTypes(twice), /listed twice/);
  });

  it('fires each of the four non-contact triggers by a rule in the catalogue; tracing creates the contact tasks', () => {
    const fired = Object.fromEntries(taskTriggers.map((trigger) => [trigger, typesFiredBy(trigger).map((t) => t.id)]));
    assert.deepEqual(fired, {
      close_contact: [],
      sub_close_contact: [],
      companion: [],
      pooled_positive: ['retest_pool_member'],
      missed_test: ['urge_test'],
      appeal: ['review_appeal'],
      quarantine_ending: ['release_check'],
    });
    assert.equal(taskTypeById('review_refusal')!.fires, null, 'a refusal review is a follow-up only');
  });

  it('gives an appeal review the appeal deadline and routes it to roles that may decide appeals, from the county', () => {
    const review = taskTypeById('review_appeal')!;
    assert.equal(review.deadlineHours, appealDeadlineHours);
    assert.equal(review.routing.fromLevel, 'county');
    for (const role of review.routing.roles) assert.ok(can({ userId: 1, username: 'r', role, regionId: 1, regionPath: 'p' }, 'appeal.decide'), role);
    assert.deepEqual(taskTypeById('release_check')!.routing, { roles: ['grid_worker'], fromLevel: null });
  });

  it('closes an appeal review only by deciding the appeal: no outcome of the catalogue closes it', () => {
    const review = taskTypeById('review_appeal')!;
    assert.equal(review.closedBy, 'appeal_decision');
    assert.deepEqual(Object.entries(review.outcomes).filter(([, e]) => e.closes), []);
    assert.deepEqual(allowedOutcomes(review), ['not_home']);
    for (const type of builtinTaskTypes.filter((t) => t.id !== 'review_appeal')) assert.equal(type.closedBy, 'outcome', type.id);
  });

  it('refuses a closing outcome on a type closed by its appeal’s decision, and that closer on a type of another trigger', () => {
    const review = taskTypeById('review_appeal')!;
    const closing = { ...review, outcomes: { ...review.outcomes, reached: { closes: true, state: null, followUp: null } } };
    assert.throws(() => parseTaskTypes([closing]), /closed by its appeal's decision: outcome reached may not close it/);
    const release = taskTypeById('release_check')!;
    assert.throws(() => parseTaskTypes([{ ...release, closedBy: 'appeal_decision', outcomes: { not_home: release.outcomes.not_home } }]), /only an appeal's review is closed by the appeal's decision/);
    assert.throws(() => parseTaskTypes([{ ...release, closedBy: 'mayor' }]), ZodError);
  });

  it('lets a reminder to test leave a quarantine as it was', () => {
    for (const id of ['urge_test', 'retest_pool_member']) {
      const type = taskTypeById(id)!;
      assert.equal(type.outcomes.tested?.state, null, id);
      assert.ok(type.outcomes.reached === undefined || type.outcomes.reached.state === null, id);
    }
  });

  it('refuses a firing rule on another trigger than the type’s, and unknown rule fields', () => {
    const urge = taskTypeById('urge_test')!;
    assert.throws(() => parseTaskTypes([{ ...urge, fires: { on: 'appeal' } }]), /fires on appeal but its trigger is missed_test/);
    assert.throws(() => parseTaskTypes([{ ...urge, fires: { ...urge.fires, every: 3 } }]), ZodError);
    assert.throws(() => parseTaskTypes([{ ...urge, routing: { roles: ['mayor'], fromLevel: null } }]), ZodError);
  });

  it('refuses an unknown outcome code', () => {
    const bad = [{ ...builtinTaskTypes[0]!, outcomes: { waved: { closes: true, state: null, followUp: null } } }];
    assert.throws(() => parseTaskTypes(bad), ZodError);
  });
});
