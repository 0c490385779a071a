import type { FiringRule } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import type { TaskCandidate } from './routed-task-writer.js';
import { candidatesOf, localDate, type TriggerClock, type TriggeredRow, type TriggerTaskRule } from './trigger-rule.js';

/**
 * People whose management ends soon: in one of the rule's states (person_state), with the latest
 * end date of their plans (traced_contact.management) from `daysAfter` days ago to `daysBefore` days
 * ahead, not reported as a case since their state was set, and with no check for that end date yet
 * and none open. The clock starts at the local midnight opening the last day, so the deadline falls
 * at its end; the task is listed from `daysBefore` days earlier.
 * @param tx - transaction
 * @param rule - the task type's rule
 * @param clock - now and the local offset
 */
export async function quarantineEndingCandidates(
  tx: SqlClient,
  rule: TriggerTaskRule<Extract<FiringRule, { on: 'quarantine_ending' }>>,
  clock: TriggerClock,
): Promise<TaskCandidate[]> {
  const found = await tx.query<TriggeredRow>(
    `WITH ends AS (
       SELECT tc.person_id, max(tc.management->>'endDate') AS end_date
       FROM traced_contact tc JOIN person_state ps ON ps.person_id = tc.person_id AND ps.state = ANY($2::text[])
       WHERE tc.management->>'endDate' IS NOT NULL
       GROUP BY tc.person_id
     )
     SELECT e.person_id AS "personId", 'end:' || e.end_date || ':person:' || e.person_id AS "subjectKey", p.region_path::text AS home,
            s.clock, s.clock + make_interval(secs => $5::float8 * 3600) AS deadline,
            jsonb_build_object('endDate', e.end_date, 'state', ps.state, 'stateSince', ps.since)::text AS source
     FROM ends e
     JOIN person p ON p.id = e.person_id
     JOIN person_state ps ON ps.person_id = e.person_id
     CROSS JOIN LATERAL (SELECT (e.end_date::date)::timestamp AT TIME ZONE 'UTC' - make_interval(mins => $6::int) AS clock) s
     WHERE e.end_date >= $3 AND e.end_date <= $4
       AND NOT EXISTS (SELECT 1 FROM case_report c WHERE c.person_id = e.person_id AND c.classification <> 'discarded' AND c.report_time >= ps.since)
       AND NOT EXISTS (SELECT 1 FROM task x WHERE x.type = $1 AND x.subject_key = 'end:' || e.end_date || ':person:' || e.person_id)
       AND NOT EXISTS (SELECT 1 FROM task x WHERE x.person_id = e.person_id AND x.type = $1 AND x.status = 'open')
     ORDER BY e.person_id`,
    [rule.type, rule.fires.states, localDate(clock, -rule.fires.daysAfter), localDate(clock, rule.fires.daysBefore), rule.deadlineHours, clock.utcOffsetMinutes],
  );
  return candidatesOf(rule, found.rows);
}
