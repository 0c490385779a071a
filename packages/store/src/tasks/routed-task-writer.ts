import type { SqlClient } from '../db/sql-client.js';
import { routeHomes } from './routing-board.js';
import type { RoutedTask, TaskRoutingRule } from './task-routing-store.js';

/** A task a trigger asks for, before routing: whose, about what, how urgent and why. */
export interface TaskCandidate {
  readonly type: string;
  readonly ruleId: string;
  readonly personId: number | string;
  /** What the task is about; with the type, the key that makes generation idempotent. */
  readonly subjectKey: string;
  /** The person's home path (routing starts there, or at its ancestor of the rule's level). */
  readonly home: string;
  readonly priority: number;
  readonly deadline: Date | string;
  /** When the task's clock started. */
  readonly clock: Date | string;
  /** JSON text: what fired the task (case, tube, test day, appeal, end date). */
  readonly source: string;
}

const iso = (t: Date | string): string => new Date(t).toISOString();

/**
 * Routes candidates in memory (by deadline) and writes them already placed, in one INSERT … SELECT
 * FROM unnest, idempotent on UNIQUE (type, subject_key): a candidate already written adds nothing.
 * @param tx - transaction (routing moves the round-robin cursors in the same one)
 * @param candidates - tasks to create
 * @param now - creation and routing time
 * @param routing - roles that receive them and where routing starts
 * @returns the tasks created, with where they went
 */
export async function insertRoutedTasks(tx: SqlClient, candidates: readonly TaskCandidate[], now: Date, routing: TaskRoutingRule): Promise<RoutedTask[]> {
  if (candidates.length === 0) return [];
  const rows = [...candidates].sort((a, b) => new Date(a.deadline).getTime() - new Date(b.deadline).getTime());
  const decisions = await routeHomes(tx, rows.map((r) => r.home), routing.roles, routing.fromLevel);
  const inserted = await tx.query<{ id: string; subjectKey: string; type: string }>(
    `INSERT INTO task (type, rule_id, person_id, subject_key, home_region_path, assigned_region_path, assigned_level, assignee_user_id,
                       priority, deadline, source, created_at, clock_start, routed_at)
     SELECT n.type, n.rule_id, n.person_id, n.subject_key, n.home::ltree, n.path::ltree, n.level, n.assignee,
            n.priority, n.deadline, n.source::jsonb, $13::timestamptz, n.clock, $13::timestamptz
     FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::int[],
                 $10::timestamptz[], $11::text[], $12::timestamptz[])
          AS n(type, rule_id, person_id, subject_key, home, path, level, assignee, priority, deadline, source, clock)
     ON CONFLICT (type, subject_key) DO NOTHING
     RETURNING id, subject_key AS "subjectKey", type`,
    [
      rows.map((r) => r.type),
      rows.map((r) => r.ruleId),
      rows.map((r) => r.personId),
      rows.map((r) => r.subjectKey),
      rows.map((r) => r.home),
      decisions.map((d) => d.regionPath),
      decisions.map((d) => d.level),
      decisions.map((d) => d.assigneeUserId),
      rows.map((r) => r.priority),
      rows.map((r) => iso(r.deadline)),
      rows.map((r) => r.source),
      rows.map((r) => iso(r.clock)),
      now,
    ],
  );
  const byKey = new Map(rows.map((r, i) => [`${r.type}|${r.subjectKey}`, decisions[i]!]));
  return inserted.rows.map((r) => {
    const d = byKey.get(`${r.type}|${r.subjectKey}`)!;
    return { id: Number(r.id), regionPath: d.regionPath, level: d.level, assigneeUserId: d.assigneeUserId };
  });
}
