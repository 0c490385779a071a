import type { SqlClient } from '../db/sql-client.js';
import { insertRegion } from '../regions/region-registry.js';

/** A region found by code, with whether it is a leaf (a grid). */
export interface GridRef {
  readonly id: number;
  readonly path: string;
  readonly isLeaf: boolean;
}

/** A place found by its place code or code. */
export interface PlaceRef {
  readonly id: number;
  readonly kind: string;
}

/**
 * Finds regions by code.
 * @param db - database or transaction
 * @param codes - region codes
 */
export async function findRegionsByCode(db: SqlClient, codes: readonly string[]): Promise<Map<string, GridRef>> {
  const found = new Map<string, GridRef>();
  if (codes.length === 0) return found;
  const result = await db.query<{ code: string; id: number; path: string; is_leaf: boolean }>(
    `SELECT r.code, r.id, r.path::text AS path, NOT EXISTS (SELECT 1 FROM region c WHERE c.parent_id = r.id) AS is_leaf
     FROM region r WHERE r.code = ANY($1::text[])`,
    [codes],
  );
  for (const row of result.rows) found.set(row.code, { id: row.id, path: row.path, isLeaf: row.is_leaf });
  return found;
}

/**
 * Finds places by place code.
 * @param db - database or transaction
 * @param codes - place codes
 */
export async function findPlacesByCode(db: SqlClient, codes: readonly string[]): Promise<Map<string, PlaceRef>> {
  const found = new Map<string, PlaceRef>();
  if (codes.length === 0) return found;
  const result = await db.query<{ code: string; id: number; kind: string }>(
    'SELECT place_code AS code, id, kind FROM place WHERE place_code = ANY($1::text[])',
    [codes],
  );
  for (const row of result.rows) found.set(row.code, { id: row.id, kind: row.kind });
  return found;
}

/**
 * The region where provisional persons without a known grid wait: a root node of its own, outside
 * every user's jurisdiction, created on first use.
 * @param db - database or transaction
 * @param code - its code (default `unassigned`)
 */
export async function ensureUnassignedRegion(db: SqlClient, code = 'unassigned'): Promise<{ id: number; path: string }> {
  const existing = await findRegionsByCode(db, [code]);
  const found = existing.get(code);
  if (found !== undefined) return { id: found.id, path: found.path };
  return insertRegion(db, { code, parentId: null, level: 'unassigned', nameZh: '待分配', nameEn: 'Unassigned' });
}
