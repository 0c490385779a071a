import { join, resolve } from 'node:path';
import { createDemoCity, DemoDriver, generateCity, isDatabaseEmpty } from '@epigrid/sim';
import type { DaySummary, SimConfigInput } from '@epigrid/sim';
import { platformHooks } from '../demo/platform-hooks.js';
import { checkResponseTimes, defaultResponseTimes, type ResponseTimes } from '../demo/response-times.js';
import { openConfigured } from '../open-configured.js';

/** Options of `epigrid demo`. */
export interface DemoOptions {
  readonly days?: string;
  readonly speed?: string;
  readonly out?: string;
  readonly seed?: string;
  readonly people?: string;
  /** False with --no-interventions: reported cases are not isolated either. */
  readonly interventions?: boolean;
  readonly pooledTesting?: boolean;
  /** Share (0..1) of people who scan place codes; the sim's default when omitted. */
  readonly scanCompliance?: string;
  /** Everyone who scans does so at every visit, in and out (no skipped scans, no missing exit scans). */
  readonly fullScans?: boolean;
  /** Initial (imported) infections; the sim's default when omitted. */
  readonly seeds?: string;
  /** False with --no-neighbour-risk-area: the neighbouring city's risk-area list is not imported. */
  readonly neighbourRiskArea?: boolean;
  /** Simulated grid workers: median hours to answer a task. */
  readonly workerMedianHours?: string;
  /** Simulated grid workers: sigma of the log of the response time. */
  readonly workerSigma?: string;
  /** Simulated grid workers: share of visits finding nobody home. */
  readonly workerNotHome?: string;
}

/**
 * Builds the simulated grid workers' response times from the command's switches.
 * @param options - command options
 * @returns validated settings
 */
export function demoResponseTimes(options: DemoOptions): ResponseTimes {
  const number = (text: string | undefined, fallback: number): number => (text === undefined ? fallback : text.trim() === '' ? Number.NaN : Number(text));
  return checkResponseTimes({
    medianHours: number(options.workerMedianHours, defaultResponseTimes.medianHours),
    sigma: number(options.workerSigma, defaultResponseTimes.sigma),
    notHomeShare: number(options.workerNotHome, defaultResponseTimes.notHomeShare),
  });
}

/**
 * Parses an integer option.
 * @param text - the option's text
 * @param name - option name, for the error
 * @param min - smallest allowed value
 * @returns the number
 */
export function integerOption(text: string, name: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${text}"`);
  return value;
}

/**
 * Parses a share option (a number from 0 to 1).
 * @param text - the option's text
 * @param name - option name, for the error
 * @returns the share
 */
export function shareOption(text: string, name: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!(value >= 0 && value <= 1)) throw new Error(`--${name} must be a number from 0 to 1, got "${text}"`);
  return value;
}

/**
 * Builds the simulation settings of the command's switches.
 * @param seed - seed of the city and the outbreak
 * @param options - command options
 * @returns configuration overrides
 */
export function demoSimConfig(seed: number, options: DemoOptions): SimConfigInput {
  return {
    seed,
    isolateReportedCases: options.interventions !== false,
    massTesting: options.pooledTesting === true ? { firstDay: 2, everyDays: 3, coverage: 0.85, poolSize: 10 } : null,
    // The sim counts those who never scan; skipped scans and missing exit scans keep their defaults.
    ...(options.scanCompliance === undefined ? {} : { neverScanShare: 1 - shareOption(options.scanCompliance, 'scan-compliance') }),
    ...(options.fullScans === true ? { skipScanShare: 0, noTimeOutShare: 0 } : {}),
    ...(options.seeds === undefined ? {} : { seeds: integerOption(options.seeds, 'seeds', 1) }),
  };
}

function printDay(s: DaySummary): void {
  const r = s.rows;
  console.log(
    `${s.date}  infections +${s.newInfections}  cases +${s.casesReported}  rows: check-ins ${r['check-ins']}, telecom ${r.telecom}, transport ${r.transport}, cases ${r.cases}, lab-results ${r['lab-results']}  (${s.simulateMs} ms)`,
  );
}

/**
 * `epigrid demo`: runs the demo city day by day, writing each day's files and handing them to
 * ingestion. Creates the demo city when the database is empty; otherwise the seed and size must be
 * those the city was created with (the simulation regenerates the same city from them).
 * @param options - command options
 */
export async function demo(options: DemoOptions): Promise<void> {
  const opened = await openConfigured(process.env);
  const { config, db } = opened;
  try {
    const seed = options.seed === undefined ? config.demo.seed : integerOption(options.seed, 'seed', 0);
    const people = options.people === undefined ? config.demo.people : integerOption(options.people, 'people', 1);
    const days = options.days === undefined ? 14 : integerOption(options.days, 'days', 1);
    const speed = options.speed === undefined ? 0 : Number(options.speed);
    if (!(speed >= 0)) throw new Error('--speed must be a number of seconds ≥ 0');
    const outDir = resolve(options.out ?? join(config.database.dataDir, 'demo-run'));

    if (await isDatabaseEmpty(db)) {
      console.log(`creating the demo city: ${people.toLocaleString('en')} people, seed ${seed}…`);
      await createDemoCity(db, { seed, people, secret: opened.secret });
    } else {
      const stored = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
      const n = stored.rows[0]?.n ?? 0;
      if (n !== people) console.warn(`warning: the database holds ${n.toLocaleString('en')} people, the simulation ${people.toLocaleString('en')}; use the --seed and --people the city was created with`);
    }
    const city = generateCity({ seed, people });
    const responseTimes = demoResponseTimes(options);
    const hooks = platformHooks(opened, console.log, { seed, responseTimes }, { neighbourRiskAreas: options.neighbourRiskArea !== false });
    const driver = new DemoDriver({
      city,
      config: demoSimConfig(seed, options),
      outDir,
      days,
      secondsPerDay: speed,
      ingestDay: hooks.ingestDay,
      afterDay: hooks.afterDay,
      ...(options.interventions === false ? {} : { feed: hooks.feed }),
      onDay: printDay,
    });
    console.log(`simulating ${days} days from ${driver.simulation.clock.date(0)} into ${outDir}${options.interventions === false ? ' (no interventions)' : ''}`);
    console.log(`simulated grid workers answer tasks after a lognormal delay: median ${responseTimes.medianHours} h, sigma ${responseTimes.sigma}, ${responseTimes.notHomeShare * 100}% not home`);
    const state = await driver.run();
    console.log(`done: ${state.totals.infections} infections, ${state.totals.reportedCases} reported cases; ground truth in ${join(outDir, 'truth')}`);
    console.log(`evaluate with: epigrid sim evaluate --out ${outDir}`);
  } finally {
    await db.close();
  }
}
