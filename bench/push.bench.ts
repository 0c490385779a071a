// Task push over server-sent events: N grid workers (default 2,000), each with an open EventSource-style
// stream on loopback, each in their own grid. One close contact per grid is traced, then the loop runs:
// generate → route → push. Delivery latency = event received by the client − start of that step;
// a second figure re-pushes the same tasks (broker + HTTP only). Target: p95 < 1 s.
// Usage: EPIGRID_BENCH_DATABASE_URL=postgres://… node --import tsx bench/push.bench.ts [clients]
import { request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp, createServices, generateTasks, loadTestConfig, pushTasks } from '@epigrid/server';
import { createThrowawayDatabase, insertRegion, issueSession, migrate, openPostgres } from '@epigrid/store';

import { percentile, report } from './bench-kit.js';

const clients = Number(process.argv[2] ?? 2_000);
const adminUrl = process.env.EPIGRID_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const throwaway = await createThrowawayDatabase(adminUrl);
const db = await openPostgres(throwaway.url, 8);
const services = createServices(db, loadTestConfig(), 'f1'.repeat(32));
const app = await buildApp({ services, demo: null });
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
const streams: Array<{ close: () => void }> = [];
try {
  await migrate(db);
  const root = await insertRegion(db, { code: 'PB', parentId: null, level: 'city', nameZh: '推送', nameEn: 'Push bench' });
  const communities: number[] = [];
  for (let c = 0; c < Math.ceil(clients / 100); c++) {
    communities.push((await insertRegion(db, { code: `PB-${c}`, parentId: root.id, level: 'community', nameZh: `社区${c}`, nameEn: `Community ${c}` })).id);
  }
  const grids: number[] = [];
  for (let g = 0; g < clients; g++) {
    grids.push((await insertRegion(db, { code: `PB-${Math.floor(g / 100)}-${g}`, parentId: communities[Math.floor(g / 100)]!, level: 'grid', nameZh: `网格${g}`, nameEn: `Grid ${g}` })).id);
  }
  // One resident and one grid worker per grid, written directly (identifiers are placeholders here).
  await db.query(
    `INSERT INTO person (name, sex, birth_date, id_number_hash, id_number_cipher, id_number_tail, phone_tail, grid_id, region_path)
     SELECT '居民' || g.i, 'female', '1980-01-01', 'bench-' || g.i, 'x', '0000', lpad((g.i % 10000)::text, 4, '0'), r.id, r.path
     FROM unnest($1::bigint[]) WITH ORDINALITY AS g(id, i) JOIN region r ON r.id = g.id`,
    [grids],
  );
  const users = await db.query<{ id: string }>(
    `INSERT INTO app_user (username, display_name, password_hash, role, region_id, region_path)
     SELECT 'pb-worker-' || g.i, '网格员' || g.i, 'not-used', 'grid_worker', r.id, r.path
     FROM unnest($1::bigint[]) WITH ORDINALITY AS g(id, i) JOIN region r ON r.id = g.id RETURNING id`,
    [grids],
  );
  const tokens: string[] = [];
  for (const u of users.rows) tokens.push((await issueSession(db, Number(u.id), 120)).token);
  const cases = await db.query<{ id: string }>(
    `INSERT INTO case_report (report_id, person_id, classification, onset_date, sampling_date, report_time)
     SELECT 'PB-CASE', id, 'confirmed', '2026-03-09', '2026-03-09', now() FROM person ORDER BY id LIMIT 1 RETURNING id`,
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;

  let stepStart = 0;
  const latencies: number[][] = [[], []];
  let round = 0;
  await Promise.all(
    tokens.map(
      (token) =>
        new Promise<void>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port, path: `/api/tasks/stream?token=${token}`, agent }, (res) => {
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              if (chunk.includes('event: task')) latencies[round]!.push(performance.now() - stepStart);
            });
            resolve();
          });
          req.on('error', reject);
          req.end();
          streams.push({ close: () => req.destroy() });
        }),
    ),
  );
  while (services.push.size < clients) await new Promise((r) => setTimeout(r, 50));
  await db.query(
    `INSERT INTO traced_contact (case_report_id, person_id, kind, via_person_id, profile_id, rule_ids, evidence, first_exposure, last_exposure, management, listed_at)
     SELECT $1, id, 'close', NULL, 'bench', ARRAY['bench'], '[]', now(), now(), NULL, now() FROM person`,
    [cases.rows[0]!.id],
  );
  const waitAll = async (n: number): Promise<void> => {
    const until = Date.now() + 30_000;
    while (latencies[n]!.length < clients && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  };
  stepStart = performance.now();
  const generated = await generateTasks(services);
  await waitAll(0);
  round = 1;
  const ids = (await db.query<{ id: string }>('SELECT id FROM task')).rows.map((r) => Number(r.id));
  stepStart = performance.now();
  await pushTasks(services, ids);
  await waitAll(1);
  const ok = report('push', [
    { name: `clients connected`, value: services.push.size, unit: 'count' },
    { name: `tasks generated, routed and pushed`, value: generated.routed, unit: 'count' },
    { name: `events received (generate → route → push)`, value: latencies[0]!.length, unit: 'count' },
    { name: `delivery p50, generate → route → push → client`, value: percentile(latencies[0]!, 50), unit: 'ms' },
    { name: `delivery p95, generate → route → push → client`, value: percentile(latencies[0]!, 95), unit: 'ms', target: 1000 },
    { name: `delivery p95, re-push of ${ids.length} tasks (broker + HTTP)`, value: percentile(latencies[1]!, 95), unit: 'ms', target: 1000 },
  ]);
  process.exitCode = ok && latencies[0]!.length === clients ? 0 : 1;
} finally {
  for (const s of streams) s.close();
  await app.close();
  await db.close();
  await throwaway.drop();
}
