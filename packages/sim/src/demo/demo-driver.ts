/**
 * Runs the city day by day for the demo: simulate a day → write its files → hand them to the
 * ingestion callback → let the platform's loop run (afterDay) → wait → next day. It can be paused,
 * resumed, stepped one day at a time and reset to day 0 (same seed; the database is the caller's
 * business), and its state can be read at any time (for a future web control).
 */
import type { City } from '../model.js';
import { writeDayFiles } from '../output/day-files.js';
import type { DaySource } from '../output/day-files.js';
import { noInterventions } from '../outbreak/restrictions.js';
import type { InterventionFeed } from '../outbreak/restrictions.js';
import type { SimConfigInput } from '../outbreak/sim-config.js';
import { Simulation } from '../outbreak/simulation.js';

/** Imports one day's files into the platform (the real ingestion package, once wired). */
export type IngestDay = (files: Array<{ source: string; path: string }>, day: string) => Promise<void>;

/** The platform's daily loop (analysis, decisions), run after a day's files were ingested. */
export type AfterDay = (day: string) => Promise<void>;

/** Options of {@link DemoDriver}. */
export interface DemoDriverOptions {
  /** The city, regenerated from its seed and size (never read back from the database). */
  readonly city: City;
  readonly config?: SimConfigInput;
  readonly outDir: string;
  /** Number of days to simulate. */
  readonly days: number;
  /** Wall-clock seconds per simulated day; 0 = as fast as possible. */
  readonly secondsPerDay?: number;
  readonly ingestDay: IngestDay;
  readonly afterDay?: AfterDay;
  /** The platform's restrictions; default none. */
  readonly feed?: InterventionFeed;
  /** Called after each day with its summary. */
  readonly onDay?: (summary: DaySummary) => void;
}

/** What one day produced. */
export interface DaySummary {
  readonly day: number;
  readonly date: string;
  /** Data rows written per source (and ground-truth rows). */
  readonly rows: Readonly<Record<DaySource | 'truth', number>>;
  readonly newInfections: number;
  readonly casesReported: number;
  readonly restrictionsReceived: number;
  /** Time to simulate and write the day. */
  readonly simulateMs: number;
  /** Time spent in ingestDay and afterDay. */
  readonly platformMs: number;
}

/** The driver's state, readable at any time. */
export interface DriverState {
  /** Days completed (the next day's index). */
  readonly daysDone: number;
  readonly days: number;
  /** Date of the last completed day, null before the first. */
  readonly lastDate: string | null;
  readonly nextDate: string | null;
  readonly running: boolean;
  readonly paused: boolean;
  readonly finished: boolean;
  /** True while a day is being simulated or ingested. */
  readonly busy: boolean;
  readonly secondsPerDay: number;
  readonly totals: {
    readonly infections: number;
    readonly reportedCases: number;
    readonly restrictions: number;
    readonly rows: Readonly<Record<string, number>>;
  };
}

/** Drives a simulation through the platform. */
export class DemoDriver {
  private sim: Simulation;
  private readonly feed: InterventionFeed;
  private paused = false;
  private running = false;
  private busy = false;
  private lock: Promise<unknown> = Promise.resolve();
  private wake: (() => void) | null = null;
  private rows: Record<string, number> = {};
  private lastDate: string | null = null;
  secondsPerDay: number;

  /**
   * @param options - city, configuration, output, callbacks
   */
  constructor(private readonly options: DemoDriverOptions) {
    this.sim = new Simulation(options.city, options.config);
    this.feed = options.feed ?? noInterventions;
    this.secondsPerDay = options.secondsPerDay ?? 0;
  }

  /** @returns the simulation (for its clock, log and totals) */
  get simulation(): Simulation {
    return this.sim;
  }

  /** @returns a snapshot of the state */
  state(): DriverState {
    const done = this.sim.day;
    const totals = this.sim.totals();
    return {
      daysDone: done,
      days: this.options.days,
      lastDate: this.lastDate,
      nextDate: done < this.options.days ? this.sim.clock.date(done) : null,
      running: this.running,
      paused: this.paused,
      finished: done >= this.options.days,
      busy: this.busy,
      secondsPerDay: this.secondsPerDay,
      totals: { infections: totals.infections, reportedCases: totals.reportedCases, restrictions: totals.restrictions, rows: { ...this.rows } },
    };
  }

  /**
   * Runs days until the last one (waiting while paused).
   * @returns the final state
   */
  async run(): Promise<DriverState> {
    this.running = true;
    try {
      while (this.sim.day < this.options.days) {
        if (this.paused) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        const started = performance.now();
        await this.step();
        const wait = this.secondsPerDay * 1000 - (performance.now() - started);
        if (wait > 0 && this.sim.day < this.options.days) await this.sleep(wait);
      }
    } finally {
      this.running = false;
    }
    return this.state();
  }

  /**
   * Simulates, writes and ingests one day (also while paused); does nothing after the last day.
   * @returns the day's summary, or null when finished
   */
  step(): Promise<DaySummary | null> {
    const next = this.lock.then(() => this.stepNow());
    this.lock = next.catch(() => undefined);
    return next;
  }

  /** Stops before the next day (the day in progress completes). */
  pause(): void {
    this.paused = true;
  }

  /** Continues a paused run. */
  resume(): void {
    this.paused = false;
    this.interrupt();
  }

  /**
   * Goes back to day 0 with the same seed, after the day in progress. Files of later days are
   * overwritten as the days are simulated again; the database is the caller's business.
   */
  reset(): Promise<void> {
    const next = this.lock.then(() => {
      this.sim = new Simulation(this.options.city, this.options.config);
      this.rows = {};
      this.lastDate = null;
      this.interrupt();
    });
    this.lock = next.catch(() => undefined);
    return next;
  }

  private async stepNow(): Promise<DaySummary | null> {
    if (this.sim.day >= this.options.days) return null;
    this.busy = true;
    try {
      const date = this.sim.clock.date(this.sim.day);
      const restrictions = await this.feed.restrictionsFor(date);
      const started = performance.now();
      const before = this.sim.totals();
      const result = this.sim.simulateDay(restrictions);
      const written = writeDayFiles(this.sim, result, this.options.outDir);
      const simulated = performance.now();
      await this.options.ingestDay(
        written.files.map((f) => ({ source: f.source, path: f.path })),
        date,
      );
      await this.options.afterDay?.(date);
      for (const [source, n] of Object.entries(written.rows)) this.rows[source] = (this.rows[source] ?? 0) + n;
      this.lastDate = date;
      const summary: DaySummary = {
        day: result.day,
        date,
        rows: written.rows,
        newInfections: result.infections.length,
        casesReported: this.sim.totals().reportedCases - before.reportedCases,
        restrictionsReceived: restrictions.length,
        simulateMs: Math.round(simulated - started),
        platformMs: Math.round(performance.now() - simulated),
      };
      this.options.onDay?.(summary);
      return summary;
    } finally {
      this.busy = false;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private interrupt(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
