import type { SqlClient } from '../db/sql-client.js';
import { withoutJit } from '../db/without-jit.js';
import { sampleForTestDaySql, testWindowEndSql } from './required-test-window.js';
import { ticketsAtRiskStationsSql, travellersAtRiskStationsSql, travellersOfChangedAreasSql } from './travel-risk.js';
import { checkInInRiskArea, checkInsAtRiskVenuesSql } from './venue-risk.js';

/** Sources of health facts whose new rows make the incremental recompute look at their persons. */
const SOURCES = {
  case_report: 'SELECT person_id, id FROM case_report',
  case_report_history: 'SELECT c.person_id, h.id FROM case_report_history h JOIN case_report c ON c.report_id = h.report_id',
  traced_contact: 'SELECT person_id, id FROM traced_contact',
  // A negative result matters only to someone already yellow or red (it may clear a stage).
  lab_result: `SELECT lr.person_id, lr.id FROM lab_result lr WHERE lr.result = 'positive'
    OR EXISTS (SELECT 1 FROM health_code h WHERE h.person_id = lr.person_id AND h.colour <> 'green')`,
  // A trip matters when it starts or ends at a station in a current risk area; every ticket moves the mark.
  transport_ticket: ticketsAtRiskStationsSql,
  // So does a venue visit in a current risk area; every check-in moves the mark.
  check_in: checkInsAtRiskVenuesSql,
} as const;

/** The watermark row that holds, in epoch seconds, up to when missed planned tests were looked for. */
const MISSED_TEST_CLOCK = 'missed_test_clock';

/** How the planned-test window is drawn (the same as the `missed-required-test` fact's). */
export interface PlannedTestWindow {
  /** The instance's offset from UTC, minutes. */
  readonly utcOffsetMinutes: number;
  /** The profile's tolerance around the planned day, hours (0: none). */
  readonly testDayToleranceHours: number;
}

/**
 * Persons with a planned test (close and sub-close contacts' `management.tests`) whose window ended
 * in (from, to] with no sample in it: from that instant their `missed-required-test` fact holds, so
 * their code is judged again then rather than at the next nightly run.
 */
async function personsMissingTestsBetween(db: SqlClient, from: number, to: number, window: PlannedTestWindow): Promise<number[]> {
  const testDay = "test->>'date'";
  const end = testWindowEndSql(testDay, '$4', '$5');
  // No window ending in (from, to] can belong to a day before this one (two days before `from`, beyond
  // any tolerance). Bounding each contact's last planned day by it lets the index (0013) skip the
  // plans that ended earlier, so the scan reads only the plans still running, not every one listed.
  const earliest = new Date((from + window.utcOffsetMinutes * 60 - 2 * 86_400) * 1000).toISOString().slice(0, 10);
  // Materialised, as in the missed-test trigger: the read of the plans is planned apart from the probes.
  const result = await withoutJit(db, (tx) => tx.query<{ personId: number }>(
    `WITH planned AS MATERIALIZED (
       SELECT tc.person_id, ${testDay} AS test_date FROM traced_contact tc
       CROSS JOIN LATERAL jsonb_array_elements(coalesce(tc.management->'tests', '[]'::jsonb)) AS test
       WHERE tc.kind IN ('close', 'sub-close') AND tc.last_planned_test_day >= $3::date
         AND ${end} > to_timestamp($1) AND ${end} <= to_timestamp($2)
     )
     SELECT DISTINCT person_id AS "personId" FROM planned WHERE NOT ${sampleForTestDaySql('planned.person_id', 'planned.test_date', '$4', '$5')}`,
    [from, to, earliest, window.utcOffsetMinutes, window.testDayToleranceHours],
  ));
  return result.rows.map((r) => Number(r.personId));
}

/** Persons to recompute and the watermarks to commit once they are done. */
export interface PendingPersons {
  readonly personIds: number[];
  /** Records that these rows have been read; call after the codes are stored. */
  commit(): Promise<void>;
}

/**
 * Persons with new facts since the last recompute (new or corrected cases, new traced contacts, new
 * lab results, new tickets at stations in a risk area, new check-ins at venues in a risk area), persons
 * whose planned test day has just passed without a sample, and persons whose stored colour has reached
 * its expiry.
 * @param db - database
 * @param now - current time
 * @param window - how planned-test days are drawn (offset and tolerance)
 */
export async function takePendingPersons(db: SqlClient, now: Date, window: PlannedTestWindow): Promise<PendingPersons> {
  const marks = await db.query<{ source: string; lastId: number }>('SELECT source, last_id AS "lastId" FROM judgment_watermark');
  const seen = new Map(marks.rows.map((r) => [r.source, r.lastId]));
  const ids = new Set<number>();
  const next = new Map<string, number>();
  for (const [source, sql] of Object.entries(SOURCES)) {
    const from = seen.get(source) ?? 0;
    // One row per person (and one for rows naming nobody) with the highest id: busy sources such as
    // check-ins add many rows a minute, and only who and how far matter here.
    const rows = await db.query<{ personId: number | null; id: number }>(
      `SELECT person_id AS "personId", max(id) AS id FROM (${sql}) s WHERE id > $1 GROUP BY person_id`,
      [from],
    );
    let max = from;
    for (const r of rows.rows) {
      if (r.personId !== null) ids.add(r.personId);
      if (r.id > max) max = r.id;
    }
    next.set(source, max);
  }
  // A missed test is a fact that time makes true, with no new row: looked for since the last run (the
  // first run looks back one day; the nightly full run covers anything older).
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const missedFrom = seen.get(MISSED_TEST_CLOCK) ?? nowSeconds - 86_400;
  for (const personId of await personsMissingTestsBetween(db, missedFrom, nowSeconds, window)) ids.add(personId);
  next.set(MISSED_TEST_CLOCK, Math.max(missedFrom, nowSeconds));
  const expired = await db.query<{ personId: number }>(
    `SELECT person_id AS "personId" FROM health_code WHERE (expires_at IS NOT NULL AND expires_at <= $1) OR (override_until IS NOT NULL AND override_until <= $1)`,
    [now],
  );
  for (const r of expired.rows) ids.add(r.personId);
  return {
    personIds: [...ids].sort((a, b) => a - b),
    async commit(): Promise<void> {
      await db.query(
        `INSERT INTO judgment_watermark (source, last_id) SELECT * FROM unnest($1::text[], $2::bigint[])
         ON CONFLICT (source) DO UPDATE SET last_id = EXCLUDED.last_id`,
        [[...next.keys()], [...next.values()]],
      );
    },
  };
}

/**
 * Persons living in, who checked in at, or who travelled from or to a station in one of the given
 * areas since 14 days before its level began: affected when an area's level changes.
 * @param db - database
 * @param regionIds - areas whose level changed
 */
export async function personsOfAreas(db: SqlClient, regionIds: readonly number[]): Promise<number[]> {
  if (regionIds.length === 0) return [];
  const result = await db.query<{ personId: number }>(
    `SELECT p.id AS "personId" FROM person p JOIN risk_area_level l ON p.region_path <@ l.region_path WHERE l.region_id = ANY($1::bigint[])
     UNION
     SELECT ci.person_id FROM check_in ci JOIN place pl ON pl.id = ci.place_id
     JOIN risk_area_level l ON pl.region_path <@ l.region_path AND ci.day >= l.since - 14
     WHERE l.region_id = ANY($1::bigint[]) AND ci.person_id IS NOT NULL
     UNION
     ${travellersOfChangedAreasSql}`,
    [regionIds],
  );
  return result.rows.map((r) => r.personId);
}

/**
 * Every person who has any health fact or a non-green code: the nightly full recompute.
 * @param db - database
 */
export async function personsWithHealthFacts(db: SqlClient): Promise<number[]> {
  const result = await db.query<{ personId: number }>(
    `SELECT person_id AS "personId" FROM case_report WHERE person_id IS NOT NULL
     UNION SELECT person_id FROM traced_contact
     UNION SELECT person_id FROM lab_result WHERE person_id IS NOT NULL AND result = 'positive'
     UNION SELECT person_id FROM health_code WHERE colour <> 'green' OR override_until IS NOT NULL
     UNION SELECT p.id FROM person p JOIN risk_area_level l ON NOT l.background AND p.region_path <@ l.region_path
     UNION SELECT ci.person_id FROM check_in ci JOIN place pl ON pl.id = ci.place_id
       JOIN risk_area_level l ON ${checkInInRiskArea('ci', 'pl', 'l')}
       WHERE ci.person_id IS NOT NULL
     UNION ${travellersAtRiskStationsSql}`,
  );
  return result.rows.map((r) => r.personId).sort((a, b) => a - b);
}

/**
 * Among the given persons, those with an epidemiological link: a case report, a traced contact
 * (close, sub-close or companion), or a sample in a positive pooled tube.
 * @param db - database
 * @param personIds - candidates
 */
export async function epidemiologicallyLinked(db: SqlClient, personIds: readonly number[]): Promise<Set<number>> {
  const result = await db.query<{ personId: number }>(
    `WITH ids AS (SELECT unnest($1::bigint[]) AS id)
     SELECT id AS "personId" FROM ids WHERE
       EXISTS (SELECT 1 FROM case_report c WHERE c.person_id = ids.id AND c.classification <> 'discarded')
       OR EXISTS (SELECT 1 FROM traced_contact tc WHERE tc.person_id = ids.id)
       OR EXISTS (SELECT 1 FROM lab_result lr WHERE lr.person_id = ids.id AND lr.pool_size > 1
                    AND EXISTS (SELECT 1 FROM lab_result t WHERE t.tube_id = lr.tube_id AND t.result = 'positive'))`,
    [personIds],
  );
  return new Set(result.rows.map((r) => r.personId));
}
