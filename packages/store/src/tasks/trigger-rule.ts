import { dateOfDayNumber, localDayOf, type FiringRule } from '@epigrid/core';
import type { TaskCandidate } from './routed-task-writer.js';
import type { TaskRoutingRule } from './task-routing-store.js';

/** How a task type fires by itself, from the task-type catalogue under the active profile. */
export interface TriggerTaskRule<F extends FiringRule = FiringRule> {
  readonly type: string;
  readonly ruleId: string;
  readonly priority: number;
  readonly deadlineHours: number;
  readonly fires: F;
  readonly routing: TaskRoutingRule;
  /**
   * From the active protocol profile: hours around a planned test day in which a sample still counts
   * (`management.testDayToleranceHours`; 0 when it states none). Used by the missed-test rule.
   */
  readonly testDayToleranceHours: number;
}

/** When the trigger pass runs and what "today" means. */
export interface TriggerClock {
  readonly now: Date;
  /** Local offset from UTC for calendar dates (test days, end dates). */
  readonly utcOffsetMinutes: number;
}

/** A candidate as the trigger queries return it; the rule adds type, rule id and priority. */
export interface TriggeredRow {
  readonly personId: string | number;
  readonly subjectKey: string;
  readonly home: string;
  readonly clock: Date | string;
  readonly deadline: Date | string;
  readonly source: string;
}

/**
 * Completes the rows a trigger query found into task candidates of the rule's type.
 * @param rule - the firing rule
 * @param rows - rows found
 */
export function candidatesOf(rule: TriggerTaskRule, rows: readonly TriggeredRow[]): TaskCandidate[] {
  return rows.map((r) => ({ ...r, type: rule.type, ruleId: rule.ruleId, priority: rule.priority }));
}

/**
 * The local calendar date `offsetDays` from the day containing the clock's now.
 * @param clock - now and the local offset
 * @param offsetDays - days to add (negative: back)
 */
export function localDate(clock: TriggerClock, offsetDays = 0): string {
  return dateOfDayNumber(localDayOf(Math.floor(clock.now.getTime() / 1000), clock.utcOffsetMinutes) + offsetDays);
}
