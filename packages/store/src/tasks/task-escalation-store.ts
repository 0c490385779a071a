import { chooseWorker, parentPath, type RoutingWorker } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';

/** A task moved one level up by escalation. */
export interface EscalatedTask {
  readonly id: number;
  readonly fromPath: string;
  readonly regionPath: string;
  readonly level: string;
  readonly assigneeUserId: number | null;
  readonly escalations: number;
}

/** Options of {@link escalateOverdueTasks}. */
export interface EscalationOptions {
  /** Escalation step per task type, in hours (from the task-type catalogue). */
  readonly stepHoursByType: Readonly<Record<string, number>>;
  /** Roles that receive tasks at a node; grid workers by default. */
  readonly roles?: readonly string[];
}

/**
 * Moves every open task that is past its deadline (plus one step per earlier escalation) one level
 * up: to the parent node, to a worker there if any (least loaded, in turn), with a notice to that
 * level. A task at the root stays where it is. One sweep climbs at most one level per task.
 * @param db - database
 * @param now - sweep time
 * @param options - steps per type, roles
 */
export async function escalateOverdueTasks(db: SqlClient, now: Date, options: EscalationOptions): Promise<EscalatedTask[]> {
  const types = Object.keys(options.stepHoursByType);
  return db.transaction(async (tx) => {
    const due = await tx.query<{ id: string; path: string; escalations: number }>(
      `SELECT t.id, t.assigned_region_path::text AS path, t.escalations
       FROM task t JOIN unnest($1::text[], $2::float8[]) AS s(type, step_hours) ON s.type = t.type
       WHERE t.status = 'open' AND t.routed_at IS NOT NULL AND t.deadline < $3 AND nlevel(t.assigned_region_path) > 1
         AND $3 > t.deadline + make_interval(secs => t.escalations * s.step_hours * 3600)
       ORDER BY t.deadline, t.id FOR UPDATE OF t SKIP LOCKED`,
      [types, types.map((t) => options.stepHoursByType[t]), now],
    );
    if (due.rows.length === 0) return [];
    const parents = [...new Set(due.rows.map((r) => parentPath(r.path)!))];
    const regions = await tx.query<{ path: string; level: string }>(`SELECT path::text AS path, level FROM region WHERE path = ANY($1::text[]::ltree[])`, [parents]);
    const levels = new Map(regions.rows.map((r) => [r.path, r.level]));
    const workers = await tx.query<{ path: string; userId: string; open: number }>(
      `SELECT u.region_path::text AS path, u.id AS "userId",
              (SELECT count(*)::int FROM task t WHERE t.assignee_user_id = u.id AND t.status = 'open') AS open
       FROM app_user u WHERE NOT u.disabled AND u.role = ANY($2::text[]) AND u.region_path = ANY($1::text[]::ltree[])`,
      [parents, options.roles ?? ['grid_worker']],
    );
    const byPath = new Map<string, RoutingWorker[]>();
    for (const w of workers.rows) byPath.set(w.path, [...(byPath.get(w.path) ?? []), { userId: Number(w.userId), openTasks: w.open }]);
    const cursors = new Map<string, number>();
    const moved = due.rows.map((r): EscalatedTask => {
      const up = parentPath(r.path)!;
      const here = byPath.get(up) ?? [];
      let assignee: number | null = null;
      if (here.length > 0) {
        assignee = chooseWorker(here, cursors.get(up) ?? null);
        cursors.set(up, assignee);
        byPath.set(up, here.map((w) => (w.userId === assignee ? { userId: w.userId, openTasks: w.openTasks + 1 } : w)));
      }
      return { id: Number(r.id), fromPath: r.path, regionPath: up, level: levels.get(up) ?? 'unknown', assigneeUserId: assignee, escalations: r.escalations + 1 };
    });
    await tx.query(
      `UPDATE task t SET assigned_region_path = m.path::ltree, assigned_level = m.level, assignee_user_id = m.assignee, escalations = t.escalations + 1
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[]) AS m(id, path, level, assignee) WHERE t.id = m.id`,
      [moved.map((m) => m.id), moved.map((m) => m.regionPath), moved.map((m) => m.level), moved.map((m) => m.assigneeUserId)],
    );
    await tx.query(
      `INSERT INTO task_notice (region_path, task_id, kind, created_at)
       SELECT n.path::ltree, n.task_id, 'escalated', $3 FROM unnest($1::text[], $2::bigint[]) AS n(path, task_id)`,
      [moved.map((m) => m.regionPath), moved.map((m) => m.id), now],
    );
    return moved;
  });
}

/** An escalation notice for a level's users. */
export interface TaskNoticeRecord {
  readonly id: number;
  readonly regionPath: string;
  readonly taskId: number;
  readonly kind: 'escalated';
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

/**
 * Lists the unread notices addressed to exactly a node (the level of the reader).
 * @param db - database
 * @param regionPath - the reader's node
 * @param limit - at most this many, newest first
 */
export async function listUnreadNotices(db: SqlClient, regionPath: string, limit: number): Promise<TaskNoticeRecord[]> {
  const result = await db.query<TaskNoticeRecord>(
    `SELECT id, region_path::text AS "regionPath", task_id AS "taskId", kind, created_at AS "createdAt", read_at AS "readAt"
     FROM task_notice WHERE region_path = $1::ltree AND read_at IS NULL ORDER BY created_at DESC, id DESC LIMIT $2`,
    [regionPath, limit],
  );
  return result.rows.map((r) => ({ ...r, id: Number(r.id), taskId: Number(r.taskId) }));
}
