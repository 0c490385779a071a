// Task generation and routing on a large city (default 1,000,000 people) on PostgreSQL: 500 cases
// with 20 traced close contacts each (10,000 people spread over the city) become 10,000 tasks in
// one INSERT … SELECT, then are routed in bulk to their grids' workers (load-aware round robin).
// Target: 10,000 tasks generated and routed in under 2 s. A second pass checks idempotence.
// Usage: EPIGRID_BENCH_DATABASE_URL=postgres://… node --import tsx bench/tasks.bench.ts [people] [tasks]
import { generateTasks, createServices, loadTestConfig } from '@epigrid/server';
import { createDemoCity } from '@epigrid/sim';
import { createThrowawayDatabase, migrate, openPostgres } from '@epigrid/store';
import { report } from './bench-kit.js';

const people = Number(process.argv[2] ?? 1_000_000);
const tasks = Number(process.argv[3] ?? 10_000);
const contactsPerCase = 20;
const adminUrl = process.env.EPIGRID_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const secret = 'd3'.repeat(32);
const throwaway = await createThrowawayDatabase(adminUrl);
const db = await openPostgres(throwaway.url, 4);
try {
  await migrate(db);
  const created = await createDemoCity(db, { seed: 7, people, secret });
  const cases = tasks / contactsPerCase;
  // Cases and contacts drawn across the whole city (a fixed pseudo-random order, reproducible).
  const picked = (
    await db.query<{ id: string }>(`SELECT id FROM person ORDER BY md5(id::text) LIMIT $1`, [cases + tasks])
  ).rows.map((r) => Number(r.id));
  const caseIds = (
    await db.query<{ id: string }>(
      `INSERT INTO case_report (report_id, person_id, classification, onset_date, sampling_date, report_time)
       SELECT 'BENCH-' || c.i, c.person_id, 'confirmed', '2026-03-09', '2026-03-09', '2026-03-09T20:00:00+08:00'
       FROM unnest($1::bigint[]) WITH ORDINALITY AS c(person_id, i) RETURNING id`,
      [picked.slice(0, cases)],
    )
  ).rows.map((r) => Number(r.id));
  const contacts = picked.slice(cases);
  await db.query(
    `INSERT INTO traced_contact (case_report_id, person_id, kind, via_person_id, profile_id, rule_ids, evidence, first_exposure, last_exposure, management, listed_at)
     SELECT ($1::bigint[])[((c.i - 1) / $3) + 1], c.person_id, 'close', NULL, 'CN-P9-2022-06-28', ARRAY['CN-P9/close/venue'], '[]',
            '2026-03-08T10:00:00+08:00', '2026-03-08T12:00:00+08:00', NULL, '2026-03-09T23:00:00+08:00'
     FROM unnest($2::bigint[]) WITH ORDINALITY AS c(person_id, i)`,
    [caseIds, contacts, contactsPerCase],
  );
  await db.exec('ANALYZE');
  const services = createServices(db, loadTestConfig({ EPIGRID_PROTOCOL_PROFILE: 'CN-P9-2022-06-28' }), secret, () => new Date('2026-03-10T00:00:00+08:00'));
  const started = performance.now();
  const first = await generateTasks(services);
  const elapsed = performance.now() - started;
  const againStarted = performance.now();
  const again = await generateTasks(services);
  const againMs = performance.now() - againStarted;
  const spread = (
    await db.query<{ assigned: number; levels: number; workers: number; maxLoad: number }>(
      `SELECT count(*) FILTER (WHERE assignee_user_id IS NOT NULL)::int AS assigned, count(DISTINCT assigned_level)::int AS levels,
              count(DISTINCT assignee_user_id)::int AS workers,
              (SELECT max(n)::int FROM (SELECT count(*) AS n FROM task GROUP BY assignee_user_id) x) AS "maxLoad"
       FROM task`,
    )
  ).rows[0]!;
  const ok = report('tasks', [
    { name: `create ${people.toLocaleString('en')}-person city on PostgreSQL`, value: created.elapsedMs / 1000, unit: 's' },
    { name: `tasks created`, value: first.created, unit: 'count' },
    { name: `tasks routed (${spread.assigned} to a worker, ${spread.workers} workers, max ${spread.maxLoad} each)`, value: first.routed, unit: 'count' },
    { name: `${tasks.toLocaleString('en')} tasks generated and routed`, value: elapsed / 1000, unit: 's', target: 2 },
    { name: 'second pass (idempotent: nothing new)', value: againMs / 1000, unit: 's', note: `${again.created} created` },
  ]);
  process.exitCode = ok && first.created === tasks && again.created === 0 ? 0 : 1;
} finally {
  await db.close();
  await throwaway.drop();
}
