import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinProfile, type ProtocolProfile, type VehicleRules } from '@epigrid/core';
import type { TicketRow, VehicleMode } from '../presence-rows.js';
import { at, indexOf, ticket } from '../testing/scenario.js';
import { traceCase } from './trace-case.js';
import { seatGap } from './vehicle-exposures.js';

const p9 = builtinProfile('CN-P9-2022-06-28');
const who = builtinProfile('WHO-2021');
const dep = at('2022-07-04', '08:00');
const arr = at('2022-07-04', '12:00');
const trip = (person: number, mode: VehicleMode, seatRow: number, extra: Partial<TicketRow> = {}): TicketRow =>
  ticket(person, { mode, serviceId: `${mode.toUpperCase()}1`, serviceDate: '2022-07-04', departure: dep, arrival: arr, carriage: null, seatRow, seat: 'A', enclosed: true, ...extra });

const run = (tickets: TicketRow[], profile = p9): string[] =>
  traceCase(indexOf({ tickets }), profile, {
    case: { caseId: 1, personId: 1, onsetDate: '2022-07-05', samplingDate: '2022-07-05', isolatedAt: at('2022-07-06', '00:00') },
    asOf: at('2022-07-07'),
    subClose: false,
    companions: false,
  }).closeContacts.map((c) => `${c.personId}:${c.ruleIds.join(',')}`);

describe('vehicle close contacts', () => {
  it('plane: the case row ± 3 rows (CN), ± 2 (WHO)', () => {
    const tickets = [trip(1, 'plane', 20), trip(2, 'plane', 17), trip(3, 'plane', 23), trip(4, 'plane', 16), trip(5, 'plane', 24), trip(6, 'plane', 18)];
    assert.deepEqual(run(tickets), ['2:CN-P9/close/vehicle/plane', '3:CN-P9/close/vehicle/plane', '6:CN-P9/close/vehicle/plane']);
    assert.deepEqual(run(tickets, who).map((s) => s.split(':')[0]), ['6']);
  });

  it('train: enclosed → whole carriage; not enclosed → same and adjacent bays', () => {
    const enclosed = [trip(1, 'train', 5, { carriage: '3' }), trip(2, 'train', 16, { carriage: '3' }), trip(3, 'train', 5, { carriage: '4' })];
    assert.deepEqual(run(enclosed), ['2:CN-P9/close/vehicle/train-enclosed']);
    // 2 rows per bay: row 5 is bay 3; rows 3–8 are bays 2–4.
    const open = [trip(1, 'train', 5, { carriage: '3', enclosed: false }), trip(2, 'train', 3, { carriage: '3', enclosed: false }), trip(3, 'train', 8, { carriage: '3', enclosed: false }), trip(4, 'train', 9, { carriage: '3', enclosed: false }), trip(5, 'train', 2, { carriage: '3', enclosed: false })];
    assert.deepEqual(run(open), ['2:CN-P9/close/vehicle/train-open', '3:CN-P9/close/vehicle/train-open']);
  });

  it('coach: sealed → everyone; ventilated → ± 3 rows', () => {
    assert.deepEqual(run([trip(1, 'coach', 1), trip(2, 'coach', 12)]), ['2:CN-P9/close/vehicle/coach-sealed']);
    assert.deepEqual(run([trip(1, 'coach', 1, { enclosed: false }), trip(2, 'coach', 4, { enclosed: false }), trip(3, 'coach', 5, { enclosed: false })]), ['2:CN-P9/close/vehicle/coach-open']);
  });

  it('ship: same cabin only', () => {
    assert.deepEqual(run([trip(1, 'ship', 1, { carriage: 'B12' }), trip(2, 'ship', 9, { carriage: 'B12' }), trip(3, 'ship', 1, { carriage: 'B13' })]), ['2:CN-P9/close/vehicle/ship']);
  });

  it('needs a shared stretch of journey inside the window', () => {
    const later = trip(2, 'plane', 20, { departure: arr, arrival: arr + 3600 }); // boards as the case leaves: 0 s together
    const otherDay = trip(3, 'plane', 20, { serviceDate: '2022-07-05' });
    assert.deepEqual(run([trip(1, 'plane', 20), later, otherDay]), []);
  });

  it('records seats and rows as evidence', () => {
    const tickets = [trip(1, 'plane', 20, { seat: 'C' }), trip(2, 'plane', 21, { seat: 'D' })];
    const trace = traceCase(indexOf({ tickets }), p9, {
      case: { caseId: 1, personId: 1, onsetDate: '2022-07-05', samplingDate: '2022-07-05', isolatedAt: null },
      asOf: at('2022-07-05'),
      subClose: false,
      companions: false,
    });
    assert.deepEqual(trace.closeContacts[0]?.evidence, [
      { kind: 'vehicle', ruleId: 'CN-P9/close/vehicle/plane', mode: 'plane', serviceId: 'PLANE1', serviceDate: '2022-07-04', carriage: null, sourceSeat: '20C', seat: '21D', sourceRowKey: tickets[0]!.rowKey, rowKey: tickets[1]!.rowKey, from: dep, to: arr },
    ]);
  });

  it('plane, ECDC seat rule (WHO): within 2 rows AND 2 seats across, boundaries included', () => {
    const seat = (person: number, row: number, letter: string): TicketRow => trip(person, 'plane', row, { seat: letter });
    // Case in 20C. 18A and 22E are exactly 2 rows and 2 seats away; 20F is 3 seats; 23C is 3 rows.
    const tickets = [seat(1, 20, 'C'), seat(2, 18, 'A'), seat(3, 22, 'E'), seat(4, 20, 'F'), seat(5, 23, 'C'), seat(6, 19, 'D')];
    assert.deepEqual(run(tickets, who).map((s) => s.split(':')[0]), ['2', '3', '6']);
    // The CN annex takes every seat of rows 17–23.
    assert.deepEqual(run(tickets).map((s) => s.split(':')[0]), ['2', '3', '4', '5', '6']);
  });

  it('plane seats: letters skip I, numbers count as columns, an unknown seat is kept', () => {
    assert.equal(seatGap('H', 'J'), 1);
    assert.equal(seatGap('a', 'C'), 2);
    assert.equal(seatGap('3', '7'), 4);
    assert.equal(seatGap('C', 'window'), null);
    const tickets = [trip(1, 'plane', 20, { seat: 'C' }), trip(2, 'plane', 21, { seat: '??' })];
    assert.deepEqual(run(tickets, who), ['2:WHO-2021/close/vehicle/plane']);
  });

  it('HEPA switch: without HEPA filtration the CN profile takes the whole cabin; with it, the seating rule', () => {
    const cabin = (hepa: boolean): TicketRow[] => [trip(1, 'plane', 20, { enclosed: hepa }), trip(2, 'plane', 40, { enclosed: hepa }), trip(3, 'plane', 21, { enclosed: hepa })];
    assert.deepEqual(run(cabin(true)), ['3:CN-P9/close/vehicle/plane']);
    assert.deepEqual(run(cabin(false)), ['2:CN-P9/close/vehicle/plane-cabin', '3:CN-P9/close/vehicle/plane-cabin']);
    // Switched to 'seating', an unfiltered cabin gets the seating rule too.
    const seatingOnly = withVehicle(p9, { planeWithoutHepa: 'seating' });
    assert.deepEqual(run(cabin(false), seatingOnly), ['3:CN-P9/close/vehicle/plane']);
    // WHO ships 'seating': HEPA does not widen its contacts.
    assert.deepEqual(run(cabin(false), who), ['3:WHO-2021/close/vehicle/plane']);
  });

  it('profile switches change the results as the rules say: row radius, seat radius, vehicles off', () => {
    const tickets = [trip(1, 'plane', 20, { seat: 'A' }), trip(2, 'plane', 21, { seat: 'D' }), trip(3, 'plane', 24, { seat: 'A' })];
    assert.deepEqual(run(tickets).map((s) => s.split(':')[0]), ['2']);
    assert.deepEqual(run(tickets, withVehicle(p9, { planeRowRadius: 4 })).map((s) => s.split(':')[0]), ['2', '3']);
    assert.deepEqual(run(tickets, withVehicle(p9, { planeSeatRadius: 2 })), []);
    assert.deepEqual(run(tickets, withVehicle(p9, { planeSeatRadius: 3 })).map((s) => s.split(':')[0]), ['2']);
    assert.deepEqual(run(tickets, withVehicle(p9, { enabled: false })), []);
  });
});

function withVehicle(profile: ProtocolProfile, change: Partial<VehicleRules>): ProtocolProfile {
  return { ...profile, closeContact: { ...profile.closeContact, vehicle: { ...profile.closeContact.vehicle, ...change } } };
}
