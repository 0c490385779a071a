import type { SqlClient } from '../db/sql-client.js';

/** One traced person to store: the trace engine's output in storage terms (times as Date). */
export interface TracedContactInput {
  readonly personId: number;
  readonly kind: 'close' | 'sub-close' | 'companion';
  readonly viaPersonId: number | null;
  readonly ruleIds: readonly string[];
  /** The engine's evidence records (source rows, venue/cell/seat, overlap, rule id). */
  readonly evidence: readonly unknown[];
  readonly firstExposure: Date;
  readonly lastExposure: Date;
  /** Quarantine/test plan or companion follow-up, as computed from the profile. */
  readonly management: unknown;
}

/** A whole trace of one case, replacing any earlier one. */
export interface CaseTraceInput {
  readonly caseReportId: number;
  readonly caseVersion: number;
  readonly profileId: string;
  readonly windowFrom: Date;
  readonly windowTo: Date;
  readonly windowRuleId: string;
  readonly tracedAt: Date;
  readonly contacts: readonly TracedContactInput[];
}

/**
 * Stores the trace of a case idempotently: the case's previous contacts are replaced in the same
 * transaction, so re-tracing gives exactly one row per (case, person, kind, via) and a reader never
 * sees half a trace. A person keeps the time they were first listed for this case.
 * @param db - database
 * @param trace - the case trace
 */
export async function replaceCaseTrace(db: SqlClient, trace: CaseTraceInput): Promise<void> {
  await db.transaction(async (tx) => {
    const previous = await tx.query<{ key: string; listedAt: Date }>(
      `SELECT person_id || ':' || kind || ':' || coalesce(via_person_id, 0) AS key, listed_at AS "listedAt"
       FROM traced_contact WHERE case_report_id = $1`,
      [trace.caseReportId],
    );
    const listedAt = new Map(previous.rows.map((r) => [r.key, r.listedAt]));
    await tx.query('DELETE FROM traced_contact WHERE case_report_id = $1', [trace.caseReportId]);
    const counts = { close: 0, 'sub-close': 0, companion: 0 };
    for (const c of trace.contacts) counts[c.kind]++;
    await tx.query(
      `INSERT INTO case_trace (case_report_id, profile_id, window_from, window_to, window_rule_id, traced_version, traced_at, counts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (case_report_id) DO UPDATE SET profile_id = EXCLUDED.profile_id, window_from = EXCLUDED.window_from,
         window_to = EXCLUDED.window_to, window_rule_id = EXCLUDED.window_rule_id, traced_version = EXCLUDED.traced_version,
         traced_at = EXCLUDED.traced_at, counts = EXCLUDED.counts`,
      [trace.caseReportId, trace.profileId, trace.windowFrom, trace.windowTo, trace.windowRuleId, trace.caseVersion, trace.tracedAt, JSON.stringify(counts)],
    );
    const chunk = 2000;
    for (let i = 0; i < trace.contacts.length; i += chunk) {
      const rows = trace.contacts.slice(i, i + chunk);
      await tx.query(
        `INSERT INTO traced_contact (case_report_id, person_id, kind, via_person_id, profile_id, rule_ids, evidence,
           first_exposure, last_exposure, management, listed_at)
         SELECT $1, t.person_id, t.kind, t.via, $2, string_to_array(t.rules, ' '), t.evidence::jsonb, t.first_exposure,
                t.last_exposure, t.management::jsonb, t.listed_at
         FROM unnest($3::bigint[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[],
                     $10::text[], $11::timestamptz[])
           AS t(person_id, kind, via, rules, evidence, first_exposure, last_exposure, management, listed_at)`,
        [
          trace.caseReportId,
          trace.profileId,
          rows.map((c) => c.personId),
          rows.map((c) => c.kind),
          rows.map((c) => c.viaPersonId),
          rows.map((c) => c.ruleIds.join(' ')),
          rows.map((c) => JSON.stringify(c.evidence)),
          rows.map((c) => c.firstExposure.toISOString()),
          rows.map((c) => c.lastExposure.toISOString()),
          rows.map((c) => JSON.stringify(c.management ?? null)),
          rows.map((c) => (listedAt.get(`${c.personId}:${c.kind}:${c.viaPersonId ?? 0}`) ?? trace.tracedAt).toISOString()),
        ],
      );
    }
  });
}

/** A stored traced contact with what the case page shows of the person (inside the jurisdiction only). */
export interface TracedContactRecord {
  readonly id: number;
  readonly personId: number;
  /** Null when the person lives outside the reader's jurisdiction (they are handled there). */
  readonly personName: string | null;
  readonly gridName: string | null;
  readonly withinJurisdiction: boolean;
  readonly kind: 'close' | 'sub-close' | 'companion';
  readonly viaPersonId: number | null;
  readonly profileId: string;
  readonly ruleIds: readonly string[];
  readonly evidence: readonly unknown[];
  readonly firstExposure: Date;
  readonly lastExposure: Date;
  readonly management: unknown;
  readonly listedAt: Date;
}

/**
 * Lists the traced contacts of a case. People outside the reader's jurisdiction are listed without
 * any personal data.
 * @param db - database
 * @param scope - the reader's jurisdiction
 * @param caseReportId - the case
 */
export async function listCaseContacts(db: SqlClient, scope: string, caseReportId: number): Promise<TracedContactRecord[]> {
  const result = await db.query<TracedContactRecord>(
    `SELECT tc.id, tc.person_id AS "personId",
            CASE WHEN p.region_path <@ $2::ltree THEN p.name END AS "personName",
            CASE WHEN p.region_path <@ $2::ltree THEN g.name_zh END AS "gridName",
            (p.region_path <@ $2::ltree) AS "withinJurisdiction",
            tc.kind, tc.via_person_id AS "viaPersonId", tc.profile_id AS "profileId", tc.rule_ids AS "ruleIds",
            tc.evidence, tc.first_exposure AS "firstExposure", tc.last_exposure AS "lastExposure", tc.management,
            tc.listed_at AS "listedAt"
     FROM traced_contact tc JOIN person p ON p.id = tc.person_id JOIN region g ON g.id = p.grid_id
     WHERE tc.case_report_id = $1
     ORDER BY CASE tc.kind WHEN 'close' THEN 0 WHEN 'sub-close' THEN 1 ELSE 2 END, tc.last_exposure DESC, tc.person_id`,
    [caseReportId, scope],
  );
  return result.rows;
}

/** A stored close contact of a case, as chain analysis needs it. */
export interface StoredCloseContact {
  readonly caseReportId: number;
  readonly personId: number;
  readonly ruleIds: string[];
  readonly evidence: unknown[];
  readonly firstExposure: Date;
  readonly lastExposure: Date;
}

/**
 * Lists the close contacts of every case whose person lives in the jurisdiction.
 * @param db - database
 * @param scope - the reader's jurisdiction
 */
export async function listCloseContactsOfCases(db: SqlClient, scope: string): Promise<StoredCloseContact[]> {
  const result = await db.query<StoredCloseContact>(
    `SELECT tc.case_report_id AS "caseReportId", tc.person_id AS "personId", tc.rule_ids AS "ruleIds", tc.evidence,
            tc.first_exposure AS "firstExposure", tc.last_exposure AS "lastExposure"
     FROM traced_contact tc JOIN case_report c ON c.id = tc.case_report_id JOIN person cp ON cp.id = c.person_id
     WHERE tc.kind = 'close' AND cp.region_path <@ $1::ltree
     ORDER BY tc.case_report_id, tc.person_id`,
    [scope],
  );
  return result.rows;
}
