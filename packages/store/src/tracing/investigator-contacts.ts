import type { SqlClient } from '../db/sql-client.js';

/** A contact a field investigator entered for a case after an interview. */
export interface InvestigatorContactInput {
  readonly caseReportId: number;
  readonly personId: number;
  /** Reference of the investigation record, e.g. the interview note id. */
  readonly reference: string;
  readonly exposureFrom: Date;
  readonly exposureTo: Date;
  readonly note: string | null;
  /** User name of the investigator who entered it. */
  readonly enteredBy: string;
  readonly enteredAt: Date;
}

/** A stored investigator-entered contact. */
export interface InvestigatorContactRecord extends InvestigatorContactInput {
  readonly id: number;
}

/** What {@link addInvestigatorContact} did. */
export interface AddedInvestigatorContact {
  /** The stored row (the earlier one when the contact was already entered). */
  readonly id: number;
  /** False when the same person was already entered for the case under the same reference. */
  readonly added: boolean;
}

/**
 * Stores an investigator-entered contact, idempotently on (case, person, reference), and marks the case
 * for re-tracing by the tracing job when a new contact was stored.
 * @param db - database
 * @param contact - the contact
 */
export async function addInvestigatorContact(db: SqlClient, contact: InvestigatorContactInput): Promise<AddedInvestigatorContact> {
  return db.transaction(async (tx) => {
    const inserted = await tx.query<{ id: number }>(
      `INSERT INTO investigator_contact (case_report_id, person_id, reference, exposure_from, exposure_to, note, entered_by, entered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (case_report_id, person_id, reference) DO NOTHING RETURNING id`,
      [
        contact.caseReportId,
        contact.personId,
        contact.reference,
        contact.exposureFrom.toISOString(),
        contact.exposureTo.toISOString(),
        contact.note,
        contact.enteredBy,
        contact.enteredAt.toISOString(),
      ],
    );
    const id = inserted.rows[0]?.id;
    if (id !== undefined) {
      await tx.query('UPDATE case_trace SET traced_version = 0 WHERE case_report_id = $1', [contact.caseReportId]);
      return { id: Number(id), added: true };
    }
    const existing = await tx.query<{ id: number }>(
      'SELECT id FROM investigator_contact WHERE case_report_id = $1 AND person_id = $2 AND reference = $3',
      [contact.caseReportId, contact.personId, contact.reference],
    );
    return { id: Number(existing.rows[0]!.id), added: false };
  });
}

/**
 * Lists the investigator-entered contacts of a case, oldest entry first. Not scoped: tracing reads them
 * for the case as a whole; callers showing them to a user apply the user's jurisdiction.
 * @param db - database
 * @param caseReportId - the case
 */
export async function listInvestigatorContacts(db: SqlClient, caseReportId: number): Promise<InvestigatorContactRecord[]> {
  const result = await db.query<InvestigatorContactRecord>(
    `SELECT id, case_report_id AS "caseReportId", person_id AS "personId", reference, exposure_from AS "exposureFrom",
            exposure_to AS "exposureTo", note, entered_by AS "enteredBy", entered_at AS "enteredAt"
     FROM investigator_contact WHERE case_report_id = $1 ORDER BY entered_at, id`,
    [caseReportId],
  );
  return result.rows;
}
