import { builtinTaskTypes, deadlineHoursFor, type ProtocolProfile, type TaskTrigger, type TaskType } from '@epigrid/core';
import { generateTriggerTasks, type TaskRoutingRule, type TriggerTaskRule } from '@epigrid/store';
import type { Services } from '../services.js';
import { judgmentRules } from './judgment/judgment-rules.js';
import { pushTasks } from './push-tasks.js';

/**
 * The firing rules of the catalogue under the active protocol profile: one per task type that a
 * trigger creates by itself, with its deadline and routing, and the profile's tolerance around
 * planned test days (none unless the profile states one).
 * @param profile - active protocol profile
 * @param types - the task-type catalogue
 */
export function triggerTaskRules(profile: Pick<ProtocolProfile, 'id' | 'management'>, types: readonly TaskType[] = builtinTaskTypes): TriggerTaskRule[] {
  const testDayToleranceHours = profile.management.testDayToleranceHours ?? 0;
  return types.flatMap((type) =>
    type.fires === null
      ? []
      : [
          {
            type: type.id,
            ruleId: type.ruleId,
            priority: type.priority,
            deadlineHours: deadlineHoursFor(type, profile.id),
            fires: type.fires,
            routing: type.routing,
            testDayToleranceHours,
          },
        ],
  );
}

/**
 * How each task type is routed when it is not the grid workers' from the home (reviewers' tasks),
 * for bulk routing and escalation.
 * @param types - the task-type catalogue
 */
export function routingByType(types: readonly TaskType[] = builtinTaskTypes): Record<string, TaskRoutingRule> {
  return Object.fromEntries(types.map((t) => [t.id, t.routing]));
}

/**
 * Fires the catalogue's trigger rules — positive pooled tubes, missed tests and rounds, filed appeals,
 * ends of quarantine — creating their tasks once each, routed as they are created, and pushes them.
 * @param services - application services
 * @param only - fire only the rules of this trigger (e.g. `appeal` right after a filing); all by default
 * @returns tasks created per type and how many users were pushed work
 */
export async function fireTriggerTasks(services: Services, only?: TaskTrigger): Promise<{ created: Record<string, number>; pushedTo: number }> {
  const clock = { now: services.now(), utcOffsetMinutes: judgmentRules(services).areas?.utcOffsetMinutes ?? 480 };
  const created: Record<string, number> = {};
  const ids: number[] = [];
  for (const rule of triggerTaskRules(services.profile)) {
    if (only !== undefined && rule.fires.on !== only) continue;
    const tasks = await generateTriggerTasks(services.db, rule, clock);
    created[rule.type] = tasks.length;
    ids.push(...tasks.map((t) => t.id));
  }
  return { created, pushedTo: await pushTasks(services, ids) };
}
