// The city in motion at full size: 14 simulated days of the 1,000,000-person city, including
// writing every day's files (check-ins, telecom, transport, cases, lab results, ground truth).
// Usage: node --import tsx bench/sim.bench.ts [people] [days]   (the output is deleted afterwards)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoDriver, generateCity } from '@epigrid/sim';
import type { DaySummary } from '@epigrid/sim';
import { report } from './bench-kit.js';
import type { Figure } from './bench-kit.js';

const people = Number(process.argv[2] ?? 1_000_000);
const days = Number(process.argv[3] ?? 14);
const outDir = mkdtempSync(join(tmpdir(), 'epigrid-sim-bench-'));
const MiB = 2 ** 20;
let peak = process.memoryUsage().rss;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
try {
  const started = performance.now();
  const city = generateCity({ seed: 1, people });
  const generated = performance.now();
  const summaries: DaySummary[] = [];
  const driver = new DemoDriver({
    city,
    config: { seed: 1, seeds: 20 },
    outDir,
    days,
    ingestDay: async () => {},
    onDay: (s) => {
      summaries.push(s);
      console.log(`${s.date}  ${s.simulateMs} ms  infections +${s.newInfections}  ${JSON.stringify(s.rows)}`);
    },
  });
  const setUp = performance.now();
  const state = await driver.run();
  const finished = performance.now();
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const perDay = (source: string): number => summaries.reduce((sum, s) => sum + (s.rows as Record<string, number>)[source]!, 0) / summaries.length;
  const sources = ['check-ins', 'telecom', 'transport', 'cases', 'lab-results', 'truth'];
  const totalRows = summaries.reduce((sum, s) => sum + Object.values(s.rows).reduce((a, b) => a + b, 0), 0);
  const figures: Figure[] = [
    { name: `${days} days of ${people.toLocaleString('en')} people incl. files (city generation included)`, value: (finished - started) / 1000, unit: 's', target: 300 },
    { name: 'of which: generating the city', value: (generated - started) / 1000, unit: 's' },
    { name: 'of which: indexing the city (cells, pools, groups)', value: (setUp - generated) / 1000, unit: 's' },
    { name: 'of which: simulating and writing the days', value: (finished - setUp) / 1000, unit: 's' },
    { name: 'peak resident memory (MiB)', value: peak / MiB, unit: 'count', target: 6 * 1024 },
    { name: 'rows written per second', value: totalRows / ((finished - setUp) / 1000), unit: 'rows/s' },
    ...sources.map((source): Figure => ({ name: `rows per day: ${source}`, value: perDay(source), unit: 'count' })),
    { name: 'infections by the last day', value: state.totals.infections, unit: 'count' },
    { name: 'reported cases by the last day', value: state.totals.reportedCases, unit: 'count' },
  ];
  process.exitCode = report('sim', figures) ? 0 : 1;
} finally {
  clearInterval(sample);
  rmSync(outDir, { recursive: true, force: true });
}
