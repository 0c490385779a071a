import type { GeoPolygon } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';

/** A region node with the counts the tree view shows. */
export interface RegionNode {
  readonly id: number;
  readonly code: string;
  readonly path: string;
  readonly level: string;
  readonly depth: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly population: number;
  /** People in the registry at or under this node. */
  readonly personCount: number;
  readonly childCount: number;
  readonly parentId: number | null;
  readonly polygon: GeoPolygon | null;
}

/** Result of a scoped lookup: the record, or why there is none. */
export type Scoped<T> =
  | { readonly kind: 'found'; readonly value: T }
  | { readonly kind: 'outside'; readonly path: string }
  | { readonly kind: 'missing' };

const NODE_COLUMNS = `r.id, r.code, r.path::text AS path, r.level, r.depth, r.name_zh AS "nameZh", r.name_en AS "nameEn",
  r.population, r.parent_id AS "parentId", r.polygon,
  (SELECT count(*)::int FROM person p WHERE p.region_path <@ r.path) AS "personCount",
  (SELECT count(*)::int FROM region c WHERE c.parent_id = r.id) AS "childCount"`;

/**
 * Loads one region if it lies within the jurisdiction.
 * @param db - database
 * @param scope - jurisdiction root path
 * @param id - region id
 */
export async function getRegion(db: SqlClient, scope: string, id: number): Promise<Scoped<RegionNode>> {
  const result = await db.query<RegionNode & { within: boolean }>(
    `SELECT ${NODE_COLUMNS}, (r.path <@ $2::ltree) AS within FROM region r WHERE r.id = $1`,
    [id, scope],
  );
  const row = result.rows[0];
  if (row === undefined) return { kind: 'missing' };
  if (!row.within) return { kind: 'outside', path: row.path };
  const { within: _within, ...node } = row;
  return { kind: 'found', value: node };
}

/**
 * Lists the children of a region within the jurisdiction.
 * @param db - database
 * @param scope - jurisdiction root path
 * @param id - parent region id
 */
export async function listChildRegions(db: SqlClient, scope: string, id: number): Promise<RegionNode[]> {
  const result = await db.query<RegionNode>(
    `SELECT ${NODE_COLUMNS} FROM region r WHERE r.parent_id = $1 AND r.path <@ $2::ltree ORDER BY r.code`,
    [id, scope],
  );
  return result.rows;
}

/**
 * Finds a region by its administrative code (no scope: used by operators and loaders).
 * @param db - database
 * @param code - region code
 */
export async function findRegionByCode(db: SqlClient, code: string): Promise<{ id: number; path: string } | null> {
  const result = await db.query<{ id: number; path: string }>('SELECT id, path::text AS path FROM region WHERE code = $1', [
    code,
  ]);
  return result.rows[0] ?? null;
}

/**
 * Counts regions; zero means the database holds no city yet.
 * @param db - database
 */
export async function countRegions(db: SqlClient): Promise<number> {
  const result = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM region');
  return result.rows[0]?.n ?? 0;
}
