/**
 * Writes a generated city into a migrated, empty database in one transaction, so a failure
 * leaves no half city: regions level by level, the station catalogue, then places, isolation rooms, households, people
 * (identifiers hashed and encrypted with the deployment's vault) and user accounts. The plain
 * secondary indexes of the bulk-loaded tables are rebuilt once at the end (see deferred-indexes).
 */
import { DomainError } from '@epigrid/core';
import { saveStations, type SqlClient } from '@epigrid/store';
import { bulkInsert } from './bulk.js';
import { dropSecondaryIndexes, recreateIndexes } from './deferred-indexes.js';
import type { ProgressListener } from './bulk.js';
import { cityCounts } from './city.js';
import type { CityCounts } from './city.js';
import { loadPeople } from './load-people.js';
import type { LoadedIds } from './load-people.js';
import { loadUsers } from './load-users.js';
import type { City } from './model.js';

/** Options of {@link loadCity}. */
export interface LoadCityOptions {
  /** The deployment secret the identifier vault derives its keys from (EPIGRID_SECRET). */
  readonly secret: string;
  /** Called as each stage advances: regions, places, isolation_rooms, households, people, indexes, users. */
  readonly onProgress?: ProgressListener;
  /** Rows per INSERT (default 5,000). */
  readonly batchSize?: number;
  /**
   * Drop the plain secondary indexes of the bulk-loaded tables and rebuild them at the end, in the
   * same transaction (default true; about twice as fast, the resulting schema is identical).
   */
  readonly deferIndexes?: boolean;
}

/** Tables whose secondary indexes are rebuilt after loading rather than updated per row. */
const BULK_TABLES = ['place', 'household', 'person'] as const;

const REGION_SQL = `INSERT INTO region (code, path, parent_id, level, depth, name_zh, name_en, population, polygon)
  SELECT code, path::ltree, parent_id, level, depth, name_zh, name_en, population, polygon::jsonb
  FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[], $5::int2[], $6::text[], $7::text[], $8::int4[], $9::text[])
    AS t(code, path, parent_id, level, depth, name_zh, name_en, population, polygon)
  RETURNING id, code`;

const PLACE_SQL = `INSERT INTO place (kind, category, name, place_code, region_id, region_path, lat, lng, capacity)
  SELECT kind, category, name, place_code, region_id, region_path::ltree, lat, lng, capacity
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int8[], $6::text[], $7::float8[], $8::float8[], $9::int4[])
    AS t(kind, category, name, place_code, region_id, region_path, lat, lng, capacity)
  RETURNING id`;

const ROOM_SQL = `INSERT INTO isolation_room (place_id, room_no, floor)
  SELECT * FROM unnest($1::int8[], $2::text[], $3::int2[])`;

const HOUSEHOLD_SQL = `INSERT INTO household (address, grid_id, region_path, lat, lng)
  SELECT address, grid_id, region_path::ltree, lat, lng
  FROM unnest($1::text[], $2::int8[], $3::text[], $4::float8[], $5::float8[]) AS t(address, grid_id, region_path, lat, lng)
  RETURNING id`;

async function loadRegions(db: SqlClient, city: City, ids: Float64Array, onProgress?: ProgressListener): Promise<void> {
  const total = city.regions.length;
  const maxDepth = city.regions.reduce((max, r) => Math.max(max, r.depth), 0);
  let done = 0;
  onProgress?.('regions', 0, total);
  for (let depth = 0; depth <= maxDepth; depth++) {
    const level = city.regions.map((region, index) => ({ region, index })).filter(({ region }) => region.depth === depth);
    for (let start = 0; start < level.length; start += 5_000) {
      const batch = level.slice(start, start + 5_000);
      const result = await db.query<{ id: number; code: string }>(REGION_SQL, [
        batch.map(({ region }) => region.code),
        batch.map(({ region }) => region.path),
        batch.map(({ region }) => (region.parent < 0 ? null : ids[region.parent]!)),
        batch.map(({ region }) => region.level),
        batch.map(({ region }) => region.depth),
        batch.map(({ region }) => region.nameZh),
        batch.map(({ region }) => region.nameEn),
        batch.map(({ region }) => region.population),
        batch.map(({ region }) => JSON.stringify(region.polygon)),
      ]);
      const byCode = new Map(result.rows.map((row) => [row.code, Number(row.id)]));
      for (const { region, index } of batch) ids[index] = byCode.get(region.code)!;
      done += batch.length;
      onProgress?.('regions', done, total);
    }
  }
}

/**
 * Loads a city into a migrated database that holds no region tree yet.
 * @param db - database (a transaction is opened on it)
 * @param city - a city from generateCity
 * @param options - vault secret, progress listener, batch size
 * @returns the number of rows written per table
 */
export async function loadCity(db: SqlClient, city: City, options: LoadCityOptions): Promise<CityCounts> {
  const batchSize = options.batchSize ?? 5_000;
  const { onProgress } = options;
  await db.transaction(async (tx) => {
    const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM region');
    if ((existing.rows[0]?.n ?? 0) > 0) {
      throw new DomainError('conflict', { table: 'region' }, 'The database already holds a region tree; load a city only into an empty database');
    }
    const ids: LoadedIds = {
      region: new Float64Array(city.regions.length),
      place: new Float64Array(city.places.length),
      household: new Float64Array(city.households.count),
    };
    await loadRegions(tx, city, ids.region, onProgress);
    await saveStations(
      tx,
      city.stations.map((s) => ({
        code: s.code,
        name: s.nameZh,
        nameEn: s.nameEn,
        modes: s.modes,
        regionCode: s.regionCode,
        regionName: s.regionName,
        lat: s.lat,
        lng: s.lng,
        updatedAt: new Date(`${city.today}T00:00:00+08:00`),
      })),
    );
    const dropped = options.deferIndexes === false ? [] : await dropSecondaryIndexes(tx, BULK_TABLES);

    const { places } = city;
    await bulkInsert(tx, {
      stage: 'places',
      sql: PLACE_SQL,
      total: places.length,
      batchSize,
      onProgress,
      params: (start, end) => {
        const batch = places.slice(start, end);
        return [
          batch.map((p) => p.kind),
          batch.map((p) => p.category),
          batch.map((p) => p.name),
          batch.map((p) => p.placeCode),
          batch.map((p) => ids.region[p.region]!),
          batch.map((p) => city.regions[p.region]!.path),
          batch.map((p) => p.lat),
          batch.map((p) => p.lng),
          batch.map((p) => p.capacity),
        ];
      },
      onIds: (start, returned) => ids.place.set(returned, start),
    });

    const rooms = city.isolationRooms;
    await bulkInsert(tx, {
      stage: 'isolation_rooms',
      sql: ROOM_SQL,
      total: rooms.length,
      batchSize,
      onProgress,
      params: (start, end) => {
        const batch = rooms.slice(start, end);
        return [batch.map((r) => ids.place[r.place]!), batch.map((r) => r.roomNo), batch.map((r) => r.floor)];
      },
    });

    const hh = city.households;
    await bulkInsert(tx, {
      stage: 'households',
      sql: HOUSEHOLD_SQL,
      total: hh.count,
      batchSize,
      onProgress,
      params: (start, end) => {
        const grids = Array.from(hh.grid.subarray(start, end));
        return [
          hh.address.slice(start, end),
          grids.map((g) => ids.region[g]!),
          grids.map((g) => city.regions[g]!.path),
          Array.from(hh.lat.subarray(start, end)),
          Array.from(hh.lng.subarray(start, end)),
        ];
      },
      onIds: (start, returned) => ids.household.set(returned, start),
    });

    const personIds = await loadPeople(tx, city, ids, { secret: options.secret, batchSize, onProgress });
    onProgress?.('indexes', 0, dropped.length);
    await recreateIndexes(tx, dropped, (done, total) => onProgress?.('indexes', done, total));
    await loadUsers(tx, city, ids.region, personIds, onProgress);
  });
  return cityCounts(city);
}
