import type { SqlClient } from '../db/sql-client.js';

/** An escalation notice to a level, with what the reader needs of its task (the person's name only). */
export interface TaskNoticeRecord {
  readonly id: number;
  readonly kind: 'escalated';
  readonly createdAt: Date;
  readonly readAt: Date | null;
  readonly readBy: number | null;
  /** The node the notice is addressed to (where the task climbed). */
  readonly regionCode: string;
  readonly regionName: string;
  readonly regionLevel: string;
  readonly taskId: number;
  readonly taskType: string;
  readonly taskStatus: 'open' | 'done' | 'cancelled' | 'referred';
  readonly taskDeadline: Date;
  readonly taskEscalations: number;
  readonly assignedLevel: string;
  readonly assigneeName: string | null;
  readonly personId: number | null;
  readonly personName: string | null;
  readonly homeRegionCode: string;
  readonly homeRegionName: string;
}

/** Which notices to list. */
export interface TaskNoticeFilter {
  /** The reader's jurisdiction: notices addressed at or under it. */
  readonly scope: string;
  readonly unreadOnly: boolean;
  readonly limit: number;
  /** Keyset position: the (created at, id) of the last notice of the previous page. */
  readonly before: { readonly createdAt: Date; readonly id: number } | null;
}

/**
 * Lists escalation notices addressed inside a jurisdiction, newest first (keyset paging).
 * @param db - database
 * @param filter - scope, unread only, page
 */
export async function listTaskNotices(db: SqlClient, filter: TaskNoticeFilter): Promise<TaskNoticeRecord[]> {
  const result = await db.query<TaskNoticeRecord>(
    `SELECT n.id, n.kind, n.created_at AS "createdAt", n.read_at AS "readAt", n.read_by AS "readBy",
            r.code AS "regionCode", r.name_zh AS "regionName", r.level AS "regionLevel",
            t.id AS "taskId", t.type AS "taskType", t.status AS "taskStatus", t.deadline AS "taskDeadline", t.escalations AS "taskEscalations",
            t.assigned_level AS "assignedLevel", u.display_name AS "assigneeName", t.person_id AS "personId", p.name AS "personName",
            hr.code AS "homeRegionCode", hr.name_zh AS "homeRegionName"
     FROM task_notice n
     JOIN region r ON r.path = n.region_path
     JOIN task t ON t.id = n.task_id
     JOIN region hr ON hr.path = t.home_region_path
     LEFT JOIN person p ON p.id = t.person_id
     LEFT JOIN app_user u ON u.id = t.assignee_user_id
     WHERE n.region_path <@ $1::ltree AND (NOT $2 OR n.read_at IS NULL)
       AND ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3::timestamptz, $4::bigint))
     ORDER BY n.created_at DESC, n.id DESC LIMIT $5`,
    [filter.scope, filter.unreadOnly, filter.before?.createdAt ?? null, filter.before?.id ?? null, filter.limit],
  );
  return result.rows.map((r) => ({
    ...r,
    id: Number(r.id),
    readBy: r.readBy === null ? null : Number(r.readBy),
    taskId: Number(r.taskId),
    personId: r.personId === null ? null : Number(r.personId),
  }));
}

/**
 * Counts the unread notices addressed inside a jurisdiction (the badge).
 * @param db - database
 * @param scope - the reader's jurisdiction
 */
export async function countUnreadTaskNotices(db: SqlClient, scope: string): Promise<number> {
  const result = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM task_notice WHERE region_path <@ $1::ltree AND read_at IS NULL`, [scope]);
  return result.rows[0]!.n;
}

/**
 * Marks notices read, only unread ones inside the jurisdiction (others are left as they are).
 * @param db - database
 * @param scope - the reader's jurisdiction
 * @param ids - notice ids
 * @param userId - the reader
 * @param at - when
 * @returns the ids marked now, with the tasks and persons they name
 */
export async function markTaskNoticesRead(
  db: SqlClient,
  scope: string,
  ids: readonly number[],
  userId: number,
  at: Date,
): Promise<Array<{ id: number; taskId: number; personId: number | null }>> {
  if (ids.length === 0) return [];
  const result = await db.query<{ id: string; taskId: string; personId: string | null }>(
    `UPDATE task_notice n SET read_at = $4, read_by = $3
     FROM task t
     WHERE t.id = n.task_id AND n.id = ANY($1::bigint[]) AND n.region_path <@ $2::ltree AND n.read_at IS NULL
     RETURNING n.id, n.task_id AS "taskId", t.person_id AS "personId"`,
    [ids, scope, userId, at],
  );
  return result.rows.map((r) => ({ id: Number(r.id), taskId: Number(r.taskId), personId: r.personId === null ? null : Number(r.personId) })).sort((a, b) => a.id - b.id);
}
