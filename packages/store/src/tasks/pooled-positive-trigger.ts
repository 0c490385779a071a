import type { FiringRule } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import type { TaskCandidate } from './routed-task-writer.js';
import { candidatesOf, type TriggerClock, type TriggeredRow, type TriggerTaskRule } from './trigger-rule.js';

/**
 * Members of positive pooled tubes to retest: for every tube with a positive result (pool size > 1)
 * resulted within the rule's hours, each member (a row of the tube with a known person) who has no
 * individual result (pool size 1) since the tube's result and no task of the type for that tube, nor
 * one open or created since the tube's result (a visit already asked for the retest). The clock
 * starts when the loop sees the result: results arrive after the fact.
 * @param tx - transaction
 * @param rule - the task type's rule
 * @param clock - now
 */
export async function pooledPositiveCandidates(
  tx: SqlClient,
  rule: TriggerTaskRule<Extract<FiringRule, { on: 'pooled_positive' }>>,
  clock: TriggerClock,
): Promise<TaskCandidate[]> {
  const found = await tx.query<TriggeredRow>(
    `WITH tubes AS (
       SELECT tube_id, max(pool_size)::int AS pool_size, max(resulted_at) AS resulted_at
       FROM lab_result
       WHERE result = 'positive' AND pool_size > 1 AND resulted_at <= $2 AND resulted_at > $2::timestamptz - make_interval(secs => $3::float8 * 3600)
       GROUP BY tube_id
     )
     SELECT DISTINCT ON (m.person_id)
            m.person_id AS "personId", 'tube:' || t.tube_id || ':person:' || m.person_id AS "subjectKey", p.region_path::text AS home,
            $2::timestamptz AS clock, $2::timestamptz + make_interval(secs => $4::float8 * 3600) AS deadline,
            jsonb_build_object('tubeId', t.tube_id, 'poolSize', t.pool_size, 'tubeResultedAt', t.resulted_at, 'sampleId', m.sample_id)::text AS source
     FROM tubes t
     JOIN lab_result m ON m.tube_id = t.tube_id AND m.person_id IS NOT NULL
     JOIN person p ON p.id = m.person_id
     WHERE NOT EXISTS (SELECT 1 FROM lab_result i WHERE i.person_id = m.person_id AND i.pool_size = 1 AND i.resulted_at >= t.resulted_at)
       AND NOT EXISTS (SELECT 1 FROM task x WHERE x.type = $1 AND x.subject_key = 'tube:' || t.tube_id || ':person:' || m.person_id)
       AND NOT EXISTS (SELECT 1 FROM task x WHERE x.person_id = m.person_id AND x.type = $1 AND (x.status = 'open' OR x.created_at >= t.resulted_at))
     ORDER BY m.person_id, t.resulted_at DESC, t.tube_id`,
    [rule.type, clock.now, rule.fires.withinHours, rule.deadlineHours],
  );
  return candidatesOf(rule, found.rows);
}
