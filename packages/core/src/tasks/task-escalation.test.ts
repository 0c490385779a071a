import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { escalationDue, isOverdue, parentPath } from './task-escalation.js';

const hour = 3_600_000;

describe('task escalation', () => {
  const deadline = new Date('2026-03-10T12:00:00Z');

  it('is not due at the deadline itself, and is due a millisecond after', () => {
    assert.equal(escalationDue(deadline, 0, 6, deadline), false);
    assert.equal(escalationDue(deadline, 0, 6, new Date(deadline.getTime() + 1)), true);
  });

  it('climbs again only one step after each escalation', () => {
    assert.equal(escalationDue(deadline, 1, 6, new Date(deadline.getTime() + 6 * hour)), false);
    assert.equal(escalationDue(deadline, 1, 6, new Date(deadline.getTime() + 6 * hour + 1)), true);
    assert.equal(escalationDue(deadline, 2, 6, new Date(deadline.getTime() + 12 * hour - 1)), false);
  });

  it('escalates a task at most once per step: the count of due escalations grows with time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 0, max: 10 * 48 * 60 }), (step, minutesLate) => {
        const now = new Date(deadline.getTime() + minutesLate * 60_000);
        let escalations = 0;
        while (escalationDue(deadline, escalations, step, now)) escalations++;
        assert.equal(escalations, minutesLate === 0 ? 0 : Math.ceil((minutesLate * 60_000) / (step * hour)));
      }),
    );
  });

  it('goes up one level and stops at the root', () => {
    assert.equal(parentPath('p.c.k.t.m.g'), 'p.c.k.t.m');
    assert.equal(parentPath('p'), null);
  });

  it('calls only open tasks past the deadline overdue', () => {
    assert.equal(isOverdue('open', deadline, new Date(deadline.getTime() + 1)), true);
    assert.equal(isOverdue('open', deadline, deadline), false);
    assert.equal(isOverdue('done', deadline, new Date(deadline.getTime() + hour)), false);
  });
});
