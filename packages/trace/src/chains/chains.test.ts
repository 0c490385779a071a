import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clustersOf } from './clusters.js';
import { discretisedGamma, regularisedGammaP } from './gamma.js';
import type { ChainCase, TracedLink } from './traced-links.js';
import { rankInfectors } from './wallinga-teunis.js';

const si = { distribution: 'gamma' as const, meanDays: 4, sdDays: 2 };

describe('serial interval', () => {
  it('the gamma CDF matches known values', () => {
    assert.ok(Math.abs(regularisedGammaP(1, 1) - (1 - Math.exp(-1))) < 1e-12);
    assert.ok(Math.abs(regularisedGammaP(4, 4) - 0.5665298796) < 1e-9);
    assert.ok(Math.abs(regularisedGammaP(0.5, 30) - 1) < 1e-12);
  });

  it('discretises to w[0] = 0 and sums to ~1', () => {
    const w = discretisedGamma(4, 2, 60);
    assert.equal(w[0], 0);
    assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    assert.ok(w[3]! > w[1]! && w[3]! > w[8]!);
  });
});

const cases: ChainCase[] = [
  { caseId: 1, personId: 11, date: '2022-07-01', imported: true },
  { caseId: 2, personId: 12, date: '2022-07-04', imported: false },
  { caseId: 3, personId: 13, date: '2022-07-05', imported: false },
  { caseId: 4, personId: 14, date: '2022-07-08', imported: false },
  { caseId: 5, personId: 15, date: '2022-07-20', imported: false },
  { caseId: 6, personId: 16, date: '2022-07-21', imported: false },
];
const links: TracedLink[] = [
  { infectorCaseId: 1, infecteeCaseId: 2, settings: [{ kind: 'venue', venueId: 20 }], ruleIds: ['r'] },
  { infectorCaseId: 1, infecteeCaseId: 3, settings: [{ kind: 'venue', venueId: 20 }], ruleIds: ['r'] },
  { infectorCaseId: 3, infecteeCaseId: 4, settings: [{ kind: 'household', householdId: 7 }], ruleIds: ['r'] },
  { infectorCaseId: 5, infecteeCaseId: 6, settings: [{ kind: 'household', householdId: 9 }], ruleIds: ['r'] },
];

describe('Wallinga–Teunis', () => {
  it('restricts to traced infectors where they exist; likelihoods sum to 1', () => {
    const { rankings, reproduction } = rankInfectors(cases, links, si);
    assert.equal(rankings.find((r) => r.caseId === 1), undefined, 'imported: infector only');
    const four = rankings.find((r) => r.caseId === 4)!;
    assert.deepEqual(four.candidates.map((c) => [c.caseId, c.likelihood]), [[3, 1]]);
    assert.equal(four.restrictedToTraced, true);
    assert.ok(reproduction.get(1)! >= 2 - 1e-12);
  });

  it('without traced links, ranks every earlier case by the serial interval', () => {
    const { rankings } = rankInfectors(cases, [], si);
    const four = rankings.find((r) => r.caseId === 4)!;
    assert.deepEqual(four.candidates.map((c) => c.caseId), [2, 3, 1]);
    assert.ok(Math.abs(four.candidates.reduce((s, c) => s + c.likelihood, 0) - 1) < 1e-12);
    assert.equal(four.restrictedToTraced, false);
  });
});

describe('clusters', () => {
  it('connected components named by the dominant venue or household, with growth', () => {
    const clusters = clustersOf(cases, links, '2022-07-21');
    assert.deepEqual(clusters.map((c) => [c.id, c.name, c.caseIds, c.spanDays, c.last7Days, c.previous7Days]), [
      [1, 'venue:20', [1, 2, 3, 4], 8, 0, 1],
      [5, 'household:9', [5, 6], 2, 2, 0],
    ]);
    assert.equal(clusters[1]?.growth, Number.POSITIVE_INFINITY);
  });
});
