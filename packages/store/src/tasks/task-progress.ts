import type { SqlClient } from '../db/sql-client.js';

/** A region node as the progress view names it. */
export interface ProgressRegion {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly path: string;
}

/** Task figures of one child region (tasks of people living there). */
export interface ChildProgress {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly open: number;
  readonly doneToday: number;
  readonly overdue: number;
  /** Median hours from the clock start (the case report) to the closing outcome, or null with none done. */
  readonly medianHoursToControl: number | null;
}

/**
 * Finds a region by code (or id) inside a jurisdiction.
 * @param db - database
 * @param scope - the reader's jurisdiction
 * @param key - region code or id
 * @returns the region, or null when missing or outside
 */
export async function findRegionInScope(db: SqlClient, scope: string, key: { code: string } | { id: number }): Promise<ProgressRegion | null> {
  const result = await db.query<ProgressRegion>(
    `SELECT id, code, name_zh AS name, level, path::text AS path FROM region
     WHERE ($1::text IS NULL OR code = $1) AND ($3::bigint IS NULL OR id = $3) AND path <@ $2::ltree`,
    ['code' in key ? key.code : null, scope, 'id' in key ? key.id : null],
  );
  const row = result.rows[0];
  return row === undefined ? null : { ...row, id: Number(row.id) };
}

/**
 * Counts, for each child of a region, the tasks of people living under it: open, done since the
 * start of the day, overdue, and the median time to control over the control task types.
 * @param db - database
 * @param regionId - the parent region
 * @param now - current time (overdue is open and past the deadline)
 * @param dayStart - start of "today"
 * @param controlTypes - task types whose closing means the person is under control
 */
export async function progressOfChildren(
  db: SqlClient,
  regionId: number,
  now: Date,
  dayStart: Date,
  controlTypes: readonly string[],
): Promise<ChildProgress[]> {
  const result = await db.query<ChildProgress>(
    `SELECT c.code, c.name_zh AS name, c.level,
            count(t.id) FILTER (WHERE t.status = 'open')::int AS open,
            count(t.id) FILTER (WHERE t.status = 'done' AND t.done_at >= $3)::int AS "doneToday",
            count(t.id) FILTER (WHERE t.status = 'open' AND t.deadline < $2)::int AS overdue,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.done_at - t.clock_start) / 3600)
              FILTER (WHERE t.status = 'done' AND t.type = ANY($4::text[])) AS "medianHoursToControl"
     FROM region c LEFT JOIN task t ON t.home_region_path <@ c.path AND t.routed_at IS NOT NULL
     WHERE c.parent_id = $1
     GROUP BY c.id, c.code, c.name_zh, c.level ORDER BY c.code`,
    [regionId, now, dayStart, controlTypes],
  );
  return result.rows.map((r) => ({ ...r, medianHoursToControl: r.medianHoursToControl === null ? null : Number(r.medianHoursToControl) }));
}

/** A grid as its worker's app shows it. */
export interface GridSummary {
  readonly code: string;
  readonly name: string;
  readonly path: string;
  readonly polygon: unknown;
  readonly workers: number;
}

/**
 * Reads a region node (a grid worker's grid) with the number of grid workers serving it.
 * @param db - database
 * @param regionId - the node
 */
export async function getGridSummary(db: SqlClient, regionId: number): Promise<GridSummary | null> {
  const result = await db.query<GridSummary>(
    `SELECT r.code, r.name_zh AS name, r.path::text AS path, r.polygon,
            (SELECT count(*)::int FROM app_user u WHERE u.region_id = r.id AND u.role = 'grid_worker' AND NOT u.disabled) AS workers
     FROM region r WHERE r.id = $1`,
    [regionId],
  );
  return result.rows[0] ?? null;
}
