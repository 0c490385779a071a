import type { OutcomeCode, TaskTrigger } from './outcome-codes.js';
import { parseTaskTypes, type OutcomeEffect, type TaskType } from './task-type-schema.js';

const closeAs = (state: OutcomeEffect['state'], followUp: string | null = null): OutcomeEffect => ({ closes: true, state, followUp });
const retry = (state: OutcomeEffect['state']): OutcomeEffect => ({ closes: false, state, followUp: null });

/**
 * The task types of the closed loop (issue 7 §1), as data. Deadlines count from the case report for
 * contacts ("close contacts under control within 24 h of the case report"); CN-P8 asked for 12 h.
 * `fires` is the rule that creates a type by itself (pooled positives, missed tests, appeals, ends of
 * quarantine); types without one come from tracing or as follow-ups (a refusal's review).
 */
export const builtinTaskTypes: readonly TaskType[] = parseTaskTypes([
  {
    id: 'verify_close_contact',
    titleKey: 'task.verify_close_contact',
    ruleId: 'loop.close_contact.transfer_24h',
    trigger: 'close_contact',
    clockStart: 'case_report',
    deadlineHours: 24,
    deadlineHoursByProfile: { 'CN-P8-2021-05': 12 },
    escalationStepHours: 6,
    priority: 1,
    outcomes: {
      reached: closeAs('under_quarantine'),
      transferred: closeAs('under_quarantine'),
      not_home: retry('unreachable'),
      moved: closeAs('moved'),
      refused: closeAs('refused', 'review_refusal'),
    },
  },
  {
    id: 'home_isolation_tests',
    titleKey: 'task.home_isolation_tests',
    ruleId: 'loop.sub_close_contact.home_isolation',
    trigger: 'sub_close_contact',
    deadlineHours: 24,
    escalationStepHours: 12,
    priority: 2,
    outcomes: {
      reached: closeAs('home_isolation'),
      tested: closeAs('home_isolation'),
      not_home: retry('unreachable'),
      moved: closeAs('moved'),
      refused: closeAs('refused', 'review_refusal'),
    },
  },
  {
    id: 'notify_companion',
    titleKey: 'task.notify_companion',
    ruleId: 'loop.companion.notify_test_twice',
    trigger: 'companion',
    deadlineHours: 24,
    escalationStepHours: 24,
    priority: 3,
    outcomes: {
      reached: closeAs('notified', 'companion_second_test'),
      tested: closeAs('tested', 'companion_second_test'),
      not_home: retry('unreachable'),
      moved: closeAs('moved'),
      refused: closeAs('refused', 'review_refusal'),
    },
  },
  {
    id: 'companion_second_test',
    titleKey: 'task.companion_second_test',
    ruleId: 'loop.companion.notify_test_twice',
    trigger: 'companion',
    deadlineHours: 48,
    escalationStepHours: 24,
    priority: 4,
    outcomes: { tested: closeAs('tested'), not_home: retry('unreachable'), moved: closeAs('moved'), refused: closeAs('refused') },
  },
  {
    id: 'retest_pool_member',
    titleKey: 'task.retest_pool_member',
    ruleId: 'loop.pooled_positive.retest_members',
    trigger: 'pooled_positive',
    deadlineHours: 6,
    escalationStepHours: 3,
    priority: 1,
    // A retest leaves the person's state as it was: a member already under quarantine stays so.
    outcomes: { tested: closeAs(null), transferred: closeAs('under_quarantine'), not_home: retry('unreachable'), moved: closeAs('moved'), refused: closeAs('refused', 'review_refusal') },
    fires: { on: 'pooled_positive', withinHours: 72 },
  },
  {
    id: 'urge_test',
    titleKey: 'task.urge_test',
    ruleId: 'loop.missed_test.door_knock',
    trigger: 'missed_test',
    deadlineHours: 12,
    escalationStepHours: 12,
    priority: 3,
    // A reminder to test does not end a quarantine: a test or a talk at the door leaves the state as it was.
    outcomes: { tested: closeAs(null), reached: closeAs(null), not_home: retry('unreachable'), moved: closeAs('moved'), refused: closeAs('refused') },
    fires: { on: 'missed_test', contactKinds: ['close', 'sub-close'], states: ['under_quarantine', 'home_isolation'], withinDays: 3, roundClosesAfterHours: 36 },
  },
  {
    id: 'review_refusal',
    titleKey: 'task.review_refusal',
    ruleId: 'loop.refusal.review',
    trigger: 'appeal',
    deadlineHours: 12,
    escalationStepHours: 12,
    priority: 2,
    outcomes: { reached: closeAs(null), transferred: closeAs('under_quarantine'), refused: closeAs('refused') },
  },
  {
    id: 'review_appeal',
    titleKey: 'task.review_appeal',
    ruleId: 'loop.appeal.review',
    trigger: 'appeal',
    // The appeal's own deadline (the health-code safeguards' SLA).
    deadlineHours: 24,
    escalationStepHours: 24,
    priority: 4,
    // Only deciding the appeal (upheld or rejected, with the outcome in words) closes the review; a
    // reviewer may note that the appellant could not be reached, and the task stays open.
    closedBy: 'appeal_decision',
    outcomes: { not_home: retry(null) },
    fires: { on: 'appeal' },
    routing: { roles: ['command_centre', 'epidemiologist'], fromLevel: 'county' },
  },
  {
    id: 'release_check',
    titleKey: 'task.release_check',
    ruleId: 'loop.quarantine_ending.release_check',
    trigger: 'quarantine_ending',
    deadlineHours: 24,
    escalationStepHours: 12,
    priority: 3,
    outcomes: { tested: closeAs('released'), reached: closeAs('released'), not_home: retry(null), transferred: closeAs('under_quarantine') },
    // The clock starts on the last day of management; the task is listed from the day before.
    fires: { on: 'quarantine_ending', states: ['under_quarantine', 'home_isolation'], daysBefore: 1, daysAfter: 2 },
  },
]);

/**
 * Finds a task type by id.
 * @param id - task type id
 * @param types - the catalogue (the built-in one by default)
 */
export function taskTypeById(id: string, types: readonly TaskType[] = builtinTaskTypes): TaskType | undefined {
  return types.find((t) => t.id === id);
}

/**
 * The deadline hours of a task type under a protocol profile.
 * @param type - task type
 * @param profileId - active protocol profile id
 */
export function deadlineHoursFor(type: TaskType, profileId: string): number {
  return type.deadlineHoursByProfile[profileId] ?? type.deadlineHours;
}

/**
 * The outcome codes a worker may report on a task type, in catalogue order.
 * @param type - task type
 */
export function allowedOutcomes(type: TaskType): OutcomeCode[] {
  return Object.keys(type.outcomes) as OutcomeCode[];
}

/** The task type generated for each kind of traced contact. */
export const taskTypeForContactKind: Readonly<Record<'close' | 'sub-close' | 'companion', string>> = {
  close: 'verify_close_contact',
  'sub-close': 'home_isolation_tests',
  companion: 'notify_companion',
};

/**
 * The task types a trigger creates by itself (those with a firing rule on it), in catalogue order.
 * @param trigger - the trigger
 * @param types - the catalogue (the built-in one by default)
 */
export function typesFiredBy(trigger: TaskTrigger, types: readonly TaskType[] = builtinTaskTypes): TaskType[] {
  return types.filter((t) => t.fires?.on === trigger);
}
