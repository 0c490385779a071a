import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinProfile, type ProtocolProfile } from '@epigrid/core';
import { at, checkIn, indexOf } from '../testing/scenario.js';
import { traceCase } from './trace-case.js';

const CASE = 1;
const p9 = builtinProfile('CN-P9-2022-06-28');
const cdc = builtinProfile('CDC-2020-10');
const d = (day: number, time: string): number => at(`2022-07-0${day}`, time);

// Case: onset 2022-07-05, D = 2 → window from 07-03 00:00 (UTC+8) to isolation 07-06 12:00.
const rows = [
  checkIn(CASE, 10, d(4, '10:00'), d(4, '11:00')),
  checkIn(2, 10, d(4, '10:00'), d(4, '10:15')), // 15 min → close
  checkIn(3, 10, d(4, '10:00'), d(4, '10:14')), // 14 min → not
  checkIn(CASE, 11, d(2, '23:50'), d(3, '00:30')),
  checkIn(4, 11, d(2, '23:00'), d(3, '00:15')), // 15 min inside the window start → close
  checkIn(5, 11, d(2, '23:00'), d(3, '00:14:59')), // 14:59 inside → not
  checkIn(CASE, 12, d(6, '11:30'), d(6, '13:00')),
  checkIn(6, 12, d(6, '11:45'), d(6, '13:00')), // 11:45–12:00 inside the window end → close
  checkIn(7, 12, d(6, '11:46'), d(6, '13:00')), // 14 min → not
  checkIn(CASE, 13, d(5, '09:00'), null), // open-ended: assumed 60 min → 10:00
  checkIn(8, 13, d(5, '09:50'), d(5, '11:00')), // 10 min → not
  checkIn(9, 13, d(5, '09:45'), null), // 09:45–10:00 → close, assumed
  checkIn(CASE, 14, d(4, '14:00'), d(4, '16:00')),
  checkIn(10, 14, d(4, '14:00'), d(4, '14:05')), // 3 × 5 min within 24 h
  checkIn(10, 14, d(4, '14:30'), d(4, '14:35')),
  checkIn(10, 14, d(4, '15:00'), d(4, '15:05')),
  checkIn(CASE, 15, d(3, '10:00'), d(3, '10:30')),
  checkIn(CASE, 15, d(4, '09:00'), d(4, '09:30')),
  checkIn(CASE, 15, d(4, '11:00'), d(4, '11:30')),
  checkIn(11, 15, d(3, '10:00'), d(3, '10:05')), // 3 × 5 min over 25 h: best 24 h holds 10
  checkIn(11, 15, d(4, '09:00'), d(4, '09:05')),
  checkIn(11, 15, d(4, '11:00'), d(4, '11:05')),
  checkIn(12, 10, d(6, '12:00'), d(6, '13:00')), // after isolation (venue 10 is not visited then)
  checkIn(13, 16, d(4, '10:00'), d(4, '11:00')), // another venue entirely
];
const index = indexOf({ checkIns: rows });
const closeIds = (profile: ProtocolProfile): number[] =>
  traceCase(index, profile, {
    case: { caseId: 100, personId: CASE, onsetDate: '2022-07-05', samplingDate: '2022-07-05', isolatedAt: d(6, '12:00') },
    asOf: d(7, '00:00'),
    subClose: false,
    companions: false,
  }).closeContacts.map((c) => c.personId);

describe('venue close contacts', () => {
  it('CN-P9: 15 contiguous minutes count, 14 do not, at both window edges, with open-ended check-ins', () => {
    assert.deepEqual(closeIds(p9), [2, 4, 6, 9]);
  });

  it('CDC: 15 minutes cumulative over 24 h adds the 3 × 5-minute contact, not one spread over 25 h', () => {
    assert.deepEqual(closeIds(cdc), [2, 4, 6, 9, 10]);
  });

  it('a shorter assumed stay for open-ended check-ins drops the contact that relied on it', () => {
    const shorter = { ...p9, closeContact: { ...p9.closeContact, venue: { ...p9.closeContact.venue, openEndedStayMinutes: 30 } } };
    assert.deepEqual(closeIds(shorter), [2, 4, 6]);
  });

  it('"more than 15" excludes exactly 15', () => {
    const strict = { ...p9, closeContact: { ...p9.closeContact, venue: { ...p9.closeContact.venue, threshold: { minutes: 15, comparison: 'more-than' as const } } } };
    assert.deepEqual(closeIds(strict), []);
  });

  it('records evidence: rows, venue, overlap clipped to the window, minutes, rule and last exposure', () => {
    const trace = traceCase(index, p9, {
      case: { caseId: 100, personId: CASE, onsetDate: '2022-07-05', samplingDate: '2022-07-05', isolatedAt: d(6, '12:00') },
      asOf: d(7, '00:00'),
      subClose: false,
      companions: false,
    });
    assert.deepEqual(trace.window, { from: d(3, '00:00'), to: d(6, '12:00'), ruleId: 'CN-P9/window/onset' });
    const six = trace.closeContacts.find((c) => c.personId === 6)!;
    assert.deepEqual(six.evidence, [
      { kind: 'venue', ruleId: 'CN-P9/close/venue', venueId: 12, sourceRowKey: rows[6]!.rowKey, rowKey: rows[7]!.rowKey, from: d(6, '11:45'), to: d(6, '12:00'), minutes: 15, assumedStay: false },
    ]);
    assert.equal(six.lastExposure, d(6, '12:00'));
    assert.equal(six.management.lastExposureDate, '2022-07-06');
    assert.equal(six.management.endDate, '2022-07-16');
    const nine = trace.closeContacts.find((c) => c.personId === 9)!;
    assert.equal(nine.evidence[0]?.kind === 'venue' && nine.evidence[0].assumedStay, true);
  });

  it('an asymptomatic case anchors the window on the sampling date', () => {
    const trace = traceCase(index, p9, {
      case: { caseId: 100, personId: CASE, onsetDate: null, samplingDate: '2022-07-06', isolatedAt: d(6, '12:00') },
      asOf: d(7, '00:00'),
      subClose: false,
      companions: false,
    });
    assert.equal(trace.window.from, d(4, '00:00'));
    assert.equal(trace.window.ruleId, 'CN-P9/window/sampling');
    assert.deepEqual(trace.closeContacts.map((c) => c.personId), [2, 6, 9]);
  });

  it('the screening switch starts the window at the last negative sample', () => {
    const trace = traceCase(index, p9, {
      case: { caseId: 100, personId: CASE, onsetDate: '2022-07-05', samplingDate: '2022-07-05', isolatedAt: d(6, '12:00'), lastNegativeSampleAt: d(4, '12:00') },
      asOf: d(7, '00:00'),
      subClose: false,
      companions: false,
    });
    assert.equal(trace.window.ruleId, 'CN-P9/window/screening');
    assert.deepEqual(trace.closeContacts.map((c) => c.personId), [6, 9]);
  });
});
