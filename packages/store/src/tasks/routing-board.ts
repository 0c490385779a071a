import { pathAndAncestors, routeBatch, type RoutingDecision, type RoutingWorker } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';

/**
 * Routes a batch of homes inside a transaction: reads the nodes from the homes up (levels), the
 * workers at those nodes with their open loads and the round-robin cursors (three queries), decides
 * in memory with core's load-aware round robin, and stores the moved cursors.
 * @param tx - transaction
 * @param homes - each task's home path, in routing order
 * @param roles - roles that receive tasks at a node
 * @returns one decision per home
 */
export async function routeHomes(tx: SqlClient, homes: readonly string[], roles: readonly string[]): Promise<RoutingDecision[]> {
  if (homes.length === 0) return [];
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
  const changed = [...after].filter(([path, user]) => before.get(path) !== user);
  if (changed.length > 0) {
    await tx.query(
      `INSERT INTO task_route_cursor (region_path, last_user_id) SELECT c.path::ltree, c.user_id FROM unnest($1::text[], $2::bigint[]) AS c(path, user_id)
       ON CONFLICT (region_path) DO UPDATE SET last_user_id = EXCLUDED.last_user_id`,
      [changed.map(([p]) => p), changed.map(([, u]) => u)],
    );
  }
  return decisions;
}
