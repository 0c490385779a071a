import { can, DomainError, isWithinJurisdiction, type Actor } from '@epigrid/core';
import { getTasks, listTasks, locateTask, type TaskRecord } from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** Which tasks a user asks for. */
export interface TaskListQuery {
  /** `mine`: assigned to me; `region`: everything placed in my jurisdiction (grid workers: mine only). */
  readonly view: 'mine' | 'region';
  readonly status: 'open' | 'done' | 'overdue';
  readonly limit: number;
  /** Opaque cursor from the previous page. */
  readonly cursor: string | null;
}

/**
 * Encodes a keyset position.
 * @param task - last task of a page
 */
export function encodeTaskCursor(task: Pick<TaskRecord, 'deadline' | 'id'>): string {
  return Buffer.from(`${new Date(task.deadline).toISOString()}|${task.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { deadline: Date; id: number } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const deadline = new Date(time ?? '');
  const taskId = Number(id);
  if (Number.isNaN(deadline.getTime()) || !Number.isInteger(taskId)) throw new DomainError('validation_failed', { field: 'cursor', reason: 'not a cursor from this API' });
  return { deadline, id: taskId };
}

/**
 * Lists tasks for a user by deadline. A grid worker only ever sees their own tasks in their grid;
 * the read of the persons listed is audited.
 * @param services - application services
 * @param actor - the reader
 * @param query - view, status, page
 */
export async function listTasksForActor(services: Services, actor: Actor, query: TaskListQuery): Promise<{ tasks: TaskRecord[]; next: string | null }> {
  if (!can(actor, 'task.read')) {
    await recordAudit(services, { actor, action: 'task.list', purpose: 'field_verification', subject: null, outcome: 'refused', details: { reason: 'forbidden' } });
    throw new DomainError('forbidden', { ability: 'task.read' });
  }
  const mine = query.view === 'mine' || actor.role === 'grid_worker';
  const tasks = await listTasks(services.db, {
    scope: actor.regionPath,
    assigneeUserId: mine ? actor.userId : null,
    status: query.status,
    now: services.now(),
    limit: query.limit,
    after: query.cursor === null ? null : decodeCursor(query.cursor),
  });
  const persons = tasks.flatMap((t) => (t.personId === null ? [] : [t.personId]));
  if (persons.length > 0) {
    await recordAudit(services, { actor, action: 'task.list', purpose: 'field_verification', subject: null, outcome: 'allowed', details: { persons, tasks: tasks.map((t) => t.id) } });
  }
  return { tasks, next: tasks.length === query.limit ? encodeTaskCursor(tasks[tasks.length - 1]!) : null };
}

/**
 * Reads one task in the user's jurisdiction (grid workers: only their own); audited as a read of the person.
 * @param services - application services
 * @param actor - the reader
 * @param taskId - task id
 */
export async function readTaskForActor(services: Services, actor: Actor, taskId: number): Promise<TaskRecord> {
  const audit = { actor, action: 'task.read', purpose: 'field_verification', subject: `task:${taskId}` } as const;
  if (!can(actor, 'task.read')) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'forbidden' } });
    throw new DomainError('forbidden', { ability: 'task.read' });
  }
  const [task] = await getTasks(services.db, actor.regionPath, [taskId]);
  if (task === undefined || (actor.role === 'grid_worker' && task.assigneeId !== actor.userId)) {
    const where = await locateTask(services.db, taskId);
    if (where === null) throw new DomainError('not_found', { taskId });
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'outside_jurisdiction' } });
    throw new DomainError('outside_jurisdiction', { taskId });
  }
  await recordAudit(services, { ...audit, outcome: 'allowed', details: { person: task.personId } });
  return task;
}

/**
 * Tells whether a task is one the actor may act on (in their jurisdiction; a grid worker's own).
 * @param actor - the user
 * @param task - the task
 */
export function holdsTask(actor: Actor, task: Pick<TaskRecord, 'assignedRegionPath' | 'assigneeId'>): boolean {
  if (!isWithinJurisdiction(task.assignedRegionPath, actor.regionPath)) return false;
  return actor.role !== 'grid_worker' || task.assigneeId === actor.userId;
}
