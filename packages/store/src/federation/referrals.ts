import type { SqlClient } from '../db/sql-client.js';

/** An open task whose person lives in a peer's territory, with what a referral needs to say. */
export interface TaskToRefer {
  readonly taskId: number;
  readonly type: string;
  readonly priority: number;
  readonly deadline: Date;
  readonly source: Readonly<Record<string, unknown>>;
  readonly peerId: string;
  readonly homeRegionCode: string;
  readonly personName: string | null;
  readonly idCipher: string | null;
  readonly phoneCipher: string | null;
  readonly address: string | null;
}

/**
 * Finds open tasks homed under a peer's territory that were not referred yet.
 * @param db - database
 * @param limit - most tasks to return
 */
export async function findTasksToRefer(db: SqlClient, limit: number): Promise<TaskToRefer[]> {
  const result = await db.query<TaskToRefer>(
    `SELECT t.id AS "taskId", t.type, t.priority, t.deadline, t.source, fp.peer_id AS "peerId", r.code AS "homeRegionCode",
            p.name AS "personName", p.id_number_cipher AS "idCipher", p.phone_cipher AS "phoneCipher", h.address
     FROM task t
     JOIN federation_peer fp ON fp.region_path IS NOT NULL AND t.home_region_path <@ fp.region_path
     JOIN region r ON r.path = t.home_region_path
     LEFT JOIN person p ON p.id = t.person_id
     LEFT JOIN household h ON h.id = p.household_id
     WHERE t.status = 'open' AND NOT EXISTS (SELECT 1 FROM referral_out ro WHERE ro.task_id = t.id)
     ORDER BY t.deadline, t.id LIMIT $1`,
    [limit],
  );
  return result.rows.map((r) => ({ ...r, taskId: Number(r.taskId) }));
}

/**
 * Records that a task was referred to a peer and takes it out of the local open work.
 * @param db - database (joins the caller's transaction)
 * @param referral - message id, task and peer
 * @param now - referral time
 * @returns false when the task was no longer open (nothing recorded)
 */
export async function markTaskReferred(db: SqlClient, referral: { messageId: string; taskId: number; peerId: string }, now: Date): Promise<boolean> {
  const updated = await db.query(`UPDATE task SET status = 'referred' WHERE id = $1 AND status = 'open'`, [referral.taskId]);
  if (updated.rowCount === 0) return false;
  await db.query(`INSERT INTO referral_out (message_id, task_id, peer_id, created_at) VALUES ($1, $2, $3, $4)`, [
    referral.messageId,
    referral.taskId,
    referral.peerId,
    now,
  ]);
  return true;
}

/** The answer a peer sent for one of our referrals. */
export interface ReferralAnswer {
  readonly referralMessageId: string;
  readonly peerId: string;
  readonly outcomeMessageId: string;
  readonly code: string;
  readonly note: string | null;
  readonly recordedAt: Date;
  readonly receivedAt: Date;
  /** The person's state the outcome sets (from the task type), or null. */
  readonly state: string | null;
}

/**
 * Records a peer's outcome on the referred task: the outcome (keyed by the message id, so a replay
 * adds nothing), the task closed, the person's state set and marked for re-judgment.
 * @param db - database
 * @param answer - the answer
 * @returns `recorded`, `duplicate` (already answered), or `unknown` (no such referral to this peer)
 */
export async function recordReferralAnswer(db: SqlClient, answer: ReferralAnswer): Promise<'recorded' | 'duplicate' | 'unknown'> {
  return db.transaction(async (tx) => {
    const referral = await tx.query<{ taskId: string; answered: string | null; personId: string | null }>(
      `SELECT ro.task_id AS "taskId", ro.outcome_message_id AS answered, t.person_id AS "personId"
       FROM referral_out ro JOIN task t ON t.id = ro.task_id WHERE ro.message_id = $1 AND ro.peer_id = $2 FOR UPDATE OF ro`,
      [answer.referralMessageId, answer.peerId],
    );
    const row = referral.rows[0];
    if (row === undefined) return 'unknown';
    if (row.answered !== null) return 'duplicate';
    const outcome = await tx.query<{ id: string }>(
      `INSERT INTO task_outcome (task_id, client_id, code, note, recorded_at, received_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (client_id) DO NOTHING RETURNING id`,
      [row.taskId, answer.outcomeMessageId, answer.code, answer.note, answer.recordedAt, answer.receivedAt],
    );
    if (outcome.rows[0] === undefined) return 'duplicate';
    await tx.query(`UPDATE referral_out SET outcome_message_id = $2, answered_at = $3 WHERE message_id = $1`, [
      answer.referralMessageId,
      answer.outcomeMessageId,
      answer.receivedAt,
    ]);
    await tx.query(`UPDATE task SET status = 'done', done_at = $2 WHERE id = $1 AND status = 'referred'`, [row.taskId, answer.recordedAt]);
    if (answer.state !== null && row.personId !== null) {
      await tx.query(
        `INSERT INTO person_state (person_id, state, since, source_outcome_id, needs_rejudgment) VALUES ($1, $2, $3, $4, true)
         ON CONFLICT (person_id) DO UPDATE SET state = EXCLUDED.state, place_id = NULL, since = EXCLUDED.since,
           source_outcome_id = EXCLUDED.source_outcome_id, needs_rejudgment = true
         WHERE person_state.since <= EXCLUDED.since`,
        [row.personId, answer.state, answer.recordedAt, outcome.rows[0].id],
      );
    }
    return 'recorded';
  });
}

/**
 * Stores a received referral once per message id.
 * @param db - database (joins the caller's transaction)
 * @param referral - message id, sending peer, sealed payload
 * @param now - reception time
 * @returns true when new, false for a replay
 */
export async function saveIncomingReferral(db: SqlClient, referral: { messageId: string; peerId: string; payloadSealed: string }, now: Date): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO referral_in (message_id, peer_id, payload_sealed, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT (message_id) DO NOTHING`,
    [referral.messageId, referral.peerId, referral.payloadSealed, now],
  );
  return result.rowCount === 1;
}

/**
 * Links a received referral to the local task made from it.
 * @param db - database (joins the caller's transaction)
 * @param messageId - the referral
 * @param taskId - the local task
 */
export async function linkIncomingReferral(db: SqlClient, messageId: string, taskId: number): Promise<void> {
  await db.query(`UPDATE referral_in SET task_id = $2 WHERE message_id = $1`, [messageId, taskId]);
}

/**
 * Finds a registered person by the keyed hash of their resident ID, else of their phone.
 * @param db - database
 * @param keys - identifier hashes (either may be null)
 */
export async function findRegisteredPerson(db: SqlClient, keys: { idHash: string | null; phoneHash: string | null }): Promise<number | null> {
  const result = await db.query<{ id: string }>(
    `SELECT id FROM person WHERE NOT provisional AND merged_into IS NULL AND (id_number_hash = $1 OR ($1::text IS NULL AND phone_hash = $2))
     ORDER BY id LIMIT 1`,
    [keys.idHash, keys.phoneHash],
  );
  return result.rows[0] === undefined ? null : Number(result.rows[0].id);
}

/** A received referral whose answer is due: its task is closed, or nobody matched. */
export interface UnansweredReferral {
  readonly messageId: string;
  readonly peerId: string;
  readonly taskId: number | null;
  readonly code: string | null;
  readonly note: string | null;
  readonly recordedAt: Date | null;
}

/**
 * Lists received referrals ready to be answered.
 * @param db - database
 * @param limit - most to return
 */
export async function findReferralsToAnswer(db: SqlClient, limit: number): Promise<UnansweredReferral[]> {
  const result = await db.query<UnansweredReferral>(
    `SELECT ri.message_id AS "messageId", ri.peer_id AS "peerId", ri.task_id AS "taskId", o.code, o.note, o.recorded_at AS "recordedAt"
     FROM referral_in ri
     LEFT JOIN task t ON t.id = ri.task_id
     LEFT JOIN LATERAL (SELECT code, note, recorded_at FROM task_outcome WHERE task_id = t.id ORDER BY recorded_at DESC, id DESC LIMIT 1) o ON true
     WHERE ri.outcome_sent_at IS NULL AND (ri.task_id IS NULL OR (t.status IN ('done', 'cancelled') AND o.code IS NOT NULL))
     ORDER BY ri.received_at LIMIT $1`,
    [limit],
  );
  return result.rows.map((r) => ({ ...r, taskId: r.taskId === null ? null : Number(r.taskId) }));
}

/**
 * Marks a received referral answered.
 * @param db - database (joins the caller's transaction)
 * @param messageId - the referral
 * @param now - when the answer was queued
 */
export async function markReferralAnswered(db: SqlClient, messageId: string, now: Date): Promise<void> {
  await db.query(`UPDATE referral_in SET outcome_sent_at = $2 WHERE message_id = $1`, [messageId, now]);
}

/**
 * Reads one of our referrals to a peer, with the type of the referred task.
 * @param db - database
 * @param messageId - the referral's message id
 * @param peerId - the peer it was sent to
 */
export async function findSentReferral(db: SqlClient, messageId: string, peerId: string): Promise<{ taskId: number; taskType: string } | null> {
  const result = await db.query<{ taskId: string; taskType: string }>(
    `SELECT ro.task_id AS "taskId", t.type AS "taskType" FROM referral_out ro JOIN task t ON t.id = ro.task_id WHERE ro.message_id = $1 AND ro.peer_id = $2`,
    [messageId, peerId],
  );
  const row = result.rows[0];
  return row === undefined ? null : { taskId: Number(row.taskId), taskType: row.taskType };
}
