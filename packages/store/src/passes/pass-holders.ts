import type { SqlClient } from '../db/sql-client.js';

/** The jurisdiction that issues passes for a region: the root of its region tree (the instance's province). */
export interface IssuingJurisdiction {
  /** Region code of the root, used as the issuer in passes and trust lists. */
  readonly code: string;
  readonly path: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/**
 * The issuing jurisdiction of a region: the root region above it.
 * @param db - database
 * @param regionPath - any region path
 * @returns null when the path names no stored region tree
 */
export async function issuingJurisdictionOf(db: SqlClient, regionPath: string): Promise<IssuingJurisdiction | null> {
  if (regionPath === '') return null;
  const result = await db.query<IssuingJurisdiction>(
    `SELECT code, path::text AS path, name_zh AS "nameZh", name_en AS "nameEn" FROM region WHERE path = subpath($1::ltree, 0, 1)`,
    [regionPath],
  );
  return result.rows[0] ?? null;
}

/**
 * Every root region (one per jurisdiction held by this database; an instance normally has one).
 * @param db - database
 */
export async function listRootJurisdictions(db: SqlClient): Promise<IssuingJurisdiction[]> {
  const result = await db.query<IssuingJurisdiction>(
    `SELECT code, path::text AS path, name_zh AS "nameZh", name_en AS "nameEn" FROM region WHERE parent_id IS NULL ORDER BY id`,
  );
  return result.rows;
}
