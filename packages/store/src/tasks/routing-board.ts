import { pathAndAncestors, routeBatch, routingStart, type RoutingDecision, type RoutingWorker } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';

/**
 * Routes a batch of homes inside a transaction: reads the nodes from the homes up (levels), the
 * workers at those nodes with their open loads and the round-robin cursors (three queries), decides
 * in memory with core's load-aware round robin, and stores the moved cursors.
 * @param tx - transaction
 * @param homes - each task's home path, in routing order
 * @param roles - roles that receive tasks at a node
 * @param fromLevel - routing starts at each home's ancestor of this level (and waits there with
 *   nobody), or null to start at the home
 * @returns one decision per home
 */
export async function routeHomes(tx: SqlClient, homes: readonly string[], roles: readonly string[], fromLevel: string | null = null): Promise<RoutingDecision[]> {
  if (homes.length === 0) return [];
  const paths = [...new Set(homes.flatMap(pathAndAncestors))];
  const regions = await tx.query<{ path: string; level: string }>(`SELECT r.path::text AS path, r.level FROM unnest($1::text[]) AS q(path) JOIN region r ON r.path::text = q.path`, [paths]);
  const workers = await tx.query<{ path: string; userId: string; open: number }>(
    `SELECT u.region_path::text AS path, u.id AS "userId",
            (SELECT count(*)::int FROM task t WHERE t.assignee_user_id = u.id AND t.status = 'open') AS open
     FROM unnest($1::text[]) AS q(path) JOIN app_user u ON u.region_path::text = q.path
       WHERE NOT u.disabled AND u.role = ANY($2::text[])`,
    [paths, roles],
  );
  const cursors = await tx.query<{ path: string; userId: string }>(
    `SELECT c.region_path::text AS path, c.last_user_id AS "userId" FROM unnest($1::text[]) AS q(path) JOIN task_route_cursor c ON c.region_path::text = q.path`,
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
  const starts = homes.map((home) => routingStart(home, (path) => nodes.get(path)?.level, fromLevel));
  const { decisions, cursors: after } = routeBatch(starts, nodes, before, fromLevel !== null);
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
