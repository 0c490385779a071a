/**
 * ln Γ(x) for x > 0 (Lanczos, g = 7).
 * @param x - argument
 */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Regularised lower incomplete gamma P(a, x): the gamma(shape a, scale 1) CDF at x.
 * @param a - shape, > 0
 * @param x - ≥ 0
 */
export function regularisedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lead = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return sum * Math.exp(lead);
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  let b = x + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return 1 - Math.exp(lead) * h;
}

/**
 * The serial interval discretised to whole days: w[k] = F(k) − F(k − 1) for k ≥ 1 and w[0] = 0,
 * F the gamma CDF with the given mean and sd, up to `maxDays`.
 * @param meanDays - mean of the gamma distribution
 * @param sdDays - standard deviation
 * @param maxDays - last day kept
 */
export function discretisedGamma(meanDays: number, sdDays: number, maxDays = 30): Float64Array {
  const shape = (meanDays / sdDays) ** 2;
  const scale = sdDays ** 2 / meanDays;
  const w = new Float64Array(maxDays + 1);
  for (let k = 1; k <= maxDays; k++) w[k] = regularisedGammaP(shape, k / scale) - regularisedGammaP(shape, (k - 1) / scale);
  return w;
}
