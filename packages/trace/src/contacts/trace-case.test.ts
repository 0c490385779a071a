import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinProfile } from '@epigrid/core';
import { at, checkIn, indexOf } from '../testing/scenario.js';
import { traceCase, type TraceRequest } from './trace-case.js';

const d = (day: number, time: string): number => at(`2022-07-0${day}`, time);
// Case 1 lives with 2; 3 shared an office with the case; 3 lives with 4 and shares lunch with 5
// (60 min, after exposure) and 6 (30 min); 7 met 3 before 3's exposure.
const index = indexOf({
  households: [
    { personId: 1, householdId: 500 },
    { personId: 2, householdId: 500 },
    { personId: 3, householdId: 501 },
    { personId: 4, householdId: 501 },
  ],
  checkIns: [
    checkIn(1, 20, d(4, '09:00'), d(4, '17:00')),
    checkIn(3, 20, d(4, '09:00'), d(4, '17:00')),
    checkIn(3, 21, d(5, '12:00'), d(5, '13:00')),
    checkIn(5, 21, d(5, '12:00'), d(5, '13:00')),
    checkIn(6, 21, d(5, '12:30'), d(5, '13:00')),
    checkIn(3, 22, d(3, '12:00'), d(3, '13:00')),
    checkIn(7, 22, d(3, '12:00'), d(3, '13:00')),
    checkIn(8, 20, d(4, '12:00'), d(4, '13:00')), // second case, in the same office at lunch
  ],
});
const request = (overrides: Partial<TraceRequest> = {}): TraceRequest => ({
  case: { caseId: 100, personId: 1, onsetDate: '2022-07-05', samplingDate: '2022-07-05', isolatedAt: d(6, '08:00') },
  asOf: d(6, '20:00'),
  investigatorContacts: [{ personId: 9, from: d(5, '18:00'), to: d(5, '19:00'), reference: 'INV-7' }],
  controlledAt: new Map([[3, d(6, '18:00')]]),
  companions: false,
  ...overrides,
});

describe('tracing a case', () => {
  it('CN-P9: household, venue and investigator close contacts; sub-close contacts over each contact’s own window', () => {
    const trace = traceCase(index, builtinProfile('CN-P9-2022-06-28'), request());
    assert.deepEqual(trace.closeContacts.map((c) => [c.personId, c.ruleIds]), [
      [2, ['CN-P9/close/household']],
      [3, ['CN-P9/close/venue']],
      [8, ['CN-P9/close/venue']],
      [9, ['CN-P9/close/investigator']],
    ]);
    const household = trace.closeContacts[0]!;
    assert.deepEqual([household.firstExposure, household.lastExposure], [d(3, '00:00'), d(6, '08:00')]);
    assert.deepEqual(trace.subCloseContacts.map((c) => [c.personId, c.viaPersonId, c.ruleIds]), [
      [4, 3, ['CN-P9/sub-close/household']],
      [5, 3, ['CN-P9/sub-close/venue']],
    ]);
    const four = trace.subCloseContacts[0]!;
    assert.deepEqual([four.firstExposure, four.lastExposure], [d(4, '09:00'), d(6, '18:00')], 'from first exposure to control');
    assert.equal(four.management.homeMode, 'isolation');
  });

  it('a profile switch changes the result as the rules say', () => {
    const m20 = traceCase(index, builtinProfile('CN-20M-2022-11-11'), request());
    assert.equal(m20.closeContacts.length, 4);
    assert.deepEqual(m20.subCloseContacts, [], '20 measures: no sub-close contacts');
    assert.equal(m20.closeContacts[1]?.management.centralisedUntil, '2022-07-09');
    const p8 = traceCase(index, builtinProfile('CN-P8-2021-05'), request());
    assert.equal(p8.closeContacts[1]?.management.centralisedUntil, '2022-07-18');
    const classB = traceCase(index, builtinProfile('CN-ClassB-2023-01-08'), request());
    assert.deepEqual([classB.closeContacts, classB.subCloseContacts], [[], []]);
  });

  it('is idempotent: re-tracing gives the same output in the same order', () => {
    const profile = builtinProfile('CN-P9-2022-06-28');
    assert.deepEqual(traceCase(index, profile, request()), traceCase(index, profile, request()));
  });

  it('a person exposed to several cases keeps every link', () => {
    const profile = builtinProfile('CN-P9-2022-06-28');
    const first = traceCase(index, profile, request());
    const second = traceCase(index, profile, request({ case: { caseId: 101, personId: 8, onsetDate: '2022-07-05', samplingDate: '2022-07-05', isolatedAt: d(6, '08:00') }, investigatorContacts: [] }));
    const links = [...first.closeContacts, ...second.closeContacts].filter((c) => c.personId === 3).map((c) => c.caseId);
    assert.deepEqual(links, [100, 101]);
  });
});
