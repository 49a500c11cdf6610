/**
 * Shared by the sampler tests: drawing a sample, its mean and variance against the exact ones,
 * the Kolmogorov–Smirnov statistic, a chi-square fit of counts.
 */
import { expect } from 'vitest';
import { gammaQuantileUpper } from '../../src/stats/special.ts';

/** n draws of `f` in a Float64Array. */
export function sample(f: () => number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f();
  return out;
}

/** The sample mean and the sample variance (divisor n − 1). */
export function meanVariance(x: ArrayLike<number>): [number, number] {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const m = s / x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - m) ** 2;
  return [m, ss / (x.length - 1)];
}

/**
 * Expects the sample mean and variance within 5 standard errors of the exact `mean` and
 * `variance`: SE(mean) = √(σ²/n), SE(s²) = √((μ₄ − σ⁴)/n) from the exact fourth central moment μ₄.
 */
export function expectMoments(x: ArrayLike<number>, mean: number, variance: number, mu4: number): void {
  const n = x.length;
  const [m, v] = meanVariance(x);
  expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
  expect(Math.abs(v - variance)).toBeLessThan(5 * Math.sqrt((mu4 - variance ** 2) / n));
}

/** Kolmogorov–Smirnov D against `cdf`; at α = 0.001 the critical value is 1.9495/√n. */
export function ks(x: Float64Array, cdf: (x: number) => number): { d: number; critical: number } {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return { d, critical: 1.9495 / Math.sqrt(n) };
}

/**
 * Chi-square goodness of fit of integer draws to `pmf`: cells of consecutive k from `lo`,
 * each expecting at least 50 draws, the last taking everything above; draws below `lo`
 * (negligible mass) join the first. Critical value at α = 0.001: 2·Q⁻¹(df/2, 0.001).
 */
export function chiSquare(draws: Float64Array, pmf: (k: number) => number, lo: number, hi: number) {
  const n = draws.length;
  const starts = [lo];
  const expected: number[] = [];
  let acc = 0,
    closed = 0;
  for (let k = lo; k <= hi; k++) {
    acc += pmf(k);
    if (acc * n >= 50) {
      expected.push(acc * n);
      closed += acc;
      starts.push(k + 1);
      acc = 0;
    }
  }
  const rest = n * (1 - closed);
  if (rest >= 50) expected.push(rest);
  else {
    starts.pop();
    expected[expected.length - 1] += Math.max(rest, 0);
  }
  const observed = new Array(expected.length).fill(0);
  for (const x of draws) {
    let a = 0,
      b = starts.length - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (starts[mid] <= x) a = mid;
      else b = mid - 1;
    }
    observed[a]++;
  }
  let stat = 0;
  for (let j = 0; j < expected.length; j++) stat += (observed[j] - expected[j]) ** 2 / expected[j];
  return { stat, critical: 2 * gammaQuantileUpper(0.001, (expected.length - 1) / 2), cells: expected.length };
}
