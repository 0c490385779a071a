import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { byDeadline, formatDuration, timeLeft, upsertTask, urgencyOf } from './deadline.js';
import type { TaskView } from './task-types.js';

const now = Date.parse('2026-03-01T08:00:00Z');
const hour = 3_600_000;

function task(id: number, deadline: string, status: TaskView['status'] = 'open'): TaskView {
  return {
    id,
    type: 'urge_test',
    titleKey: 'tasks.urge_test',
    status,
    priority: 1,
    deadline,
    createdAt: '2026-03-01T00:00:00Z',
    overdue: false,
    person: null,
    homeRegion: { code: 'g', name: 'g' },
    assignedLevel: 'grid',
    assignee: null,
    allowedOutcomes: ['tested'],
    closedBy: 'outcome',
    outcome: null,
  };
}

describe('deadlines', () => {
  it('grades urgency: past or now is overdue, within 4 h is soon, beyond is later', () => {
    assert.equal(urgencyOf('2026-03-01T07:59:00Z', now), 'overdue');
    assert.equal(urgencyOf('2026-03-01T08:00:00Z', now), 'overdue');
    assert.equal(urgencyOf('2026-03-01T12:00:00Z', now), 'soon');
    assert.equal(urgencyOf('2026-03-01T12:01:00Z', now), 'later');
    assert.equal(urgencyOf('not a date', now), 'overdue', 'an unreadable deadline is treated as due');
  });

  it('formats durations in two units at most, in English and Chinese', () => {
    assert.equal(formatDuration('en', 45 * 60_000 + 59_000), '45 min');
    assert.equal(formatDuration('en', 2 * hour + 15 * 60_000), '2 h 15 min');
    assert.equal(formatDuration('en', 3 * hour), '3 h');
    assert.equal(formatDuration('en', 27 * hour + 40 * 60_000), '1 d 3 h');
    assert.equal(formatDuration('zh', 2 * hour + 15 * 60_000), '2小时15分');
    assert.equal(formatDuration('zh', 48 * hour), '2天');
    assert.equal(formatDuration('zh', 30_000), '0分钟');
    assert.equal(formatDuration('en', -90 * 60_000), '1 h 30 min', 'the sign is dropped');
  });

  it('tells the time left or how long overdue', () => {
    assert.deepEqual(timeLeft('en', '2026-03-01T10:30:00Z', now), { urgency: 'soon', duration: '2 h 30 min' });
    assert.deepEqual(timeLeft('zh', '2026-03-01T06:00:00Z', now), { urgency: 'overdue', duration: '2小时' });
  });

  it('orders open tasks by deadline (overdue first), then the others', () => {
    const tasks = [task(1, '2026-03-02T00:00:00Z'), task(2, '2026-02-28T00:00:00Z', 'done'), task(3, '2026-03-01T06:00:00Z'), task(4, '2026-03-01T06:00:00Z')];
    assert.deepEqual(byDeadline(tasks).map((t) => t.id), [3, 4, 1, 2]);
  });

  it('replaces a pushed task by id and keeps the order', () => {
    const list = byDeadline([task(1, '2026-03-02T00:00:00Z'), task(2, '2026-03-03T00:00:00Z')]);
    const updated = upsertTask(list, task(2, '2026-03-01T09:00:00Z'));
    assert.deepEqual(updated.map((t) => t.id), [2, 1]);
    assert.deepEqual(upsertTask(updated, task(5, '2026-03-05T00:00:00Z')).map((t) => t.id), [2, 1, 5]);
  });

  it('property: the working order puts every open task before every other, deadlines non-decreasing within each', () => {
    const arbitraryTask = fc.record({
      id: fc.integer({ min: 1, max: 1e6 }),
      deadline: fc.integer({ min: 0, max: 4e12 }).map((ms) => new Date(ms).toISOString()),
      status: fc.constantFrom('open', 'done', 'cancelled') as fc.Arbitrary<TaskView['status']>,
    });
    fc.assert(
      fc.property(fc.array(arbitraryTask, { maxLength: 30 }), (rows) => {
        const sorted = byDeadline(rows.map((r) => task(r.id, r.deadline, r.status)));
        const firstClosed = sorted.findIndex((t) => t.status !== 'open');
        if (firstClosed >= 0) assert.ok(sorted.slice(firstClosed).every((t) => t.status !== 'open'));
        for (let i = 1; i < sorted.length; i++) {
          if ((sorted[i - 1]!.status === 'open') === (sorted[i]!.status === 'open')) {
            assert.ok(Date.parse(sorted[i - 1]!.deadline) <= Date.parse(sorted[i]!.deadline));
          }
        }
      }),
    );
  });
});
