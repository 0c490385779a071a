// Trace engine on a synthetic city (default 1,000,000 people, 50,000 venues, 14 days, ~40 M
// check-ins), side by side in one run: EpiGrid's columnar index (one-hop and two-hop p50, 1,000 new
// cases traced two-hop, build time, bytes per row), (b) a minimal typed-array scan of the same rows
// as the speed-of-memory reference, and (a) a plain SQL trace on PostgreSQL (btree on (venue,
// time_in) with a max-duration bound, the intermediate step materialised). The same rows are also
// loaded into the store's own check_in table on PostgreSQL and the index is built from there as the
// server builds it at start (buildPresenceIndex over storePresenceRows: binary COPY), end to end.
// Usage: EPIGRID_BENCH_DATABASE_URL=postgres://… node --import tsx bench/trace.bench.ts [people] [sqlRows]
import { loadavg } from 'node:os';
import pg from 'pg';
import { builtinProfile, localMidnight, dayNumberOf } from '@epigrid/core';
import { createThrowawayDatabase } from '@epigrid/store';
import { PresenceIndex, traceCase, type CheckInRow, type TraceRequest } from '@epigrid/trace';
import { percentile, report, type Figure } from './bench-kit.js';
import { buildReference, referenceTrace } from './trace-reference.js';
import { buildFromStore, loadStore, type BenchStore } from './trace-store.js';

const people = Number(process.argv[2] ?? 1_000_000);
const venues = Math.max(10, Math.round(people / 20));
const days = 14;
const sqlRowsWanted = process.argv[3] === undefined ? Number.POSITIVE_INFINITY : Number(process.argv[3]);
const adminUrl = process.env.EPIGRID_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const OFFSET = 480;
const firstDay = dayNumberOf('2026-03-01');
const dayStart = (d: number): number => localMidnight(firstDay + d, OFFSET);
const profile = builtinProfile('CN-P9-2022-06-28');
const OPEN = profile.closeContact.venue.openEndedStayMinutes * 60;

// Deterministic generator (mulberry32).
let seed = 20260301;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

console.log(`generating ${people.toLocaleString('en')} people, ${venues.toLocaleString('en')} venues, ${days} days…`);
let t0 = performance.now();
const capacity = Math.ceil(people * days * 3.2);
const person = new Uint32Array(capacity);
const venue = new Uint32Array(capacity);
const timeIn = new Uint32Array(capacity);
const timeOut = new Uint32Array(capacity); // 0 = no check-out
let n = 0;
const habitual = new Uint32Array(people * 3);
for (let p = 0; p < people; p++) {
  const hood = Math.floor(rand() * venues);
  for (let k = 0; k < 3; k++) habitual[p * 3 + k] = (hood + Math.floor(rand() * 40)) % venues;
}
for (let d = 0; d < days; d++) {
  const base = dayStart(d);
  for (let p = 0; p < people; p++) {
    const visits = rand() < 0.14 ? 2 : rand() < 0.86 ? 3 : 2; // ≈ 2.86 a day
    for (let v = 0; v < visits; v++) {
      const start = base + 8 * 3600 + Math.floor(rand() * 14 * 3600);
      person[n] = p;
      venue[n] = rand() < 0.7 ? habitual[p * 3 + v]! : Math.floor(rand() * venues);
      timeIn[n] = start;
      timeOut[n] = rand() < 0.1 ? 0 : start + 600 + Math.floor(rand() * 110 * 60);
      n++;
    }
  }
}
const genSeconds = (performance.now() - t0) / 1000;
console.log(`${n.toLocaleString('en')} check-ins in ${genSeconds.toFixed(1)} s`);

// EpiGrid index, fed through the same row shape the store streams (batches of row objects).
t0 = performance.now();
const index = new PresenceIndex({ utcOffsetMinutes: OFFSET });
const households: { personId: number; householdId: number }[] = [];
for (let p = 0; p < people; p++) households.push({ personId: p, householdId: Math.floor(p / 2.5) });
index.setHouseholds(households);
const batch: CheckInRow[] = [];
for (let i = 0; i < n; i++) {
  batch.push({ personId: person[i]!, venueId: venue[i]!, timeIn: timeIn[i]!, timeOut: timeOut[i] === 0 ? null : timeOut[i]!, rowKey: i + 1 });
  if (batch.length === 65_536 || i === n - 1) {
    index.appendCheckIns(batch);
    batch.length = 0;
  }
}
index.compact();
const buildSeconds = (performance.now() - t0) / 1000;
const stats = index.stats();
console.log(`index built in ${buildSeconds.toFixed(1)} s, ${stats.bytesPerPresenceRow.toFixed(1)} bytes/row`);

t0 = performance.now();
const reference = buildReference(person.subarray(0, n), venue.subarray(0, n), timeIn.subarray(0, n), timeOut.subarray(0, n), people, OPEN);
const refBuildSeconds = (performance.now() - t0) / 1000;

// 1,000 new cases: onset on day 12, isolated at noon on day 13; traced as of the end of day 13.
const caseCount = 1000;
const cases: TraceRequest[] = [];
for (let i = 0; i < caseCount; i++) {
  const p = Math.floor(rand() * people);
  cases.push({ case: { caseId: i + 1, personId: p, onsetDate: '2026-03-13', samplingDate: '2026-03-13', isolatedAt: dayStart(12) + 12 * 3600 }, asOf: dayStart(13), companions: false });
}
// The four runs are interleaved case by case, so a machine shared with other work slows EpiGrid and
// the reference alike and the ratios stay fair.
const runs: ((r: TraceRequest) => unknown)[] = [
  (r) => (contacts1 += traceCase(index, profile, { ...r, subClose: false }).closeContacts.length),
  (r) => referenceTrace(reference, r, profile, false),
  (r) => (contacts2 += traceCase(index, profile, r).subCloseContacts.length),
  (r) => referenceTrace(reference, r, profile, true),
];
let contacts1 = 0;
let contacts2 = 0;
for (const r of cases.slice(0, 20)) for (const run of runs) run(r); // warm up
const [oneHop, refOne, twoHop, refTwo] = runs.map((): number[] => []) as [number[], number[], number[], number[]];
const samples = [oneHop, refOne, twoHop, refTwo];
for (const r of cases) {
  runs.forEach((run, k) => {
    const t = performance.now();
    run(r);
    samples[k]!.push(performance.now() - t);
  });
}
const twoHopTotal = twoHop.reduce((a, b) => a + b, 0) / 1000;
console.log(`avg close contacts ${(contacts1 / (caseCount + 20)).toFixed(1)}, sub-close ${(contacts2 / (caseCount + 20)).toFixed(1)}`);

// The store: the same rows in the store's check_in table, and the index built from there.
const sqlRows = Math.min(n, sqlRowsWanted);
const throwaway = await createThrowawayDatabase(adminUrl);
const storeFigures: Figure[] = [];
const sqlFigures: Figure[] = [];
let sqlOne: number[] = [];
let sqlTwo: number[] = [];
let store: BenchStore | null = null;
try {
  console.log('loading the check-ins into the store (PostgreSQL)…');
  store = await loadStore(throwaway.url, { person, venue, timeIn, timeOut, count: n }, OFFSET);
  console.log(`loaded in ${store.loadSeconds.toFixed(1)} s; building the index from the store…`);
  const built = await buildFromStore(store, dayStart(0), OFFSET);
  const storeStats = built.index.stats();
  // Same rows, same answers: the store has no households (nor the in-memory index's registry), so
  // compare with the household rules off.
  const noHouseholds = { ...profile, closeContact: { ...profile.closeContact, household: false }, subCloseContact: { ...profile.subCloseContact, household: false } };
  const same = cases.slice(0, 50).every((r) => JSON.stringify(traceCase(built.index, noHouseholds, r)) === JSON.stringify(traceCase(index, noHouseholds, r)));
  console.log(`built in ${built.seconds.toFixed(1)} s (${storeStats.checkInRows.toLocaleString('en')} rows, ${same ? 'same traces' : 'TRACES DIFFER'})`);
  storeFigures.push(
    { name: `store: load ${n.toLocaleString('en')} rows into check_in (COPY)`, value: store.loadSeconds, unit: 's', note: 'unlogged day partitions, secondary indexes dropped' },
    {
      name: 'EpiGrid index build from PostgreSQL (binary COPY)',
      value: built.seconds,
      unit: 's',
      target: 60,
      note: `${storeStats.checkInRows === n && same ? 'same rows and traces as the in-memory build' : 'ROWS OR TRACES DIFFER FROM THE IN-MEMORY BUILD'}, ${(n / built.seconds / 1e6).toFixed(2)} M rows/s`,
    },
  );
  if (storeStats.checkInRows !== n || !same) process.exitCode = 1;
} catch (error) {
  await store?.db.close();
  store = null;
  await throwaway.drop();
  throw error;
} finally {
  await store?.db.close();
}

// (a) PostgreSQL.
const client = new pg.Client({ connectionString: throwaway.url });
await client.connect();
try {
  t0 = performance.now();
  // Same rows (from the store's staging copy); when sqlRows < n, the rows of the last days (which the cases need) are kept.
  await client.query(`CREATE UNLOGGED TABLE checkin AS SELECT person, venue, time_in, time_out, id AS row_key FROM bench_rows WHERE id > ${n - sqlRows}`);
  await client.query('CREATE UNLOGGED TABLE bench_household (person int PRIMARY KEY, household int NOT NULL)');
  for (let p = 0; p < people; p += 200_000) {
    const q = Math.min(people, p + 200_000);
    await client.query('INSERT INTO bench_household SELECT * FROM unnest($1::int[], $2::int[])', [Array.from({ length: q - p }, (_, k) => p + k), Array.from({ length: q - p }, (_, k) => Math.floor((p + k) / 2.5))]);
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await client.query('CREATE INDEX ON checkin (venue, time_in)');
  await client.query('CREATE INDEX ON checkin (person, time_in)');
  await client.query('CREATE INDEX ON bench_household (household)');
  await client.query('ANALYZE');
  const indexSeconds = (performance.now() - t0) / 1000;
  const maxDur = Math.max(OPEN, (await client.query<{ m: number }>('SELECT max(time_out - time_in)::int AS m FROM checkin')).rows[0]!.m);
  const close = profile.closeContact.venue.threshold.minutes * 60;
  const subClose = profile.subCloseContact.venue.threshold.minutes * 60;
  const oneHopSql = `
    WITH c AS MATERIALIZED (
      SELECT venue, greatest(time_in, $2) AS a, least(coalesce(time_out, time_in + $4), $3) AS b
      FROM checkin WHERE person = $1 AND time_in BETWEEN $2::int - $5::int AND $3)
    SELECT o.person, min(greatest(c.a, o.time_in)) AS first
    FROM c CROSS JOIN LATERAL (
      SELECT person, time_in, time_out FROM checkin o WHERE o.venue = c.venue AND o.time_in BETWEEN c.a - $5::int AND c.b) o
    WHERE o.person <> $1 AND least(c.b, coalesce(o.time_out, o.time_in + $4)) - greatest(c.a, o.time_in) >= $6
    GROUP BY o.person
    UNION
    SELECT h2.person, $2 FROM bench_household h1 JOIN bench_household h2 USING (household) WHERE h1.person = $1 AND h2.person <> $1`;
  const twoHopSql = `
    WITH k AS MATERIALIZED (SELECT * FROM unnest($1::int[], $2::int[]) AS k(person, a0)),
    c AS MATERIALIZED (
      SELECT c.person AS via, c.venue, greatest(c.time_in, k.a0) AS a, least(coalesce(c.time_out, c.time_in + $4), $3) AS b
      FROM k CROSS JOIN LATERAL (
        SELECT * FROM checkin c WHERE c.person = k.person AND c.time_in BETWEEN k.a0 - $5::int AND $3) c)
    SELECT DISTINCT o.person, c.via
    FROM c CROSS JOIN LATERAL (
      SELECT person, time_in, time_out FROM checkin o WHERE o.venue = c.venue AND o.time_in BETWEEN c.a - $5::int AND c.b) o
    WHERE o.person <> c.via AND least(c.b, coalesce(o.time_out, o.time_in + $4)) - greatest(c.a, o.time_in) >= $6
    UNION
    SELECT h2.person, h1.person FROM k JOIN bench_household h1 ON h1.person = k.person JOIN bench_household h2 USING (household) WHERE h2.person <> k.person`;
  const plan = await client.query(`EXPLAIN ${oneHopSql}`, [cases[0]!.case.personId, dayStart(10), dayStart(12) + 43200, OPEN, maxDur, close]);
  const usesVenueIndex = plan.rows.some((r: Record<string, string>) => /checkin_venue_time_in_idx/.test(Object.values(r).join(' ')));
  const sqlCases = cases.slice(0, 100);
  const sqlTrace = async (r: TraceRequest, twoHops: boolean): Promise<void> => {
    const from = dayStart(10);
    const to = r.case.isolatedAt!;
    const first = await client.query<{ person: number; first: number }>(oneHopSql, [r.case.personId, from, to, OPEN, maxDur, close]);
    if (!twoHops || first.rows.length === 0) return;
    await client.query(twoHopSql, [first.rows.map((x) => x.person), first.rows.map((x) => x.first), r.asOf, OPEN, maxDur, subClose]);
  };
  const timeSql = async (twoHops: boolean): Promise<number[]> => {
    for (const r of sqlCases.slice(0, 5)) await sqlTrace(r, twoHops);
    const out: number[] = [];
    for (const r of sqlCases) {
      const t = performance.now();
      await sqlTrace(r, twoHops);
      out.push(performance.now() - t);
    }
    return out;
  };
  sqlOne = await timeSql(false);
  sqlTwo = await timeSql(true);
  sqlFigures.push(
    { name: `(a) PostgreSQL: load ${sqlRows.toLocaleString('en')} rows (from staging)`, value: loadSeconds, unit: 's' },
    { name: '(a) PostgreSQL: build btree indexes', value: indexSeconds, unit: 's' },
    { name: '(a) PostgreSQL: one-hop p50', value: percentile(sqlOne, 50), unit: 'ms', note: usesVenueIndex ? 'plan uses (venue, time_in)' : 'PLAN DOES NOT USE THE VENUE INDEX' },
    { name: '(a) PostgreSQL: two-hop p50', value: percentile(sqlTwo, 50), unit: 'ms', note: `${sqlCases.length} cases` },
  );
} finally {
  await client.end();
  await throwaway.drop();
}

const ok = report('trace', [
  // Timings on a machine shared with other work are slower across the board; the ratios are interleaved.
  { name: 'machine load average at the end (1 min)', value: loadavg()[0]!, unit: 'count' },
  { name: `synthetic city: check-ins (${people.toLocaleString('en')} people, ${days} d)`, value: n, unit: 'count' },
  { name: 'generate rows', value: genSeconds, unit: 's' },
  { name: 'EpiGrid index build (from row batches, incl. sort)', value: buildSeconds, unit: 's' },
  ...storeFigures,
  { name: 'EpiGrid bytes per presence row', value: stats.bytesPerPresenceRow, unit: 'count', target: 32 },
  { name: 'EpiGrid one-hop p50', value: percentile(oneHop, 50), unit: 'ms', target: 1 },
  { name: 'EpiGrid one-hop p95', value: percentile(oneHop, 95), unit: 'ms' },
  { name: 'EpiGrid two-hop p50', value: percentile(twoHop, 50), unit: 'ms', target: 30 },
  { name: 'EpiGrid two-hop p95', value: percentile(twoHop, 95), unit: 'ms' },
  { name: `EpiGrid ${caseCount.toLocaleString('en')} new cases traced two-hop`, value: twoHopTotal, unit: 's', target: 10 },
  { name: '(b) typed-array reference build', value: refBuildSeconds, unit: 's' },
  { name: '(b) typed-array reference one-hop p50', value: percentile(refOne, 50), unit: 'ms' },
  { name: '(b) typed-array reference two-hop p50', value: percentile(refTwo, 50), unit: 'ms' },
  { name: 'EpiGrid / reference, one-hop p50 (×)', value: percentile(oneHop, 50) / percentile(refOne, 50), unit: 'count', target: 5 },
  { name: 'EpiGrid / reference, two-hop p50 (×)', value: percentile(twoHop, 50) / percentile(refTwo, 50), unit: 'count', target: 5 },
  ...sqlFigures,
  { name: 'EpiGrid / PostgreSQL, one-hop p50 (×)', value: percentile(oneHop, 50) / percentile(sqlOne, 50), unit: 'count', target: 0.1 },
  { name: 'EpiGrid / PostgreSQL, two-hop p50 (×)', value: percentile(twoHop, 50) / percentile(sqlTwo, 50), unit: 'count', target: 0.1 },
]);
process.exitCode = ok && process.exitCode !== 1 ? 0 : 1;
