import type { FiringRule } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import type { TaskCandidate } from './routed-task-writer.js';
import { candidatesOf, type TriggeredRow, type TriggerTaskRule } from './trigger-rule.js';

/**
 * The subject of the review task of an appeal.
 * @param appealId - appeal id
 */
export const appealSubjectKey = (appealId: number): string => `appeal:${appealId}`;

/**
 * Open health-code appeals with no review task yet: one task per appeal, its clock at the filing.
 * @param tx - transaction
 * @param rule - the task type's rule
 */
export async function appealCandidates(tx: SqlClient, rule: TriggerTaskRule<Extract<FiringRule, { on: 'appeal' }>>): Promise<TaskCandidate[]> {
  const found = await tx.query<TriggeredRow>(
    `SELECT a.person_id AS "personId", 'appeal:' || a.id AS "subjectKey", p.region_path::text AS home, a.filed_at AS clock,
            a.filed_at + make_interval(secs => $2::float8 * 3600) AS deadline,
            jsonb_build_object('appealId', a.id, 'colourAtFiling', a.colour_at_filing, 'ruleIdAtFiling', a.rule_id_at_filing,
                               'appealDeadline', a.deadline)::text AS source
     FROM code_appeal a JOIN person p ON p.id = a.person_id
     WHERE a.status = 'open' AND NOT EXISTS (SELECT 1 FROM task x WHERE x.type = $1 AND x.subject_key = 'appeal:' || a.id)
     ORDER BY a.deadline, a.id`,
    [rule.type, rule.deadlineHours],
  );
  return candidatesOf(rule, found.rows);
}

/**
 * Closes the open review tasks of a decided appeal (in the transaction that records the decision).
 * @param db - database or transaction
 * @param appealId - the appeal
 * @param types - the task types an appeal fires
 * @param at - decision time
 * @returns ids of the tasks closed
 */
export async function closeAppealTasks(db: SqlClient, appealId: number, types: readonly string[], at: Date): Promise<number[]> {
  const closed = await db.query<{ id: string }>(
    `UPDATE task SET status = 'done', done_at = $3 WHERE subject_key = $1 AND type = ANY($2::text[]) AND status = 'open' RETURNING id`,
    [appealSubjectKey(appealId), types, at],
  );
  return closed.rows.map((r) => Number(r.id));
}
