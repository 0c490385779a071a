// Person search under one county on a large city (default 1,000,000 people) on PostgreSQL:
// the ltree-scoped query EpiGrid uses, side by side with a reference that finds the subtree by
// walking parent links (recursive CTE) with the same name predicate, in one run. Also records the time to create the city.
// Usage: EPIGRID_BENCH_DATABASE_URL=postgres://… node --import tsx bench/person-search.bench.ts [people]
import { createDemoCity } from '@epigrid/sim';
import { createIdentifierVault, createPersonDirectory, createThrowawayDatabase, migrate, openPostgres } from '@epigrid/store';
import { percentile, report } from './bench-kit.js';

const people = Number(process.argv[2] ?? 1_000_000);
const adminUrl = process.env.EPIGRID_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const secret = 'e5'.repeat(32);
const throwaway = await createThrowawayDatabase(adminUrl);
const db = await openPostgres(throwaway.url, 4);
try {
  await migrate(db);
  const created = await createDemoCity(db, { seed: 7, people, secret });
  await db.exec('ANALYZE');
  const county = (await db.query<{ id: number; path: string; n: number }>(
    `SELECT r.id, r.path::text AS path, (SELECT count(*)::int FROM person p WHERE p.region_path <@ r.path) AS n
     FROM region r WHERE r.level = 'county' ORDER BY r.code LIMIT 1`,
  )).rows[0]!;
  const names = (await db.query<{ name: string }>('SELECT name FROM person WHERE region_path <@ $1::ltree LIMIT 200', [county.path])).rows;
  const directory = createPersonDirectory(db, createIdentifierVault(secret));
  const queries = names.map((r, i) => (i % 2 === 0 ? r.name : r.name.slice(0, 1)));

  const timed = async (run: (q: string) => Promise<unknown>): Promise<number[]> => {
    for (const q of queries.slice(0, 10)) await run(q); // warm up
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await run(q);
      times.push(performance.now() - t);
    }
    return times;
  };
  const scoped = await timed((q) => directory.search(county.path, { q, limit: 20, offset: 0 }));
  const reference = await timed((q) =>
    db.query(
      `WITH RECURSIVE sub(id) AS (SELECT $1::bigint UNION ALL SELECT r.id FROM region r JOIN sub ON r.parent_id = sub.id)
       SELECT p.id, p.name FROM person p WHERE p.grid_id IN (SELECT id FROM sub) AND (p.name COLLATE "C") LIKE $2
       ORDER BY (p.name COLLATE "C"), p.id LIMIT 20`,
      [county.id, `${q}%`],
    ),
  );
  const ok = report('person-search', [
    { name: `create ${people.toLocaleString('en')}-person city on PostgreSQL`, value: created.elapsedMs / 1000, unit: 's', target: 600 },
    { name: `search under one county (${county.n.toLocaleString('en')} people), p50`, value: percentile(scoped, 50), unit: 'ms' },
    { name: 'search under one county, p95', value: percentile(scoped, 95), unit: 'ms', target: 200, note: 'ltree scope + count' },
    { name: 'reference: recursive-CTE subtree, p95 (page only, no count)', value: percentile(reference, 95), unit: 'ms' },
  ]);
  process.exitCode = ok ? 0 : 1;
} finally {
  await db.close();
  await throwaway.drop();
}
