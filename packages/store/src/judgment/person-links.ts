import type { SqlClient } from '../db/sql-client.js';

/**
 * The person an account belongs to (a member of the public sees only their own code), or null.
 * @param db - database
 * @param userId - the account
 */
export async function personIdOfUser(db: SqlClient, userId: number): Promise<number | null> {
  const result = await db.query<{ personId: number | null }>('SELECT person_id AS "personId" FROM app_user WHERE id = $1', [userId]);
  return result.rows[0]?.personId ?? null;
}

/**
 * Links an account to its person (public accounts).
 * @param db - database
 * @param userId - the account
 * @param personId - the person
 */
export async function linkUserToPerson(db: SqlClient, userId: number, personId: number): Promise<void> {
  await db.query('UPDATE app_user SET person_id = $2 WHERE id = $1', [userId, personId]);
}

/**
 * Region paths of persons, for jurisdiction checks (no personal data); unknown ids are absent.
 * @param db - database
 * @param personIds - the persons
 */
export async function personRegionPaths(db: SqlClient, personIds: readonly number[]): Promise<Map<number, string>> {
  const result = await db.query<{ id: number; path: string }>(
    'SELECT id, region_path::text AS path FROM person WHERE id = ANY($1::bigint[])',
    [personIds],
  );
  return new Map(result.rows.map((r) => [r.id, r.path]));
}
