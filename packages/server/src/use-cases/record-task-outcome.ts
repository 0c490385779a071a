import { allowedOutcomes, can, deadlineHoursFor, DomainError, taskTypeById, type Actor, type OutcomeCode, type TaskType } from '@epigrid/core';
import { getTasks, isIsolationFacility, locateTask, recordTaskOutcome, type NewTask, type TaskRecord } from '@epigrid/store';
import type { Services } from '../services.js';
import { routeAndPushTasks } from './generate-tasks.js';
import { pushTasks } from './push-tasks.js';
import { holdsTask } from './read-tasks.js';
import { recordAudit } from './record-audit.js';

/** An outcome as a worker reports it (validated shape; the photo already decoded). */
export interface OutcomeReport {
  readonly clientId: string;
  readonly code: OutcomeCode;
  readonly note: string | null;
  readonly facilityId: number | null;
  readonly photo: Uint8Array | null;
  readonly recordedAt: Date;
}

/** Result of {@link recordOutcomeForActor}: the task after the outcome, and whether it was a replay. */
export interface OutcomeResult {
  readonly task: TaskRecord;
  readonly replayed: boolean;
}

async function heldTask(services: Services, actor: Actor, taskId: number): Promise<TaskRecord> {
  const [task] = await getTasks(services.db, actor.regionPath, [taskId]);
  if (task !== undefined && holdsTask(actor, task)) return task;
  if ((await locateTask(services.db, taskId)) === null) throw new DomainError('not_found', { taskId });
  throw new DomainError('outside_jurisdiction', { taskId });
}

/** Why an outcome code is refused on a task, in words that say what would close it instead. */
function refusalReason(task: TaskRecord, code: OutcomeCode, type: TaskType | undefined): string {
  const allowed = type === undefined ? 'none' : allowedOutcomes(type).join(', ') || 'none';
  if (type?.closedBy === 'appeal_decision') {
    return `a ${task.type} task closes only when its appeal is decided (upheld or rejected, with the outcome in words), not by outcome ${code}; the outcomes it records are: ${allowed}`;
  }
  return `outcome ${code} is not allowed on a ${task.type} task; allowed: ${allowed}`;
}

function followUpOf(services: Services, task: TaskRecord, report: OutcomeReport, typeId: string | null): NewTask | null {
  const next = typeId === null ? undefined : taskTypeById(typeId);
  if (next === undefined || task.personId === null) return null;
  return {
    type: next.id,
    ruleId: next.ruleId,
    personId: task.personId,
    subjectKey: `outcome:${report.clientId}`,
    priority: next.priority,
    deadline: new Date(report.recordedAt.getTime() + deadlineHoursFor(next, services.profile.id) * 3_600_000),
    clockStart: report.recordedAt,
    source: { previousTaskId: task.id, outcome: report.code },
  };
}

/**
 * Records a worker's outcome on a task: checks the code is allowed for the task type (and a facility
 * for `transferred`; an appeal's review closes only by deciding the appeal, so it takes no closing outcome), stores it once per client id, closes the task, sets the person's state (marked
 * for re-judgment: health code, area timers) and creates, routes and pushes the follow-up task.
 * The same client id again returns the same task and adds nothing (offline replay).
 * @param services - application services
 * @param actor - the worker
 * @param taskId - task id
 * @param report - the outcome
 * @param options - `deferRouting`: leave a follow-up unrouted for a later bulk pass (many outcomes at once)
 */
export async function recordOutcomeForActor(
  services: Services,
  actor: Actor,
  taskId: number,
  report: OutcomeReport,
  options: { readonly deferRouting?: boolean } = {},
): Promise<OutcomeResult> {
  const audit = { actor, action: 'task.outcome', purpose: 'field_verification', subject: `task:${taskId}` } as const;
  if (!can(actor, 'task.record')) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'forbidden' } });
    throw new DomainError('forbidden', { ability: 'task.record' });
  }
  const task = await heldTask(services, actor, taskId);
  const type = taskTypeById(task.type);
  const effect = type?.outcomes[report.code];
  if (effect === undefined) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'outcome_not_allowed', code: report.code, person: task.personId } });
    throw new DomainError('validation_failed', { field: 'code', reason: refusalReason(task, report.code, type) });
  }
  if (report.code === 'transferred') {
    if (report.facilityId === null) throw new DomainError('validation_failed', { field: 'facilityId', reason: 'a transfer names the facility' });
    if (!(await isIsolationFacility(services.db, report.facilityId))) {
      throw new DomainError('validation_failed', { field: 'facilityId', reason: `place ${report.facilityId} is not an isolation facility` });
    }
  }
  const recorded = await recordTaskOutcome(
    services.db,
    { taskId, ...report, facilityId: report.code === 'transferred' ? report.facilityId : null, receivedAt: services.now(), recordedBy: actor.userId },
    { closes: effect.closes, state: effect.state, followUp: followUpOf(services, task, report, effect.followUp) },
  );
  if (recorded.kind === 'client_id_reused') throw new DomainError('conflict', { field: 'clientId', reason: `already used for task ${recorded.taskId}` });
  if (recorded.kind === 'task_closed') throw new DomainError('conflict', { taskId, reason: 'the task is already closed' });
  const [after] = await getTasks(services.db, '', [taskId]);
  if (recorded.kind === 'replayed') return { task: after!, replayed: true };
  await recordAudit(services, { ...audit, outcome: 'allowed', details: { person: task.personId, code: report.code, outcomeId: recorded.outcomeId } });
  await pushTasks(services, [taskId]);
  if (recorded.followUpTaskIds.length > 0 && options.deferRouting !== true) await routeAndPushTasks(services);
  return { task: after!, replayed: false };
}
