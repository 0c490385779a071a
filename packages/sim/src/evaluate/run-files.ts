/**
 * Reads a run's output directory for evaluation: the ground truth, the case reports the platform
 * was given, and the simulator's own intervention log.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvRecords } from '../output/csv-reader.js';
import type { LoggedRestriction } from '../outbreak/restriction-book.js';
import { isAreaLockdown } from '../outbreak/restrictions.js';
import type { PersonRestriction } from '../outbreak/restrictions.js';
import type { FoundCase, TruthInfection } from './evaluate.js';

const DAY_DIR = /^\d{4}-\d{2}-\d{2}$/;

/**
 * @param outDir - a run's output directory
 * @returns every ground-truth infection, in file (date) order
 */
export function readTruth(outDir: string): TruthInfection[] {
  const dir = join(outDir, 'truth');
  if (!existsSync(dir)) throw new Error(`no ground truth in ${outDir} (expected ${dir})`);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.infections.csv'))
    .sort()
    .flatMap((name) =>
      readCsvRecords(join(dir, name)).map((r) => ({
        infectee: r.infectee_resident_id!,
        infector: r.infector_resident_id === '' ? null : r.infector_resident_id!,
        setting: r.setting!,
        place: r.place!,
        infectedAt: r.infected_at!,
        onsetDate: r.onset_date === '' ? null : r.onset_date!,
        recorded: r.recorded === 'true',
        // Runs written before the column existed: recorded, by an unknown source.
        recordedBy: r.recorded_by === undefined ? (r.recorded === 'true' ? 'unknown' : null) : r.recorded_by === '' ? null : r.recorded_by,
      })),
    );
}

/**
 * @param outDir - a run's output directory
 * @returns the cases reported in the emitted case files (first report per person; corrections keep it)
 */
export function readReportedCases(outDir: string): FoundCase[] {
  const first = new Map<string, FoundCase>();
  for (const day of readdirSync(outDir).filter((name) => DAY_DIR.test(name)).sort()) {
    const path = join(outDir, day, `${day}.cases.csv`);
    if (!existsSync(path)) continue;
    for (const r of readCsvRecords(path)) {
      const id = r.resident_id!;
      const known = first.get(id);
      const onsetDate = r.onset_date === '' ? null : r.onset_date!;
      if (known === undefined) first.set(id, { residentId: id, reportedAt: r.report_time!, samplingDate: r.sampling_date!, onsetDate });
      else if (known.onsetDate === null && onsetDate !== null) first.set(id, { ...known, onsetDate });
    }
  }
  return [...first.values()];
}

/**
 * @param outDir - a run's output directory
 * @returns the person restrictions the simulator enforced (its own and the platform's)
 */
export function readInterventionLog(outDir: string): PersonRestriction[] {
  const dir = join(outDir, 'log');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.restrictions.ndjson'))
    .sort()
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as LoggedRestriction),
    )
    .filter((r): r is PersonRestriction & { source: LoggedRestriction['source'] } => !isAreaLockdown(r));
}
