import { builtinTaskTypes } from '@epigrid/core';
import { escalateOverdueTasks } from '@epigrid/store';
import type { Services } from '../services.js';
import { pushTasks } from './push-tasks.js';

/**
 * The escalation sweep: overdue tasks climb one level (grid → community → … → province) with a
 * notice to that level, and are pushed to whoever receives them there (the roles that work the
 * type: grid workers, or reviewers for an appeal's review).
 * @param services - application services
 * @returns how many tasks climbed
 */
export async function escalateTasks(services: Services): Promise<{ escalated: number }> {
  const stepHoursByType = Object.fromEntries(builtinTaskTypes.map((t) => [t.id, t.escalationStepHours]));
  const rolesByType = Object.fromEntries(builtinTaskTypes.map((t) => [t.id, t.routing.roles]));
  const moved = await escalateOverdueTasks(services.db, services.now(), { stepHoursByType, rolesByType });
  await pushTasks(services, moved.map((m) => m.id));
  return { escalated: moved.length };
}
