import { createHash } from 'node:crypto';

/** How simulated grid workers respond to tasks: a lognormal delay and a share of visits nobody answers. */
export interface ResponseTimes {
  /** Median hours from a task reaching a worker (or their last attempt) to the next outcome. */
  readonly medianHours: number;
  /** Standard deviation of the log of the delay (0 = always the median). */
  readonly sigma: number;
  /** Share (0..1) of attempts that find nobody home (the task stays open and is tried again). */
  readonly notHomeShare: number;
}

/** The demo's default: half the tasks answered within 6 h, a long tail, one visit in ten finds nobody. */
export const defaultResponseTimes: ResponseTimes = { medianHours: 6, sigma: 0.8, notHomeShare: 0.1 };

/** One simulated attempt on a task. */
export interface SimulatedAttempt {
  readonly delayHours: number;
  readonly notHome: boolean;
}

function uniforms(seed: number, taskId: number, attempt: number): [number, number, number] {
  const digest = createHash('sha256').update(`${seed}:${taskId}:${attempt}`).digest();
  // Three uniforms in (0, 1) from 48-bit slices, never exactly 0 (log of it is taken).
  const u = (offset: number): number => (digest.readUIntBE(offset, 6) + 0.5) / 2 ** 48;
  return [u(0), u(6), u(12)];
}

/**
 * Draws a worker's attempt on a task, deterministically from (seed, task, attempt), so a re-run of
 * the demo with the same seed gives the same responses and nothing needs remembering between days.
 * @param seed - demo seed
 * @param taskId - task id
 * @param attempt - 0 for the first attempt, 1 after one "not home", …
 * @param times - the distribution
 */
export function simulatedAttempt(seed: number, taskId: number, attempt: number, times: ResponseTimes): SimulatedAttempt {
  const [u1, u2, u3] = uniforms(seed, taskId, attempt);
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return { delayHours: times.medianHours * Math.exp(times.sigma * normal), notHome: u3 < times.notHomeShare };
}

/**
 * Validates response-time settings (from the demo's options).
 * @param input - candidate settings
 */
export function checkResponseTimes(input: ResponseTimes): ResponseTimes {
  if (!(input.medianHours > 0 && input.medianHours <= 24 * 30)) throw new Error(`worker median hours must be in (0, 720], got ${input.medianHours}`);
  if (!(input.sigma >= 0 && input.sigma <= 3)) throw new Error(`worker sigma must be in [0, 3], got ${input.sigma}`);
  if (!(input.notHomeShare >= 0 && input.notHomeShare < 1)) throw new Error(`worker not-home share must be in [0, 1), got ${input.notHomeShare}`);
  return input;
}
