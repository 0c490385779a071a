/**
 * Seeded randomness for the synthetic city: a xoroshiro128+ generator from pure-rand with the few
 * draws the generators need. Each generation phase takes its own stream (a number of jumps, 2^64
 * draws apart), so changing one phase never shifts the values of another.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

const TWO_POW_32 = 0x100000000;

/** Scrambles a user seed so that neighbouring seeds (1, 2, 3…) start far apart. */
function mixSeed(seed: number): number {
  let h = (seed | 0) ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** A mutable random stream. Not shared between phases: use {@link Rng.stream}. */
export class Rng {
  private readonly generator: JumpableRandomGenerator;

  private constructor(generator: JumpableRandomGenerator) {
    this.generator = generator;
  }

  /**
   * Opens the stream of one generation phase.
   * @param seed - the city seed (any integer; only its low 32 bits count)
   * @param phase - small non-negative integer naming the phase
   * @returns a stream that depends only on seed and phase
   */
  static stream(seed: number, phase: number): Rng {
    const generator = xoroshiro128plus(mixSeed(seed));
    for (let i = 0; i <= phase; i++) generator.jump();
    for (let i = 0; i < 8; i++) generator.next();
    return new Rng(generator);
  }

  /** @returns a float in [0, 1) with 32 bits of resolution */
  float(): number {
    return (this.generator.next() >>> 0) / TWO_POW_32;
  }

  /**
   * @param min - smallest value (integer)
   * @param max - largest value (integer, ≥ min)
   * @returns an integer in [min, max]
   */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /**
   * @param min - lower bound
   * @param max - upper bound
   * @returns a float in [min, max)
   */
  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  /**
   * @param probability - chance of true, 0..1
   * @returns true with the given probability
   */
  chance(probability: number): boolean {
    return this.float() < probability;
  }

  /**
   * @param items - a non-empty list
   * @returns one item, uniformly
   */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /**
   * Draws an index with probability proportional to its weight.
   * @param cumulative - running sums of non-negative weights (last = total, > 0)
   * @returns an index into the weights
   */
  weighted(cumulative: ArrayLike<number>): number {
    const target = this.float() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * Running sums of weights, for {@link Rng.weighted}.
 * @param weights - non-negative weights
 * @returns a Float64Array of the same length
 */
export function cumulativeWeights(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]!;
    out[i] = sum;
  }
  return out;
}

/** Phase numbers of {@link Rng.stream}, one per generator module. */
export const phases = { regions: 0, households: 1, people: 2, places: 3, staff: 4 } as const;
