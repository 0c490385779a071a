import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellToChildren, cellToParent, latLngToCell } from 'h3-js';
import { builtinProfile, type DwellClause, type ProtocolProfile } from '@epigrid/core';
import { at, indexOf, seen } from '../testing/scenario.js';
import { companionsOf } from './companions.js';

const p9 = builtinProfile('CN-P9-2022-06-28');
const parent = cellToParent(latLngToCell(30.66, 104.06, 8), 7);
const [cellA, cellB] = cellToChildren(parent, 8) as [string, string];
const t = (day: number, time: string): number => at(`2021-11-0${day}`, time);
const withRules = (dwell: DwellClause, h3Resolution = 8): ProtocolProfile => ({ ...p9, companion: { ...p9.companion, dwell, h3Resolution } });

// The case stays 40 h in cell A over the look-back (a resident): days 1–2 at home, 20 h each.
const rows = [
  seen(1, cellA, t(1, '00:00'), t(1, '20:00')),
  seen(1, cellA, t(2, '00:00'), t(2, '20:00')),
  seen(1, cellA, t(3, '09:00'), t(3, '10:00')),
  seen(2, cellA, t(3, '09:00'), t(3, '09:11')), // 11 min together: more than 10
  seen(3, cellA, t(3, '09:00'), t(3, '09:10')), // exactly 10: not more than 10
  seen(4, cellA, t(4, '09:00'), t(4, '10:00')), // in A the day after, never together
  seen(5, cellB, t(3, '09:00'), t(3, '09:30')), // sibling cell, same res-7 parent
];
const index = indexOf({ telecom: rows });
const ids = (profile: ProtocolProfile, until = t(5, '00:00')): number[] => companionsOf(index, profile, 9, 1, until).map((c) => c.personId);

describe('spatiotemporal companions', () => {
  it('more than 10 minutes in the same res-8 cell, dwell clause off', () => {
    assert.deepEqual(ids(withRules({ kind: 'off' })), [2]);
  });

  it('AND: the case dwelled 40 h > 30 h, so the co-present person qualifies; with 50 h required nobody does', () => {
    const found = companionsOf(index, withRules({ kind: 'and', hours: 30 }), 9, 1, t(5, '00:00'));
    assert.deepEqual(found.map((c) => c.personId), [2]);
    assert.deepEqual(found[0]?.ruleIds, ['CN-P9/companion/co-presence', 'CN-P9/companion/dwell']);
    assert.deepEqual(ids(withRules({ kind: 'and', hours: 50 })), []);
  });

  it('OR: anyone seen in the cell during the look-back qualifies through the case dwell', () => {
    assert.deepEqual(ids(withRules({ kind: 'or', hours: 30 })), [2, 3, 4]);
    assert.deepEqual(ids(withRules({ kind: 'or', hours: 50 })), [2]);
  });

  it('a coarser grid (res 7) joins sibling cells', () => {
    const found = companionsOf(index, withRules({ kind: 'off' }, 7), 9, 1, t(5, '00:00'));
    assert.deepEqual(found.map((c) => c.personId), [2, 5]);
    assert.equal(found[1]?.evidence[0]?.kind === 'companion-co-presence' && found[1].evidence[0].cell, parent);
  });

  it('looks back only lookBackDays from isolation', () => {
    const short = { ...p9, companion: { ...p9.companion, lookBackDays: 1, dwell: { kind: 'off' as const } } };
    assert.deepEqual(ids(short, t(4, '09:00')), [2]);
    assert.deepEqual(ids(short, t(4, '09:01')), [], 'the first minute falls out: 10 min left');
  });

  it('carries the follow-up tests from the profile', () => {
    const [c] = companionsOf(index, withRules({ kind: 'off' }), 9, 1, t(5, '00:00'));
    assert.deepEqual(c?.followUp, { ruleId: 'CN-P9/management/companion', tests: 2, minHoursApart: 24, dueBy: '2021-11-06' });
  });
});
