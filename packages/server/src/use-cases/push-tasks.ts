import { systemActor } from '@epigrid/core';
import { getTasks } from '@epigrid/store';
import { presentTask } from '../presenters/task-presenter.js';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/**
 * Pushes the current view of tasks to the users who hold them (and region-level users above), and
 * audits the delivery of the persons' fields in one entry per call.
 * @param services - application services
 * @param taskIds - tasks routed, escalated or updated
 * @returns how many users received at least one task
 */
export async function pushTasks(services: Services, taskIds: readonly number[]): Promise<number> {
  if (taskIds.length === 0 || services.push.size === 0) return 0;
  const now = services.now();
  const tasks = await getTasks(services.db, '', taskIds);
  const reached = services.push.publish(
    tasks.map((t) => ({ assigneeUserId: t.assigneeId, assignedRegionPath: t.assignedRegionPath, json: JSON.stringify(presentTask(t, now)) })),
  );
  if (reached.size > 0) {
    await recordAudit(services, {
      actor: systemActor,
      action: 'task.push',
      purpose: 'field_verification',
      subject: null,
      outcome: 'allowed',
      details: { tasks: tasks.map((t) => t.id), persons: tasks.flatMap((t) => (t.personId === null ? [] : [t.personId])), recipients: [...reached] },
    });
  }
  return reached.size;
}
