import { pathAndAncestors, routeBatch, type RoutingWorker } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';

/** A task placed by routing: who and where, for the push that follows. */
export interface RoutedTask {
  readonly id: number;
  readonly regionPath: string;
  readonly level: string;
  readonly assigneeUserId: number | null;
}

/** Options of {@link routePendingTasks}. */
export interface RoutingOptions {
  /** Roles that receive tasks at a node; grid workers by default. */
  readonly roles?: readonly string[];
  /** At most this many tasks per call (the rest wait for the next call). */
  readonly limit?: number;
}

/**
 * Routes every unrouted task in bulk: reads the tasks, the nodes from their homes up (levels), the
 * workers at those nodes with their open loads and the round-robin cursors in three queries, decides
 * in memory (core's load-aware round robin), and writes the decisions in one UPDATE … FROM unnest.
 * @param db - database
 * @param now - routing time
 * @param options - roles that work tasks, batch size
 */
export async function routePendingTasks(db: SqlClient, now: Date, options: RoutingOptions = {}): Promise<RoutedTask[]> {
  const roles = options.roles ?? ['grid_worker'];
  return db.transaction(async (tx) => {
    const pending = await tx.query<{ id: string; home: string }>(
      `SELECT id, home_region_path::text AS home FROM task WHERE routed_at IS NULL ORDER BY deadline, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [options.limit ?? 50_000],
    );
    if (pending.rows.length === 0) return [];
    const homes = pending.rows.map((r) => r.home);
    const paths = [...new Set(homes.flatMap(pathAndAncestors))];
    const regions = await tx.query<{ path: string; level: string }>(`SELECT path::text AS path, level FROM region WHERE path = ANY($1::text[]::ltree[])`, [paths]);
    const workers = await tx.query<{ path: string; userId: string; open: number }>(
        `SELECT u.region_path::text AS path, u.id AS "userId",
                (SELECT count(*)::int FROM task t WHERE t.assignee_user_id = u.id AND t.status = 'open') AS open
         FROM app_user u WHERE NOT u.disabled AND u.role = ANY($2::text[]) AND u.region_path = ANY($1::text[]::ltree[])`,
        [paths, roles],
    );
    const cursors = await tx.query<{ path: string; userId: string }>(
        `SELECT region_path::text AS path, last_user_id AS "userId" FROM task_route_cursor WHERE region_path = ANY($1::text[]::ltree[])`,
        [paths],
    );
    const byPath = new Map<string, RoutingWorker[]>();
    for (const w of workers.rows) {
      const list = byPath.get(w.path) ?? [];
      list.push({ userId: Number(w.userId), openTasks: w.open });
      byPath.set(w.path, list);
    }
    const nodes = new Map(regions.rows.map((r) => [r.path, { level: r.level, workers: byPath.get(r.path) ?? [] }]));
    const before = new Map(cursors.rows.map((c) => [c.path, Number(c.userId)]));
    const { decisions, cursors: after } = routeBatch(homes, nodes, before);
    await tx.query(
      `UPDATE task t SET assigned_region_path = d.path::ltree, assigned_level = d.level, assignee_user_id = d.assignee, routed_at = $5
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[]) AS d(id, path, level, assignee)
       WHERE t.id = d.id`,
      [pending.rows.map((r) => r.id), decisions.map((d) => d.regionPath), decisions.map((d) => d.level), decisions.map((d) => d.assigneeUserId), now],
    );
    const changed = [...after].filter(([path, user]) => before.get(path) !== user);
    if (changed.length > 0) {
      await tx.query(
        `INSERT INTO task_route_cursor (region_path, last_user_id) SELECT c.path::ltree, c.user_id FROM unnest($1::text[], $2::bigint[]) AS c(path, user_id)
         ON CONFLICT (region_path) DO UPDATE SET last_user_id = EXCLUDED.last_user_id`,
        [changed.map(([p]) => p), changed.map(([, u]) => u)],
      );
    }
    return pending.rows.map((r, i) => ({ id: Number(r.id), ...toRouted(decisions[i]!) }));
  });
}

function toRouted(d: { regionPath: string; level: string; assigneeUserId: number | null }): Omit<RoutedTask, 'id'> {
  return { regionPath: d.regionPath, level: d.level, assigneeUserId: d.assigneeUserId };
}
