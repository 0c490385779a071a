/**
 * The rows the trace engine indexes, and the port the store implements to feed it. Times are epoch
 * seconds; ids are the store's integer ids (a person id, a venue id, and `rowKey`, the store's
 * integer key of the source row, which evidence points back to).
 */
import type { VehicleMode } from '@epigrid/core';

export type { VehicleMode };

/** One venue place-code scan (`check-ins` source). */
export interface CheckInRow {
  readonly personId: number;
  readonly venueId: number;
  readonly timeIn: number;
  /** Exit scan, or null when the person did not scan out (the profile assumes a stay). */
  readonly timeOut: number | null;
  readonly rowKey: number;
}

/**
 * Check-ins as columns, as a bulk reader produces them without an object per row: row i is
 * (personId[i], venueId[i], timeIn[i], timeOut[i], rowKey[i]) for i < rows; a NaN timeOut means the
 * person did not scan out.
 */
export interface CheckInColumns {
  readonly rows: number;
  readonly personId: Float64Array;
  readonly venueId: Float64Array;
  readonly timeIn: Float64Array;
  readonly timeOut: Float64Array;
  readonly rowKey: Float64Array;
}

/** A batch of check-ins: row objects or columns. */
export type CheckInBatch = readonly CheckInRow[] | CheckInColumns;

/** One telecom presence interval (`telecom` source). */
export interface TelecomRow {
  readonly personId: number;
  /** H3 cell at resolution 8, 15-character hex string. */
  readonly cell: string;
  readonly start: number;
  readonly end: number;
  readonly rowKey: number;
}

/**
 * Telecom rows as columns, as a bulk reader produces them without an object or a cell string per
 * row: row i is (personId[i], cell, start[i], end[i], rowKey[i]) for i < rows, where the cell is the
 * H3 index whose 64-bit value has high half cell[2i] and low half cell[2i + 1] (its name is that
 * value in lowercase hexadecimal, 15 digits at resolution 8).
 */
export interface TelecomColumns {
  readonly rows: number;
  readonly personId: Float64Array;
  readonly cell: Uint32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly rowKey: Float64Array;
}

/** A batch of telecom rows: row objects or columns. */
export type TelecomBatch = readonly TelecomRow[] | TelecomColumns;

/** One transport ticket (`transport` source). */
export interface TicketRow {
  readonly personId: number;
  readonly mode: VehicleMode;
  readonly serviceId: string;
  /** YYYY-MM-DD */
  readonly serviceDate: string;
  readonly departure: number;
  readonly arrival: number;
  /** Carriage (train) or cabin (ship); null for planes and coaches. */
  readonly carriage: string | null;
  /** 1-based seat row. */
  readonly seatRow: number;
  readonly seat: string;
  /** Fully enclosed, air-conditioned train or sealed coach. */
  readonly enclosed: boolean;
  readonly rowKey: number;
}

/** Household membership from the population registry. */
export interface HouseholdRow {
  readonly personId: number;
  readonly householdId: number;
}

/** Which rows to stream: everything from an instant on (the retention horizon). */
export interface PresenceRange {
  /** Epoch seconds; rows that start before it are not needed. */
  readonly since: number;
}

/**
 * The source the index is built from: the store's day-partitioned presence tables and the person
 * registry. Each method streams batches (a few thousand rows each) so 40 M rows never sit in
 * memory as objects at once. Order within and across batches does not matter.
 */
export interface PresenceRows {
  checkIns(range: PresenceRange): AsyncIterable<CheckInBatch>;
  telecom(range: PresenceRange): AsyncIterable<TelecomBatch>;
  tickets(range: PresenceRange): AsyncIterable<readonly TicketRow[]>;
  households(): AsyncIterable<readonly HouseholdRow[]>;
}
