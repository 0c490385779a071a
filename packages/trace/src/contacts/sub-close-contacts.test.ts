import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinProfile } from '@epigrid/core';
import { at, checkIn, indexOf } from '../testing/scenario.js';
import { closeContactsOf } from './close-contacts.js';
import { exposureWindowOf } from './exposure-window.js';
import { subCloseContactsOf } from './sub-close-contacts.js';

const p9 = builtinProfile('CN-P9-2022-06-28');
const d = (day: number, time: string): number => at(`2022-07-0${day}`, time);
// Case 1 meets 20 and 30 in the office; each of them later spends an hour with 40 and with 7.
const index = indexOf({
  households: [
    { personId: 30, householdId: 9 },
    { personId: 7, householdId: 9 },
  ],
  checkIns: [
    checkIn(1, 100, d(4, '09:00'), d(4, '12:00')),
    checkIn(30, 100, d(4, '09:00'), d(4, '12:00')),
    checkIn(20, 100, d(4, '09:00'), d(4, '12:00')),
    checkIn(30, 101, d(5, '12:00'), d(5, '13:00')),
    checkIn(40, 101, d(5, '12:00'), d(5, '13:00')),
    checkIn(20, 102, d(5, '18:00'), d(5, '19:00')),
    checkIn(40, 102, d(5, '18:00'), d(5, '19:00')),
    checkIn(7, 102, d(5, '18:00'), d(5, '19:00')),
  ],
});
const caseInput = { caseId: 5, personId: 1, onsetDate: '2022-07-05', samplingDate: '2022-07-05', isolatedAt: d(6, '08:00') };
const asOf = d(6, '20:00');
const close = closeContactsOf(index, p9, 5, 1, exposureWindowOf(caseInput, p9, index.utcOffsetMinutes, asOf));

describe('sub-close contacts', () => {
  it('lists each (person, close contact) link once, by person then close contact, whatever order the close contacts come in', () => {
    assert.deepEqual(close.map((c) => c.personId), [20, 30]);
    const links = subCloseContactsOf(index, p9, 1, close, new Map(), asOf);
    assert.deepEqual(links.map((c) => [c.personId, c.viaPersonId, c.ruleIds]), [
      [7, 20, ['CN-P9/sub-close/venue']],
      [7, 30, ['CN-P9/sub-close/household']],
      [40, 20, ['CN-P9/sub-close/venue']],
      [40, 30, ['CN-P9/sub-close/venue']],
    ]);
    assert.deepEqual(subCloseContactsOf(index, p9, 1, [...close].reverse(), new Map(), asOf), links);
  });
});
