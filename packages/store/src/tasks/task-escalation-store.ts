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
  /** Task types worked by other roles (reviewers' tasks climb to reviewers). */
  readonly rolesByType?: Readonly<Record<string, readonly string[]>>;
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
    const due = await tx.query<{ id: string; path: string; escalations: number; type: string }>(
      `SELECT t.id, t.assigned_region_path::text AS path, t.escalations, t.type
       FROM task t JOIN unnest($1::text[], $2::float8[]) AS s(type, step_hours) ON s.type = t.type
       WHERE t.status = 'open' AND t.routed_at IS NOT NULL AND t.deadline < $3 AND nlevel(t.assigned_region_path) > 1
         AND $3 > t.deadline + make_interval(secs => t.escalations * s.step_hours * 3600)
       ORDER BY t.deadline, t.id FOR UPDATE OF t SKIP LOCKED`,
      [types, types.map((t) => options.stepHoursByType[t]), now],
    );
    if (due.rows.length === 0) return [];
    const parents = [...new Set(due.rows.map((r) => parentPath(r.path)!))];
    const regions = await tx.query<{ path: string; level: string }>(`SELECT r.path::text AS path, r.level FROM unnest($1::text[]) AS q(path) JOIN region r ON r.path::text = q.path`, [parents]);
    const levels = new Map(regions.rows.map((r) => [r.path, r.level]));
    const standardRoles = options.roles ?? ['grid_worker'];
    const rolesOf = (type: string): readonly string[] => options.rolesByType?.[type] ?? standardRoles;
    const allRoles = [...new Set(due.rows.flatMap((r) => rolesOf(r.type)))];
    const workers = await tx.query<{ path: string; userId: string; open: number; role: string }>(
      `SELECT u.region_path::text AS path, u.id AS "userId", u.role,
              (SELECT count(*)::int FROM task t WHERE t.assignee_user_id = u.id AND t.status = 'open') AS open
       FROM unnest($1::text[]) AS q(path) JOIN app_user u ON u.region_path::text = q.path
       WHERE NOT u.disabled AND u.role = ANY($2::text[])`,
      [parents, allRoles],
    );
    const byPath = new Map<string, Array<RoutingWorker & { role: string }>>();
    for (const w of workers.rows) byPath.set(w.path, [...(byPath.get(w.path) ?? []), { userId: Number(w.userId), openTasks: w.open, role: w.role }]);
    const cursors = new Map<string, number>();
    const moved = due.rows.map((r): EscalatedTask => {
      const up = parentPath(r.path)!;
      const roles = rolesOf(r.type);
      const here = (byPath.get(up) ?? []).filter((w) => roles.includes(w.role));
      let assignee: number | null = null;
      if (here.length > 0) {
        assignee = chooseWorker(here, cursors.get(up) ?? null);
        cursors.set(up, assignee);
        byPath.set(up, byPath.get(up)!.map((w) => (w.userId === assignee ? { ...w, openTasks: w.openTasks + 1 } : w)));
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
