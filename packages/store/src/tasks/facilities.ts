import type { SqlClient } from '../db/sql-client.js';

/** An isolation or quarantine facility as a worker chooses it: where, how big, how full. */
export interface FacilityRecord {
  readonly id: number;
  readonly name: string;
  readonly category: string | null;
  readonly regionCode: string;
  readonly regionName: string;
  readonly lat: number;
  readonly lng: number;
  /** Rooms (the place's capacity), or null when unknown. */
  readonly capacity: number | null;
  /** People whose verified state places them there under quarantine. */
  readonly occupied: number;
}

/**
 * The node facilities are listed for: the reader's own jurisdiction, or — for a reader below the
 * serving level (a grid worker) — their ancestor at that level, since facilities are run there.
 * @param db - database
 * @param scope - the reader's jurisdiction
 * @param servingLevel - the level that runs facilities (e.g. `county`)
 */
export async function facilityScope(db: SqlClient, scope: string, servingLevel: string): Promise<string> {
  const result = await db.query<{ path: string }>(
    `SELECT r.path::text AS path FROM region r WHERE r.level = $2 AND $1::ltree <@ r.path ORDER BY nlevel(r.path) DESC LIMIT 1`,
    [scope, servingLevel],
  );
  return result.rows[0]?.path ?? scope;
}

/**
 * Lists the isolation facilities (places of kind `isolation_hotel`) inside a region, by name, with
 * their occupancy.
 * @param db - database
 * @param scope - region path
 */
export async function listFacilities(db: SqlClient, scope: string): Promise<FacilityRecord[]> {
  const result = await db.query<FacilityRecord>(
    `SELECT f.id, f.name, f.category, r.code AS "regionCode", r.name_zh AS "regionName", f.lat, f.lng, f.capacity,
            (SELECT count(*)::int FROM person_state ps WHERE ps.place_id = f.id AND ps.state = 'under_quarantine') AS occupied
     FROM place f JOIN region r ON r.id = f.region_id
     WHERE f.kind = 'isolation_hotel' AND f.region_path <@ $1::ltree
     ORDER BY f.name, f.id LIMIT 500`,
    [scope],
  );
  return result.rows.map((r) => ({ ...r, id: Number(r.id), lat: Number(r.lat), lng: Number(r.lng) }));
}
