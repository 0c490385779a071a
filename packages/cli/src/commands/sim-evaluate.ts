import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluate, readInterventionLog, readReportedCases, readTruth } from '@epigrid/sim';
import type { Evaluation, EvaluationFigures, PlatformFindings } from '@epigrid/sim';
import { formatLoopFigures, readLoopFigures, type LoopFigures } from '../demo/loop-figures.js';
import { readPlatformFindings } from '../demo/platform-findings.js';
import { openConfigured } from '../open-configured.js';

/** Options of `epigrid sim evaluate`. */
export interface SimEvaluateOptions {
  readonly out: string;
  readonly json?: string;
  /** Ignore the database: judge only the case reports and the simulator's intervention log. */
  readonly filesOnly?: boolean;
}

/** Where the findings came from, printed with the figures. */
export const findingsSource =
  'cases: the emitted case reports; restrictions: the simulator\'s own intervention log; contacts: none (files only)';

/** Where the findings came from when the platform's database is read. */
export const platformFindingsSource =
  'cases and traced contacts: the platform\'s database (case reports as ingested, contacts as traced); restrictions: the simulator\'s intervention log (what reached people)';

/**
 * Reads what the platform found. Until the platform stores findings of its own, these are the case
 * reports it was given, the restrictions the simulator enforced, and no traced contacts.
 * @param outDir - the run's output directory
 * @returns the findings
 */
export function readFindings(outDir: string): PlatformFindings {
  return { cases: readReportedCases(outDir), contacts: [], restrictions: readInterventionLog(outDir) };
}

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, digits = 2): string => (x === null ? '—' : x.toFixed(digits));

function line(label: string, f: EvaluationFigures): string {
  return [
    label.padEnd(10),
    String(f.trueInfections).padStart(6),
    pct(f.recordedShare).padStart(8),
    String(f.casesFound).padStart(6),
    `${f.alreadyControlled}/${f.infecteesBecameCases}`.padStart(9),
    pct(f.shareAlreadyControlled).padStart(8),
    num(f.hoursToControlContacts.median, 1).padStart(8),
    num(f.quarantinedPerInfection).padStart(8),
    pct(f.links.recall).padStart(8),
    pct(f.links.recallRecorded).padStart(8),
    pct(f.links.precision).padStart(8),
  ].join(' ');
}

/**
 * Formats an evaluation as a table. `rec.rec.` is the link recall among recorded true pairs whose
 * infector became a found case (the pairs tracing could have found).
 * @param evaluation - the figures
 * @returns printable text
 */
export function formatEvaluation(evaluation: Evaluation): string {
  const header = ['date'.padEnd(10), 'infect'.padStart(6), 'recorded'.padStart(8), 'cases'.padStart(6), 'ctrl/new'.padStart(9), 'ctrl %'.padStart(8), 'h→ctrl'.padStart(8), 'quar/inf'.padStart(8), 'recall'.padStart(8), 'rec.rec.'.padStart(8), 'precis.'.padStart(8)].join(' ');
  const rows = evaluation.days.map((d) => line(d.date, d));
  const notes = evaluation.notes.map((n) => `note: ${n}`);
  return [header, ...rows, line('overall', evaluation.overall), '', `findings: ${findingsSource}`, ...notes].join('\n');
}

/**
 * `epigrid sim evaluate`: compares a run's ground truth with what the platform found.
 * @param options - command options
 */
export async function simEvaluate(options: SimEvaluateOptions): Promise<void> {
  const outDir = resolve(options.out);
  let findings = readFindings(outDir);
  let source = findingsSource;
  let loop: LoopFigures | null = null;
  if (options.filesOnly !== true) {
    const opened = await openConfigured(process.env);
    try {
      const platform = await readPlatformFindings(opened);
      if (platform.cases.length > 0) {
        findings = { ...findings, cases: platform.cases, contacts: platform.contacts };
        source = platformFindingsSource;
      }
      loop = await readLoopFigures(opened.db);
    } finally {
      await opened.db.close();
    }
  }
  const evaluation = evaluate(readTruth(outDir), findings);
  console.log(formatEvaluation(evaluation).replace(`findings: ${findingsSource}`, `findings: ${source}`));
  if (loop !== null) console.log(formatLoopFigures(loop));
  if (options.json !== undefined) {
    writeFileSync(resolve(options.json), `${JSON.stringify({ outDir, findings: source, ...evaluation, loop }, null, 2)}\n`);
    console.log(`figures written to ${resolve(options.json)}`);
  }
}
