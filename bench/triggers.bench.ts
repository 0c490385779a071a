// The closed loop's other triggers on a city (default 100,000 people) on PostgreSQL: a mass-testing
// round over the whole city (85% sampled, 10-in-1 tubes, 1% of tubes positive), 2,000 quarantined
// close contacts with test days and end dates, and 100 open appeals. Measures the first trigger pass
// (retests of pooled members, missed tests and the round's missing residents, appeal reviews, release
// checks — created, routed and written) and the pass that runs every minute afterwards, which must
// add nothing and stay cheap. No target in the issue.
// Usage: EPIGRID_BENCH_DATABASE_URL=postgres://… node --import tsx bench/triggers.bench.ts [people] [contacts]
import { loadavg } from 'node:os';
import { createServices, fireTriggerTasks, loadTestConfig } from '@epigrid/server';
import { createDemoCity } from '@epigrid/sim';
import { createThrowawayDatabase, migrate, openPostgres } from '@epigrid/store';
import { report } from './bench-kit.js';

const people = Number(process.argv[2] ?? 100_000);
const contacts = Number(process.argv[3] ?? 2_000);
const appeals = 100;
const adminUrl = process.env.EPIGRID_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const secret = 'e4'.repeat(32);
const throwaway = await createThrowawayDatabase(adminUrl);
const db = await openPostgres(throwaway.url, 4);
const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
try {
  await migrate(db);
  const city = await createDemoCity(db, { seed: 11, people, secret });
  // The round of 8 Mar (+08), 07:00–18:00, resulted overnight; one tube in a hundred is positive.
  const round = await db.query(
    `INSERT INTO lab_result (sample_id, person_id, tube_id, pool_size, sampled_at, resulted_at, result, lab_code, round_id)
     SELECT 'B-' || s.n, s.id, 'BT-' || (s.n / 10), 10, '2026-03-08T07:00:00+08:00'::timestamptz + make_interval(mins => (s.n % 660)::int),
            '2026-03-09T01:00:00+08:00', CASE WHEN (s.n / 10) % 100 = 0 THEN 'positive' ELSE 'negative' END, 'LAB-BENCH', 'MT-BENCH'
     FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM person WHERE abs(hashtext(id::text)) % 100 < 85) s`,
  );
  const caseId = (
    await db.query<{ id: string }>(
      `INSERT INTO case_report (report_id, person_id, classification, onset_date, sampling_date, report_time)
       SELECT 'BENCH-1', min(id), 'confirmed', '2026-03-07', '2026-03-07', '2026-03-07T20:00:00+08:00' FROM person RETURNING id`,
    )
  ).rows[0]!.id;
  // Contacts under quarantine: tests on 8, 9 and 11 Mar; half end on 11 Mar (a release check now), half on 15 Mar.
  await db.query(
    `WITH picked AS (SELECT id, row_number() OVER (ORDER BY md5(id::text)) AS i FROM person ORDER BY md5(id::text) LIMIT $2)
     INSERT INTO traced_contact (case_report_id, person_id, kind, via_person_id, profile_id, rule_ids, evidence, first_exposure, last_exposure, management, listed_at)
     SELECT $1, p.id, 'close', NULL, 'CN-P9-2022-06-28', ARRAY['CN-P9/close/venue'], '[]', '2026-03-07T10:00:00+08:00', '2026-03-07T12:00:00+08:00',
            jsonb_build_object('endDate', CASE WHEN p.i % 2 = 0 THEN '2026-03-11' ELSE '2026-03-15' END,
                               'tests', jsonb_build_array(jsonb_build_object('date', '2026-03-08'), jsonb_build_object('date', '2026-03-09'), jsonb_build_object('date', '2026-03-11'))),
            '2026-03-07T23:00:00+08:00'
     FROM picked p`,
    [caseId, contacts],
  );
  await db.query(
    `INSERT INTO person_state (person_id, state, since, needs_rejudgment) SELECT person_id, 'under_quarantine', '2026-03-08T08:00:00+08:00', false FROM traced_contact`,
  );
  await db.query(
    `INSERT INTO code_appeal (person_id, filed_by, filed_by_role, reason, colour_at_filing, rule_id_at_filing, filed_at, deadline)
     SELECT p.id, (SELECT min(id) FROM app_user), 'grid_worker', 'bench appeal', 'yellow', 'bench', '2026-03-10T09:00:00+08:00', '2026-03-11T09:00:00+08:00'
     FROM person p ORDER BY md5(p.id::text || 'appeal') LIMIT $1`,
    [appeals],
  );
  await db.exec('ANALYZE');
  const load = loadavg()[0]!;
  const services = createServices(db, loadTestConfig({ EPIGRID_PROTOCOL_PROFILE: 'CN-P9-2022-06-28' }), secret, () => new Date('2026-03-10T12:00:00+08:00'));
  const started = performance.now();
  const first = await fireTriggerTasks(services);
  const firstMs = performance.now() - started;
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const idle: number[] = [];
  let again = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    again += sum((await fireTriggerTasks(services)).created);
    idle.push(performance.now() - t);
  }
  const byTrigger: Record<string, number> = {};
  for (const trigger of ['pooled_positive', 'missed_test', 'appeal', 'quarantine_ending'] as const) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      again += sum((await fireTriggerTasks(services, trigger)).created);
      times.push(performance.now() - t);
    }
    byTrigger[trigger] = median(times);
  }
  const c = first.created;
  const ok = report('triggers', [
    { name: `create ${people.toLocaleString('en')}-person city on PostgreSQL`, value: city.elapsedMs / 1000, unit: 's' },
    { name: 'round samples (85% of residents, 10-in-1 tubes)', value: round.rowCount ?? 0, unit: 'count' },
    { name: 'retest_pool_member created (1% of tubes positive)', value: c.retest_pool_member ?? 0, unit: 'count' },
    { name: `urge_test created (missed round + ${contacts.toLocaleString('en')} plans)`, value: c.urge_test ?? 0, unit: 'count' },
    { name: 'review_appeal created', value: c.review_appeal ?? 0, unit: 'count' },
    { name: 'release_check created', value: c.release_check ?? 0, unit: 'count' },
    { name: 'first trigger pass: found, routed and written', value: firstMs / 1000, unit: 's', note: `load average ${load.toFixed(1)} at the start` },
    { name: 'later pass, every minute (median of 5)', value: median(idle), unit: 'ms', note: `${again} created` },
    ...Object.entries(byTrigger).map(([trigger, ms]) => ({ name: `  of which ${trigger} (median of 3)`, value: ms, unit: 'ms' as const })),
  ]);
  process.exitCode = ok && again === 0 ? 0 : 1;
} finally {
  await db.close();
  await throwaway.drop();
}
