import { dayNumberOf, localMidnight, type HealthFact, type HealthInput } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import { withoutJit } from '../db/without-jit.js';
import { sampleForTestDaySql } from './required-test-window.js';
import { ticketVisitFactsSql } from './travel-risk.js';
import { checkInInRiskArea } from './venue-risk.js';

/** Options of {@link readHealthFacts}. */
export interface HealthFactOptions {
  /** Local offset from UTC for calendar dates (quarantine end, test days, area days). */
  readonly utcOffsetMinutes: number;
  /**
   * Hours around a planned test day in which a sample still counts (the protocol profile's
   * `management.testDayToleranceHours`); absent or 0: only the planned local day.
   */
  readonly testDayToleranceHours?: number;
}

interface FactRow {
  personId: number;
  input: HealthInput;
  at: Date | string;
  until: Date | string | null;
  untilDate: string | null;
  areaLevel: string | null;
  source: HealthFact['evidence']['source'];
  id: number;
}

const toSeconds = (t: Date | string): number => Math.floor(new Date(t).getTime() / 1000);

/**
 * Reads the health facts of a set of persons in bulk, each tied to the row it came from: case
 * reports (case, suspected), traced contacts (close, sub-close, companion, with the end of their
 * management), planned tests with no sample on that local day (missed test; the profile may allow a
 * tolerance around the day), lab results (negative,
 * single-tube positive, positive pooled tube), living in or checking in at a current risk area, a
 * trip by train, coach, plane or ship from or to a station in a current risk area (this instance's
 * own or an imported one) on the day of travel.
 * Nothing else about a person is read: these are the only inputs the colour rules accept.
 * @param db - database
 * @param personIds - the persons
 * @param options - local offset
 * @returns facts per person (persons without facts are absent)
 */
export async function readHealthFacts(db: SqlClient, personIds: readonly number[], options: HealthFactOptions): Promise<Map<number, HealthFact[]>> {
  const facts = new Map<number, HealthFact[]>();
  if (personIds.length === 0) return facts;
  const toleranceHours = options.testDayToleranceHours ?? 0;
  const result = await withoutJit(db, (tx) => tx.query<FactRow>(
    `WITH ids AS (SELECT unnest($1::bigint[]) AS id)
     SELECT c.person_id AS "personId", CASE WHEN c.classification = 'suspected' THEN 'suspected-case' ELSE 'case' END AS input,
            c.report_time AS at, NULL::timestamptz AS until, NULL::text AS "untilDate", NULL::text AS "areaLevel", 'case_report' AS source, c.id
     FROM case_report c JOIN ids ON ids.id = c.person_id WHERE c.classification <> 'discarded'
     UNION ALL
     SELECT tc.person_id, CASE tc.kind WHEN 'close' THEN 'close-contact' WHEN 'sub-close' THEN 'sub-close-contact' ELSE 'companion' END,
            tc.listed_at, NULL, tc.management->>'endDate', NULL, 'traced_contact', tc.id
     FROM traced_contact tc JOIN ids ON ids.id = tc.person_id
     UNION ALL
     SELECT tc.person_id, 'missed-required-test', NULL, NULL, test->>'date', NULL, 'traced_contact', tc.id
     FROM traced_contact tc JOIN ids ON ids.id = tc.person_id
     CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN tc.kind IN ('close', 'sub-close') THEN coalesce(tc.management->'tests', '[]'::jsonb) ELSE '[]'::jsonb END) AS test
     WHERE NOT ${sampleForTestDaySql('tc.person_id', "test->>'date'", '$2', '$3')}
     UNION ALL
     SELECT lr.person_id,
            CASE WHEN lr.result = 'negative' THEN 'negative-test' WHEN lr.pool_size = 1 THEN 'positive-test' ELSE 'pooled-tube-positive' END,
            CASE WHEN lr.result = 'negative' THEN lr.sampled_at ELSE lr.resulted_at END, NULL, NULL, NULL, 'lab_result', lr.id
     FROM lab_result lr JOIN ids ON ids.id = lr.person_id WHERE lr.result IN ('positive', 'negative')
     UNION ALL
     SELECT p.id, 'risk-area-residence', NULL, NULL, l.drops_at::text, l.level || '|' || l.since::text, 'risk_area_level', l.region_id
     FROM person p JOIN ids ON ids.id = p.id JOIN risk_area_level l ON NOT l.background AND p.region_path <@ l.region_path
     UNION ALL
     SELECT ci.person_id, 'risk-area-visit', ci.time_in, NULL, NULL, l.level, 'check_in', ci.id
     FROM check_in ci JOIN ids ON ids.id = ci.person_id
     JOIN place pl ON pl.id = ci.place_id
     JOIN risk_area_level l ON ${checkInInRiskArea('ci', 'pl', 'l')}
     UNION ALL
     ${ticketVisitFactsSql('$2')}
     UNION ALL
     SELECT ps.person_id, 'quarantine-completed', ps.since, NULL, NULL, NULL, 'task_outcome', ps.source_outcome_id
     FROM person_state ps JOIN ids ON ids.id = ps.person_id WHERE ps.state = 'released' AND ps.source_outcome_id IS NOT NULL`,
    [personIds, options.utcOffsetMinutes, toleranceHours],
  ));
  const offset = options.utcOffsetMinutes;
  const endOfDay = (date: string): number => localMidnight(dayNumberOf(date) + 1, offset);
  for (const row of result.rows) {
    let fact: HealthFact;
    if (row.input === 'missed-required-test') {
      // The planned test day (and the tolerance after it) passed without a sample: known from then.
      fact = { input: row.input, at: endOfDay(row.untilDate!) + Math.round(toleranceHours * 3600), evidence: { source: row.source, id: row.id } };
    } else if (row.input === 'risk-area-residence') {
      const [level, since] = row.areaLevel!.split('|') as [string, string];
      fact = {
        input: row.input,
        at: localMidnight(dayNumberOf(since), offset),
        until: row.untilDate === null ? null : localMidnight(dayNumberOf(row.untilDate), offset),
        areaLevel: level,
        evidence: { source: row.source, id: row.id },
      };
    } else {
      fact = {
        input: row.input,
        at: toSeconds(row.at!),
        until: row.untilDate === null ? null : endOfDay(row.untilDate),
        ...(row.areaLevel === null ? {} : { areaLevel: row.areaLevel }),
        evidence: { source: row.source, id: row.id },
      };
    }
    const list = facts.get(row.personId) ?? [];
    list.push(fact);
    facts.set(row.personId, list);
  }
  return facts;
}
