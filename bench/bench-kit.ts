import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

/** One measured figure with its target, if the issue names one. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: 'ms' | 's' | 'rows/s' | 'ops/s' | 'count' | 'ratio';
  /** Upper bound the figure must stay under, when there is one (a lower bound with `atLeast`). */
  readonly target?: number;
  /** The target is a floor (throughputs), not a ceiling. */
  readonly atLeast?: boolean;
  readonly note?: string;
}

/**
 * Percentile of a sample (nearest-rank).
 * @param values - measurements
 * @param p - 0..100
 */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Writes a benchmark's figures to bench/results/<name>.json and prints them side by side with
 * their targets; returns false when a target is missed.
 * @param name - benchmark name
 * @param figures - what was measured
 */
export function report(name: string, figures: readonly Figure[]): boolean {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const results = figures.map((f) => ({ ...f, met: f.target === undefined ? null : f.atLeast ? f.value >= f.target : f.value <= f.target }));
  writeFileSync(`${dir}${name}.json`, `${JSON.stringify({ benchmark: name, at: new Date().toISOString(), machine, results }, null, 2)}\n`);
  console.log(`\n${name}`);
  for (const r of results) {
    const target = r.target === undefined ? '' : `  (target ${r.atLeast ? '≥' : '≤'} ${r.target} ${r.unit}: ${r.met ? 'met' : 'MISSED'})`;
    console.log(`  ${r.name.padEnd(52)} ${r.value.toFixed(r.unit === 'ms' || r.unit === 'ratio' ? 2 : 1).padStart(10)} ${r.unit}${target}${r.note ? `  — ${r.note}` : ''}`);
  }
  return results.every((r) => r.met !== false);
}
