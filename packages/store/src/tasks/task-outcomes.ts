import type { SqlClient } from '../db/sql-client.js';
import { insertTasks, type NewTask } from './task-generation.js';

/** One outcome reported by a worker. */
export interface OutcomeInput {
  readonly taskId: number;
  /** The phone's id for this outcome; the same id again is a replay. */
  readonly clientId: string;
  readonly code: string;
  readonly note: string | null;
  readonly facilityId: number | null;
  readonly photo: Uint8Array | null;
  readonly recordedAt: Date;
  readonly receivedAt: Date;
  readonly recordedBy: number;
}

/** What the outcome does, decided by the task type (core). */
export interface OutcomeConsequences {
  readonly closes: boolean;
  /** The person's new state, or null to leave it. */
  readonly state: string | null;
  /** The follow-up task to create, or null. */
  readonly followUp: NewTask | null;
}

/** Result of {@link recordTaskOutcome}. */
export type RecordedOutcome =
  | { readonly kind: 'recorded'; readonly outcomeId: number; readonly followUpTaskIds: readonly number[] }
  | { readonly kind: 'replayed'; readonly outcomeId: number }
  | { readonly kind: 'client_id_reused'; readonly taskId: number }
  | { readonly kind: 'task_closed' };

/**
 * Records an outcome once per client id, and in the same transaction closes the task, sets the
 * person's state (marked for re-judgment) and creates the follow-up task. A replay changes nothing.
 * @param db - database
 * @param input - the outcome
 * @param consequences - what it does
 */
export async function recordTaskOutcome(db: SqlClient, input: OutcomeInput, consequences: OutcomeConsequences): Promise<RecordedOutcome> {
  return db.transaction(async (tx) => {
    const task = await tx.query<{ status: string; personId: string | null }>(`SELECT status, person_id AS "personId" FROM task WHERE id = $1 FOR UPDATE`, [
      input.taskId,
    ]);
    const existing = await tx.query<{ id: string; taskId: string }>(`SELECT id, task_id AS "taskId" FROM task_outcome WHERE client_id = $1`, [input.clientId]);
    if (existing.rows[0] !== undefined) {
      const prior = existing.rows[0];
      return Number(prior.taskId) === input.taskId ? { kind: 'replayed', outcomeId: Number(prior.id) } : { kind: 'client_id_reused', taskId: Number(prior.taskId) };
    }
    if (task.rows[0]?.status !== 'open') return { kind: 'task_closed' };
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO task_outcome (task_id, client_id, code, note, facility_id, photo, recorded_at, received_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [input.taskId, input.clientId, input.code, input.note, input.facilityId, input.photo, input.recordedAt, input.receivedAt, input.recordedBy],
    );
    const outcomeId = Number(inserted.rows[0]!.id);
    if (consequences.closes) {
      await tx.query(`UPDATE task SET status = 'done', done_at = $2 WHERE id = $1`, [input.taskId, input.recordedAt]);
    }
    const personId = task.rows[0].personId;
    if (consequences.state !== null && personId !== null) {
      await tx.query(
        `INSERT INTO person_state (person_id, state, place_id, since, source_outcome_id, needs_rejudgment)
         VALUES ($1, $2, $3, $4, $5, true)
         ON CONFLICT (person_id) DO UPDATE SET state = EXCLUDED.state, place_id = EXCLUDED.place_id, since = EXCLUDED.since,
           source_outcome_id = EXCLUDED.source_outcome_id, needs_rejudgment = true
         WHERE person_state.since <= EXCLUDED.since`,
        [personId, consequences.state, input.facilityId, input.recordedAt, outcomeId],
      );
    }
    const followUpTaskIds = consequences.followUp === null ? [] : await insertTasks(tx, [consequences.followUp], input.receivedAt);
    return { kind: 'recorded', outcomeId, followUpTaskIds };
  });
}

/** A person's state as the loop last verified it. */
export interface PersonStateRecord {
  readonly personId: number;
  readonly state: string;
  readonly placeId: number | null;
  readonly since: Date;
  readonly sourceOutcomeId: number | null;
  readonly needsRejudgment: boolean;
}

/**
 * Reads the state of people (for judgments, the demo's feedback and tests).
 * @param db - database
 * @param personIds - people
 */
export async function getPersonStates(db: SqlClient, personIds: readonly number[]): Promise<PersonStateRecord[]> {
  const result = await db.query<PersonStateRecord>(
    `SELECT person_id AS "personId", state, place_id AS "placeId", since, source_outcome_id AS "sourceOutcomeId", needs_rejudgment AS "needsRejudgment"
     FROM person_state WHERE person_id = ANY($1::bigint[]) ORDER BY person_id`,
    [personIds],
  );
  return result.rows.map((r) => ({
    ...r,
    personId: Number(r.personId),
    placeId: r.placeId === null ? null : Number(r.placeId),
    sourceOutcomeId: r.sourceOutcomeId === null ? null : Number(r.sourceOutcomeId),
  }));
}

/**
 * Takes the people whose state changed since their judgments were last recomputed, clearing the mark
 * (the integration point for health-code and area-timer recomputation).
 * @param db - database
 * @param limit - at most this many
 */
export async function takePeopleToRejudge(db: SqlClient, limit: number): Promise<number[]> {
  const result = await db.query<{ personId: string }>(
    `UPDATE person_state SET needs_rejudgment = false
     WHERE person_id IN (SELECT person_id FROM person_state WHERE needs_rejudgment ORDER BY person_id LIMIT $1)
     RETURNING person_id AS "personId"`,
    [limit],
  );
  return result.rows.map((r) => Number(r.personId));
}

/**
 * Tells whether a place id names an isolation facility (the target of a `transferred` outcome).
 * @param db - database
 * @param placeId - place id
 */
export async function isIsolationFacility(db: SqlClient, placeId: number): Promise<boolean> {
  const result = await db.query(`SELECT 1 FROM place WHERE id = $1 AND kind = 'isolation_hotel'`, [placeId]);
  return result.rows.length > 0;
}
