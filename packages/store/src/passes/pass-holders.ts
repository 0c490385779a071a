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

/**
 * The person a user account is linked to (a member of the public holding a pass), or null.
 * @param db - database
 * @param userId - user id
 */
export async function linkedPersonOfUser(db: SqlClient, userId: number): Promise<number | null> {
  const result = await db.query<{ personId: number | null }>('SELECT person_id AS "personId" FROM app_user WHERE id = $1', [userId]);
  const id = result.rows[0]?.personId;
  return id === undefined || id === null ? null : Number(id);
}

/**
 * Links a user account to a person (the person's own pass then belongs to that login).
 * @param db - database
 * @param userId - user id
 * @param personId - person id
 */
export async function linkUserToPerson(db: SqlClient, userId: number, personId: number): Promise<void> {
  await db.query('UPDATE app_user SET person_id = $2 WHERE id = $1', [userId, personId]);
}
