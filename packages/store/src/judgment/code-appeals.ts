import type { SqlClient } from '../db/sql-client.js';

/** An appeal against a colour, with its deadline and outcome. */
export interface AppealRecord {
  readonly id: number;
  readonly personId: number;
  readonly filedBy: number;
  readonly filedByRole: string;
  readonly reason: string;
  readonly colourAtFiling: string;
  readonly ruleIdAtFiling: string;
  readonly filedAt: Date;
  readonly deadline: Date;
  readonly status: 'open' | 'upheld' | 'rejected';
  readonly reviewerId: number | null;
  readonly reviewerName: string | null;
  readonly outcome: string | null;
  readonly decidedAt: Date | null;
  /** Still open after its deadline (as of the time the list was read). */
  readonly overdue: boolean;
}

const COLUMNS = `a.id, a.person_id AS "personId", a.filed_by AS "filedBy", a.filed_by_role AS "filedByRole", a.reason,
  a.colour_at_filing AS "colourAtFiling", a.rule_id_at_filing AS "ruleIdAtFiling", a.filed_at AS "filedAt", a.deadline, a.status,
  a.reviewer_id AS "reviewerId", a.reviewer_name AS "reviewerName", a.outcome, a.decided_at AS "decidedAt"`;

/**
 * Files an appeal.
 * @param db - database
 * @param appeal - person, filer, reason, colour and rule at filing, times
 */
export async function insertAppeal(
  db: SqlClient,
  appeal: { personId: number; filedBy: number; filedByRole: string; reason: string; colourAtFiling: string; ruleIdAtFiling: string; filedAt: Date; deadline: Date },
): Promise<AppealRecord> {
  const result = await db.query<Omit<AppealRecord, 'overdue'>>(
    `INSERT INTO code_appeal AS a (person_id, filed_by, filed_by_role, reason, colour_at_filing, rule_id_at_filing, filed_at, deadline)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [appeal.personId, appeal.filedBy, appeal.filedByRole, appeal.reason, appeal.colourAtFiling, appeal.ruleIdAtFiling, appeal.filedAt, appeal.deadline],
  );
  return { ...result.rows[0]!, overdue: false };
}

/**
 * Appeals about persons in a jurisdiction, open ones first by deadline, with the overdue flag.
 * @param db - database
 * @param scope - the reader's jurisdiction
 * @param now - current time (decides "overdue")
 * @param options - only open appeals; only one person's
 */
export async function listAppeals(db: SqlClient, scope: string, now: Date, options: { openOnly?: boolean; personId?: number } = {}): Promise<AppealRecord[]> {
  const result = await db.query<AppealRecord>(
    `SELECT ${COLUMNS}, (a.status = 'open' AND a.deadline < $2) AS overdue
     FROM code_appeal a JOIN person p ON p.id = a.person_id
     WHERE p.region_path <@ $1::ltree AND (NOT $3 OR a.status = 'open') AND ($4::bigint IS NULL OR a.person_id = $4)
     ORDER BY (a.status = 'open') DESC, a.deadline, a.id LIMIT 200`,
    [scope, now, options.openOnly === true, options.personId ?? null],
  );
  return result.rows;
}

/**
 * One appeal with its person's region path (for the jurisdiction check), or null.
 * @param db - database
 * @param id - appeal id
 * @param now - current time
 */
export async function getAppeal(db: SqlClient, id: number, now: Date): Promise<(AppealRecord & { personRegionPath: string }) | null> {
  const result = await db.query<AppealRecord & { personRegionPath: string }>(
    `SELECT ${COLUMNS}, (a.status = 'open' AND a.deadline < $2) AS overdue, p.region_path::text AS "personRegionPath"
     FROM code_appeal a JOIN person p ON p.id = a.person_id WHERE a.id = $1`,
    [id, now],
  );
  return result.rows[0] ?? null;
}

/**
 * Records the decision on an open appeal; returns false if it was already decided.
 * @param db - database
 * @param id - appeal id
 * @param decision - outcome, reviewer, time
 */
export async function decideAppeal(
  db: SqlClient,
  id: number,
  decision: { status: 'upheld' | 'rejected'; outcome: string; reviewerId: number; reviewerName: string; at: Date },
): Promise<boolean> {
  const result = await db.query(
    `UPDATE code_appeal SET status = $2, outcome = $3, reviewer_id = $4, reviewer_name = $5, decided_at = $6 WHERE id = $1 AND status = 'open'`,
    [id, decision.status, decision.outcome, decision.reviewerId, decision.reviewerName, decision.at],
  );
  return result.rowCount === 1;
}
