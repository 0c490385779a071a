import type { SqlClient } from '@epigrid/store';
import type { CheckInBatch, CheckInRow, HouseholdRow, PresenceRange, PresenceRows, TelecomRow, TicketRow, VehicleMode } from '@epigrid/trace';

const PAGE = 20_000;

/** Streams a table in pages by its monotonically increasing id (keyset paging: no OFFSET cost). */
async function* pages<Row extends { id: number }, Out>(
  db: SqlClient,
  sql: string,
  params: readonly unknown[],
  map: (row: Row) => Out,
): AsyncGenerator<readonly Out[]> {
  let after = 0;
  for (;;) {
    const result = await db.query<Row>(sql, [...params, after, PAGE]);
    if (result.rows.length === 0) return;
    yield result.rows.map(map);
    after = result.rows[result.rows.length - 1]!.id;
    if (result.rows.length < PAGE) return;
  }
}

const seconds = (value: Date | string): number => Math.floor(new Date(value).getTime() / 1000);

/**
 * The store's presence tables and registry read the plain way, by keyset pages of 20,000 rows
 * through ordinary queries (row objects, node-postgres or PGlite type parsing): the reference the
 * binary COPY reader `storePresenceRows` is tested against, row for row. Only rows already linked
 * to a person are read; `minId` lets the caller fetch just what arrived since the last read.
 * @param db - database
 * @param minId - read rows with `id > minId` only (0 = everything)
 * @param maxId - and `id <= maxId`, so rows committed while reading are left for the next read
 * @param minPersonId - households of persons with `id > minPersonId` only
 */
export function pagedPresenceRows(db: SqlClient, minId: number, maxId: number, minPersonId = 0): PresenceRows {
  return {
    checkIns(range: PresenceRange): AsyncIterable<CheckInBatch> {
      return pages<{ id: number; person_id: number; place_id: number; time_in: Date; time_out: Date | null }, CheckInRow>(
        db,
        `SELECT id, person_id, place_id, time_in, time_out FROM check_in
         WHERE person_id IS NOT NULL AND time_in >= to_timestamp($1) AND id > $2 AND id <= $3 AND id > $4 ORDER BY id LIMIT $5`,
        [range.since, minId, maxId],
        (r) => ({ personId: r.person_id, venueId: r.place_id, timeIn: seconds(r.time_in), timeOut: r.time_out === null ? null : seconds(r.time_out), rowKey: r.id }),
      );
    },
    telecom(range: PresenceRange): AsyncIterable<readonly TelecomRow[]> {
      return pages<{ id: number; person_id: number; cell: string; start_time: Date; end_time: Date }, TelecomRow>(
        db,
        `SELECT id, person_id, cell, start_time, end_time FROM telecom_presence
         WHERE person_id IS NOT NULL AND start_time >= to_timestamp($1) AND id > $2 AND id <= $3 AND id > $4 ORDER BY id LIMIT $5`,
        [range.since, minId, maxId],
        (r) => ({ personId: r.person_id, cell: r.cell, start: seconds(r.start_time), end: seconds(r.end_time), rowKey: r.id }),
      );
    },
    tickets(range: PresenceRange): AsyncIterable<readonly TicketRow[]> {
      type Row = {
        id: number;
        person_id: number;
        mode: VehicleMode;
        service_id: string;
        service_date: string;
        departure_time: Date;
        arrival_time: Date;
        carriage: string | null;
        seat_row: number;
        seat: string;
        enclosed: boolean;
      };
      return pages<Row, TicketRow>(
        db,
        `SELECT id, person_id, mode, service_id, service_date, departure_time, arrival_time, carriage, seat_row, seat, enclosed
         FROM transport_ticket
         WHERE person_id IS NOT NULL AND departure_time >= to_timestamp($1) AND id > $2 AND id <= $3 AND id > $4 ORDER BY id LIMIT $5`,
        [range.since, minId, maxId],
        (r) => ({
          personId: r.person_id,
          mode: r.mode,
          serviceId: r.service_id,
          serviceDate: r.service_date,
          departure: seconds(r.departure_time),
          arrival: seconds(r.arrival_time),
          carriage: r.carriage,
          seatRow: r.seat_row,
          seat: r.seat,
          enclosed: r.enclosed,
          rowKey: r.id,
        }),
      );
    },
    households(): AsyncIterable<readonly HouseholdRow[]> {
      return pages<{ id: number; household_id: number }, HouseholdRow>(
        db,
        `SELECT id, household_id FROM person WHERE household_id IS NOT NULL AND merged_into IS NULL AND id > $1 AND id > $2
         ORDER BY id LIMIT $3`,
        [minPersonId],
        (r) => ({ personId: r.id, householdId: r.household_id }),
      );
    },
  };
}
