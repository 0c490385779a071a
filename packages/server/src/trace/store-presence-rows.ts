import { decodeBinaryCopy, type SqlClient } from '@epigrid/store';
import type { CheckInColumns, HouseholdRow, PresenceRange, PresenceRows } from '@epigrid/trace';
import { pagedPresenceRows } from './paged-presence-rows.js';

/** Rows per batch handed to the index. */
const BATCH = 65_536;
/**
 * PGlite hands a COPY's whole output over at once: it reads ids in windows this wide (presence
 * ids are shared by three tables, so a window holds at most this many rows, about 60 MB).
 */
const PGLITE_ID_WINDOW = 1_000_000;

// COPY takes no parameters: the few numbers it needs are written into the statement, checked first.
function literal(value: number, what: string): string {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, not ${value}`);
  return String(value);
}

/**
 * Check-ins linked to a person, starting at or after `since`, with `minId < id ≤ maxId`, as one
 * binary `COPY … TO STDOUT` decoded straight into columns: no per-row object, Date or page query.
 */
async function* checkInColumns(db: SqlClient, since: number, minId: number, maxId: number, pgliteIdWindow: number): AsyncGenerator<CheckInColumns> {
  const from = literal(since, 'since');
  literal(minId, 'minId');
  literal(maxId, 'maxId');
  const window = db.engine === 'pglite' ? pgliteIdWindow : Number.POSITIVE_INFINITY;
  for (let low = minId; low < maxId; low += window) {
    const high = Math.min(maxId, low + window);
    const query = `SELECT id, person_id, place_id, time_in, time_out FROM check_in
      WHERE person_id IS NOT NULL AND time_in >= to_timestamp(${from}) AND id > ${low} AND id <= ${high}`;
    for await (const { rows, columns } of decodeBinaryCopy(db.copyOut(query, 'binary'), ['int8', 'int8', 'int8', 'timestamptz', 'timestamptz'], BATCH)) {
      const [rowKey, personId, venueId, timeIn, timeOut] = columns as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
      yield { rows, personId, venueId, timeIn, timeOut, rowKey };
    }
  }
}

/** Household memberships of live persons with `id > minPersonId`, by binary COPY. */
async function* householdRows(db: SqlClient, minPersonId: number): AsyncGenerator<readonly HouseholdRow[]> {
  const query = `SELECT id, household_id FROM person
    WHERE household_id IS NOT NULL AND merged_into IS NULL AND id > ${literal(minPersonId, 'minPersonId')}`;
  for await (const { rows, columns } of decodeBinaryCopy(db.copyOut(query, 'binary'), ['int8', 'int8'], BATCH)) {
    const [person, household] = columns as [Float64Array, Float64Array];
    yield Array.from({ length: rows }, (_, i): HouseholdRow => ({ personId: person[i]!, householdId: household[i]! }));
  }
}

/**
 * The store's presence tables and registry as the trace engine's input. Check-ins (tens of
 * millions of rows) and households stream through binary COPY; telecom rows and tickets come in
 * keyset pages ({@link pagedPresenceRows}). Only rows already linked to a person are read;
 * `minId` lets the caller fetch just what arrived since the last read.
 * @param db - database
 * @param minId - read rows with `id > minId` only (0 = everything)
 * @param maxId - and `id <= maxId`, so rows committed while reading are left for the next read
 * @param minPersonId - households of persons with `id > minPersonId` only
 * @param pgliteIdWindow - ids per COPY on PGlite (its COPY output is held in memory whole)
 */
export function storePresenceRows(db: SqlClient, minId: number, maxId: number, minPersonId = 0, pgliteIdWindow = PGLITE_ID_WINDOW): PresenceRows {
  const paged = pagedPresenceRows(db, minId, maxId, minPersonId);
  return {
    checkIns: (range: PresenceRange) => checkInColumns(db, range.since, minId, maxId, pgliteIdWindow),
    telecom: (range: PresenceRange) => paged.telecom(range),
    tickets: (range: PresenceRange) => paged.tickets(range),
    households: () => householdRows(db, minPersonId),
  };
}
