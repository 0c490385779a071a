import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TruthInfection } from '@epigrid/sim';
import { classifyMiss, type PairFacts } from './recall-diagnosis.js';

const at = (hhmm: string): number => Date.parse(`2026-03-04T${hhmm}:00+08:00`) / 1000;
const inf = (setting: string, recordedBy: string, time = '10:30'): TruthInfection => ({
  infectee: 'B',
  infector: 'A',
  setting,
  place: 'V1',
  infectedAt: `2026-03-04T${time}:00+08:00`,
  onsetDate: null,
  recorded: true,
  recordedBy,
});
const facts = (change: Partial<PairFacts> = {}): PairFacts => ({
  trace: { windowFrom: at('00:00'), windowTo: at('23:00') },
  sameHousehold: false,
  infectorStays: [],
  infecteeStays: [],
  bothTicketed: false,
  ...change,
});
const rule = { minutes: 15, openEndedMinutes: 60 };

describe('recall diagnosis', () => {
  it('names the window, telecom-only and registry causes', () => {
    assert.equal(classifyMiss(inf('household', 'registry', '10:30'), facts({ trace: null }), rule).reason, 'infector-not-traced');
    assert.equal(classifyMiss(inf('household', 'registry', '23:30'), facts(), rule).reason, 'after-window');
    assert.equal(classifyMiss(inf('workplace', 'telecom'), facts(), rule).reason, 'telecom-only');
    assert.equal(classifyMiss(inf('household', 'registry'), facts(), rule).reason, 'household-not-in-registry');
  });

  it('tells an open-ended stay cut by the assumed length from a short overlap', () => {
    const cut = facts({ infectorStays: [{ timeIn: at('09:00'), timeOut: null }], infecteeStays: [{ timeIn: at('10:20'), timeOut: at('11:00') }] });
    assert.equal(classifyMiss(inf('venue', 'scans'), cut, rule).reason, 'venue-open-ended-cut');
    const short = facts({ infectorStays: [{ timeIn: at('10:00'), timeOut: at('10:40') }], infecteeStays: [{ timeIn: at('10:28'), timeOut: at('11:00') }] });
    assert.equal(classifyMiss(inf('venue', 'scans'), short, rule).reason, 'venue-below-threshold');
    const enough = facts({ infectorStays: [{ timeIn: at('10:00'), timeOut: at('10:50') }], infecteeStays: [{ timeIn: at('10:20'), timeOut: at('11:00') }] });
    assert.equal(classifyMiss(inf('venue', 'scans'), enough, rule).reason, 'unexplained');
  });
});
