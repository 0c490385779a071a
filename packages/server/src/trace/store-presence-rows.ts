import { decodeBinaryCopy, type BinaryCopyType, type CopyColumns, type SqlClient } from '@epigrid/store';
import type { CheckInColumns, HouseholdRow, PresenceRange, PresenceRows, TelecomColumns, TicketRow, VehicleMode } from '@epigrid/trace';

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

/** What one presence read needs: the id bounds, the retention horizon, and PGlite's id window. */
interface PresenceRead {
  readonly db: SqlClient;
  readonly minId: number;
  readonly maxId: number;
  readonly since: number;
  readonly pgliteIdWindow: number;
}

/**
 * Rows of a presence table linked to a person, whose `timeColumn` is at or after `since`, with
 * `minId < id ≤ maxId`, as binary COPY batches (one COPY, or one per id window on PGlite).
 */
async function* presenceCopy<const T extends readonly BinaryCopyType[]>(read: PresenceRead, table: string, columns: string, timeColumn: string, types: T): AsyncGenerator<CopyColumns<T>> {
  const { db, minId, maxId, pgliteIdWindow } = read;
  const from = literal(read.since, 'since');
  literal(minId, 'minId');
  literal(maxId, 'maxId');
  const window = db.engine === 'pglite' ? pgliteIdWindow : Number.POSITIVE_INFINITY;
  for (let low = minId; low < maxId; low += window) {
    const high = Math.min(maxId, low + window);
    const query = `SELECT ${columns} FROM ${table}
      WHERE person_id IS NOT NULL AND ${timeColumn} >= to_timestamp(${from}) AND id > ${low} AND id <= ${high}`;
    yield* decodeBinaryCopy(db.copyOut(query, 'binary'), types, BATCH);
  }
}

/** Check-ins straight into columns: no per-row object, Date or page query. */
async function* checkInColumns(read: PresenceRead): AsyncGenerator<CheckInColumns> {
  const types = ['int8', 'int8', 'int8', 'timestamptz', 'timestamptz'] as const;
  for await (const { rows, columns } of presenceCopy(read, 'check_in', 'id, person_id, place_id, time_in, time_out', 'time_in', types)) {
    const [rowKey, personId, venueId, timeIn, timeOut] = columns;
    yield { rows, personId, venueId, timeIn, timeOut, rowKey };
  }
}

/** Telecom rows straight into columns, each H3 cell as the two halves of its value (no string per row). */
async function* telecomColumns(read: PresenceRead): AsyncGenerator<TelecomColumns> {
  const types = ['int8', 'int8', 'hex64', 'timestamptz', 'timestamptz'] as const;
  for await (const { rows, columns } of presenceCopy(read, 'telecom_presence', 'id, person_id, cell, start_time, end_time', 'start_time', types)) {
    const [rowKey, personId, cell, start, end] = columns;
    yield { rows, personId, cell, start, end, rowKey };
  }
}

/** Tickets as the objects the index keeps of them (few per day: one per traveller and journey). */
async function* ticketRows(read: PresenceRead): AsyncGenerator<readonly TicketRow[]> {
  const columns = `id, person_id, mode, service_id, to_char(service_date, 'YYYY-MM-DD'), departure_time, arrival_time, carriage, seat_row, seat, enclosed`;
  const types = ['int8', 'int8', 'text', 'text', 'text', 'timestamptz', 'timestamptz', 'text', 'int4', 'text', 'bool'] as const;
  for await (const batch of presenceCopy(read, 'transport_ticket', columns, 'departure_time', types)) {
    const [rowKey, personId, mode, serviceId, serviceDate, departure, arrival, carriage, seatRow, seat, enclosed] = batch.columns;
    yield Array.from(
      { length: batch.rows },
      (_, i): TicketRow => ({
        personId: personId[i]!,
        mode: mode[i] as VehicleMode,
        serviceId: serviceId[i]!,
        serviceDate: serviceDate[i]!,
        departure: departure[i]!,
        arrival: arrival[i]!,
        carriage: carriage[i] ?? null,
        seatRow: seatRow[i]!,
        seat: seat[i]!,
        enclosed: enclosed[i] === 1,
        rowKey: rowKey[i]!,
      }),
    );
  }
}

/** Household memberships of live persons with `id > minPersonId`, by binary COPY. */
async function* householdRows(db: SqlClient, minPersonId: number): AsyncGenerator<readonly HouseholdRow[]> {
  const query = `SELECT id, household_id FROM person
    WHERE household_id IS NOT NULL AND merged_into IS NULL AND id > ${literal(minPersonId, 'minPersonId')}`;
  for await (const { rows, columns } of decodeBinaryCopy(db.copyOut(query, 'binary'), ['int8', 'int8'], BATCH)) {
    const [person, household] = columns;
    yield Array.from({ length: rows }, (_, i): HouseholdRow => ({ personId: person[i]!, householdId: household[i]! }));
  }
}

/**
 * The store's presence tables and registry as the trace engine's input, each read by one binary
 * `COPY … TO STDOUT` (check-ins and telecom rows, tens of millions, straight into columns; tickets
 * and households as small objects). Only rows already linked to a person are read; `minId` lets
 * the caller fetch just what arrived since the last read.
 * @param db - database
 * @param minId - read rows with `id > minId` only (0 = everything)
 * @param maxId - and `id <= maxId`, so rows committed while reading are left for the next read
 * @param minPersonId - households of persons with `id > minPersonId` only
 * @param pgliteIdWindow - ids per COPY on PGlite (its COPY output is held in memory whole)
 */
export function storePresenceRows(db: SqlClient, minId: number, maxId: number, minPersonId = 0, pgliteIdWindow = PGLITE_ID_WINDOW): PresenceRows {
  const read = (range: PresenceRange): PresenceRead => ({ db, minId, maxId, since: range.since, pgliteIdWindow });
  return {
    checkIns: (range: PresenceRange) => checkInColumns(read(range)),
    telecom: (range: PresenceRange) => telecomColumns(read(range)),
    tickets: (range: PresenceRange) => ticketRows(read(range)),
    households: () => householdRows(db, minPersonId),
  };
}
