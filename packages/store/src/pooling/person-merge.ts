import { DomainError, type AuditEvent, type ChainHasher } from '@epigrid/core';
import { appendAudit } from '../audit/audit-log.js';
import type { SqlClient } from '../db/sql-client.js';

/** Every table with a `person_id` that a merge moves (keep in step with the migrations). */
export const personLinkedTables = ['case_report', 'lab_result', 'vaccination', 'check_in', 'telecom_presence', 'transport_ticket'] as const;

/**
 * Traced contacts are derived from the records a merge moves: instead of moving them (which could
 * collide with the survivor's own), every case that listed either person is traced again by the job.
 */
async function requestRetrace(tx: SqlClient, fromId: number, intoId: number): Promise<void> {
  await tx.query(
    `UPDATE case_trace SET traced_version = 0 WHERE case_report_id IN (
       SELECT case_report_id FROM traced_contact WHERE person_id IN ($1, $2) OR via_person_id IN ($1, $2)
       UNION SELECT id FROM case_report WHERE person_id IN ($1, $2)
       UNION SELECT case_report_id FROM investigator_contact WHERE person_id IN ($1, $2))`,
    [fromId, intoId],
  );
}

/** Who performs a merge or its undo, as the audit log names them. */
export type MergeActor = Pick<AuditEvent, 'actorId' | 'actorName' | 'actorRole'>;

/** What a merge did. */
export interface MergeResult {
  readonly mergeId: number;
  /** Rows moved per table. */
  readonly moved: Readonly<Record<string, number>>;
}

/**
 * Merges one person into another: every linked record moves to the survivor, the merged person is
 * kept with `merged_into` set (so identifiers that only it holds still resolve), and the exact list
 * of moved rows is stored so {@link undoMerge} can restore the prior state. Audited.
 * @param db - database
 * @param fromId - the person merged away (usually provisional)
 * @param intoId - the survivor
 * @param by - who merges
 * @param hasher - audit chain hasher
 */
export async function mergePersons(db: SqlClient, fromId: number, intoId: number, by: MergeActor, hasher: ChainHasher): Promise<MergeResult> {
  if (fromId === intoId) throw new DomainError('validation_failed', { field: 'intoId', reason: 'a person cannot be merged into themself' });
  return db.transaction(async (tx) => {
    const people = await tx.query<{ id: number; provisional: boolean; merged_into: number | null }>(
      'SELECT id, provisional, merged_into FROM person WHERE id = ANY($1::bigint[]) FOR UPDATE',
      [[fromId, intoId]],
    );
    const from = people.rows.find((p) => p.id === fromId);
    const into = people.rows.find((p) => p.id === intoId);
    if (from === undefined || into === undefined) throw new DomainError('not_found', { personId: from === undefined ? fromId : intoId });
    if (from.merged_into !== null || into.merged_into !== null) {
      throw new DomainError('conflict', { reason: 'one of the persons is already merged into another' });
    }
    const merge = await tx.query<{ id: number }>(
      `INSERT INTO person_merge (from_person_id, into_person_id, from_was_provisional, merged_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [fromId, intoId, from.provisional, by.actorName],
    );
    const mergeId = merge.rows[0]!.id;
    const moved: Record<string, number> = {};
    for (const table of personLinkedTables) {
      await tx.query(
        `INSERT INTO person_merge_move (merge_id, table_name, row_id) SELECT $1, '${table}', id FROM ${table} WHERE person_id = $2`,
        [mergeId, fromId],
      );
      const updated = await tx.query(`UPDATE ${table} SET person_id = $2 WHERE person_id = $1`, [fromId, intoId]);
      moved[table] = updated.rowCount;
    }
    // People merged earlier into `from` now point at the survivor, so resolution takes one hop.
    await tx.query(
      `INSERT INTO person_merge_move (merge_id, table_name, row_id) SELECT $1, 'person', id FROM person WHERE merged_into = $2`,
      [mergeId, fromId],
    );
    moved.person = (await tx.query('UPDATE person SET merged_into = $2 WHERE merged_into = $1', [fromId, intoId])).rowCount;
    await requestRetrace(tx, fromId, intoId);
    await tx.query('UPDATE person SET merged_into = $2 WHERE id = $1', [fromId, intoId]);
    await tx.query(`UPDATE identity_review SET status = 'merged' WHERE person_id = $1 AND candidate_id = $2 AND status = 'open'`, [fromId, intoId]);
    await appendAudit(
      tx,
      { ...by, action: 'person.merge', purpose: 'system', subject: `person:${intoId}`, outcome: 'allowed', details: { mergeId, fromId, intoId, moved } },
      hasher,
    );
    return { mergeId, moved };
  });
}

/**
 * Undoes a merge exactly: the rows it moved go back, the merged person is no longer merged, people
 * it re-pointed point back, and a review it closed is open again. Audited.
 * @param db - database
 * @param mergeId - the merge
 * @param by - who undoes it
 * @param hasher - audit chain hasher
 */
export async function undoMerge(db: SqlClient, mergeId: number, by: MergeActor, hasher: ChainHasher): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await tx.query<{ from_person_id: number; into_person_id: number; undone_at: string | null }>(
      'SELECT from_person_id, into_person_id, undone_at FROM person_merge WHERE id = $1 FOR UPDATE',
      [mergeId],
    );
    const merge = found.rows[0];
    if (merge === undefined) throw new DomainError('not_found', { mergeId });
    if (merge.undone_at !== null) throw new DomainError('conflict', { mergeId, reason: 'this merge was already undone' });
    const later = await tx.query('SELECT 1 FROM person_merge WHERE id > $1 AND undone_at IS NULL AND $2 IN (from_person_id, into_person_id)', [
      mergeId,
      merge.into_person_id,
    ]);
    if (later.rows.length > 0) throw new DomainError('conflict', { mergeId, reason: 'undo the later merges of this person first' });
    const { from_person_id: fromId, into_person_id: intoId } = merge;
    for (const table of personLinkedTables) {
      await tx.query(
        `UPDATE ${table} SET person_id = $2 WHERE id IN (SELECT row_id FROM person_merge_move WHERE merge_id = $1 AND table_name = '${table}')`,
        [mergeId, fromId],
      );
    }
    await tx.query(
      `UPDATE person SET merged_into = $2 WHERE id IN (SELECT row_id FROM person_merge_move WHERE merge_id = $1 AND table_name = 'person')`,
      [mergeId, fromId],
    );
    await tx.query('UPDATE person SET merged_into = NULL WHERE id = $1', [fromId]);
    await requestRetrace(tx, fromId, intoId);
    await tx.query(`UPDATE identity_review SET status = 'open' WHERE person_id = $1 AND candidate_id = $2 AND status = 'merged'`, [fromId, intoId]);
    await tx.query('UPDATE person_merge SET undone_at = now() WHERE id = $1', [mergeId]);
    await appendAudit(
      tx,
      { ...by, action: 'person.merge.undo', purpose: 'system', subject: `person:${intoId}`, outcome: 'allowed', details: { mergeId, fromId, intoId } },
      hasher,
    );
  });
}
