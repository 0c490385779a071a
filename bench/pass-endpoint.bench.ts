// The public pass verification endpoint (GET /api/passes/verify) under concurrent load, on a demo city on
// PostgreSQL: passes of random residents are issued through the API, then a load generator in a worker
// process (keep-alive HTTP, N connections) verifies them for a fixed time; requests/s and latency p50/p95
// beside the targets (2,000 requests/s, p95 < 50 ms). Also records the issue endpoint's latency.
// Usage: EPIGRID_BENCH_DATABASE_URL=postgres://… node --import tsx bench/pass-endpoint.bench.ts [people] [seconds] [connections]
import { loadavg } from 'node:os';
import { spawn } from 'node:child_process';
import { buildApp, createServices, loadTestConfig } from '@epigrid/server';
import { createDemoCity } from '@epigrid/sim';
import { createThrowawayDatabase, openPostgres } from '@epigrid/store';
import { migrate } from '@epigrid/store';
import { percentile, report } from './bench-kit.js';

const people = Number(process.argv[2] ?? 1_000_000);
const seconds = Number(process.argv[3] ?? 15);
const connections = Number(process.argv[4] ?? 32);
const adminUrl = process.env.EPIGRID_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const secret = 'e7'.repeat(32);

/** The load generator: runs in its own process, so the server's CPU time is its own. */
const loadGenerator = `
const http = require('node:http');
const { port, paths, seconds, connections, warmupSeconds } = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const get = (path) => new Promise((resolve, reject) => {
  const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', reject);
});
(async () => {
  const start = performance.now();
  const measureFrom = start + warmupSeconds * 1000;
  const end = measureFrom + seconds * 1000;
  const latencies = [];
  let failures = 0;
  let total = 0;
  let next = 0;
  const loop = async () => {
    while (performance.now() < end) {
      const path = paths[next++ % paths.length];
      const t = performance.now();
      const status = await get(path);
      total++;
      if (t >= measureFrom) {
        latencies.push(performance.now() - t);
        if (status !== 200) failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  process.stdout.write(JSON.stringify({ latencies, failures, total, elapsedMs: Math.max(1, performance.now() - measureFrom) }));
  agent.destroy();
})();
`;

const throwaway = await createThrowawayDatabase(adminUrl);
const db = await openPostgres(throwaway.url, 8);
try {
  await migrate(db);
  const created = await createDemoCity(db, { seed: 7, people, secret });
  await db.exec('ANALYZE');
  const services = createServices(db, loadTestConfig({ EPIGRID_SECRET: secret }), secret);
  const app = await buildApp({ services, demo: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'epigrid-demo' } });
    const token = (login.json() as { token: string }).token;
    const persons = (await db.query<{ id: number }>('SELECT id FROM person ORDER BY random() LIMIT 300')).rows.map((r) => r.id);
    const issueTimes: number[] = [];
    const texts: string[] = [];
    for (const id of persons) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/persons/${id}/pass`, headers: { authorization: `Bearer ${token}`, 'x-purpose': 'field_verification' } });
      issueTimes.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`issuing a pass failed: ${res.body}`);
      texts.push((res.json() as { text: string }).text);
    }
    const check = await app.inject({ method: 'GET', url: `/api/passes/verify?text=${encodeURIComponent(texts[0]!)}` });
    if (!(check.json() as { valid: boolean }).valid) throw new Error(`a fresh pass does not verify: ${check.body}`);
    const paths = texts.map((text) => `/api/passes/verify?text=${encodeURIComponent(text)}`);
    const cpuBefore = process.cpuUsage();
    const result = await new Promise<{ latencies: number[]; failures: number; total: number; elapsedMs: number }>((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', loadGenerator], { stdio: ['pipe', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { latencies: number[]; failures: number; total: number; elapsedMs: number }) : reject(new Error(`load generator exited ${code}`))));
      child.stdin.end(JSON.stringify({ port, paths, seconds, connections, warmupSeconds: 2 }));
    });
    // CPU the server process spent (the load generator is another process): the capacity of one free core.
    const cpu = process.cpuUsage(cpuBefore);
    const perCpuSecond = result.total / ((cpu.user + cpu.system) / 1e6);
    const rps = (result.latencies.length / result.elapsedMs) * 1000;
    const load = loadavg()[0]!.toFixed(1);
    const ok = report('pass-endpoint', [
      { name: `demo city on PostgreSQL (${people.toLocaleString('en')} people), created in`, value: created.elapsedMs / 1000, unit: 's' },
      { name: `verify endpoint, requests/s (${connections} connections, ${seconds} s)`, value: rps, unit: 'ops/s', target: 2_000, atLeast: true, note: `${result.latencies.length} requests, ${result.failures} not 200; 1-min load average ${load} during the run` },
      { name: 'verify endpoint, requests per server CPU-second', value: perCpuSecond, unit: 'ops/s', target: 2_000, atLeast: true, note: 'server process CPU time: what one free core holds' },
      { name: 'verify endpoint latency p50', value: percentile(result.latencies, 50), unit: 'ms' },
      { name: 'verify endpoint latency p95', value: percentile(result.latencies, 95), unit: 'ms', target: 50 },
      { name: 'issue endpoint (GET /api/persons/:id/pass) p95, sequential', value: percentile(issueTimes, 95), unit: 'ms', note: 'reads the colour, signs, audits' },
    ]);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await app.close();
  }
} finally {
  await db.close();
  await throwaway.drop();
}
