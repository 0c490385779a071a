import type { RoutingDecision } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import { routeHomes } from './routing-board.js';

/** A task placed by routing: who and where, for the push that follows. */
export interface RoutedTask {
  readonly id: number;
  readonly regionPath: string;
  readonly level: string;
  readonly assigneeUserId: number | null;
}

/** Who receives a kind of task and where routing starts (from the task-type catalogue). */
export interface TaskRoutingRule {
  readonly roles: readonly string[];
  /** Routing starts at the home's ancestor of this level; null = at the home. */
  readonly fromLevel: string | null;
}

/** Options of {@link routePendingTasks}. */
export interface RoutingOptions {
  /** Roles that receive tasks at a node; grid workers by default. */
  readonly roles?: readonly string[];
  /** Task types routed otherwise than `roles` from the home (reviewers' tasks). */
  readonly routingByType?: Readonly<Record<string, TaskRoutingRule>>;
  /** At most this many tasks per call (the rest wait for the next call). */
  readonly limit?: number;
}

/** Roles that receive tasks unless told otherwise. */
export const defaultRoutingRoles: readonly string[] = ['grid_worker'];

/**
 * Routes every task created unrouted (follow-ups) in bulk — each type by its routing rule — and
 * writes the decisions in one UPDATE … FROM unnest.
 * @param db - database
 * @param now - routing time
 * @param options - roles that work tasks, batch size
 */
export async function routePendingTasks(db: SqlClient, now: Date, options: RoutingOptions = {}): Promise<RoutedTask[]> {
  return db.transaction(async (tx) => {
    const pending = await tx.query<{ id: string; home: string; type: string }>(
      `SELECT id, home_region_path::text AS home, type FROM task WHERE routed_at IS NULL ORDER BY deadline, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [options.limit ?? 50_000],
    );
    if (pending.rows.length === 0) return [];
    const standard: TaskRoutingRule = { roles: options.roles ?? defaultRoutingRoles, fromLevel: null };
    const groups = new Map<string, { rule: TaskRoutingRule; rows: number[] }>();
    pending.rows.forEach((row, i) => {
      const rule = options.routingByType?.[row.type] ?? standard;
      const key = `${rule.roles.join(',')}|${rule.fromLevel ?? ''}`;
      const group = groups.get(key) ?? { rule, rows: [] };
      group.rows.push(i);
      groups.set(key, group);
    });
    const decisions: RoutingDecision[] = new Array<RoutingDecision>(pending.rows.length);
    for (const { rule, rows } of groups.values()) {
      const placed = await routeHomes(tx, rows.map((i) => pending.rows[i]!.home), rule.roles, rule.fromLevel);
      rows.forEach((i, k) => (decisions[i] = placed[k]!));
    }
    await tx.query(
      `UPDATE task t SET assigned_region_path = d.path::ltree, assigned_level = d.level, assignee_user_id = d.assignee, routed_at = $5
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[]) AS d(id, path, level, assignee)
       WHERE t.id = d.id`,
      [pending.rows.map((r) => r.id), decisions.map((d) => d.regionPath), decisions.map((d) => d.level), decisions.map((d) => d.assigneeUserId), now],
    );
    return pending.rows.map((r, i) => ({ id: Number(r.id), regionPath: decisions[i]!.regionPath, level: decisions[i]!.level, assigneeUserId: decisions[i]!.assigneeUserId }));
  });
}
