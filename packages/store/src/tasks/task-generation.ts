import type { SqlClient } from '../db/sql-client.js';
import { lockTaskGeneration } from './generation-lock.js';
import { insertRoutedTasks, type TaskCandidate } from './routed-task-writer.js';
import { defaultRoutingRoles, type RoutedTask } from './task-routing-store.js';

/** How one kind of traced contact becomes a task (from the task-type catalogue and the profile). */
export interface ContactTaskRule {
  readonly contactKind: 'close' | 'sub-close' | 'companion';
  readonly type: string;
  readonly ruleId: string;
  readonly priority: number;
  readonly deadlineHours: number;
  /** `case_report`: the deadline counts from the case report; `trigger`: from when the person was listed. */
  readonly clockStart: 'case_report' | 'trigger';
}

/**
 * Turns traced contacts that have no task yet into tasks, routed as they are created: one SELECT
 * finds the new (type, case, person) pairs — skipping a person who already has an open task of that
 * type — routing decides in memory, and one INSERT … SELECT FROM unnest writes them already placed.
 * Idempotent: running it again adds nothing (UNIQUE (type, subject_key) … DO NOTHING); exclusive:
 * an overlapping pass waits for this one ({@link lockTaskGeneration}).
 * @param db - database
 * @param rules - one rule per contact kind
 * @param now - creation (and routing) time
 * @param roles - roles that receive tasks at a node
 * @returns the tasks created, with where they went
 */
export async function generateContactTasks(db: SqlClient, rules: readonly ContactTaskRule[], now: Date, roles: readonly string[] = defaultRoutingRoles): Promise<RoutedTask[]> {
  return db.transaction(async (tx) => {
    await lockTaskGeneration(tx);
    const candidates = await tx.query<TaskCandidate>(
      `SELECT DISTINCT ON (tc.person_id, k.type)
              k.type, k.rule_id AS "ruleId", tc.person_id AS "personId", 'case:' || tc.case_report_id || ':person:' || tc.person_id AS "subjectKey",
              p.region_path::text AS home, k.priority, s.clock + make_interval(secs => k.deadline_hours * 3600) AS deadline,
              jsonb_build_object('caseId', tc.case_report_id, 'tracedContactId', tc.id, 'contactKind', tc.kind,
                                 'ruleIds', tc.rule_ids, 'profileId', tc.profile_id, 'caseReportedAt', c.report_time)::text AS source,
              s.clock
       FROM traced_contact tc
       JOIN unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::float8[], $6::text[])
            AS k(kind, type, rule_id, priority, deadline_hours, clock_start) ON k.kind = tc.kind
       JOIN case_report c ON c.id = tc.case_report_id
       JOIN person p ON p.id = tc.person_id
       CROSS JOIN LATERAL (SELECT CASE k.clock_start WHEN 'case_report' THEN c.report_time ELSE tc.listed_at END AS clock) s
       WHERE NOT EXISTS (SELECT 1 FROM task t WHERE t.type = k.type AND t.subject_key = 'case:' || tc.case_report_id || ':person:' || tc.person_id)
         AND NOT EXISTS (SELECT 1 FROM task t WHERE t.person_id = tc.person_id AND t.type = k.type AND t.status = 'open')
       ORDER BY tc.person_id, k.type, c.report_time, tc.case_report_id`,
      [
        rules.map((r) => r.contactKind),
        rules.map((r) => r.type),
        rules.map((r) => r.ruleId),
        rules.map((r) => r.priority),
        rules.map((r) => r.deadlineHours),
        rules.map((r) => r.clockStart),
      ],
    );
    return insertRoutedTasks(tx, candidates.rows, now, { roles, fromLevel: null });
  });
}

/** One task to create directly, routed later in bulk (follow-ups). */
export interface NewTask {
  readonly type: string;
  readonly ruleId: string;
  readonly personId: number;
  readonly subjectKey: string;
  readonly priority: number;
  readonly deadline: Date;
  readonly clockStart: Date;
  readonly source: Readonly<Record<string, unknown>>;
}

/**
 * Creates tasks for people (home = the person's residence), idempotently, in one statement.
 * @param db - database
 * @param tasks - tasks to create
 * @param now - creation time
 * @returns ids of the tasks created (existing ones are skipped)
 */
export async function insertTasks(db: SqlClient, tasks: readonly NewTask[], now: Date): Promise<number[]> {
  if (tasks.length === 0) return [];
  const result = await db.query<{ id: string }>(
    `INSERT INTO task (type, rule_id, person_id, subject_key, home_region_path, assigned_region_path, assigned_level,
                       priority, deadline, source, created_at, clock_start)
     SELECT n.type, n.rule_id, n.person_id, n.subject_key, p.region_path, p.region_path, 'unrouted', n.priority,
            n.deadline, n.source::jsonb, $9::timestamptz, n.clock_start
     FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::int[], $6::timestamptz[], $7::timestamptz[], $8::text[])
          AS n(type, rule_id, person_id, subject_key, priority, deadline, clock_start, source)
     JOIN person p ON p.id = n.person_id
     ON CONFLICT (type, subject_key) DO NOTHING
     RETURNING id`,
    [
      tasks.map((t) => t.type),
      tasks.map((t) => t.ruleId),
      tasks.map((t) => t.personId),
      tasks.map((t) => t.subjectKey),
      tasks.map((t) => t.priority),
      tasks.map((t) => t.deadline.toISOString()),
      tasks.map((t) => t.clockStart.toISOString()),
      tasks.map((t) => JSON.stringify(t.source)),
      now,
    ],
  );
  return result.rows.map((r) => Number(r.id));
}
