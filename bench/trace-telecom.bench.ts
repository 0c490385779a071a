// The trace index built from the store for a city with telecom presence, as the server builds it at
// start: N telecom rows (default 3,000,000, ~2.9 a person a day over 14 days, as the demo city's
// simulator emits them; 2,000 resolution-8 cells) in the store's own telecom_presence table on a
// migrated throwaway PostgreSQL database, indexed by buildPresenceIndex over (1) the keyset-paged
// reader (pages of 20,000 row objects with Dates and cell strings: what the server used before) and
// (2) storePresenceRows (one binary COPY decoded into columns, cells as 64-bit halves). Both builds
// must hold the same rows and give the same answers.
// Usage: EPIGRID_BENCH_DATABASE_URL=postgres://… node --import tsx bench/trace-telecom.bench.ts [rows]
import { loadavg } from 'node:os';
import { dayNumberOf, localMidnight } from '@epigrid/core';
import { createThrowawayDatabase, ensureDayPartitions, migrate, openPostgres, type SqlClient } from '@epigrid/store';
import { buildPresenceIndex, type PresenceIndex, type PresenceIndexStats, type PresenceRows } from '@epigrid/trace';
import { pagedPresenceRows, storePresenceRows } from '@epigrid/server';
import { report, type Figure } from './bench-kit.js';

const rows = Number(process.argv[2] ?? 3_000_000);
const days = 14;
const people = Math.max(100, Math.round(rows / (2.9 * days)));
const cells = 2_000;
const adminUrl = process.env.EPIGRID_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const OFFSET = 480;
const firstDay = dayNumberOf('2026-03-01');
const since = localMidnight(firstDay, OFFSET);

/**
 * Fills telecom_presence with `rows` synthetic rows in one INSERT … SELECT over generate_series:
 * row g is on day g mod 14, of person g·7919 mod people, in cell g·104729 mod 2000 (names shaped
 * like resolution-8 H3 cells), 10 to 70 minutes long. The day partitions are unlogged and the
 * secondary indexes are dropped for the load; the id index the paged reader pages by is rebuilt.
 */
async function load(db: SqlClient): Promise<number> {
  const started = performance.now();
  const constraints = await db.query<{ name: string }>(`SELECT conname AS name FROM pg_constraint WHERE conrelid = 'telecom_presence'::regclass AND contype = 'u'`);
  for (const c of constraints.rows) await db.exec(`ALTER TABLE telecom_presence DROP CONSTRAINT ${c.name}`);
  const indexes = await db.query<{ name: string }>(`SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = 'telecom_presence'::regclass`);
  for (const i of indexes.rows) await db.exec(`DROP INDEX ${i.name}`);
  const dayNames = Array.from({ length: days }, (_, d) => new Date((firstDay + d) * 86_400_000).toISOString().slice(0, 10));
  await ensureDayPartitions(db, 'telecom_presence', dayNames);
  const partitions = await db.query<{ name: string }>(`SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'telecom_presence'::regclass`);
  for (const p of partitions.rows) await db.exec(`ALTER TABLE ${p.name} SET UNLOGGED`);
  await db.exec(
    `INSERT INTO telecom_presence (id, record_id, day, person_id, phone_hash, cell, start_time, end_time)
     SELECT g, 't' || g, date '${dayNames[0]}' + d, 1 + (g * 7919) % ${people}, 'p' || (g * 7919) % ${people},
            '8831aa' || lpad(to_hex(((g * 104729) % ${cells}) * 311), 5, '0') || 'ffff',
            to_timestamp(${since} + d * 86400 + s), to_timestamp(${since} + d * 86400 + s + 600 + (g % 61) * 60)
     FROM (SELECT g, (g % ${days})::int AS d, (g * 2654435761) % 82800 AS s FROM generate_series(1::bigint, ${rows}) AS g) AS r`,
  );
  await db.exec('CREATE INDEX telecom_presence_id ON telecom_presence (id)');
  await db.exec('VACUUM ANALYZE telecom_presence');
  return (performance.now() - started) / 1000;
}

/** Builds the index from a reader, timed end to end; keeps only its figures and a sample of it. */
async function measure(source: PresenceRows): Promise<{ seconds: number; stats: PresenceIndexStats; sample: string[] }> {
  const started = performance.now();
  const index = await buildPresenceIndex(source, { since, utcOffsetMinutes: OFFSET });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, stats: index.stats(), sample: sample(index) };
}

/** A few people's telecom rows with their cell names: both builds must agree on them. */
function sample(index: PresenceIndex): string[] {
  const out: string[] = [];
  for (let p = 1; p <= people; p += Math.ceil(people / 50)) {
    index.telecomOf(p, since, since + days * 86_400, (person, start, end, rowKey, cell) => out.push(`${person} ${start} ${end} ${rowKey} ${index.cellName(cell)}`));
  }
  return out.sort();
}

const throwaway = await createThrowawayDatabase(adminUrl);
const figures: Figure[] = [];
try {
  const db = await openPostgres(throwaway.url, 2);
  try {
    await migrate(db);
    const loadSeconds = await load(db);
    const paged = await measure(pagedPresenceRows(db, 0, rows));
    const copied = await measure(storePresenceRows(db, 0, rows));
    if (copied.stats.telecomRows !== rows || paged.stats.telecomRows !== rows) throw new Error(`rows indexed: paged ${paged.stats.telecomRows}, COPY ${copied.stats.telecomRows}, loaded ${rows}`);
    if (copied.sample.length === 0 || JSON.stringify(copied.sample) !== JSON.stringify(paged.sample)) throw new Error('the two builds differ');
    figures.push(
      { name: `telecom rows (${people.toLocaleString('en')} people, ${days} d, ${cells} cells)`, value: rows, unit: 'count' },
      { name: 'load into telecom_presence (INSERT … SELECT)', value: loadSeconds, unit: 's', note: 'unlogged day partitions, only the id index' },
      { name: 'index build, keyset-paged reader (before): time', value: paged.seconds, unit: 's' },
      { name: 'index build, keyset-paged reader (before): rate', value: rows / paged.seconds, unit: 'rows/s' },
      { name: 'index build, binary COPY into columns: time', value: copied.seconds, unit: 's' },
      { name: 'index build, binary COPY into columns: rate', value: rows / copied.seconds, unit: 'rows/s', note: `${(paged.seconds / copied.seconds).toFixed(1)}× the paged reader` },
      // The 60 s for the whole city, scaled to this many rows at the measured rate: 40 M rows a 1 M-person city holds over 14 days.
      { name: 'projected build of 40 M telecom rows at this rate', value: 40e6 / (rows / copied.seconds), unit: 's', target: 60 },
      { name: 'bytes per presence row', value: copied.stats.bytesPerPresenceRow, unit: 'count' },
      { name: 'checked: same rows and answers in both builds', value: copied.sample.length, unit: 'count', note: 'telecom rows of 50 people compared' },
      { name: 'machine load average at the end (1 min)', value: loadavg()[0]!, unit: 'count' },
    );
  } finally {
    await db.close();
  }
} finally {
  await throwaway.drop();
}
process.exitCode = report('trace-telecom', figures) ? 0 : 1;
