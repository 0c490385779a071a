import type { FiringRule } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import { withoutJit } from '../db/without-jit.js';
import { sampleForTestDaySql, testWindowEndSql } from '../judgment/required-test-window.js';
import { insertRoutedTasks } from './routed-task-writer.js';
import type { RoutedTask } from './task-routing-store.js';
import { candidatesOf, localDate, type TriggerClock, type TriggeredRow, type TriggerTaskRule } from './trigger-rule.js';

type MissedTestRule = TriggerTaskRule<Extract<FiringRule, { on: 'missed_test' }>>;

/**
 * Missed tests of management plans: for each person in one of the rule's states, the latest test day
 * of their plans (close and sub-close contacts' `management.tests`) within the rule's days whose
 * window has passed with no sample in it — the planned local day, widened by the profile's tolerance
 * (the window of the `missed-required-test` health fact) — unless they became a case since they were
 * listed, or a task of the type is open or was created after the window ended (that visit covered it).
 */
async function missedPlanTests(tx: SqlClient, rule: MissedTestRule, clock: TriggerClock): Promise<TriggeredRow[]> {
  const testDay = "test->>'date'";
  const earliest = localDate(clock, -rule.fires.withinDays);
  // The bound on the last planned day (as in the minute recompute) lets the index (0013) skip the plans
  // that ended before the rule's days: such a plan has no day on or after `earliest` (ISO dates order
  // as text as they do as dates; `$9` is that day as a date, `$4` being typed as text). The catalogue
  // allows only close and sub-close kinds; naming them again lets the planner match the partial index.
  // The planned days are materialised before their samples are looked for, so that the read of the
  // plans is planned apart from the probes and each day in range is probed once.
  const found = await withoutJit(tx, (jitless) => jitless.query<TriggeredRow>(
    `WITH planned AS MATERIALIZED (
       SELECT tc.person_id, tc.id AS traced_contact_id, tc.case_report_id, ${testDay} AS test_date, test->>'phase' AS phase
       FROM traced_contact tc
       JOIN person_state ps ON ps.person_id = tc.person_id AND ps.state = ANY($3::text[])
       CROSS JOIN LATERAL jsonb_array_elements(coalesce(tc.management->'tests', '[]'::jsonb)) AS test
       WHERE tc.kind = ANY($2::text[]) AND tc.kind IN ('close', 'sub-close') AND tc.last_planned_test_day >= $9::date
         AND ${testDay} >= $4 AND ${testWindowEndSql(testDay, '$7', '$8')} <= $5::timestamptz
         AND NOT EXISTS (SELECT 1 FROM case_report c WHERE c.person_id = tc.person_id AND c.classification <> 'discarded' AND c.report_time >= tc.listed_at)
     ),
     missed AS (
       SELECT DISTINCT ON (person_id) person_id, traced_contact_id, case_report_id, test_date, phase, ${testWindowEndSql('test_date', '$7', '$8')} AS missed_at
       FROM planned
       WHERE NOT ${sampleForTestDaySql('planned.person_id', 'planned.test_date', '$7', '$8')}
       ORDER BY person_id, test_date DESC, traced_contact_id
     )
     SELECT m.person_id AS "personId", 'test:' || m.test_date || ':person:' || m.person_id AS "subjectKey", p.region_path::text AS home,
            $5::timestamptz AS clock, $5::timestamptz + make_interval(secs => $6::float8 * 3600) AS deadline,
            jsonb_build_object('testDate', m.test_date, 'phase', m.phase, 'tracedContactId', m.traced_contact_id, 'caseId', m.case_report_id)::text AS source
     FROM missed m JOIN person p ON p.id = m.person_id
     WHERE NOT EXISTS (SELECT 1 FROM task x WHERE x.type = $1 AND x.subject_key = 'test:' || m.test_date || ':person:' || m.person_id)
       AND NOT EXISTS (SELECT 1 FROM task x WHERE x.person_id = m.person_id AND x.type = $1 AND (x.status = 'open' OR x.created_at >= m.missed_at))`,
    [
      rule.type,
      rule.fires.contactKinds,
      rule.fires.states,
      earliest,
      clock.now,
      rule.deadlineHours,
      clock.utcOffsetMinutes,
      rule.testDayToleranceHours,
      earliest,
    ],
  ));
  return found.rows;
}

/** A mass-testing round that has closed and was not yet checked for the type. */
interface ClosedRound {
  readonly roundId: string;
  readonly started: Date;
  readonly closes: Date;
}

/**
 * Rounds (samples sharing a `round_id`) whose first sample is within the rule's days and that closed
 * (first sample + the rule's hours) by now, not yet checked: the distinct rounds by a skip scan of the
 * round index, so the minute-by-minute pass never reads the samples themselves.
 */
async function closedRounds(tx: SqlClient, rule: MissedTestRule, closeHours: number, clock: TriggerClock): Promise<ClosedRound[]> {
  const rounds = await tx.query<ClosedRound>(
    `WITH RECURSIVE rounds(round_id) AS (
       (SELECT round_id FROM lab_result WHERE round_id IS NOT NULL ORDER BY round_id LIMIT 1)
       UNION ALL
       SELECT (SELECT l.round_id FROM lab_result l WHERE l.round_id > r.round_id ORDER BY l.round_id LIMIT 1) FROM rounds r WHERE r.round_id IS NOT NULL
     )
     SELECT r.round_id AS "roundId", f.started, f.started + make_interval(secs => $2::float8 * 3600) AS closes
     FROM rounds r CROSS JOIN LATERAL (SELECT min(l.sampled_at) AS started FROM lab_result l WHERE l.round_id = r.round_id) f
     WHERE r.round_id IS NOT NULL AND f.started >= $3::timestamptz - make_interval(days => $4::int)
       AND f.started + make_interval(secs => $2::float8 * 3600) <= $3
       AND NOT EXISTS (SELECT 1 FROM task_round_check k WHERE k.type = $1 AND k.round_id = r.round_id)
     ORDER BY f.started`,
    [rule.type, closeHours, clock.now, rule.fires.withinDays],
  );
  return rounds.rows;
}

/**
 * Residents who missed a round: everyone living in a grid where the round took a sample, with no
 * sample of the round and none taken while it ran (tested elsewhere counts), who is not a case
 * reported before it closed, has not moved away and has no open task of the type.
 */
async function missedRound(tx: SqlClient, rule: MissedTestRule, round: ClosedRound, clock: TriggerClock): Promise<TriggeredRow[]> {
  const found = await tx.query<TriggeredRow>(
    `WITH sampled AS (SELECT DISTINCT person_id FROM lab_result WHERE round_id = $2 AND person_id IS NOT NULL),
          grids AS (SELECT DISTINCT p.grid_id FROM sampled s JOIN person p ON p.id = s.person_id)
     SELECT p.id AS "personId", 'round:' || $2 || ':person:' || p.id AS "subjectKey", p.region_path::text AS home,
            $5::timestamptz AS clock, $5::timestamptz + make_interval(secs => $6::float8 * 3600) AS deadline,
            jsonb_build_object('roundId', $2::text, 'roundStarted', $3::timestamptz, 'roundClosed', $4::timestamptz)::text AS source
     FROM grids g JOIN person p ON p.grid_id = g.grid_id
     WHERE NOT EXISTS (SELECT 1 FROM sampled s WHERE s.person_id = p.id)
       AND NOT EXISTS (SELECT 1 FROM lab_result lr WHERE lr.person_id = p.id AND lr.sampled_at >= $3 AND lr.sampled_at < $4)
       AND NOT EXISTS (SELECT 1 FROM case_report c WHERE c.person_id = p.id AND c.classification <> 'discarded' AND c.report_time < $4)
       AND NOT EXISTS (SELECT 1 FROM person_state ps WHERE ps.person_id = p.id AND ps.state = 'moved')
       AND NOT EXISTS (SELECT 1 FROM task x WHERE x.type = $1 AND x.subject_key = 'round:' || $2 || ':person:' || p.id)
       AND NOT EXISTS (SELECT 1 FROM task x WHERE x.person_id = p.id AND x.type = $1 AND x.status = 'open')
     ORDER BY p.id`,
    [rule.type, round.roundId, round.started, round.closes, clock.now, rule.deadlineHours],
  );
  return found.rows;
}

/**
 * The missed-test trigger: tasks for missed plan tests, then for each newly closed round the
 * residents who missed it (a round is checked once per type and recorded in `task_round_check`).
 * Each batch is routed and written as it is found, so a person listed by one is skipped by the next.
 * @param tx - transaction
 * @param rule - the task type's rule
 * @param clock - now and the local offset
 * @returns the tasks created
 */
export async function generateMissedTestTasks(tx: SqlClient, rule: MissedTestRule, clock: TriggerClock): Promise<RoutedTask[]> {
  const created = await insertRoutedTasks(tx, candidatesOf(rule, await missedPlanTests(tx, rule, clock)), clock.now, rule.routing);
  const closeHours = rule.fires.roundClosesAfterHours;
  if (closeHours === null) return created;
  for (const round of await closedRounds(tx, rule, closeHours, clock)) {
    const missing = await insertRoutedTasks(tx, candidatesOf(rule, await missedRound(tx, rule, round, clock)), clock.now, rule.routing);
    await tx.query(
      `INSERT INTO task_round_check (type, round_id, checked_at, missing) VALUES ($1, $2, $3, $4) ON CONFLICT (type, round_id) DO NOTHING`,
      [rule.type, round.roundId, clock.now, missing.length],
    );
    created.push(...missing);
  }
  return created;
}
