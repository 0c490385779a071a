import type { SqlClient } from '../db/sql-client.js';

/** A task as a worker sees it: only the person fields the visit needs (phone as its last four digits). */
export interface TaskRecord {
  readonly id: number;
  readonly type: string;
  readonly ruleId: string;
  readonly status: 'open' | 'done' | 'cancelled' | 'referred';
  readonly priority: number;
  readonly deadline: Date;
  readonly createdAt: Date;
  readonly doneAt: Date | null;
  readonly escalations: number;
  readonly personId: number | null;
  readonly personName: string | null;
  readonly address: string | null;
  readonly phoneTail: string | null;
  /** The home's location (WGS 84), for the pin on the grid worker's map; null when unknown. */
  readonly homeLat: number | null;
  readonly homeLng: number | null;
  readonly homeRegionCode: string;
  readonly homeRegionName: string;
  readonly homeRegionPath: string;
  readonly assignedRegionPath: string;
  readonly assignedLevel: string;
  readonly assigneeId: number | null;
  readonly assigneeName: string | null;
  readonly outcomeCode: string | null;
  readonly outcomeNote: string | null;
  readonly outcomeRecordedAt: Date | null;
}

/** Which tasks to list. */
export interface TaskFilter {
  /** The reader's jurisdiction: only tasks assigned at or under it. */
  readonly scope: string;
  /** Only this user's tasks, or all of the jurisdiction's. */
  readonly assigneeUserId: number | null;
  readonly status: 'open' | 'done' | 'overdue';
  readonly now: Date;
  readonly limit: number;
  /** Keyset position: the (deadline, id) of the last task of the previous page. */
  readonly after: { readonly deadline: Date; readonly id: number } | null;
}

const VIEW_SELECT = `
  SELECT t.id, t.type, t.rule_id AS "ruleId", t.status, t.priority, t.deadline, t.created_at AS "createdAt", t.done_at AS "doneAt",
         t.escalations, t.person_id AS "personId", p.name AS "personName", h.address, p.phone_tail AS "phoneTail", h.lat AS "homeLat", h.lng AS "homeLng",
         hr.code AS "homeRegionCode", hr.name_zh AS "homeRegionName", t.home_region_path::text AS "homeRegionPath",
         t.assigned_region_path::text AS "assignedRegionPath", t.assigned_level AS "assignedLevel",
         t.assignee_user_id AS "assigneeId", u.display_name AS "assigneeName",
         o.code AS "outcomeCode", o.note AS "outcomeNote", o.recorded_at AS "outcomeRecordedAt"
  FROM task t
  LEFT JOIN person p ON p.id = t.person_id
  LEFT JOIN household h ON h.id = p.household_id
  JOIN region hr ON hr.path = t.home_region_path
  LEFT JOIN app_user u ON u.id = t.assignee_user_id
  LEFT JOIN LATERAL (SELECT code, note, recorded_at FROM task_outcome WHERE task_id = t.id ORDER BY recorded_at DESC, id DESC LIMIT 1) o ON true`;

function normalise(row: TaskRecord): TaskRecord {
  return { ...row, id: Number(row.id), personId: row.personId === null ? null : Number(row.personId), assigneeId: row.assigneeId === null ? null : Number(row.assigneeId) };
}

/**
 * Lists tasks in a jurisdiction by deadline (keyset paging), routed ones only.
 * @param db - database
 * @param filter - scope, assignee, status, page
 */
export async function listTasks(db: SqlClient, filter: TaskFilter): Promise<TaskRecord[]> {
  const status =
    filter.status === 'done' ? `t.status = 'done' AND $3::timestamptz IS NOT NULL` : filter.status === 'overdue' ? `t.status = 'open' AND t.deadline < $3::timestamptz` : `t.status = 'open' AND $3::timestamptz IS NOT NULL`;
  const result = await db.query<TaskRecord>(
    `${VIEW_SELECT}
     WHERE t.routed_at IS NOT NULL AND t.assigned_region_path <@ $1::ltree AND ($2::bigint IS NULL OR t.assignee_user_id = $2)
       AND ${status} AND ($4::timestamptz IS NULL OR (t.deadline, t.id) > ($4::timestamptz, $5::bigint))
     ORDER BY t.deadline, t.id LIMIT $6`,
    [filter.scope, filter.assigneeUserId, filter.now, filter.after?.deadline ?? null, filter.after?.id ?? null, filter.limit],
  );
  return result.rows.map(normalise);
}

/**
 * Reads tasks by id, inside a jurisdiction only (missing and outside look the same: absent).
 * @param db - database
 * @param scope - the reader's jurisdiction
 * @param ids - task ids
 */
export async function getTasks(db: SqlClient, scope: string, ids: readonly number[]): Promise<TaskRecord[]> {
  if (ids.length === 0) return [];
  const result = await db.query<TaskRecord>(`${VIEW_SELECT} WHERE t.id = ANY($1::bigint[]) AND t.assigned_region_path <@ $2::ltree ORDER BY t.deadline, t.id`, [
    ids,
    scope,
  ]);
  return result.rows.map(normalise);
}

/**
 * Where a task is, whatever the reader's jurisdiction (to tell "outside" from "missing").
 * @param db - database
 * @param id - task id
 */
export async function locateTask(db: SqlClient, id: number): Promise<{ assignedRegionPath: string; type: string; status: string } | null> {
  const result = await db.query<{ assignedRegionPath: string; type: string; status: string }>(
    `SELECT assigned_region_path::text AS "assignedRegionPath", type, status FROM task WHERE id = $1`,
    [id],
  );
  return result.rows[0] ?? null;
}

/** An open task as simulated workers see their queue: who holds it and how often it was tried. */
export interface OpenTaskWork {
  readonly id: number;
  readonly type: string;
  readonly createdAt: Date;
  readonly assignedRegionPath: string;
  /** The holder as an actor, or null for a task waiting unassigned at a level. */
  readonly assignee: { readonly userId: number; readonly username: string; readonly role: string; readonly regionId: number; readonly regionPath: string } | null;
  readonly attempts: number;
  readonly lastOutcomeAt: Date | null;
}

/**
 * Lists every open, routed task with its holder and earlier attempts (the demo's simulated workers).
 * @param db - database
 */
export async function listOpenTaskWork(db: SqlClient): Promise<OpenTaskWork[]> {
  const result = await db.query<{
    id: string; type: string; createdAt: Date; path: string; userId: string | null; username: string | null; role: string | null;
    regionId: string | null; regionPath: string | null; attempts: number; lastOutcomeAt: Date | null;
  }>(
    `SELECT t.id, t.type, t.created_at AS "createdAt", t.assigned_region_path::text AS path, u.id AS "userId", u.username, u.role,
            u.region_id AS "regionId", u.region_path::text AS "regionPath",
            (SELECT count(*)::int FROM task_outcome o WHERE o.task_id = t.id) AS attempts,
            (SELECT max(o.recorded_at) FROM task_outcome o WHERE o.task_id = t.id) AS "lastOutcomeAt"
     FROM task t LEFT JOIN app_user u ON u.id = t.assignee_user_id
     WHERE t.status = 'open' AND t.routed_at IS NOT NULL ORDER BY t.id`,
  );
  return result.rows.map((r) => ({
    id: Number(r.id),
    type: r.type,
    createdAt: new Date(r.createdAt),
    assignedRegionPath: r.path,
    assignee:
      r.userId === null
        ? null
        : { userId: Number(r.userId), username: r.username!, role: r.role!, regionId: Number(r.regionId), regionPath: r.regionPath! },
    attempts: r.attempts,
    lastOutcomeAt: r.lastOutcomeAt === null ? null : new Date(r.lastOutcomeAt),
  }));
}
