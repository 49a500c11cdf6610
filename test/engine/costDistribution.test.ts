/**
 * The continuous cost distributions against closed forms written here: Pareto II (Lomax) in full;
 * the lognormal through an erfc written apart from src/stats (test/helpers/erfc.ts, relative error
 * < 1.2e-7); the gamma at integer shapes (cv = 1: exponential; cv = 0.5: shape 4), where
 * P(k, t) = e^{−t} Σ_{j≥k} t^j/j! and Q(k, t) = e^{−t} Σ_{j<k} t^j/j! are sums of positive terms.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CostDist } from '../../src/domain/scenario.ts';
import {
  type ContinuousCost,
  continuousCost,
  discreteValues,
  isContinuous,
} from '../../src/engine/costDistribution.ts';
import { phi } from '../helpers/erfc.ts';
import { expectRel } from '../helpers/relative.ts';

/** The reference functions of one distribution (ends excluded: 0 < x < ∞). */
interface Ref {
  mean: number;
  cdf(x: number): number;
  sf(x: number): number;
  /** P(lo ≤ X < hi) and E[X; lo ≤ X < hi] for 0 ≤ lo < hi ≤ ∞. */
  prob(lo: number, hi: number): number;
  partial(lo: number, hi: number): number;
}

/** Lomax: S(x) = (s/(x + s))^α; P(lo ≤ X < hi) = S(lo)·(1 − ((lo + s)/(hi + s))^α); E[X; X > x] = S(x)(αx + s)/(α − 1). */
function lomax(s: number, a: number): Ref {
  const S = (x: number) => (x === Infinity ? 0 : Math.pow(s / (x + s), a));
  const U = (x: number) => (x === Infinity ? 0 : (S(x) * (a * x + s)) / (a - 1));
  return {
    mean: s / (a - 1),
    cdf: (x) => -Math.expm1(-a * Math.log1p(x / s)),
    sf: S,
    prob: (lo, hi) => (hi === Infinity ? S(lo) : -S(lo) * Math.expm1(a * Math.log1p((lo - hi) / (hi + s)))),
    partial: (lo, hi) => U(lo) - U(hi),
  };
}

/** Lognormal by mean and cv, through Φ of test/helpers/erfc.ts. */
function lognormalRef(mean: number, cv: number): Ref & { mu: number; sigma: number } {
  const s2 = Math.log(1 + cv * cv);
  const sigma = Math.sqrt(s2);
  const mu = Math.log(mean) - s2 / 2;
  const z = (x: number) => (Math.log(x) - mu) / sigma;
  const cdf = (x: number) => (x === Infinity ? 1 : phi(z(x)));
  const sf = (x: number) => (x === Infinity ? 0 : phi(-z(x)));
  // E[X; X ≤ x] = mean·Φ(z − σ), E[X; X > x] = mean·Φ(σ − z)
  const lower = (x: number) => (x === Infinity ? mean : mean * phi(z(x) - sigma));
  const upper = (x: number) => (x === Infinity ? 0 : mean * phi(sigma - z(x)));
  const median = Math.exp(mu);
  return {
    mean,
    mu,
    sigma,
    cdf,
    sf,
    prob: (lo, hi) => (hi <= median ? cdf(hi) - cdf(lo) : sf(lo) - sf(hi)),
    partial: (lo, hi) => (hi <= median ? lower(hi) - lower(lo) : upper(lo) - upper(hi)),
  };
}

/** P(k, t) and Q(k, t) for an integer k ≥ 1 by their Poisson sums. */
function poissonTail(k: number, t: number): { P: number; Q: number } {
  let term = Math.exp(-t),
    Q = 0;
  for (let j = 0; j < k; j++) {
    Q += term;
    term *= t / (j + 1);
  }
  let P = 0;
  for (let j = k; term > 1e-300 && (j < t + 10 || term > 1e-18 * P); j++) {
    P += term;
    term *= t / (j + 1);
  }
  return { P, Q };
}

/** Gamma with integer shape k and scale θ (mean kθ): E[X; X ≤ x] = kθ·P(k + 1, x/θ). */
function gammaRef(k: number, theta: number): Ref {
  const mean = k * theta;
  const cdf = (x: number) => (x === Infinity ? 1 : poissonTail(k, x / theta).P);
  const sf = (x: number) => (x === Infinity ? 0 : poissonTail(k, x / theta).Q);
  const lower = (x: number) => (x === Infinity ? mean : mean * poissonTail(k + 1, x / theta).P);
  const upper = (x: number) => (x === Infinity ? 0 : mean * poissonTail(k + 1, x / theta).Q);
  // each side from the end where it is small: the interval's probability and moment without cancellation
  return {
    mean,
    cdf,
    sf,
    prob: (lo, hi) => (cdf(hi) < 0.5 ? cdf(hi) - cdf(lo) : sf(lo) - sf(hi)),
    partial: (lo, hi) => (cdf(hi) < 0.5 ? lower(hi) - lower(lo) : upper(lo) - upper(hi)),
  };
}

/** Intervals below, at, across and above the median, from 0 and to ∞. */
function intervals(median: number): [number, number][] {
  const m = median;
  return [
    [0.2 * m, 0.7 * m],
    [0.5 * m, m],
    [m, 2 * m],
    [0.5 * m, 2 * m],
    [1.5 * m, 4 * m],
    [0, 0.6 * m],
    [0, 3 * m],
    [0.3 * m, Infinity],
    [3 * m, Infinity],
    [0, Infinity],
  ];
}

function checkAgainst(X: ContinuousCost, ref: Ref, tol: number) {
  expectRel(X.mean, ref.mean, 1e-14);
  for (const x of [0.01, 0.3, 1, 2.5, 10].map((f) => f * X.median)) {
    expectRel(X.cdf(x), ref.cdf(x), tol);
    expectRel(X.sf(x), ref.sf(x), tol);
  }
  for (const [lo, hi] of intervals(X.median)) {
    expectRel(X.probBetween(lo, hi), ref.prob(lo, hi), tol);
    expectRel(X.meanBetween(lo, hi), ref.partial(lo, hi), tol);
  }
  // the ends: x ≤ 0, x = ∞; lo ≤ 0 counts from 0
  expect([X.cdf(0), X.cdf(-5), X.cdf(Infinity)]).toEqual([0, 0, 1]);
  expect([X.sf(0), X.sf(-5), X.sf(Infinity)]).toEqual([1, 1, 0]);
  const x = 0.8 * X.median,
    y = 1.7 * X.median;
  expect(X.probBetween(-5, x)).toBe(X.probBetween(0, x));
  expect(X.meanBetween(-5, y)).toBe(X.meanBetween(0, y));
  expect(X.probBetween(-5, Infinity)).toBe(1);
  expect(X.meanBetween(-5, Infinity)).toBe(X.mean);
  // an empty or reversed interval is 0
  for (const [lo, hi] of [
    [x, x],
    [y, y],
    [y, x],
    [x, 0],
    [Infinity, Infinity],
    [Infinity, y],
  ]) {
    expect(X.probBetween(lo, hi)).toBe(0);
    expect(X.meanBetween(lo, hi)).toBe(0);
  }
  // quantiles invert the reference: F(Q(p)) = p, S(Q↑(q)) = q
  for (const p of [1e-9, 0.01, 0.25, 0.5, 0.9]) expectRel(ref.cdf(X.quantile(p)), p, tol);
  for (const q of [1e-12, 1e-4, 0.1, 0.5, 0.75]) expectRel(ref.sf(X.quantileUpper(q)), q, tol);
  expect(X.quantile(0)).toBe(0);
  expect(X.quantileUpper(1)).toBe(0);
  expectRel(ref.cdf(X.median), 0.5, tol);
}

describe('isContinuous and discreteValues', () => {
  it('Pareto is continuous; lognormal and gamma when cv² > 0; empirical never', () => {
    expect(isContinuous({ dist: 'pareto', scale: 3000, shape: 2.5 })).toBe(true);
    for (const dist of ['lognormal', 'gamma'] as const) {
      expect(isContinuous({ dist, mean: 5000, cv: 0.5 })).toBe(true);
      expect(isContinuous({ dist, mean: 5000, cv: 1e-160 })).toBe(true); // cv² = 1e-320, subnormal
      expect(isContinuous({ dist, mean: 5000, cv: 1e-170 })).toBe(false); // cv² underflows to 0
      expect(isContinuous({ dist, mean: 5000, cv: 0 })).toBe(false);
    }
    expect(isContinuous({ dist: 'empirical', values: [1, 2, 3] })).toBe(false);
  });
  it('the discrete ones as equally weighted points: the values, or the mean at cv 0', () => {
    const values = [100, 250, 250, 9000];
    expect(discreteValues({ dist: 'empirical', values })).toEqual([100, 250, 250, 9000]);
    expect(discreteValues({ dist: 'lognormal', mean: 4200, cv: 0 })).toEqual([4200]);
    expect(discreteValues({ dist: 'gamma', mean: 3100, cv: 0 })).toEqual([3100]);
    expect(() => discreteValues({ dist: 'pareto', scale: 3000, shape: 2.5 })).toThrow(
      new RangeError('pareto is continuous'),
    );
  });
  it('continuousCost refuses empirical costs', () => {
    expect(() => continuousCost({ dist: 'empirical', values: [1, 2] })).toThrow(
      new RangeError('empirical costs are discrete'),
    );
  });
});

describe('Pareto II (Lomax) against its closed forms', () => {
  // scale 3000 times a cost scale of 2: s = 6000, α = 2.5
  const d: CostDist = { dist: 'pareto', scale: 3000, shape: 2.5 };
  // built inside each test (beforeEach), not while the tests are collected: a mutation-testing run
  // switches its mutant on only for the tests themselves
  let X: ContinuousCost;
  beforeEach(() => {
    X = continuousCost(d, 2);
  });
  const ref = lomax(6000, 2.5);
  it('mean s/(α − 1) and median s(2^{1/α} − 1)', () => {
    expect(X.mean).toBe(4000);
    expectRel(X.median, 6000 * (Math.pow(2, 0.4) - 1), 1e-15);
    expectRel(continuousCost(d).mean, 2000, 1e-15);
  });
  it('cdf, sf, intervals and quantiles', () => checkAgainst(X, ref, 1e-13));
  it('quantiles in closed form, also for tiny p and q', () => {
    for (const p of [0.1, 0.5, 0.9]) expectRel(X.quantile(p), 6000 * (Math.pow(1 - p, -0.4) - 1), 1e-14);
    // tiny p: s((1 − p)^{−1/α} − 1) = s(p/α + (1/α)(1/α + 1)p²/2 + …)
    expectRel(X.quantile(1e-12), 6000 * (0.4e-12 + 0.28e-24), 1e-14);
    for (const q of [1e-15, 0.01, 0.5]) expectRel(X.quantileUpper(q), 6000 * (Math.pow(q, -0.4) - 1), 1e-14);
  });
  it('an interval far in the tail is taken from the right (no 1 − F cancelling)', () => {
    // S(1e9) ≈ 9e-14
    expectRel(X.probBetween(1e9, 2e9), ref.prob(1e9, 2e9), 1e-12);
    expectRel(X.meanBetween(1e9, 2e9), ref.partial(1e9, 2e9), 1e-12);
    expectRel(X.probBetween(1e9, Infinity), ref.sf(1e9), 1e-13);
    expectRel(X.meanBetween(1e9, Infinity), ref.partial(1e9, Infinity), 1e-13);
  });
  it('an interval near 0 is taken from the left (no S − S cancelling)', () => {
    // P(1e-6 ≤ X < 2e-6) ≈ α·1e-6/s, from a ratio written apart from F
    expectRel(X.probBetween(1e-6, 2e-6), ref.prob(1e-6, 2e-6), 1e-12);
    expectRel(X.probBetween(0, 1e-6), ref.prob(0, 1e-6), 1e-12);
  });
});

describe('lognormal against Φ of an independent erfc', () => {
  const d: CostDist = { dist: 'lognormal', mean: 6000, cv: 1.5 };
  let X: ContinuousCost;
  beforeEach(() => {
    X = continuousCost(d, 1.5);
  });
  const ref = lognormalRef(9000, 1.5);
  it('mean and median e^μ', () => {
    expectRel(X.mean, 9000, 1e-15);
    expectRel(X.median, Math.exp(ref.mu), 1e-14);
    expectRel(X.median, 9000 / Math.sqrt(1 + 1.5 * 1.5), 1e-14);
  });
  it('cdf, sf, intervals and quantiles', () => checkAgainst(X, ref, 1e-6));
  it('quantiles e^{μ + σ z_p}', () => {
    // z = 1: p = Φ(1)
    expectRel(X.quantile(phi(1)), Math.exp(ref.mu + ref.sigma), 1e-6);
    expectRel(X.quantileUpper(phi(-2)), Math.exp(ref.mu + 2 * ref.sigma), 1e-6);
  });
  it('tails: far above from the right, far below from the left', () => {
    const hi = X.quantileUpper(1e-13),
      lo = X.quantile(1e-13);
    expectRel(X.probBetween(hi, 2 * hi), ref.prob(hi, 2 * hi), 1e-6);
    expectRel(X.meanBetween(hi, 2 * hi), ref.partial(hi, 2 * hi), 1e-6);
    expectRel(X.probBetween(lo / 2, lo), ref.prob(lo / 2, lo), 1e-6);
    expectRel(X.meanBetween(lo / 2, lo), ref.partial(lo / 2, lo), 1e-6);
  });
});

describe('gamma at integer shapes, against Poisson sums', () => {
  it('cv 1: the exponential of mean 2500 (cost scale 1.25)', () => {
    const X = continuousCost({ dist: 'gamma', mean: 2000, cv: 1 }, 1.25);
    const ref = gammaRef(1, 2500);
    expect(X.mean).toBe(2500);
    expectRel(X.median, 2500 * Math.LN2, 1e-12);
    checkAgainst(X, ref, 1e-12);
    for (const p of [0.1, 0.5, 0.99]) expectRel(X.quantile(p), -2500 * Math.log1p(-p), 1e-12);
    for (const q of [1e-12, 0.3]) expectRel(X.quantileUpper(q), -2500 * Math.log(q), 1e-12);
  });
  it('cv 0.5: shape 4, scale mean/4', () => {
    const X = continuousCost({ dist: 'gamma', mean: 3000, cv: 0.5 });
    const ref = gammaRef(4, 750);
    expect(X.mean).toBe(3000);
    checkAgainst(X, ref, 1e-12);
    // tails: P and E over intervals far above and far below
    const hi = X.quantileUpper(1e-13),
      lo = X.quantile(1e-13);
    expectRel(X.probBetween(hi, 1.5 * hi), ref.prob(hi, 1.5 * hi), 1e-11);
    expectRel(X.meanBetween(hi, 1.5 * hi), ref.partial(hi, 1.5 * hi), 1e-11);
    expectRel(X.probBetween(lo / 2, lo), ref.prob(lo / 2, lo), 1e-11);
    expectRel(X.meanBetween(lo / 2, lo), ref.partial(lo / 2, lo), 1e-11);
  });
});
