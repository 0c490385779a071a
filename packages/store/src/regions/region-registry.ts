import { childRegionPath, DomainError, type GeoPolygon } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';

/** A region node to add under a parent (or as a root). */
export interface NewRegion {
  readonly code: string;
  /** Parent node id; null for a root. */
  readonly parentId: number | null;
  readonly level: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly population?: number;
  readonly polygon?: GeoPolygon | null;
}

/**
 * Adds one region node, deriving its ltree path and depth from the parent.
 * @param db - database
 * @param region - the node
 * @returns its id and path
 */
export async function insertRegion(db: SqlClient, region: NewRegion): Promise<{ id: number; path: string }> {
  let parentPath = '';
  let depth = 0;
  if (region.parentId !== null) {
    const parent = await db.query<{ path: string; depth: number }>('SELECT path::text AS path, depth FROM region WHERE id = $1', [
      region.parentId,
    ]);
    const row = parent.rows[0];
    if (row === undefined) throw new DomainError('validation_failed', { field: 'parentId', reason: 'no such region' });
    parentPath = row.path;
    depth = row.depth + 1;
  }
  const path = childRegionPath(parentPath, region.code);
  const inserted = await db.query<{ id: number }>(
    `INSERT INTO region (code, path, parent_id, level, depth, name_zh, name_en, population, polygon)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      region.code,
      path,
      region.parentId,
      region.level,
      depth,
      region.nameZh,
      region.nameEn,
      region.population ?? 0,
      region.polygon ? JSON.stringify(region.polygon) : null,
    ],
  );
  return { id: inserted.rows[0]!.id, path };
}
