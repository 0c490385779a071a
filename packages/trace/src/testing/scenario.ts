import { dayNumberOf, localMidnight } from '@epigrid/core';
import { PresenceIndex } from '../index/presence-index.js';
import type { PresenceRowSet } from '../memory-presence-rows.js';
import type { CheckInRow, TelecomRow, TicketRow } from '../presence-rows.js';

/** Local offset of the test city (China). */
export const OFFSET = 480;

/**
 * Epoch seconds of a local (UTC+8) date and time.
 * @param date - YYYY-MM-DD
 * @param time - HH:MM or HH:MM:SS
 */
export function at(date: string, time = '00:00'): number {
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return localMidnight(dayNumberOf(date), OFFSET) + h * 3600 + m * 60 + s;
}

let nextKey = 1;

/**
 * A check-in row with a fresh row key.
 * @param personId - person
 * @param venueId - venue
 * @param timeIn - epoch seconds
 * @param timeOut - epoch seconds or null
 */
export function checkIn(personId: number, venueId: number, timeIn: number, timeOut: number | null): CheckInRow {
  return { personId, venueId, timeIn, timeOut, rowKey: nextKey++ };
}

/**
 * A telecom row with a fresh row key.
 * @param personId - person
 * @param cell - H3 cell
 * @param start - epoch seconds
 * @param end - epoch seconds
 */
export function seen(personId: number, cell: string, start: number, end: number): TelecomRow {
  return { personId, cell, start, end, rowKey: nextKey++ };
}

/**
 * A ticket with a fresh row key.
 * @param personId - person
 * @param fields - the rest
 */
export function ticket(personId: number, fields: Omit<TicketRow, 'personId' | 'rowKey'>): TicketRow {
  return { personId, ...fields, rowKey: nextKey++ };
}

/**
 * An index over a hand-made scenario.
 * @param set - rows
 */
export function indexOf(set: PresenceRowSet): PresenceIndex {
  const index = new PresenceIndex({ utcOffsetMinutes: OFFSET });
  index.setHouseholds(set.households ?? []);
  index.appendCheckIns(set.checkIns ?? []);
  index.appendTelecom(set.telecom ?? []);
  index.appendTickets(set.tickets ?? []);
  index.compact();
  return index;
}
