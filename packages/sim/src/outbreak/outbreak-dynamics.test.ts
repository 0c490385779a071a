import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateCity } from '../city.js';
import { Rng } from '../random.js';
import { intrinsicGenerationInterval } from './natural-history.js';
import { Simulation } from './simulation.js';
import { DAY_MINUTES } from './sim-clock.js';

/** Solves the Euler–Lotka equation 1/R = E[exp(−r T)] for r, T drawn from the generation intervals. */
function growthRateFor(reproduction: number, intervals: Float64Array): number {
  let lo = -1;
  let hi = 2;
  for (let k = 0; k < 60; k++) {
    const r = (lo + hi) / 2;
    let sum = 0;
    for (const t of intervals) sum += Math.exp(-r * t);
    if (sum / intervals.length > 1 / reproduction) lo = r;
    else hi = r;
  }
  return (lo + hi) / 2;
}

describe('the uncontrolled outbreak', () => {
  // One fixed run (deterministic), checked against what its own parameters imply.
  const people = 5_000;
  const days = 40;
  const city = generateCity({ seed: 7, people });
  const sim = new Simulation(city, { seed: 7, seeds: 10, isolateReportedCases: false });
  const daily: number[] = [];
  for (let d = 0; d < days; d++) daily.push(sim.simulateDay().infections.filter((i) => i.infector >= 0).length);
  const state = sim.state;
  const intrinsic = intrinsicGenerationInterval(Rng.stream(1, 99), sim.config);

  // The exponential phase: from 20 local infections until 12% of the city is infected.
  let cumulative = 0;
  let first = -1;
  let last = days - 1;
  daily.forEach((n, d) => {
    cumulative += n;
    if (first < 0 && cumulative >= 20) first = d;
    if (last === days - 1 && cumulative >= people * 0.12) last = d;
  });

  it('has the configured natural history', () => {
    let incubation = 0;
    let asymptomatic = 0;
    for (const i of state.infected) {
      incubation += (state.onset[i]! - state.infectedAt[i]!) / DAY_MINUTES;
      asymptomatic += state.asymptomatic[i]!;
    }
    const n = state.infected.length;
    assert.ok(n > 800, `a sizeable outbreak (${n})`);
    assert.ok(Math.abs(incubation / n - sim.config.incubation.mean) < 0.4, `mean incubation ${incubation / n}`);
    assert.ok(Math.abs(asymptomatic / n - sim.config.asymptomaticShare) < 0.05, `asymptomatic share ${asymptomatic / n}`);
    assert.ok(intrinsic.mean >= 4 && intrinsic.mean <= 5.5, `intrinsic generation interval ${intrinsic.mean} days`);
  });

  it('grows at the rate its reproduction number and generation interval imply, with the configured generation interval', () => {
    assert.ok(first >= 0 && last - first >= 8, `an exponential phase (${first}–${last})`);
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (let d = first; d <= last; d++) {
      const y = Math.log(daily[d]! + 0.5);
      sx += d;
      sy += y;
      sxx += d * d;
      sxy += d * y;
    }
    const k = last - first + 1;
    const observed = (k * sxy - sx * sy) / (k * sxx - sx * sx);

    // Offspring and generation intervals of the cohort infected early enough to have finished transmitting in the phase.
    const offspring = new Map<number, number>();
    for (const j of state.infected) if (state.infector[j]! >= 0) offspring.set(state.infector[j]!, (offspring.get(state.infector[j]!) ?? 0) + 1);
    let cohort = 0;
    let children = 0;
    let intervalSum = 0;
    for (const i of state.infected) {
      const t = state.infectedAt[i]! / DAY_MINUTES;
      if (t < first - 6 || t >= last - 6) continue;
      cohort++;
      children += offspring.get(i) ?? 0;
    }
    for (const j of state.infected) {
      const i = state.infector[j]!;
      if (i < 0) continue;
      const t = state.infectedAt[i]! / DAY_MINUTES;
      if (t >= first - 6 && t < last - 6) intervalSum += (state.infectedAt[j]! - state.infectedAt[i]!) / DAY_MINUTES;
    }
    const reproduction = children / cohort;
    const meanInterval = intervalSum / children;
    const expected = growthRateFor(reproduction, intrinsic.intervals);
    assert.ok(cohort >= 50, `cohort of ${cohort}`);
    assert.ok(reproduction > 1.3 && reproduction < 4, `R ${reproduction}`);
    assert.ok(Math.abs(observed - expected) <= 0.35 * expected, `growth rate ${observed.toFixed(3)}/day, expected ${expected.toFixed(3)} from R ${reproduction.toFixed(2)}`);
    // Realised intervals run a little short of the intrinsic ones (households run out of susceptibles).
    assert.ok(Math.abs(meanInterval - intrinsic.mean) <= 1.2, `mean generation interval ${meanInterval.toFixed(2)} d, intrinsic ${intrinsic.mean.toFixed(2)} d`);
  });
});
