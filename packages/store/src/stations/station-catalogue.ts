import type { SqlClient } from '../db/sql-client.js';

/** Modes of transport a station serves (those of the transport source). */
export type StationMode = 'train' | 'coach' | 'plane' | 'ship';

/** One station or airport of the catalogue. */
export interface StationEntry {
  /** The code tickets name as origin or destination, upper case (e.g. `SFQ`, `PEK`). */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly modes: readonly StationMode[];
  /** A region code of this instance's tree, or the administrative code of another jurisdiction's region. */
  readonly regionCode: string;
  /** Name of that region as given (for regions of other jurisdictions). */
  readonly regionName: string | null;
  readonly lat: number | null;
  readonly lng: number | null;
  /** When the entry was last changed at its source; a newer entry for the same code replaces it. */
  readonly updatedAt: Date;
}

/** A stored station, with the path of its region when the region is part of this instance's tree. */
export interface StationRecord extends StationEntry {
  readonly regionPath: string | null;
}

/**
 * Adds stations to the catalogue, or replaces stored ones by newer entries (the demo city seeds its
 * stations this way; files come in through the `stations` import source).
 * @param db - database
 * @param stations - entries; codes are stored upper case
 * @returns how many rows were added or replaced
 */
export async function saveStations(db: SqlClient, stations: readonly StationEntry[]): Promise<number> {
  if (stations.length === 0) return 0;
  const result = await db.query(
    `INSERT INTO station (station_code, name, name_en, modes, region_code, region_name, lat, lng, updated_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[], $9::timestamptz[])
     ON CONFLICT (station_code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, modes = EXCLUDED.modes,
       region_code = EXCLUDED.region_code, region_name = EXCLUDED.region_name, lat = EXCLUDED.lat, lng = EXCLUDED.lng,
       updated_at = EXCLUDED.updated_at, version = station.version + 1
     WHERE station.updated_at < EXCLUDED.updated_at`,
    [
      stations.map((s) => s.code.toUpperCase()),
      stations.map((s) => s.name),
      stations.map((s) => s.nameEn),
      stations.map((s) => [...s.modes].join(',')),
      stations.map((s) => s.regionCode),
      stations.map((s) => s.regionName),
      stations.map((s) => s.lat),
      stations.map((s) => s.lng),
      stations.map((s) => s.updatedAt.toISOString()),
    ],
  );
  return result.rowCount;
}

interface StationRow {
  code: string;
  name: string;
  nameEn: string | null;
  modes: string;
  regionCode: string;
  regionName: string | null;
  lat: number | null;
  lng: number | null;
  updatedAt: Date | string;
  regionPath: string | null;
}

/**
 * The whole catalogue by code (stations are public facts; no person appears).
 * @param db - database
 */
export async function listStations(db: SqlClient): Promise<StationRecord[]> {
  const result = await db.query<StationRow>(
    `SELECT s.station_code AS code, s.name, s.name_en AS "nameEn", s.modes, s.region_code AS "regionCode", s.region_name AS "regionName",
            s.lat, s.lng, s.updated_at AS "updatedAt", r.path::text AS "regionPath"
     FROM station s LEFT JOIN region r ON r.code = s.region_code ORDER BY s.station_code`,
  );
  return result.rows.map((r) => ({ ...r, modes: r.modes.split(',') as StationMode[], updatedAt: new Date(r.updatedAt) }));
}
