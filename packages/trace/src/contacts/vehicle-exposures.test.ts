import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinProfile } from '@epigrid/core';
import type { TicketRow, VehicleMode } from '../presence-rows.js';
import { at, indexOf, ticket } from '../testing/scenario.js';
import { traceCase } from './trace-case.js';

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
});
