import { ruleId, type ProtocolProfile, type RuleKey, type VehicleRules } from '@epigrid/core';
import type { PresenceIndex } from '../index/presence-index.js';
import { serviceKeyOf, type Ticket } from '../index/ticket-table.js';
import type { Evidence } from './contact-types.js';

type VehicleEvidence = Extract<Evidence, { kind: 'vehicle' }>;

// Aircraft seat letters across a row; I is not used, so H and J sit side by side.
const SEAT_LETTERS = 'ABCDEFGHJK';

/**
 * Seats between two seats of the row band, counted across the row (aisles are not seats): letters
 * A–K without I, or seat numbers.
 * @param a - a seat, e.g. `C` or `3`
 * @param b - another seat
 * @returns the distance, or null when either seat cannot be placed
 */
export function seatGap(a: string, b: string): number | null {
  const column = (seat: string): number | null => {
    const s = seat.trim().toUpperCase();
    if (/^\d{1,2}$/.test(s)) return Number(s);
    const i = s.length === 1 ? SEAT_LETTERS.indexOf(s) : -1;
    return i < 0 ? null : i;
  };
  const x = column(a);
  const y = column(b);
  return x === null || y === null ? null : Math.abs(x - y);
}

/**
 * Which vehicle rule makes `other` a close contact of `source` on the same service, if any
 * (the transport annex table).
 * @param source - the case's ticket
 * @param other - a fellow passenger's ticket
 * @param rules - the profile's vehicle rules
 */
export function seatingRule(source: Ticket, other: Ticket, rules: VehicleRules): RuleKey | null {
  const rowGap = Math.abs(source.seatRow - other.seatRow);
  switch (source.mode) {
    case 'plane': {
      // A manifest's `enclosed` on a plane says the cabin air is HEPA-filtered.
      if (!source.enclosed && rules.planeWithoutHepa === 'whole-cabin') return 'close/vehicle/plane-cabin';
      if (rowGap > rules.planeRowRadius) return null;
      if (rules.planeSeatRadius === null) return 'close/vehicle/plane';
      const gap = seatGap(source.seat, other.seat);
      // A seat we cannot place across the row is kept: missing a contact costs more than one more.
      return gap === null || gap <= rules.planeSeatRadius ? 'close/vehicle/plane' : null;
    }
    case 'train': {
      if (source.carriage !== other.carriage) return null;
      if (source.enclosed) return 'close/vehicle/train-enclosed';
      const bay = (row: number): number => Math.ceil(row / rules.trainRowsPerBay);
      return Math.abs(bay(source.seatRow) - bay(other.seatRow)) <= rules.trainOpenBayRadius ? 'close/vehicle/train-open' : null;
    }
    case 'coach':
      if (source.enclosed) return 'close/vehicle/coach-sealed';
      return rowGap <= rules.coachOpenRowRadius ? 'close/vehicle/coach-open' : null;
    case 'ship':
      return source.carriage === other.carriage ? 'close/vehicle/ship' : null;
  }
}

/**
 * Fellow passengers seated within the profile's vehicle rule, on the part of the journey both were
 * aboard inside the window (a positive overlap is required).
 * @param index - presence index
 * @param sourcePerson - the case
 * @param window - closed interval of epoch seconds
 * @param profile - protocol profile
 */
export function vehicleExposures(
  index: PresenceIndex,
  sourcePerson: number,
  window: { readonly from: number; readonly to: number },
  profile: ProtocolProfile,
): Map<number, VehicleEvidence[]> {
  const result = new Map<number, VehicleEvidence[]>();
  const rules = profile.closeContact.vehicle;
  if (!rules.enabled) return result;
  for (const mine of index.ticketsOf(sourcePerson, window.from, window.to)) {
    for (const other of index.ticketsOn(serviceKeyOf(mine))) {
      if (other.personId === sourcePerson) continue;
      const from = Math.max(mine.departure, other.departure, window.from);
      const to = Math.min(mine.arrival, other.arrival, window.to);
      if (to <= from) continue;
      const key = seatingRule(mine, other, rules);
      if (key === null) continue;
      const evidence: VehicleEvidence = {
        kind: 'vehicle',
        ruleId: ruleId(profile, key),
        mode: mine.mode,
        serviceId: mine.serviceId,
        serviceDate: mine.serviceDate,
        carriage: mine.carriage,
        sourceSeat: `${mine.seatRow}${mine.seat}`,
        seat: `${other.seatRow}${other.seat}`,
        sourceRowKey: mine.rowKey,
        rowKey: other.rowKey,
        from,
        to,
      };
      const list = result.get(other.personId);
      if (list) list.push(evidence);
      else result.set(other.personId, [evidence]);
    }
  }
  return result;
}
