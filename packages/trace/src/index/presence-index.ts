import { cellToParent, getResolution } from 'h3-js';
import { dayNumberOf } from '@epigrid/core';
import type { CheckInBatch, CheckInColumns, HouseholdRow, TelecomBatch, TelecomColumns, TicketRow } from '../presence-rows.js';
import { CellIds } from './cell-ids.js';
import { HouseholdTable } from './household-table.js';
import { DaySegments } from './day-segments.js';
import type { IntervalVisitor } from './interval-segment.js';
import { TicketTable, type Ticket } from './ticket-table.js';

function isColumns(batch: CheckInBatch): batch is CheckInColumns {
  return !Array.isArray(batch);
}

function isTelecomColumns(batch: TelecomBatch): batch is TelecomColumns {
  return !Array.isArray(batch);
}

/** How an index is set up. */
export interface PresenceIndexOptions {
  /** Local offset from UTC; day segments and calendar dates use local days (China: 480). */
  readonly utcOffsetMinutes: number;
  /** Stored durations longer than this are clipped (a forgotten check-out must not widen every scan). Default 24 h. */
  readonly maxStaySeconds?: number;
}

/** Size figures of an index. */
export interface PresenceIndexStats {
  readonly checkInRows: number;
  readonly telecomRows: number;
  readonly ticketRows: number;
  readonly daySegments: number;
  /** Bytes of the check-in and telecom columns. */
  readonly presenceBytes: number;
  /** presenceBytes / (check-in + telecom rows). */
  readonly bytesPerPresenceRow: number;
  /** Stored durations clipped to maxStaySeconds. */
  readonly clippedRows: number;
  /** First and last local day held (day numbers), or null when empty. */
  readonly days: readonly [number, number] | null;
}

/**
 * The trace engine's in-memory columnar presence index: one segment per local day for check-ins
 * (by venue, then time in) and telecom presence (by cell, then start), transport tickets grouped by
 * service and date, and household membership. Append-only except for dropping whole days.
 */
export class PresenceIndex {
  readonly utcOffsetMinutes: number;
  private readonly maxStay: number;
  private readonly checkIns: DaySegments;
  private readonly telecom: DaySegments;
  private readonly tickets = new TicketTable();
  private readonly households = new HouseholdTable();
  private readonly cells = new CellIds();
  private readonly parentCache = new Map<number, { cells: number; byParent: Map<string, number[]> }>();
  private clipped = 0;

  /**
   * @param options - time zone and stay bound
   */
  constructor(options: PresenceIndexOptions) {
    this.utcOffsetMinutes = options.utcOffsetMinutes;
    this.maxStay = options.maxStaySeconds ?? 86_400;
    this.checkIns = new DaySegments(options.utcOffsetMinutes);
    this.telecom = new DaySegments(options.utcOffsetMinutes);
  }

  /**
   * Appends check-ins (each row once: the store feeds only newly committed rows).
   * @param rows - check-ins, as row objects or columns
   */
  appendCheckIns(rows: CheckInBatch): void {
    if (!isColumns(rows)) {
      for (const r of rows) {
        const duration = r.timeOut === null ? null : this.clip(r.timeOut - r.timeIn);
        this.checkIns.push(r.venueId, r.personId, r.timeIn, duration, r.rowKey);
      }
      return;
    }
    const { personId, venueId, timeIn, timeOut, rowKey } = rows;
    for (let i = 0; i < rows.rows; i++) {
      const out = timeOut[i]!;
      this.checkIns.push(venueId[i]!, personId[i]!, timeIn[i]!, Number.isNaN(out) ? null : this.clip(out - timeIn[i]!), rowKey[i]!);
    }
  }

  /**
   * Appends telecom presence intervals.
   * @param rows - telecom rows, as row objects or columns
   */
  appendTelecom(rows: TelecomBatch): void {
    if (!isTelecomColumns(rows)) {
      for (const r of rows) this.telecom.push(this.cells.ofName(r.cell), r.personId, r.start, this.clip(r.end - r.start), r.rowKey);
      return;
    }
    const { personId, cell, start, end, rowKey } = rows;
    for (let i = 0; i < rows.rows; i++) {
      const from = start[i]!;
      this.telecom.push(this.cells.ofHalves(cell[2 * i]!, cell[2 * i + 1]!), personId[i]!, from, this.clip(end[i]! - from), rowKey[i]!);
    }
  }

  /**
   * Appends transport tickets (a row key already held is ignored).
   * @param rows - tickets
   */
  appendTickets(rows: readonly TicketRow[]): void {
    this.tickets.append(rows, dayNumberOf);
  }

  /**
   * Sets household memberships from the registry.
   * @param rows - memberships
   */
  setHouseholds(rows: readonly HouseholdRow[]): void {
    this.households.set(rows);
  }

  /** Merges every day's unsorted tail now (otherwise done lazily when a tail grows). */
  compact(): void {
    this.checkIns.compact();
    this.telecom.compact();
  }

  /**
   * Retention: drops whole local days before `day`.
   * @param day - first day kept, as a day number or YYYY-MM-DD
   * @returns rows dropped
   */
  dropDaysBefore(day: number | string): number {
    const first = typeof day === 'string' ? dayNumberOf(day) : day;
    return this.checkIns.dropBefore(first) + this.telecom.dropBefore(first) + this.tickets.dropBefore(first);
  }

  /** Size figures, including bytes per presence row. */
  stats(): PresenceIndexStats {
    let checkInRows = 0;
    let telecomRows = 0;
    let bytes = 0;
    const days: number[] = [];
    for (const s of this.checkIns.segments()) {
      checkInRows += s.rows;
      bytes += s.bytes;
      days.push(s.day);
    }
    for (const s of this.telecom.segments()) {
      telecomRows += s.rows;
      bytes += s.bytes;
      days.push(s.day);
    }
    const rows = checkInRows + telecomRows;
    return {
      checkInRows,
      telecomRows,
      ticketRows: this.tickets.rows,
      daySegments: this.checkIns.size + this.telecom.size,
      presenceBytes: bytes,
      bytesPerPresenceRow: rows === 0 ? 0 : bytes / rows,
      clippedRows: this.clipped,
      days: days.length === 0 ? null : [Math.min(...days), Math.max(...days)],
    };
  }

  /**
   * Visits check-ins of a person overlapping [from, to].
   * @param personId - person
   * @param from - epoch seconds
   * @param to - epoch seconds
   * @param openSeconds - assumed stay of a check-in without check-out
   * @param visit - receives (person, timeIn, timeOut, rowKey, venueId, assumed)
   */
  checkInsOf(personId: number, from: number, to: number, openSeconds: number, visit: IntervalVisitor): void {
    this.checkIns.forEachOf(personId, from, to, openSeconds, visit);
  }

  /**
   * Visits check-ins at a venue overlapping [from, to].
   * @param venueId - venue
   * @param from - epoch seconds
   * @param to - epoch seconds
   * @param openSeconds - assumed stay of a check-in without check-out
   * @param visit - receives (person, timeIn, timeOut, rowKey, venueId, assumed)
   */
  checkInsAt(venueId: number, from: number, to: number, openSeconds: number, visit: IntervalVisitor): void {
    this.checkIns.forEachAt(venueId, from, to, openSeconds, visit);
  }

  /**
   * Visits telecom rows of a person overlapping [from, to]; the key passed is the cell id.
   * @param personId - person
   * @param from - epoch seconds
   * @param to - epoch seconds
   * @param visit - receives (person, start, end, rowKey, cellId, false)
   */
  telecomOf(personId: number, from: number, to: number, visit: IntervalVisitor): void {
    this.telecom.forEachOf(personId, from, to, 0, visit);
  }

  /**
   * Visits telecom rows in a cell (by id) overlapping [from, to].
   * @param cellId - id from {@link PresenceIndex.cellId}
   * @param from - epoch seconds
   * @param to - epoch seconds
   * @param visit - receives (person, start, end, rowKey, cellId, false)
   */
  telecomAt(cellId: number, from: number, to: number, visit: IntervalVisitor): void {
    this.telecom.forEachAt(cellId, from, to, 0, visit);
  }

  /**
   * The H3 cell of a cell id.
   * @param id - cell id
   */
  cellName(id: number): string {
    return this.cells.name(id);
  }

  /**
   * The ids of the stored cells inside the resolution-`resolution` parent of a cell id (the cell
   * itself when `resolution` is the data's own).
   * @param id - a stored cell id
   * @param resolution - H3 resolution of the grid
   */
  cellGroup(id: number, resolution: number): { readonly name: string; readonly members: readonly number[] } {
    const name = this.cells.name(id);
    if (getResolution(name) <= resolution) return { name, members: [id] };
    let cache = this.parentCache.get(resolution);
    if (!cache || cache.cells !== this.cells.size) {
      const byParent = new Map<string, number[]>();
      this.cells.all.forEach((cell, i) => {
        const parent = getResolution(cell) <= resolution ? cell : cellToParent(cell, resolution);
        const list = byParent.get(parent);
        if (list) list.push(i);
        else byParent.set(parent, [i]);
      });
      cache = { cells: this.cells.size, byParent };
      this.parentCache.set(resolution, cache);
    }
    const parent = cellToParent(name, resolution);
    return { name: parent, members: cache.byParent.get(parent)! };
  }

  /**
   * Tickets of a person whose journey overlaps [from, to].
   * @param personId - person
   * @param from - epoch seconds
   * @param to - epoch seconds
   */
  ticketsOf(personId: number, from: number, to: number): readonly Ticket[] {
    return this.tickets.of(personId, from, to);
  }

  /**
   * Every ticket of a service run.
   * @param serviceKey - `mode|serviceId|serviceDate`
   */
  ticketsOn(serviceKey: string): readonly Ticket[] {
    return this.tickets.onService(serviceKey);
  }

  /**
   * The household of a person.
   * @param personId - person
   */
  householdOf(personId: number): number | undefined {
    return this.households.of(personId);
  }

  /**
   * Members of a household.
   * @param householdId - household
   */
  householdMembers(householdId: number): readonly number[] {
    return this.households.membersOf(householdId);
  }

  /**
   * Members of a person's household (the person included), in insertion order; empty without one.
   * @param personId - person
   */
  householdMembersOf(personId: number): readonly number[] {
    return this.households.membersWith(personId);
  }

  private clip(duration: number): number {
    if (duration <= this.maxStay) return Math.max(0, duration);
    this.clipped++;
    return this.maxStay;
  }
}
