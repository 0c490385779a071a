import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluate, readInterventionLog, readReportedCases, readTruth } from '@epigrid/sim';
import type { Evaluation, EvaluationFigures, PlatformFindings } from '@epigrid/sim';
import { formatJudgmentFigures, judgmentFigures, type JudgmentFigures, type JudgmentFindings } from '../demo/judgment-figures.js';
import { readJudgmentFindings } from '../demo/judgment-findings.js';
import { formatLoopFigures, readLoopFigures, type LoopFigures } from '../demo/loop-figures.js';
import { loadProtocolProfile } from '@epigrid/server';
import { readPlatformFindings } from '../demo/platform-findings.js';
import { diagnoseMisses, type Miss } from '../demo/recall-diagnosis.js';
import { openConfigured } from '../open-configured.js';

/** Options of `epigrid sim evaluate`. */
export interface SimEvaluateOptions {
  readonly out: string;
  readonly json?: string;
  /** Ignore the database: judge only the case reports and the simulator's intervention log. */
  readonly filesOnly?: boolean;
  /** Also list why each recorded true transmission of a found infector was not traced. */
  readonly diagnose?: boolean;
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
    pct(f.links.recallRuleRecorded).padStart(8),
    pct(f.links.precision).padStart(8),
  ].join(' ');
}

/**
 * Formats an evaluation as a table. `rec.rec.` is the link recall among recorded true pairs whose
 * infector became a found case (the pairs tracing could have found); `rule.rec` restricts those to
 * co-presence recorded where the close-contact rules look (registry, manifests, both scans), not
 * telecom cells alone.
 * @param evaluation - the figures
 * @returns printable text
 */
export function formatEvaluation(evaluation: Evaluation): string {
  const header = ['date'.padEnd(10), 'infect'.padStart(6), 'recorded'.padStart(8), 'cases'.padStart(6), 'ctrl/new'.padStart(9), 'ctrl %'.padStart(8), 'h→ctrl'.padStart(8), 'quar/inf'.padStart(8), 'recall'.padStart(8), 'rec.rec.'.padStart(8), 'rule.rec'.padStart(8), 'precis.'.padStart(8)].join(' ');
  const rows = evaluation.days.map((d) => line(d.date, d));
  const notes = evaluation.notes.map((n) => `note: ${n}`);
  return [header, ...rows, line('overall', evaluation.overall), '', `findings: ${findingsSource}`, ...notes].join('\n');
}

/**
 * Formats the missed recorded transmissions: counts per cause, then each miss.
 * @param misses - from {@link diagnoseMisses}
 * @returns printable text
 */
export function formatMisses(misses: readonly Miss[]): string {
  const counts = new Map<string, number>();
  for (const m of misses) counts.set(m.reason, (counts.get(m.reason) ?? 0) + 1);
  const summary = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `  ${reason.padEnd(32)} ${n}`);
  const lines = misses.map((m) => `  ${m.infectedAt}  ${m.setting.padEnd(9)} ${m.infector} > ${m.infectee}  ${m.reason}${m.detail === '' ? '' : `: ${m.detail}`}`);
  return [`missed recorded transmissions of found infectors: ${misses.length}`, ...summary, '', ...lines].join('\n');
}

/**
 * `epigrid sim evaluate`: compares a run's ground truth with what the platform found.
 * @param options - command options
 */
export async function simEvaluate(options: SimEvaluateOptions): Promise<void> {
  const outDir = resolve(options.out);
  let findings = readFindings(outDir);
  let source = findingsSource;
  const truth = readTruth(outDir);
  let judged: JudgmentFindings | null = null;
  let loop: LoopFigures | null = null;
  if (options.filesOnly !== true) {
    const opened = await openConfigured(process.env);
    try {
      const platform = await readPlatformFindings(opened);
      if (platform.cases.length > 0) {
        findings = { ...findings, cases: platform.cases, contacts: platform.contacts };
        source = platformFindingsSource;
      }
      const read = await readJudgmentFindings(opened);
      if (read.colourChanges.length > 0 || read.areaChanges.length > 0) judged = read;
      loop = await readLoopFigures(opened.db);
    } finally {
      await opened.db.close();
    }
  }
  const evaluation = evaluate(truth, findings);
  const judgment: JudgmentFigures | null = judged === null ? null : judgmentFigures(truth, judged, evaluation.days.map((d) => d.date));
  console.log(formatEvaluation(evaluation).replace(`findings: ${findingsSource}`, `findings: ${source}`));
  if (judgment !== null) console.log(`\n${formatJudgmentFigures(judgment)}`);
  if (loop !== null) console.log(formatLoopFigures(loop));
  if (options.diagnose === true) {
    const opened = await openConfigured(process.env);
    try {
      const venue = loadProtocolProfile(opened.config.trace.profileId).closeContact.venue;
      console.log(formatMisses(await diagnoseMisses(opened, truth, { minutes: venue.threshold.minutes, openEndedMinutes: venue.openEndedStayMinutes })));
    } finally {
      await opened.db.close();
    }
  }
  if (options.json !== undefined) {
    writeFileSync(resolve(options.json), `${JSON.stringify({ outDir, findings: source, ...evaluation, judgment, loop }, null, 2)}\n`);
    console.log(`figures written to ${resolve(options.json)}`);
  }
}
