// `epigrid start` from an empty data directory to a serving API, with the demo city of the default
// size (100,000 people) created on the embedded PGlite database — what `npm start` does on a fresh
// machine (after the web build). Usage: node --import tsx bench/start.bench.ts [people]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './bench-kit.js';

const people = Number(process.argv[2] ?? 100_000);
const bin = fileURLToPath(new URL('../packages/cli/bin/epigrid.js', import.meta.url));
const port = await new Promise<number>((resolve) => {
  const server = createServer().listen(0, () => {
    const address = server.address();
    server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
  });
});
const dataDir = mkdtempSync(join(tmpdir(), 'epigrid-start-'));
const started = performance.now();
const child = spawn(process.execPath, [bin, 'start'], {
  env: { ...process.env, PORT: String(port), EPIGRID_DATA_DIR: dataDir, EPIGRID_DEMO_PEOPLE: String(people), EPIGRID_LOG_LEVEL: 'warn', DATABASE_URL: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
try {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const serving = (performance.now() - started) / 1000;
  const cityLine = /demo city created in ([\d.]+) s/.exec(output);
  const ok = report('start', [
    { name: `start from empty data dir to serving (${people.toLocaleString('en')} people, PGlite)`, value: serving, unit: 's', target: 120 },
    { name: 'of which: demo city creation', value: Number(cityLine?.[1] ?? Number.NaN), unit: 's', target: 90 },
  ]);
  process.exitCode = ok ? 0 : 1;
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
