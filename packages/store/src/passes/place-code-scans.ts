import type { SqlClient } from '../db/sql-client.js';
import { ensureDayPartitions } from '../pooling/presence-partitions.js';

/** A place-code scan to store, with the verdict of forwarded-code detection. */
export interface PlaceScanInput {
  readonly placeId: number;
  readonly personId: number;
  readonly scannedAt: Date;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly accuracyM: number | null;
  /** Null for a trusted scan (it becomes a check-in); otherwise why it looks forwarded. */
  readonly flaggedReason: 'far_from_venue' | 'burst_far_apart' | null;
  /** The figures behind the verdict (distance, spread, …). */
  readonly detail: Readonly<Record<string, unknown>>;
}

/** What {@link recordPlaceScan} stored. */
export interface RecordedPlaceScan {
  readonly scanId: number;
  /** The check-in's scan id in the presence data, or null for a flagged scan. */
  readonly checkInScanId: string | null;
}

/** An earlier scan of a place, as forwarded-code detection reads it. */
export interface StoredScanSighting {
  readonly at: Date;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly accuracyM: number | null;
}

/** The calendar day (UTC+8, as the presence partitions count days) of an instant. */
function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Stores a scan; a trusted one also becomes a check-in of the presence data (the digital travel record
 * that tracing reads), in the same transaction, with scan id `place-code:<scan id>`.
 * @param db - database
 * @param scan - the scan and its verdict
 */
export async function recordPlaceScan(db: SqlClient, scan: PlaceScanInput): Promise<RecordedPlaceScan> {
  return db.transaction(async (tx) => {
    const inserted = await tx.query<{ id: number }>(
      `INSERT INTO place_code_scan (place_id, person_id, scanned_at, lat, lon, accuracy_m, flagged_reason, flag_detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) RETURNING id`,
      [scan.placeId, scan.personId, scan.scannedAt.toISOString(), scan.lat, scan.lon, scan.accuracyM, scan.flaggedReason, JSON.stringify(scan.detail)],
    );
    const scanId = Number(inserted.rows[0]!.id);
    if (scan.flaggedReason !== null) return { scanId, checkInScanId: null };
    const checkInScanId = `place-code:${scanId}`;
    const day = chinaDay(scan.scannedAt);
    await ensureDayPartitions(tx, 'check_in', [day]);
    await tx.query('INSERT INTO check_in (scan_id, day, person_id, place_id, time_in) VALUES ($1, $2, $3, $4, $5)', [
      checkInScanId,
      day,
      scan.personId,
      scan.placeId,
      scan.scannedAt.toISOString(),
    ]);
    await tx.query('UPDATE place_code_scan SET check_in_scan_id = $2 WHERE id = $1', [scanId, checkInScanId]);
    return { scanId, checkInScanId };
  });
}

/**
 * Scans of one place within a time range (for burst detection), flagged ones included.
 * @param db - database
 * @param placeId - venue
 * @param from - start of the range (inclusive)
 * @param to - end of the range (inclusive)
 */
export async function listPlaceScansBetween(db: SqlClient, placeId: number, from: Date, to: Date): Promise<StoredScanSighting[]> {
  const result = await db.query<{ at: Date | string; lat: number | null; lon: number | null; accuracyM: number | null }>(
    `SELECT scanned_at AS at, lat, lon, accuracy_m AS "accuracyM" FROM place_code_scan
     WHERE place_id = $1 AND scanned_at BETWEEN $2 AND $3 ORDER BY scanned_at`,
    [placeId, from.toISOString(), to.toISOString()],
  );
  return result.rows.map((r) => ({ at: new Date(r.at), lat: r.lat, lon: r.lon, accuracyM: r.accuracyM }));
}

/** A venue as its place code states it. */
export interface PlaceForCode {
  readonly id: number;
  readonly name: string;
  readonly kind: string;
  readonly regionCode: string;
  readonly regionPath: string;
  readonly lat: number;
  readonly lon: number;
}

/**
 * Loads a place with its region code, for signing its place code or checking a scan.
 * @param db - database
 * @param placeId - place id
 */
export async function getPlaceForCode(db: SqlClient, placeId: number): Promise<PlaceForCode | null> {
  const result = await db.query<PlaceForCode>(
    `SELECT p.id, p.name, p.kind, r.code AS "regionCode", p.region_path::text AS "regionPath", p.lat, p.lng AS lon
     FROM place p JOIN region r ON r.id = p.region_id WHERE p.id = $1`,
    [placeId],
  );
  const row = result.rows[0];
  return row === undefined ? null : { ...row, id: Number(row.id) };
}
