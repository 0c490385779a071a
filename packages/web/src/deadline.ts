/** Deadlines of tasks: urgency, time left in words, and the order a worker works through them. */
import type { Language } from './i18n.js';
import type { TaskView } from './task-types.js';

/** How pressing a deadline is: past, within {@link soonMs}, or later. */
export type Urgency = 'overdue' | 'soon' | 'later';

/** A deadline this close (4 hours) counts as soon. */
export const soonMs = 4 * 3_600_000;

/**
 * How pressing a deadline is at a given moment.
 * @param deadline - ISO timestamp
 * @param nowMs - the moment, epoch milliseconds
 */
export function urgencyOf(deadline: string, nowMs: number): Urgency {
  const left = Date.parse(deadline) - nowMs;
  if (!(left > 0)) return 'overdue';
  return left <= soonMs ? 'soon' : 'later';
}

/**
 * A duration in the UI language, at most two units, rounded down to the minute:
 * `1 d 3 h`, `2 h 15 min`, `45 min` / `1天3小时`, `2小时15分`, `45分钟`.
 * @param language - UI language
 * @param ms - duration in milliseconds; the sign is ignored
 */
export function formatDuration(language: Language, ms: number): string {
  const minutesTotal = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutesTotal / 1440);
  const hours = Math.floor((minutesTotal % 1440) / 60);
  const minutes = minutesTotal % 60;
  const zh = language === 'zh';
  if (days > 0) return zh ? `${days}天${hours > 0 ? `${hours}小时` : ''}` : `${days} d${hours > 0 ? ` ${hours} h` : ''}`;
  if (hours > 0) return zh ? `${hours}小时${minutes > 0 ? `${minutes}分` : ''}` : `${hours} h${minutes > 0 ? ` ${minutes} min` : ''}`;
  return zh ? `${minutes}分钟` : `${minutes} min`;
}

/** Time left before a deadline, or how long past it, ready for a translation with a `{{duration}}`. */
export interface TimeLeft {
  readonly urgency: Urgency;
  readonly duration: string;
}

/**
 * Time left before a deadline (or how long it is overdue) in the UI language.
 * @param language - UI language
 * @param deadline - ISO timestamp
 * @param nowMs - the moment, epoch milliseconds
 */
export function timeLeft(language: Language, deadline: string, nowMs: number): TimeLeft {
  return { urgency: urgencyOf(deadline, nowMs), duration: formatDuration(language, Date.parse(deadline) - nowMs) };
}

/**
 * Tasks in working order: open tasks first, by deadline (so overdue ones lead), then the rest by
 * deadline; equal deadlines keep the older task first.
 * @param tasks - tasks in any order
 */
export function byDeadline(tasks: readonly TaskView[]): TaskView[] {
  return [...tasks].sort((a, b) => {
    const openA = a.status === 'open' ? 0 : 1;
    const openB = b.status === 'open' ? 0 : 1;
    if (openA !== openB) return openA - openB;
    const diff = Date.parse(a.deadline) - Date.parse(b.deadline);
    return diff !== 0 ? diff : a.id - b.id;
  });
}

/**
 * A task list with one task added or replaced (by id), in working order.
 * @param tasks - current list
 * @param task - new or updated task
 */
export function upsertTask(tasks: readonly TaskView[], task: TaskView): TaskView[] {
  return byDeadline([...tasks.filter((t) => t.id !== task.id), task]);
}
