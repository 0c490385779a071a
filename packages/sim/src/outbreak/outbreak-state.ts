/**
 * Who has been infected, when, by whom, and their infection courses, as columns over the people.
 */
import type { Course } from './natural-history.js';

/** Where a transmission happened. */
export type Setting = 'household' | 'venue' | 'workplace' | 'school' | 'transport' | 'community';

/** One infection of the ground truth. */
export interface Infection {
  readonly infectee: number;
  /** -1 for seeds (imported). */
  readonly infector: number;
  readonly setting: Setting;
  /** Place code, household key, service id or cell. */
  readonly place: string;
  /** Simulation minute. */
  readonly at: number;
  /** True when the co-presence behind it appears in the emitted data (registry, scans, manifests, telecom). */
  readonly recorded: boolean;
  /** Which data shows it; null when none does. */
  readonly recordedBy: RecordedBy;
}

/**
 * The data that shows a transmission's co-presence: the household registry, a transport manifest,
 * both people's place-code scans, or (when none of these) both phones in one telecom cell.
 */
export type RecordedBy = 'registry' | 'manifest' | 'scans' | 'telecom' | null;

/** Infection state of every person. */
export class OutbreakState {
  /** NaN for never infected. */
  readonly infectedAt: Float64Array;
  readonly onset: Float64Array;
  readonly start: Float64Array;
  readonly peak: Float64Array;
  readonly end: Float64Array;
  readonly asymptomatic: Uint8Array;
  readonly infector: Int32Array;
  /** People infected so far, in order of infection. */
  readonly infected: number[] = [];

  /**
   * @param people - city size
   */
  constructor(people: number) {
    this.infectedAt = new Float64Array(people).fill(Number.NaN);
    this.onset = new Float64Array(people).fill(Number.NaN);
    this.start = new Float64Array(people).fill(Number.NaN);
    this.peak = new Float64Array(people).fill(Number.NaN);
    this.end = new Float64Array(people).fill(Number.NaN);
    this.asymptomatic = new Uint8Array(people);
    this.infector = new Int32Array(people).fill(-1);
  }

  /**
   * Records an infection.
   * @param person - infectee
   * @param infector - infector, -1 for seeds
   * @param at - minute of infection
   * @param course - drawn course
   */
  infect(person: number, infector: number, at: number, course: Course): void {
    this.infectedAt[person] = at;
    this.onset[person] = course.onset;
    this.start[person] = course.start;
    this.peak[person] = course.peak;
    this.end[person] = course.end;
    this.asymptomatic[person] = course.asymptomatic ? 1 : 0;
    this.infector[person] = infector;
    this.infected.push(person);
  }

  /**
   * @param person - person index
   * @returns true when never infected
   */
  susceptible(person: number): boolean {
    return Number.isNaN(this.infectedAt[person]!);
  }

  /**
   * Tells whether a PCR sample at minute t would contain virus (from the start of infectiousness
   * to three weeks after onset).
   * @param person - person index
   * @param t - minute
   * @returns true when detectable
   */
  detectable(person: number, t: number): boolean {
    return t >= this.start[person]! && t <= this.onset[person]! + 21 * 1440;
  }
}
