import { ruleId, type ProtocolProfile, type RuleKey, type VehicleRules } from '@epigrid/core';
import type { PresenceIndex } from '../index/presence-index.js';
import { serviceKeyOf, type Ticket } from '../index/ticket-table.js';
import type { Evidence } from './contact-types.js';

type VehicleEvidence = Extract<Evidence, { kind: 'vehicle' }>;

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
    case 'plane':
      return rowGap <= rules.planeRowRadius ? 'close/vehicle/plane' : null;
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
