/**
 * Writes the user accounts of a city: the demo logins through the store's createUser (one scrypt
 * hash each), and the many grid worker accounts in bulk, sharing one precomputed password hash.
 */
import { createUser, hashPassword } from '@epigrid/store';
import type { SqlClient } from '@epigrid/store';
import { bulkInsert } from './bulk.js';
import type { ProgressListener } from './bulk.js';
import type { City } from './model.js';
import { demoPassword } from './staff.js';

const GRID_WORKER_SQL = `INSERT INTO app_user (username, display_name, password_hash, role, region_id, region_path, person_id)
  SELECT username, display_name, $6, 'grid_worker', region_id, region_path::ltree, person_id
  FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[], $5::int8[])
    AS t(username, display_name, region_id, region_path, person_id)`;

// A public login holds one resident's pass: the first resident of its grid who is not a grid worker.
const LINK_PUBLIC_SQL = `UPDATE app_user u SET person_id = (
    SELECT p.id FROM person p WHERE p.grid_id = u.region_id
      AND NOT EXISTS (SELECT 1 FROM app_user w WHERE w.person_id = p.id) ORDER BY p.id LIMIT 1)
  WHERE u.role = 'public' AND u.person_id IS NULL`;

/**
 * Creates the demo logins and the grid worker accounts, and links each public login to a resident of its grid.
 * @param db - database, inside the loading transaction
 * @param city - the city
 * @param regionIds - database id of each region, by region index
 * @param personIds - database id of each grid worker's person record, by person index
 * @param onProgress - progress listener
 */
export async function loadUsers(
  db: SqlClient,
  city: City,
  regionIds: Float64Array,
  personIds: ReadonlyMap<number, number>,
  onProgress?: ProgressListener,
): Promise<void> {
  const sharedHash = hashPassword(demoPassword); // runs on the thread pool while the demo logins are created
  sharedHash.catch(() => undefined); // a failure is reported where it is awaited below
  const regionIdByCode = new Map(city.regions.map((region, index) => [region.code, regionIds[index]!]));
  const total = city.demoLogins.length + city.gridWorkers.length;
  onProgress?.('users', 0, total);
  let done = 0;
  for (const login of city.demoLogins) {
    const regionId = regionIdByCode.get(login.regionCode);
    if (regionId === undefined) throw new Error(`demo login ${login.username}: no region ${login.regionCode}`);
    await createUser(db, { username: login.username, displayName: login.displayName, password: login.password, role: login.role, regionId });
    onProgress?.('users', ++done, total);
  }
  const passwordHash = await sharedHash;
  const workers = city.gridWorkers;
  await bulkInsert(db, {
    stage: 'users',
    sql: GRID_WORKER_SQL,
    total: workers.length,
    batchSize: 5_000,
    params: (start, end) => {
      const batch = workers.slice(start, end);
      return [
        batch.map((w) => w.username),
        batch.map((w) => w.displayName),
        batch.map((w) => regionIds[w.region]!),
        batch.map((w) => city.regions[w.region]!.path),
        batch.map((w) => personIds.get(w.person) ?? null),
        passwordHash,
      ];
    },
    onProgress: onProgress === undefined ? undefined : (stage, n) => onProgress(stage, city.demoLogins.length + n, total),
  });
  await db.query(LINK_PUBLIC_SQL);
}
