/**
 * Travel from or to a risk area: which stations lie in a current risk area (this instance's own, by
 * region path; another jurisdiction's imported one, by administrative code) and the tickets that
 * start or end there. The SQL pieces are shared by the health facts and by the choice of persons to
 * re-judge, so that both read one definition.
 */
import type { SqlClient } from '../db/sql-client.js';

/**
 * SQL condition: the station `s` lies in the imported area `a` (the same test as core's
 * `isWithinAdminCode`, with the prefix stored at import).
 * @param s - alias of a station row
 * @param a - alias of an imported_risk_area row
 */
export const stationInImportedArea = (s: string, a: string): string =>
  `(${s}.region_code = ${a}.region_code OR (${a}.code_prefix IS NOT NULL AND ${s}.region_code ~ '^[0-9]+$'
    AND length(${s}.region_code) > length(${a}.code_prefix) AND starts_with(${s}.region_code, ${a}.code_prefix)))`;

/**
 * Rows (station_code, modes text[], level, since, drops_at): every station with each current risk
 * area it lies in, this instance's own (background level excluded) and imported ones.
 */
export const stationRiskAreasSql = `
  SELECT s.station_code, string_to_array(s.modes, ',') AS modes, l.level, l.since, l.drops_at
  FROM station s JOIN region r ON r.code = s.region_code JOIN risk_area_level l ON NOT l.background AND r.path <@ l.region_path
  UNION ALL
  SELECT s.station_code, string_to_array(s.modes, ','), a.level, a.since, a.drops_at
  FROM station s JOIN imported_risk_area a ON ${stationInImportedArea('s', 'a')}`;

/**
 * SQL: the local calendar day of an instant.
 * @param instant - a timestamptz expression
 * @param offsetParam - placeholder of the local offset from UTC in minutes, e.g. `$2`
 */
const localDay = (instant: string, offsetParam: string): string => `((${instant} AT TIME ZONE 'UTC') + make_interval(mins => ${offsetParam}::int))::date`;

/**
 * SQL of the `risk-area-visit` facts that tickets give, in the column order of the health-fact query
 * (person, input, at, until, until date, area level, source, id): a ticket whose origin lies in a risk
 * area on the local day of departure (the person came from there, at the departure time), or whose
 * destination lies in one on the day of arrival (went there, at the arrival time). The station must
 * serve the ticket's mode. Expects a CTE `ids(id)` of the persons.
 * @param offsetParam - placeholder of the local offset from UTC in minutes
 */
export function ticketVisitFactsSql(offsetParam: string): string {
  const day = localDay('e.at', offsetParam);
  return `SELECT t.person_id, 'risk-area-visit', e.at, NULL, NULL, sra.level, 'transport_ticket', t.id
     FROM transport_ticket t JOIN ids ON ids.id = t.person_id
     CROSS JOIN LATERAL (VALUES (upper(t.origin), t.departure_time), (upper(t.destination), t.arrival_time)) AS e(station_code, at)
     JOIN (${stationRiskAreasSql}) sra ON sra.station_code = e.station_code AND t.mode = ANY(sra.modes)
     WHERE ${day} >= sra.since AND (sra.drops_at IS NULL OR ${day} < sra.drops_at)`;
}

/**
 * SQL (person_id, id) of every transport ticket, the person given only when the ticket starts or ends
 * at a station in a current risk area (a superset of the tickets giving a fact; the judge decides):
 * the incremental recompute reads it from its watermark on.
 */
export const ticketsAtRiskStationsSql = `SELECT CASE WHEN upper(t.origin) = ANY(r.codes) OR upper(t.destination) = ANY(r.codes) THEN t.person_id END AS person_id, t.id
  FROM transport_ticket t CROSS JOIN (SELECT coalesce(array_agg(DISTINCT station_code), '{}') AS codes FROM (${stationRiskAreasSql}) sra) r`;

/** SQL (person_id) of everyone with a ticket at a station in a current risk area: for the nightly full recompute. */
export const travellersAtRiskStationsSql = `SELECT t.person_id FROM transport_ticket t
  WHERE t.person_id IS NOT NULL AND (upper(t.origin) IN (SELECT station_code FROM (${stationRiskAreasSql}) a)
    OR upper(t.destination) IN (SELECT station_code FROM (${stationRiskAreasSql}) d))`;

/**
 * SQL (person_id) of the travellers through stations in areas of this instance whose level changed
 * (ids in `$1`), on tickets from 14 days before the level's start on (as for venue visits).
 */
export const travellersOfChangedAreasSql = `SELECT t.person_id FROM transport_ticket t
  JOIN (SELECT s.station_code, min(l.since) AS since FROM station s JOIN region r ON r.code = s.region_code
        JOIN risk_area_level l ON r.path <@ l.region_path WHERE l.region_id = ANY($1::bigint[]) GROUP BY s.station_code) st
    ON st.station_code IN (upper(t.origin), upper(t.destination)) AND t.service_date >= st.since - 14
  WHERE t.person_id IS NOT NULL`;

/** An area of another jurisdiction as the station test needs it. */
export interface AdminArea {
  readonly regionCode: string;
  readonly codePrefix: string | null;
}

/**
 * Persons with a ticket starting or ending at a station inside any of the given areas of other
 * jurisdictions: those to re-judge when an imported list adds or removes the areas.
 * @param db - database
 * @param areas - the areas (of the old and the new list)
 */
export async function travellersThroughImportedAreas(db: SqlClient, areas: readonly AdminArea[]): Promise<number[]> {
  if (areas.length === 0) return [];
  const result = await db.query<{ personId: number }>(
    `WITH a AS (SELECT * FROM unnest($1::text[], $2::text[]) AS a(region_code, code_prefix)),
     st AS (SELECT DISTINCT s.station_code FROM station s JOIN a ON ${stationInImportedArea('s', 'a')})
     SELECT DISTINCT t.person_id AS "personId" FROM transport_ticket t
     WHERE t.person_id IS NOT NULL AND (upper(t.origin) IN (SELECT station_code FROM st) OR upper(t.destination) IN (SELECT station_code FROM st))
     ORDER BY 1`,
    [areas.map((a) => a.regionCode), areas.map((a) => a.codePrefix)],
  );
  return result.rows.map((r) => Number(r.personId));
}
