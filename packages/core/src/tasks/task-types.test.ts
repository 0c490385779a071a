import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ZodError } from 'zod';
import { allowedOutcomes, builtinTaskTypes, deadlineHoursFor, taskTypeById, taskTypeForContactKind } from './builtin-task-types.js';
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

  it('refuses an unknown outcome code', () => {
    const bad = [{ ...builtinTaskTypes[0]!, outcomes: { waved: { closes: true, state: null, followUp: null } } }];
    assert.throws(() => parseTaskTypes(bad), ZodError);
  });
});
