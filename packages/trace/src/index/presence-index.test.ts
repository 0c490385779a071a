import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { builtinProfile, type VenueRule } from '@epigrid/core';
import { traceCase, type TraceRequest } from '../contacts/trace-case.js';
import { venueExposures } from '../contacts/venue-exposures.js';
import { unionOf } from '../contacts/intervals.js';
import { memoryPresenceRows } from '../memory-presence-rows.js';
import type { CheckInRow } from '../presence-rows.js';
import { at, OFFSET } from '../testing/scenario.js';
import { naiveVenueScan } from '../testing/naive-venue-scan.js';
import { buildPresenceIndex } from './build-presence-index.js';
import { PresenceIndex } from './presence-index.js';

const base = at('2022-07-01');
const rowArb = fc
  .record({
    personId: fc.integer({ min: 1, max: 12 }),
    venueId: fc.integer({ min: 1, max: 4 }),
    start: fc.integer({ min: 0, max: 4 * 86_400 }),
    minutes: fc.option(fc.integer({ min: 0, max: 24 * 60 }), { nil: null }),
  })
  .map(({ personId, venueId, start, minutes }) => ({ personId, venueId, timeIn: base + start, timeOut: minutes === null ? null : base + start + minutes * 60 }));
const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 80 }).map((rows): CheckInRow[] => rows.map((r, i) => ({ ...r, rowKey: i + 1 })));
const ruleArb = fc.record({
  enabled: fc.constant(true),
  threshold: fc.record({ minutes: fc.integer({ min: 0, max: 120 }), comparison: fc.constantFrom('at-least' as const, 'more-than' as const) }),
  accumulation: fc.constantFrom('contiguous' as const, 'cumulative-24h' as const),
  openEndedStayMinutes: fc.integer({ min: 0, max: 180 }),
});

const build = (rows: readonly CheckInRow[]): PresenceIndex => {
  const index = new PresenceIndex({ utcOffsetMinutes: OFFSET });
  index.appendCheckIns(rows);
  index.compact();
  return index;
};

describe('presence index', () => {
  it('gives the same venue contacts and overlaps as a naive O(n²) scan (differential)', () => {
    fc.assert(
      fc.property(rowsArb, ruleArb, fc.integer({ min: 0, max: 3 * 86_400 }), fc.integer({ min: 0, max: 3 * 86_400 }), (rows, rule: VenueRule, a, len) => {
        const window = { from: base + a, to: base + a + len };
        const index = build(rows);
        const got = venueExposures(index, 1, window, rule, 'r');
        const want = naiveVenueScan(rows, 1, window, rule);
        assert.deepEqual([...got.keys()].sort((x, y) => x - y), [...want.keys()].sort((x, y) => x - y));
        for (const [person, evidence] of got) assert.deepEqual(unionOf(evidence.map((e) => [e.from, e.to])), unionOf(want.get(person)!));
      }),
      { numRuns: 200 },
    );
  });

  it('appending rows in any order and batches (with or without compaction) equals building at once', () => {
    const profile = builtinProfile('CN-P9-2022-06-28');
    fc.assert(
      fc.property(rowsArb, fc.array(fc.nat(), { minLength: 80, maxLength: 80 }), fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 10 }), fc.boolean(), (rows, keys, cuts, compactEach) => {
        const shuffled = rows.map((r, i) => [keys[i]!, r] as const).sort((x, y) => x[0] - y[0]).map(([, r]) => r);
        const incremental = new PresenceIndex({ utcOffsetMinutes: OFFSET });
        let i = 0;
        for (let k = 0; i < shuffled.length; k++) {
          const n = cuts[k % cuts.length]!;
          incremental.appendCheckIns(shuffled.slice(i, i + n));
          i += n;
          if (compactEach) incremental.compact();
        }
        const request = { case: { caseId: 1, personId: 1, onsetDate: '2022-07-03', samplingDate: '2022-07-03', isolatedAt: base + 4 * 86_400 }, asOf: base + 5 * 86_400, companions: false };
        assert.deepEqual(traceCase(incremental, profile, request), traceCase(build(rows), profile, request));
      }),
      { numRuns: 100 },
    );
  });

  it('traces alike whether ids are dense (direct tables, 4-byte row keys) or far apart (searches, 8-byte row keys)', () => {
    // Up to 240 rows over two days: dense ids get direct tables; ids near 3·10^9 cannot.
    const far = 3_000_000_000;
    const rowsArb2 = fc
      .array(fc.record({ personId: fc.integer({ min: 1, max: 12 }), venueId: fc.integer({ min: 1, max: 4 }), start: fc.integer({ min: 0, max: 2 * 86_400 }), minutes: fc.option(fc.integer({ min: 0, max: 180 }), { nil: null }) }), { minLength: 60, maxLength: 240 })
      .map((list): CheckInRow[] => list.map((r, i) => ({ personId: r.personId, venueId: r.venueId, timeIn: base + r.start, timeOut: r.minutes === null ? null : base + r.start + r.minutes * 60, rowKey: i + 1 })));
    const profile = builtinProfile('CN-P9-2022-06-28');
    const request = (person: number): TraceRequest => ({ case: { caseId: 1, personId: person, onsetDate: '2022-07-02', samplingDate: '2022-07-02', isolatedAt: base + 2 * 86_400 }, asOf: base + 3 * 86_400, companions: false });
    fc.assert(
      fc.property(rowsArb2, (rows) => {
        const households = [1, 2, 3, 4, 5, 6].map((p) => ({ personId: p, householdId: p % 3 }));
        const dense = build(rows);
        dense.setHouseholds(households);
        const sparse = build(rows.map((r) => ({ ...r, personId: r.personId + far, venueId: r.venueId + far, rowKey: r.rowKey * 2 ** 33 })));
        sparse.setHouseholds(households.map((h) => ({ ...h, personId: h.personId + far })));
        assert.ok(sparse.stats().bytesPerPresenceRow > dense.stats().bytesPerPresenceRow);
        const back = (value: number): number => (value >= far ? value - far : value);
        const unmap = (key: string, value: unknown): unknown =>
          typeof value === 'number' && ['personId', 'viaPersonId', 'venueId'].includes(key) ? back(value) : typeof value === 'number' && /rowKey$|RowKey$/.test(key) ? value / 2 ** 33 : value;
        const got = JSON.parse(JSON.stringify(traceCase(sparse, profile, request(1 + far))), unmap);
        assert.deepEqual(got, JSON.parse(JSON.stringify(traceCase(dense, profile, request(1)))));
      }),
      { numRuns: 100 },
    );
  });

  it('appending check-ins as columns (NaN for no check-out) equals appending them as rows', () => {
    const profile = builtinProfile('CN-P9-2022-06-28');
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const columns = new PresenceIndex({ utcOffsetMinutes: OFFSET });
        const column = (f: (r: CheckInRow) => number): Float64Array => Float64Array.from(rows, f);
        columns.appendCheckIns({
          rows: rows.length,
          personId: column((r) => r.personId),
          venueId: column((r) => r.venueId),
          timeIn: column((r) => r.timeIn),
          timeOut: column((r) => r.timeOut ?? Number.NaN),
          rowKey: column((r) => r.rowKey),
        });
        columns.compact();
        const request = { case: { caseId: 1, personId: 1, onsetDate: '2022-07-03', samplingDate: '2022-07-03', isolatedAt: base + 4 * 86_400 }, asOf: base + 5 * 86_400, companions: false };
        assert.deepEqual(traceCase(columns, profile, request), traceCase(build(rows), profile, request));
        assert.deepEqual(columns.stats(), build(rows).stats());
      }),
      { numRuns: 100 },
    );
  });

  it('builds from the PresenceRows port, drops whole days, and reports bytes per row', async () => {
    const rows: CheckInRow[] = [];
    for (let day = 0; day < 3; day++) for (let i = 0; i < 1000; i++) rows.push({ personId: i, venueId: i % 50, timeIn: base + day * 86_400 + i * 60, timeOut: i % 3 === 0 ? null : base + day * 86_400 + i * 60 + 1800, rowKey: day * 1000 + i });
    const index = await buildPresenceIndex(memoryPresenceRows({ checkIns: rows, households: [{ personId: 1, householdId: 9 }] }), { utcOffsetMinutes: OFFSET, since: base });
    const stats = index.stats();
    assert.equal(stats.checkInRows, 3000);
    assert.ok(stats.bytesPerPresenceRow <= 32, `${stats.bytesPerPresenceRow} bytes/row`);
    assert.equal(index.householdOf(1), 9);
    assert.equal(index.dropDaysBefore('2022-07-02'), 1000);
    assert.deepEqual(index.stats().days, [at('2022-07-02') / 86_400 + OFFSET / 1440, at('2022-07-03') / 86_400 + OFFSET / 1440]);
  });

  it('an open-ended stay begun the evening before reaches into a window that starts at midnight', () => {
    const index = build([
      { personId: 1, venueId: 1, timeIn: at('2022-07-02', '00:00'), timeOut: at('2022-07-02', '01:00'), rowKey: 1 },
      { personId: 2, venueId: 1, timeIn: at('2022-07-01', '23:40'), timeOut: null, rowKey: 2 },
      { personId: 3, venueId: 1, timeIn: at('2022-07-01', '20:00'), timeOut: at('2022-07-01', '21:00'), rowKey: 3 },
    ]);
    const rule = builtinProfile('CN-P9-2022-06-28').closeContact.venue;
    const got = venueExposures(index, 1, { from: at('2022-07-02'), to: at('2022-07-03') }, rule, 'r');
    assert.deepEqual([...got.keys()], [2], 'assumed 60 minutes: with the case from 00:00 to 00:40');
    // From the contact's side: the case's evening row is open-ended too.
    const back = build([
      { personId: 1, venueId: 1, timeIn: at('2022-07-01', '23:40'), timeOut: null, rowKey: 1 },
      { personId: 2, venueId: 1, timeIn: at('2022-07-02', '00:00'), timeOut: at('2022-07-02', '01:00'), rowKey: 2 },
    ]);
    assert.deepEqual([...venueExposures(back, 1, { from: at('2022-07-02'), to: at('2022-07-03') }, rule, 'r').keys()], [2]);
  });

  it('clips stays longer than the bound and still finds overlaps across midnight', () => {
    const index = build([
      { personId: 1, venueId: 1, timeIn: at('2022-07-01', '23:00'), timeOut: at('2022-07-02', '02:00'), rowKey: 1 },
      { personId: 2, venueId: 1, timeIn: at('2022-07-01', '20:00'), timeOut: at('2022-07-04', '20:00'), rowKey: 2 },
    ]);
    const rule = builtinProfile('CN-P9-2022-06-28').closeContact.venue;
    const got = venueExposures(index, 1, { from: at('2022-07-01'), to: at('2022-07-03') }, rule, 'r');
    assert.deepEqual([...got.keys()], [2]);
    assert.equal(index.stats().clippedRows, 1);
  });
});
