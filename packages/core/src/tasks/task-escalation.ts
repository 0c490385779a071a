/**
 * Tells whether an open task must climb one more level now: it is past its deadline plus one
 * escalation step for each level it has already climbed. At the deadline itself it is not yet late.
 * @param deadline - the task's deadline
 * @param escalations - levels already climbed
 * @param stepHours - the task type's escalation step
 * @param now - current time
 */
export function escalationDue(deadline: Date, escalations: number, stepHours: number, now: Date): boolean {
  return now.getTime() > deadline.getTime() + escalations * stepHours * 3_600_000;
}

/**
 * The parent of a region path, or null at the root (nothing above to escalate to).
 * @param path - ltree path
 */
export function parentPath(path: string): string | null {
  const at = path.lastIndexOf('.');
  return at < 0 ? null : path.slice(0, at);
}

/**
 * Tells whether a task is overdue: open and past its deadline.
 * @param status - task status
 * @param deadline - its deadline
 * @param now - current time
 */
export function isOverdue(status: string, deadline: Date, now: Date): boolean {
  return status === 'open' && now.getTime() > deadline.getTime();
}
