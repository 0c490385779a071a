import { builtinTaskTypes, deadlineHoursFor, taskTypeById, taskTypeForContactKind } from '@epigrid/core';
import { generateContactTasks, routePendingTasks, type ContactTaskRule } from '@epigrid/store';
import type { Services } from '../services.js';
import { fireTriggerTasks, routingByType } from './fire-trigger-tasks.js';
import { pushTasks } from './push-tasks.js';

/**
 * The rules that turn each kind of traced contact into a task under the active protocol profile.
 * @param profileId - active protocol profile id
 */
export function contactTaskRules(profileId: string): ContactTaskRule[] {
  return (Object.entries(taskTypeForContactKind) as Array<[ContactTaskRule['contactKind'], string]>).map(([contactKind, typeId]) => {
    const type = taskTypeById(typeId, builtinTaskTypes)!;
    return { contactKind, type: type.id, ruleId: type.ruleId, priority: type.priority, deadlineHours: deadlineHoursFor(type, profileId), clockStart: type.clockStart };
  });
}

/** What one generation pass did. */
export interface GenerationReport {
  readonly created: number;
  readonly routed: number;
  readonly pushedTo: number;
}

/**
 * Routes every unrouted task (new ones and follow-ups) and pushes them to their workers.
 * @param services - application services
 */
export async function routeAndPushTasks(services: Services): Promise<{ routed: number; pushedTo: number }> {
  const routed = await routePendingTasks(services.db, services.now(), { routingByType: routingByType() });
  const pushedTo = await pushTasks(services, routed.map((r) => r.id));
  return { routed: routed.length, pushedTo };
}

/**
 * The loop after tracing and imports: new close, sub-close and companion links become tasks, and so
 * do the other triggers of the catalogue (positive pooled tubes, missed tests and rounds, appeals,
 * ends of quarantine) — each once, routed as they are created and pushed to the workers; any other
 * task still unrouted (follow-ups) is routed too.
 * @param services - application services
 */
export async function generateTasks(services: Services): Promise<GenerationReport> {
  const created = await generateContactTasks(services.db, contactTaskRules(services.profile.id), services.now());
  const pushedNew = await pushTasks(services, created.map((t) => t.id));
  const fired = await fireTriggerTasks(services);
  const firedCount = Object.values(fired.created).reduce((a, b) => a + b, 0);
  const rest = await routeAndPushTasks(services);
  return { created: created.length + firedCount, routed: created.length + firedCount + rest.routed, pushedTo: pushedNew + fired.pushedTo + rest.pushedTo };
}
