import type { Role } from '@epigrid/core';
import type { SqlClient } from '@epigrid/store';
import type { TaskFixture } from './task-fixture.js';

/** One lab result row as the trigger tests write it. */
export interface LabRow {
  readonly sampleId: string;
  readonly tubeId: string;
  readonly poolSize: 1 | 5 | 10 | 20;
  readonly personId: number | null;
  readonly sampledAt: string;
  readonly resultedAt: string;
  readonly result: 'positive' | 'negative';
  readonly roundId?: string;
}

/**
 * Writes lab results (as ingestion would have stored them).
 * @param db - database
 * @param rows - results
 */
export async function insertLabResults(db: SqlClient, rows: readonly LabRow[]): Promise<void> {
  for (const r of rows) {
    await db.query(
      `INSERT INTO lab_result (sample_id, person_id, tube_id, pool_size, sampled_at, resulted_at, result, lab_code, round_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'LAB-T', $8)`,
      [r.sampleId, r.personId, r.tubeId, r.poolSize, r.sampledAt, r.resultedAt, r.result, r.roundId ?? null],
    );
  }
}

/**
 * Sets a person's verified state (as an outcome would have).
 * @param db - database
 * @param personId - person
 * @param state - state name
 * @param since - since when
 */
export async function setPersonState(db: SqlClient, personId: number, state: string, since: string): Promise<void> {
  await db.query(
    `INSERT INTO person_state (person_id, state, since, needs_rejudgment) VALUES ($1, $2, $3, false)
     ON CONFLICT (person_id) DO UPDATE SET state = EXCLUDED.state, since = EXCLUDED.since`,
    [personId, state, since],
  );
}

/**
 * Lists a traced contact of the fixture case with a management plan (end date, test days).
 * @param fx - task fixture
 * @param personId - the contact
 * @param kind - contact kind
 * @param plan - last day under management and the planned test days
 */
export async function traceManagedContact(fx: TaskFixture, personId: number, kind: 'close' | 'sub-close', plan: { endDate: string; testDates: readonly string[] }): Promise<void> {
  const management = { ruleId: 'CN-P9/management', endDate: plan.endDate, tests: plan.testDates.map((date, i) => ({ phase: 'centralised', day: i + 1, date })) };
  await fx.services.db.query(
    `INSERT INTO traced_contact (case_report_id, person_id, kind, via_person_id, profile_id, rule_ids, evidence, first_exposure, last_exposure, management, listed_at)
     VALUES ($1, $2, $3, NULL, 'CN-P9-2022-06-28', ARRAY['CN-P9/close/household'], '[]', $4, $4, $5, $6)`,
    [fx.caseId, personId, kind, '2026-03-08T18:00:00+08:00', JSON.stringify(management), '2026-03-09T21:00:00+08:00'],
  );
}

/**
 * Reports a person as a case at a time (so triggers leave them alone).
 * @param db - database
 * @param personId - person
 * @param reportedAt - report time
 */
export async function reportCase(db: SqlClient, personId: number, reportedAt: string): Promise<void> {
  await db.query(
    `INSERT INTO case_report (report_id, person_id, classification, onset_date, sampling_date, report_time)
     VALUES ($1, $2, 'confirmed', $3::timestamptz::date, $3::timestamptz::date, $3)`,
    [`R-T-${personId}-${reportedAt}`, personId, reportedAt],
  );
}

/** A task row as the trigger tests read it. */
export interface TriggeredTask {
  readonly id: number;
  readonly personId: number;
  readonly type: string;
  readonly subjectKey: string;
  readonly level: string;
  readonly path: string;
  readonly assignee: number | null;
  readonly status: string;
  readonly deadline: string;
  readonly source: Record<string, unknown>;
}

/**
 * Tasks of a type, by person.
 * @param db - database
 * @param type - task type
 */
export async function tasksOfType(db: SqlClient, type: string): Promise<TriggeredTask[]> {
  const rows = await db.query<TriggeredTask & { deadline: Date }>(
    `SELECT id::int, person_id::int AS "personId", type, subject_key AS "subjectKey", assigned_level AS level, assigned_region_path::text AS path,
            assignee_user_id::int AS assignee, status, deadline, source FROM task WHERE type = $1 ORDER BY person_id, id`,
    [type],
  );
  return rows.rows.map((r) => ({ ...r, deadline: new Date(r.deadline).toISOString() }));
}

/**
 * Opens a fake event stream for a user and collects the task ids pushed to it.
 * @param fx - task fixture
 * @param userId - the user
 * @param role - their role
 * @param regionPath - their node
 * @returns the ids received so far (live) and a function that closes the stream
 */
export function listenForTasks(fx: TaskFixture, userId: number, role: Role, regionPath: string): { received: number[]; close: () => void } {
  const received: number[] = [];
  const close = fx.services.push.subscribe({ userId, role, regionPath, send: (_event, data) => received.push((JSON.parse(data) as { id: number }).id) });
  return { received, close };
}
