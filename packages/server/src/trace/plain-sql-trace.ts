import { ruleId, type ProtocolProfile } from '@epigrid/core';
import type { SqlClient } from '@epigrid/store';

/** One traced link as a row: case person, contact, linking close contact (sub-close) and rule id. */
export interface LinkRow {
  readonly caseId: number;
  readonly contact: number;
  readonly via: number | null;
  readonly ruleId: string;
}

/** A case as the plain-SQL trace takes it: the exposure window is given. */
export interface PlainSqlCase {
  readonly caseId: number;
  readonly personId: number;
  readonly from: number;
  readonly to: number;
  readonly asOf: number;
}

// Overlaps of a source's check-ins (clipped to its window) with everyone else's at the same place,
// then islands of overlaps touching or overlapping per person (gaps and islands), kept when one
// island lasts the threshold: the contiguous venue rule, written independently of the index.
const venueSql = `
  WITH src AS (
    SELECT place_id, greatest(tin, $2::bigint) AS a, least(tend, $3::bigint) AS b FROM stays WHERE person_id = $1),
  stays_o AS (SELECT * FROM stays WHERE person_id <> $1),
  ov AS (
    SELECT o.person_id, greatest(s.a, o.tin) AS f, least(s.b, o.tend) AS t
    FROM src s JOIN stays_o o ON o.place_id = s.place_id
    WHERE s.b >= s.a AND least(s.b, o.tend) >= greatest(s.a, o.tin)),
  marked AS (
    SELECT person_id, f, t, CASE WHEN f <= max(t) OVER (PARTITION BY person_id ORDER BY f, t ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
      THEN 0 ELSE 1 END AS fresh FROM ov),
  islands AS (SELECT person_id, f, t, sum(fresh) OVER (PARTITION BY person_id ORDER BY f, t ROWS UNBOUNDED PRECEDING) AS island FROM marked),
  qualifying AS (SELECT DISTINCT person_id FROM islands GROUP BY person_id, island HAVING max(t) - min(f) >= $4::bigint)
  SELECT q.person_id::int AS person, min(ov.f)::bigint AS first FROM qualifying q JOIN ov USING (person_id) GROUP BY q.person_id`;

const stays = (openSeconds: number): string => `
  stays AS (SELECT person_id, place_id, extract(epoch FROM time_in)::bigint AS tin,
    coalesce(extract(epoch FROM time_out)::bigint, extract(epoch FROM time_in)::bigint + ${Math.floor(openSeconds)}) AS tend
    FROM check_in WHERE person_id IS NOT NULL)`;

/**
 * Close and sub-close contacts by plain SQL over the store's tables, for the CN-style rules with a
 * contiguous venue threshold: household (person.household_id), venue overlap (with the assumed stay
 * of open-ended check-ins), vehicle seating (plane rows or the whole unfiltered cabin, train
 * carriage or bays, coach whole or rows, ship cabin), and for sub-close contacts household and venue
 * over each close contact's window from their first exposure until `asOf`. The reference the
 * in-memory index is tested against; slow and simple on purpose.
 * @param db - database holding the presence tables
 * @param profile - profile (its venue rules must be `contiguous`)
 * @param c - the case and its window
 * @returns one row per (contact, via, rule), sorted
 */
export async function plainSqlTrace(db: SqlClient, profile: ProtocolProfile, c: PlainSqlCase): Promise<LinkRow[]> {
  const close = profile.closeContact;
  const sub = profile.subCloseContact;
  if (close.venue.accumulation !== 'contiguous' || sub.venue.accumulation !== 'contiguous') throw new Error('the plain-SQL reference implements the contiguous rule only');
  if (close.vehicle.planeSeatRadius !== null) throw new Error('the plain-SQL reference implements whole plane rows only');
  const firstOf = new Map<number, number>();
  const rows: LinkRow[] = [];
  const add = (contact: number, first: number, key: Parameters<typeof ruleId>[1]): void => {
    rows.push({ caseId: c.caseId, contact, via: null, ruleId: ruleId(profile, key) });
    firstOf.set(contact, Math.min(firstOf.get(contact) ?? Number.POSITIVE_INFINITY, first));
  };
  const household = async (person: number, from: number, to: number): Promise<number[]> => {
    if (to < from) return [];
    const r = await db.query<{ id: number }>(
      `SELECT o.id::int FROM person p JOIN person o ON o.household_id = p.household_id AND o.id <> p.id AND o.merged_into IS NULL
       WHERE p.id = $1 AND p.merged_into IS NULL`,
      [person],
    );
    return r.rows.map((x) => x.id);
  };
  const venue = async (person: number, from: number, to: number, rule: typeof close.venue): Promise<{ person: number; first: number }[]> => {
    if (!rule.enabled || to < from) return [];
    const limit = rule.threshold.minutes * 60 + (rule.threshold.comparison === 'more-than' ? 1 : 0);
    const r = await db.query<{ person: number; first: string }>(`WITH ${stays(rule.openEndedStayMinutes * 60)}, ${venueSql.trim().slice('WITH '.length)}`, [person, from, to, limit]);
    return r.rows.map((x) => ({ person: x.person, first: Number(x.first) }));
  };
  if (close.enabled) {
    if (close.household) for (const o of await household(c.personId, c.from, c.to)) add(o, c.from, 'close/household');
    for (const o of await venue(c.personId, c.from, c.to, close.venue)) add(o.person, o.first, 'close/venue');
    if (close.vehicle.enabled) {
      const v = close.vehicle;
      const r = await db.query<{ person: number; key: string; first: string }>(
        `WITH t AS (SELECT person_id, mode, service_id, service_date, extract(epoch FROM departure_time)::bigint AS dep,
                      extract(epoch FROM arrival_time)::bigint AS arr, carriage, seat_row, enclosed FROM transport_ticket WHERE person_id IS NOT NULL)
         SELECT o.person_id::int AS person, greatest(m.dep, o.dep, $2::bigint) AS first,
           CASE m.mode
             WHEN 'plane' THEN CASE WHEN NOT m.enclosed AND $4::text = 'whole-cabin' THEN 'close/vehicle/plane-cabin'
                                    WHEN abs(m.seat_row - o.seat_row) <= $5::int THEN 'close/vehicle/plane' END
             WHEN 'train' THEN CASE WHEN m.carriage IS DISTINCT FROM o.carriage THEN NULL WHEN m.enclosed THEN 'close/vehicle/train-enclosed'
                                    WHEN abs(ceil(m.seat_row / $6::numeric) - ceil(o.seat_row / $6::numeric)) <= $7::int THEN 'close/vehicle/train-open' END
             WHEN 'coach' THEN CASE WHEN m.enclosed THEN 'close/vehicle/coach-sealed' WHEN abs(m.seat_row - o.seat_row) <= $8::int THEN 'close/vehicle/coach-open' END
             WHEN 'ship' THEN CASE WHEN m.carriage IS NOT DISTINCT FROM o.carriage THEN 'close/vehicle/ship' END
           END AS key
         FROM t m JOIN t o ON o.mode = m.mode AND o.service_id = m.service_id AND o.service_date = m.service_date AND o.person_id <> m.person_id
         WHERE m.person_id = $1 AND m.dep <= $3 AND m.arr >= $2
           AND least(m.arr, o.arr, $3::bigint) > greatest(m.dep, o.dep, $2::bigint)`,
        [c.personId, c.from, c.to, v.planeWithoutHepa, v.planeRowRadius, v.trainRowsPerBay, v.trainOpenBayRadius, v.coachOpenRowRadius],
      );
      for (const x of r.rows) if (x.key !== null) add(x.person, Number(x.first), x.key as Parameters<typeof ruleId>[1]);
    }
  }
  if (sub.enabled && profile.management.subCloseContact !== null) {
    const excluded = new Set([c.personId, ...firstOf.keys()]);
    for (const [via, first] of firstOf) {
      const found: LinkRow[] = [];
      if (sub.household) for (const o of await household(via, first, c.asOf)) found.push({ caseId: c.caseId, contact: o, via, ruleId: ruleId(profile, 'sub-close/household') });
      for (const o of await venue(via, first, c.asOf, sub.venue)) found.push({ caseId: c.caseId, contact: o.person, via, ruleId: ruleId(profile, 'sub-close/venue') });
      rows.push(...found.filter((f) => !excluded.has(f.contact)));
    }
  }
  return sortLinks(rows);
}

/**
 * Sorts and de-duplicates link rows.
 * @param rows - any order
 */
export function sortLinks(rows: readonly LinkRow[]): LinkRow[] {
  const key = (r: LinkRow): string => `${r.caseId}|${r.contact}|${r.via ?? ''}|${r.ruleId}`;
  const unique = new Map(rows.map((r) => [key(r), r]));
  return [...unique.values()].sort((a, b) => a.caseId - b.caseId || a.contact - b.contact || (a.via ?? -1) - (b.via ?? -1) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
