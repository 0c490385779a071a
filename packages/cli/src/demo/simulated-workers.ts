import { createHash } from 'node:crypto';
import { can, isRole, isWithinJurisdiction, taskTypeById, type Actor, type OutcomeCode, type TaskType } from '@epigrid/core';
import { recordOutcomeForActor, routeAndPushTasks, type Services } from '@epigrid/server';
import { listOpenTaskWork } from '@epigrid/store';
import { simulatedAttempt, type ResponseTimes } from './response-times.js';

/** What the simulated workers did in one pass. */
export interface ResponsePass {
  readonly recorded: number;
  readonly notHome: number;
}

/** Attempts made on one task in one pass at most (a run of "not home" visits within a day). */
const MAX_ATTEMPTS_PER_PASS = 4;

function closingCode(type: TaskType): OutcomeCode | null {
  for (const code of ['reached', 'tested'] as const) if (type.outcomes[code]?.closes === true) return code;
  return null;
}

/** A stable UUID per (seed, task, attempt), as a phone would have chosen once. */
function clientId(seed: number, taskId: number, attempt: number): string {
  const h = createHash('sha256').update(`outcome:${seed}:${taskId}:${attempt}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function supervisors(services: Services): Promise<Actor[]> {
  const rows = await services.db.query<{ userId: string; username: string; role: string; regionId: string; regionPath: string }>(
    `SELECT id AS "userId", username, role, region_id AS "regionId", region_path::text AS "regionPath"
     FROM app_user WHERE role = 'epidemiologist' AND NOT disabled ORDER BY nlevel(region_path) DESC, id`,
  );
  return rows.rows.flatMap((r) => (isRole(r.role) ? [{ userId: Number(r.userId), username: r.username, role: r.role, regionId: Number(r.regionId), regionPath: r.regionPath }] : []));
}

/**
 * Simulated grid workers answer their tasks: each attempt comes a lognormal delay after the task
 * reached them (or after their last attempt); attempts due by the platform's clock are recorded
 * through the same use case the app uses, at the simulated time. A task escalated to a level with no
 * worker is answered by the nearest epidemiologist above it, with the same delays. Appeal reviews are
 * left to people: deciding the appeal closes them.
 * @param services - the platform's services, clock at the end of the simulated day
 * @param seed - demo seed (responses are deterministic per seed)
 * @param times - response-time distribution
 */
export async function respondToTasks(services: Services, seed: number, times: ResponseTimes): Promise<ResponsePass> {
  const now = services.now().getTime();
  const fallback = await supervisors(services);
  let recorded = 0;
  let notHome = 0;
  for (const task of await listOpenTaskWork(services.db)) {
    const type = taskTypeById(task.type);
    const code = type === undefined ? null : closingCode(type);
    const holder = task.assignee !== null && isRole(task.assignee.role) ? { ...task.assignee, role: task.assignee.role } : fallback.find((a) => isWithinJurisdiction(task.assignedRegionPath, a.regionPath));
    // An appeal's review is closed by a reviewer's decision, never by a simulated visit.
    if (type === undefined || code === null || holder === undefined || type.fires?.on === 'appeal' || !can(holder, 'task.record')) continue;
    let from = (task.lastOutcomeAt ?? task.createdAt).getTime();
    for (let attempt = task.attempts; attempt < task.attempts + MAX_ATTEMPTS_PER_PASS; attempt++) {
      const draw = simulatedAttempt(seed, task.id, attempt, times);
      const at = from + draw.delayHours * 3_600_000;
      if (at > now) break;
      const missed = draw.notHome && type.outcomes.not_home !== undefined;
      await recordOutcomeForActor(services, holder, task.id, {
        clientId: clientId(seed, task.id, attempt),
        code: missed ? 'not_home' : code,
        note: 'simulated grid worker',
        facilityId: null,
        photo: null,
        recordedAt: new Date(at),
      }, { deferRouting: true });
      recorded++;
      if (!missed) break;
      notHome++;
      from = at;
    }
  }
  // Follow-up tasks of the whole pass are routed and pushed in one bulk step.
  await routeAndPushTasks(services);
  return { recorded, notHome };
}
