import type { SqlClient } from '../db/sql-client.js';

/** A message waiting for delivery. */
export interface OutboxMessage {
  readonly id: number;
  readonly messageId: string;
  readonly peerId: string;
  readonly baseUrl: string;
  readonly envelopeSealed: string;
  readonly attempts: number;
}

/**
 * Queues a sealed, signed message for a peer (once per message id).
 * @param db - database (joins the caller's transaction)
 * @param message - message id, peer and sealed envelope
 * @param now - queue time; the first attempt is due at once
 */
export async function enqueueMessage(db: SqlClient, message: { messageId: string; peerId: string; envelopeSealed: string }, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO federation_outbox (message_id, peer_id, envelope_sealed, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (message_id) DO NOTHING`,
    [message.messageId, message.peerId, message.envelopeSealed, now],
  );
}

/**
 * Lists undelivered messages whose next attempt is due, oldest first.
 * @param db - database
 * @param now - current time
 * @param limit - most messages to return
 */
export async function dueMessages(db: SqlClient, now: Date, limit: number): Promise<OutboxMessage[]> {
  const result = await db.query<OutboxMessage>(
    `SELECT o.id, o.message_id AS "messageId", o.peer_id AS "peerId", p.base_url AS "baseUrl", o.envelope_sealed AS "envelopeSealed", o.attempts
     FROM federation_outbox o JOIN federation_peer p ON p.peer_id = o.peer_id
     WHERE o.delivered_at IS NULL AND o.next_attempt_at <= $1 ORDER BY o.next_attempt_at, o.id LIMIT $2`,
    [now, limit],
  );
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Records the result of one delivery attempt: delivered, or failed and due again after a backoff.
 * @param db - database
 * @param id - outbox row
 * @param result - `delivered`, or the error and when to try again
 * @param now - attempt time
 */
export async function recordDeliveryAttempt(
  db: SqlClient,
  id: number,
  result: { readonly delivered: true } | { readonly delivered: false; readonly error: string; readonly retryAt: Date },
  now: Date,
): Promise<void> {
  if (result.delivered) {
    await db.query(`UPDATE federation_outbox SET attempts = attempts + 1, delivered_at = $2, last_error = NULL WHERE id = $1`, [id, now]);
  } else {
    await db.query(`UPDATE federation_outbox SET attempts = attempts + 1, next_attempt_at = $2, last_error = $3 WHERE id = $1`, [
      id,
      result.retryAt,
      result.error.slice(0, 500),
    ]);
  }
}
