import type { SqlClient } from '../db/sql-client.js';
import type { Scoped } from '../regions/region-directory.js';

/** A case report as tracing and the case pages need it. */
export interface CaseRecord {
  readonly id: number;
  readonly reportId: string;
  readonly personId: number;
  readonly personName: string;
  readonly regionPath: string;
  readonly classification: string;
  readonly onsetDate: string | null;
  readonly samplingDate: string;
  readonly reportTime: Date;
  readonly isolatedTime: Date | null;
  readonly imported: boolean;
  readonly version: number;
  /** When the case was last traced, and at which report version; null if never. */
  readonly tracedAt: Date | null;
  readonly tracedVersion: number | null;
}

const CASE_COLUMNS = `c.id, c.report_id AS "reportId", c.person_id AS "personId", p.name AS "personName",
  p.region_path::text AS "regionPath", c.classification, c.onset_date AS "onsetDate", c.sampling_date AS "samplingDate",
  c.report_time AS "reportTime", c.isolated_time AS "isolatedTime", c.imported, c.version,
  t.traced_at AS "tracedAt", t.traced_version AS "tracedVersion"`;

const CASE_FROM = `FROM case_report c JOIN person p ON p.id = c.person_id LEFT JOIN case_trace t ON t.case_report_id = c.id`;

/**
 * Lists the cases (confirmed or asymptomatic, linked to a person) whose person lives in the jurisdiction.
 * @param db - database
 * @param scope - jurisdiction root path
 * @param limit - page size
 * @param offset - page start
 */
export async function listCases(db: SqlClient, scope: string, limit: number, offset: number): Promise<CaseRecord[]> {
  const result = await db.query<CaseRecord>(
    `SELECT ${CASE_COLUMNS} ${CASE_FROM}
     WHERE c.classification IN ('confirmed', 'asymptomatic') AND p.region_path <@ $1::ltree
     ORDER BY c.report_time DESC, c.id DESC LIMIT $2 OFFSET $3`,
    [scope, limit, offset],
  );
  return result.rows;
}

/**
 * Reads one case if its person lives in the jurisdiction.
 * @param db - database
 * @param scope - jurisdiction root path
 * @param id - case report row id
 */
export async function getCase(db: SqlClient, scope: string, id: number): Promise<Scoped<CaseRecord>> {
  const result = await db.query<CaseRecord & { within: boolean }>(
    `SELECT ${CASE_COLUMNS}, (p.region_path <@ $2::ltree) AS within ${CASE_FROM} WHERE c.id = $1`,
    [id, scope],
  );
  const row = result.rows[0];
  if (row === undefined) return { kind: 'missing' };
  if (!row.within) return { kind: 'outside', path: row.regionPath };
  const { within: _within, ...record } = row;
  return { kind: 'found', value: record };
}

/**
 * Lists cases that were never traced or changed since (a corrected onset date): the tracing job's work.
 * @param db - database
 * @param limit - most cases to return
 */
export async function listCasesToTrace(db: SqlClient, limit: number): Promise<CaseRecord[]> {
  const result = await db.query<CaseRecord>(
    `SELECT ${CASE_COLUMNS} ${CASE_FROM}
     WHERE c.classification IN ('confirmed', 'asymptomatic') AND (t.case_report_id IS NULL OR t.traced_version <> c.version)
     ORDER BY c.report_time, c.id LIMIT $1`,
    [limit],
  );
  return result.rows;
}

/**
 * Lists every traceable case (all jurisdictions), for chain and cluster analysis.
 * @param db - database
 * @param scope - jurisdiction root path
 */
export async function listChainCases(
  db: SqlClient,
  scope: string,
): Promise<Array<{ caseId: number; personId: number; date: string; imported: boolean; personName: string }>> {
  const result = await db.query<{ caseId: number; personId: number; date: string; imported: boolean; personName: string }>(
    `SELECT c.id AS "caseId", c.person_id AS "personId", coalesce(c.onset_date, c.sampling_date) AS date, c.imported,
            p.name AS "personName"
     FROM case_report c JOIN person p ON p.id = c.person_id
     WHERE c.classification IN ('confirmed', 'asymptomatic') AND p.region_path <@ $1::ltree
     ORDER BY c.id`,
    [scope],
  );
  return result.rows;
}
