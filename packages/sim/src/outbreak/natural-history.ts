/**
 * The course of an infection: incubation (lognormal), symptoms or none, and infectiousness as a
 * triangle around onset (see InfectiousnessProfile). All times are simulation minutes.
 */
import type { Rng } from '../random.js';
import type { LognormalDays, SimConfig } from './sim-config.js';
import { DAY_MINUTES } from './sim-clock.js';

/** One infection's timeline. */
export interface Course {
  /** Symptom onset (for asymptomatic people the would-be onset the profile is anchored on). */
  readonly onset: number;
  readonly start: number;
  readonly peak: number;
  readonly end: number;
  readonly asymptomatic: boolean;
}

/**
 * Draws from a lognormal distribution.
 * @param rng - random stream
 * @param dist - mean and sd
 * @returns a positive value
 */
export function lognormal(rng: Rng, dist: LognormalDays): number {
  const sdlog = Math.sqrt(Math.log(1 + (dist.sd * dist.sd) / (dist.mean * dist.mean)));
  const meanlog = Math.log(dist.mean) - (sdlog * sdlog) / 2;
  const u1 = 1 - rng.float();
  const u2 = rng.float();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.exp(meanlog + sdlog * z);
}

/**
 * Draws the course of an infection.
 * @param rng - random stream
 * @param config - natural-history parameters
 * @param infectedAt - simulation minute of infection
 * @returns the timeline
 */
export function drawCourse(rng: Rng, config: SimConfig, infectedAt: number): Course {
  const p = config.infectiousness;
  const asymptomatic = rng.chance(config.asymptomaticShare);
  const onset = infectedAt + Math.round(lognormal(rng, config.incubation) * DAY_MINUTES);
  const start = Math.max(infectedAt + Math.round(p.minLatent * DAY_MINUTES), onset - Math.round(p.startBeforeOnset * DAY_MINUTES));
  const end = Math.max(start + 60, onset + Math.round(p.endAfterOnset * DAY_MINUTES));
  const peak = Math.min(end, Math.max(start, onset - Math.round(p.peakBeforeOnset * DAY_MINUTES)));
  return { onset, start, peak, end, asymptomatic };
}

/**
 * Share of a course's infectiousness falling in [t1, t2] (the triangle's area there).
 * @param start - start of infectiousness
 * @param peak - peak
 * @param end - end
 * @param t1 - from (minute)
 * @param t2 - to (minute)
 * @returns 0 … 1
 */
export function infectiousMass(start: number, peak: number, end: number, t1: number, t2: number): number {
  const cdf = (x: number): number => {
    if (x <= start) return 0;
    if (x >= end) return 1;
    if (x <= peak) return peak === start ? 0 : ((x - start) * (x - start)) / ((end - start) * (peak - start));
    return 1 - ((end - x) * (end - x)) / ((end - start) * (end - peak));
  };
  return t2 <= t1 ? 0 : cdf(t2) - cdf(t1);
}

/**
 * The mean generation interval (days) the configuration implies before any depletion or
 * intervention, by Monte Carlo over the same draws the simulator makes.
 * @param rng - random stream
 * @param config - parameters
 * @param samples - number of simulated courses
 * @returns mean, sd and the sampled intervals (days)
 */
export function intrinsicGenerationInterval(rng: Rng, config: SimConfig, samples = 20_000): { mean: number; sd: number; intervals: Float64Array } {
  const intervals = new Float64Array(samples);
  for (let k = 0; k < samples; k++) {
    const c = drawCourse(rng, config, 0);
    // Inverse of the triangular CDF.
    const u = rng.float();
    const total = c.end - c.start;
    const left = (c.peak - c.start) / total;
    const t = u < left ? c.start + Math.sqrt(u * total * (c.peak - c.start)) : c.end - Math.sqrt((1 - u) * total * (c.end - c.peak));
    intervals[k] = t / DAY_MINUTES;
  }
  let sum = 0;
  for (const x of intervals) sum += x;
  const mean = sum / samples;
  let sq = 0;
  for (const x of intervals) sq += (x - mean) ** 2;
  return { mean, sd: Math.sqrt(sq / samples), intervals };
}
