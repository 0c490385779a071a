import { chainAuditEntry, type AuditEntry, type AuditEvent, type ChainHasher } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';

/** Advisory lock key serialising appends, so the chain has one head. */
const AUDIT_LOCK = 7202;

interface AuditRow {
  seq: number;
  at: Date | string;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  action: string;
  purpose: string;
  subject: string | null;
  outcome: string;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role as AuditEntry['actorRole'],
    action: row.action,
    purpose: row.purpose as AuditEntry['purpose'],
    subject: row.subject,
    outcome: row.outcome as AuditEntry['outcome'],
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Appends one event to the hash-chained audit log.
 * @param db - database (joins the caller's transaction if it is one)
 * @param event - who did what, for which purpose
 * @param hasher - the chain's keyed hash
 * @param now - time of writing
 */
export async function appendAudit(db: SqlClient, event: AuditEvent, hasher: ChainHasher, now = new Date()): Promise<AuditEntry> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    const head = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    const entry = chainAuditEntry(event, head.rows[0] ?? null, now.toISOString(), hasher);
    await tx.query(
      `INSERT INTO audit_log (seq, at, actor_id, actor_name, actor_role, action, purpose, subject, outcome, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        entry.seq,
        entry.at,
        entry.actorId,
        entry.actorName,
        entry.actorRole,
        entry.action,
        entry.purpose,
        entry.subject,
        entry.outcome,
        JSON.stringify(entry.details),
        entry.prevHash,
        entry.hash,
      ],
    );
    return entry;
  });
}

/**
 * Reads the audit log in stored order (by seq), in pages, so verification runs in constant memory.
 * Rows are read in physical order of seq as stored: a reordered or renumbered row shows as a break.
 * @param db - database
 * @param pageSize - rows per round trip
 */
export async function* readAuditLog(db: SqlClient, pageSize = 5000): AsyncGenerator<AuditEntry> {
  let after = 0;
  for (;;) {
    const page = await db.query<AuditRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [after, pageSize]);
    for (const row of page.rows) yield toEntry(row);
    if (page.rows.length < pageSize) return;
    after = page.rows[page.rows.length - 1]!.seq;
  }
}

/** Filters for {@link listAudit}. */
export interface AuditQuery {
  readonly subject?: string | undefined;
  readonly actorId?: number | undefined;
  readonly limit: number;
}

/**
 * Lists recent audit entries, newest first, for auditors and for a person's access history.
 * @param db - database
 * @param query - filters and page size
 */
export async function listAudit(db: SqlClient, query: AuditQuery): Promise<AuditEntry[]> {
  const result = await db.query<AuditRow>(
    `SELECT * FROM audit_log
     WHERE ($1::text IS NULL OR subject = $1) AND ($2::bigint IS NULL OR actor_id = $2)
     ORDER BY seq DESC LIMIT $3`,
    [query.subject ?? null, query.actorId ?? null, query.limit],
  );
  return result.rows.map(toEntry);
}

/**
 * Appends many events to the chain at once (one lock, one head read, one bulk insert), in order:
 * for jobs that record one entry per change of many records (e.g. colour changes).
 * @param db - database (joins the caller's transaction if it is one)
 * @param events - the events, in the order they are chained
 * @param hasher - the chain's keyed hash
 * @param now - time of writing
 * @returns how many entries were appended
 */
export async function appendAuditBatch(db: SqlClient, events: readonly AuditEvent[], hasher: ChainHasher, now = new Date()): Promise<number> {
  if (events.length === 0) return 0;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    const head = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    let previous: Pick<AuditEntry, 'seq' | 'hash'> | null = head.rows[0] ?? null;
    const at = now.toISOString();
    const entries = events.map((event) => {
      const entry = chainAuditEntry(event, previous, at, hasher);
      previous = entry;
      return entry;
    });
    await tx.query(
      `INSERT INTO audit_log (seq, at, actor_id, actor_name, actor_role, action, purpose, subject, outcome, details, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                            $9::text[], $10::jsonb[], $11::text[], $12::text[])`,
      [
        entries.map((e) => e.seq),
        entries.map((e) => e.at),
        entries.map((e) => e.actorId),
        entries.map((e) => e.actorName),
        entries.map((e) => e.actorRole),
        entries.map((e) => e.action),
        entries.map((e) => e.purpose),
        entries.map((e) => e.subject),
        entries.map((e) => e.outcome),
        entries.map((e) => JSON.stringify(e.details)),
        entries.map((e) => e.prevHash),
        entries.map((e) => e.hash),
      ],
    );
    return entries.length;
  });
}
