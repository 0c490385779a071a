import type { AreaLevel } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';

/** An area level with the region it belongs to. */
export interface AreaLevelInput extends AreaLevel {
  readonly regionId: number;
}

/** A stored current area level, with the area's names (public data: no person appears). */
export interface RiskAreaRecord extends Omit<AreaLevel, 'areaPath'> {
  readonly regionId: number;
  readonly regionPath: string;
  readonly regionCode: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly regionLevel: string;
  readonly computedAt: Date;
}

/**
 * Stores the current level of every classified area and appends a history row for each area whose
 * level, rule, start or drop day changed.
 * @param db - database
 * @param levels - the new levels
 * @param at - time of the computation
 * @returns the region ids whose level changed
 */
export async function saveRiskAreaLevels(db: SqlClient, levels: readonly AreaLevelInput[], at: Date): Promise<number[]> {
  return db.transaction(async (tx) => {
    const current = await tx.query<{ regionId: number; key: string }>(
      `SELECT region_id AS "regionId", profile_id || '|' || level || '|' || rule_id || '|' || since::text || '|' || coalesce(drops_at::text, '') AS key FROM risk_area_level`,
    );
    const before = new Map(current.rows.map((r) => [r.regionId, r.key]));
    const changed = levels.filter((l) => before.get(l.regionId) !== `${l.profileId}|${l.level}|${l.ruleId}|${l.since}|${l.dropsAt ?? ''}`);
    if (changed.length === 0) return [];
    const cols = [
      changed.map((l) => l.regionId),
      changed.map((l) => l.areaPath),
      changed.map((l) => l.profileId),
      changed.map((l) => l.level),
      changed.map((l) => l.background),
      changed.map((l) => l.ruleId),
      changed.map((l) => `{${l.reasonCaseIds.join(',')}}`),
      changed.map((l) => l.since),
      changed.map((l) => l.dropsAt),
    ];
    await tx.query(
      `INSERT INTO risk_area_level (region_id, region_path, profile_id, level, background, rule_id, reason_case_ids, since, drops_at, computed_at)
       SELECT r, p::ltree, pf, lv, bg, ru, rc::bigint[], s, d, $10
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::date[], $9::date[]) AS t(r, p, pf, lv, bg, ru, rc, s, d)
       ON CONFLICT (region_id) DO UPDATE SET profile_id = EXCLUDED.profile_id, level = EXCLUDED.level, background = EXCLUDED.background,
         rule_id = EXCLUDED.rule_id, reason_case_ids = EXCLUDED.reason_case_ids, since = EXCLUDED.since, drops_at = EXCLUDED.drops_at,
         computed_at = EXCLUDED.computed_at`,
      [...cols, at],
    );
    await tx.query(
      `INSERT INTO risk_area_level_history (region_id, profile_id, level, background, rule_id, reason_case_ids, since, drops_at, recorded_at)
       SELECT r, pf, lv, bg, ru, rc::bigint[], s, d, $9
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::date[], $8::date[]) AS t(r, pf, lv, bg, ru, rc, s, d)`,
      [cols[0], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], at],
    );
    return changed.map((l) => l.regionId);
  });
}

/**
 * Lists the current risk areas (background level excluded unless asked), highest first by rule
 * order of the caller, then by path.
 * @param db - database
 * @param options - include the background level too
 */
export async function listRiskAreas(db: SqlClient, options: { includeBackground?: boolean } = {}): Promise<RiskAreaRecord[]> {
  const result = await db.query<RiskAreaRecord>(
    `SELECT l.region_id AS "regionId", l.region_path::text AS "regionPath", r.code AS "regionCode", r.name_zh AS "nameZh",
            r.name_en AS "nameEn", r.level AS "regionLevel", l.profile_id AS "profileId", l.level, l.background,
            l.rule_id AS "ruleId", l.reason_case_ids AS "reasonCaseIds", l.since::text AS since, l.drops_at::text AS "dropsAt",
            l.computed_at AS "computedAt"
     FROM risk_area_level l JOIN region r ON r.id = l.region_id
     WHERE $1 OR NOT l.background
     ORDER BY l.region_path`,
    [options.includeBackground === true],
  );
  return result.rows.map((r) => ({ ...r, reasonCaseIds: r.reasonCaseIds.map(Number) }));
}

/**
 * The level history of one area, oldest first.
 * @param db - database
 * @param regionId - the area
 */
export async function riskAreaHistory(db: SqlClient, regionId: number): Promise<Array<{ level: string; ruleId: string; since: string; dropsAt: string | null; recordedAt: Date }>> {
  const result = await db.query<{ level: string; ruleId: string; since: string; dropsAt: string | null; recordedAt: Date }>(
    `SELECT level, rule_id AS "ruleId", since::text AS since, drops_at::text AS "dropsAt", recorded_at AS "recordedAt"
     FROM risk_area_level_history WHERE region_id = $1 ORDER BY id`,
    [regionId],
  );
  return result.rows;
}
