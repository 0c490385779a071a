/**
 * The demo city as the CLI and server use it: find out whether the database is still empty, and
 * if so generate and load a city in one call.
 */
import type { SqlClient } from '@epigrid/store';
import type { ProgressListener } from './bulk.js';
import { generateCity } from './city.js';
import type { CityCounts } from './city.js';
import { loadCity } from './load-city.js';
import type { DemoLogin } from './model.js';

/**
 * Tells whether the database holds no region tree yet (so a demo city may be loaded).
 * @param db - a migrated database
 * @returns true when the region table is empty
 */
export async function isDatabaseEmpty(db: SqlClient): Promise<boolean> {
  const result = await db.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM region) AS empty');
  return result.rows[0]?.empty === true;
}

/** Options of {@link createDemoCity}. */
export interface DemoCityOptions {
  readonly seed: number;
  readonly people: number;
  /** The deployment secret (EPIGRID_SECRET) that protects identifiers. */
  readonly secret: string;
  /** Reference date for ages (YYYY-MM-DD); default 2026-01-01. */
  readonly today?: string;
  readonly onProgress?: ProgressListener;
}

/** What {@link createDemoCity} did. */
export interface DemoCityReport {
  readonly counts: CityCounts;
  /** Time spent generating the city in memory. */
  readonly generateMs: number;
  /** Time spent writing it. */
  readonly loadMs: number;
  /** Total time. */
  readonly elapsedMs: number;
  /** The demo accounts, for printing. */
  readonly demoLogins: readonly DemoLogin[];
}

/**
 * Generates a city and loads it into an empty, migrated database.
 * @param db - database
 * @param options - seed, size, secret, progress listener
 * @returns row counts, timings and demo logins
 */
export async function createDemoCity(db: SqlClient, options: DemoCityOptions): Promise<DemoCityReport> {
  const started = performance.now();
  options.onProgress?.('generate', 0, options.people);
  const city = generateCity({ seed: options.seed, people: options.people, ...(options.today === undefined ? {} : { today: options.today }) });
  options.onProgress?.('generate', options.people, options.people);
  const generated = performance.now();
  const counts = await loadCity(db, city, { secret: options.secret, ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) });
  const finished = performance.now();
  return {
    counts,
    generateMs: Math.round(generated - started),
    loadMs: Math.round(finished - generated),
    elapsedMs: Math.round(finished - started),
    demoLogins: city.demoLogins,
  };
}
