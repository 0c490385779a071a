import { dateOfDayNumber, localDayOf, type AreaCaseFact } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';

/** The infections placed in areas, and the region id of each area path. */
export interface AreaFacts {
  readonly facts: AreaCaseFact[];
  readonly regionIds: Map<string, number>;
}

interface Row {
  caseId: number;
  regionId: number;
  areaPath: string;
  reportTime: Date;
  settingKey: string | null;
  community: boolean;
  role: 'residence' | 'activity';
}

/**
 * Reads every infection (confirmed or asymptomatic case) placed in the areas of one region level:
 * the area the case lives in, and the areas of the places the case checked in at during its traced
 * infectious window. "Community" = the person was not already a listed contact when reported.
 * @param db - database
 * @param unitLevel - region level of the areas (county, town, community, grid)
 * @param utcOffsetMinutes - local offset for the detection day
 */
export async function readAreaCaseFacts(db: SqlClient, unitLevel: string, utcOffsetMinutes: number): Promise<AreaFacts> {
  const community = `NOT EXISTS (SELECT 1 FROM traced_contact tc WHERE tc.person_id = c.person_id AND tc.listed_at < c.report_time)`;
  const result = await db.query<Row>(
    `SELECT c.id AS "caseId", a.id AS "regionId", a.path::text AS "areaPath", c.report_time AS "reportTime",
            'household:' || p.household_id AS "settingKey", ${community} AS community, 'residence' AS role
     FROM case_report c JOIN person p ON p.id = c.person_id
     JOIN region a ON a.level = $1 AND a.path @> p.region_path
     WHERE c.classification IN ('confirmed', 'asymptomatic')
     UNION
     SELECT c.id, a.id, a.path::text, c.report_time, 'place:' || ci.place_id, ${community}, 'activity'
     FROM case_report c JOIN case_trace t ON t.case_report_id = c.id
     JOIN check_in ci ON ci.person_id = c.person_id AND ci.day BETWEEN (t.window_from::date - 1) AND (t.window_to::date + 1)
       AND ci.time_in >= t.window_from AND ci.time_in < t.window_to
     JOIN place pl ON pl.id = ci.place_id
     JOIN region a ON a.level = $1 AND a.path @> pl.region_path
     WHERE c.classification IN ('confirmed', 'asymptomatic')`,
    [unitLevel],
  );
  const regionIds = new Map<string, number>();
  const facts = result.rows.map((r): AreaCaseFact => {
    regionIds.set(r.areaPath, r.regionId);
    return {
      caseId: r.caseId,
      areaPath: r.areaPath,
      day: dateOfDayNumber(localDayOf(new Date(r.reportTime).getTime() / 1000, utcOffsetMinutes)),
      role: r.role,
      settingKey: r.settingKey,
      community: r.community,
    };
  });
  return { facts, regionIds };
}
