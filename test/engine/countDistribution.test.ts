/**
 * The count distributions (days in hospital, one member's events) against derivations written here:
 * the Poisson and negative binomial pmfs by their recurrences P(k+1) = P(k)·m/(k+1) and
 * P(k+1) = P(k)·(k+r)/(k+1)·m/(r+m), and E[min(K, m)] by a brute-force sum of min(k, m)·P(k).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type CountDistribution,
  daysCount,
  expectedMinCount,
  mixedPoissonCount,
  negativeBinomialBySize,
  negativeBinomialCount,
  poissonCount,
} from '../../src/engine/countDistribution.ts';
import { nextDown, nextUp } from '../helpers/nextUp.ts';
import { expectRel } from '../helpers/relative.ts';

/** |actual − expected| ≤ tol·|expected|. */
/** Poisson(m) probabilities P(0..n) by P(0) = e^{−m}, P(k) = P(k − 1)·m/k. */
function poissonPmfs(m: number, n: number): number[] {
  const p = [Math.exp(-m)];
  for (let k = 1; k <= n; k++) p.push((p[k - 1] * m) / k);
  return p;
}

/** Negative binomial (mean m, size r) P(0..n): P(0) = (r/(r + m))^r = e^{−r·ln(1 + m/r)}, then the recurrence. */
function nbPmfs(m: number, r: number, n: number): number[] {
  const p = [Math.exp(-r * Math.log1p(m / r))];
  for (let k = 0; k < n; k++) p.push(((p[k] * (k + r)) / (k + 1)) * (m / (r + m)));
  return p;
}

/** ln k! by summing ln j (for means whose e^{−m} underflows). */
function logFactorials(n: number): number[] {
  const l = [0];
  for (let j = 1; j <= n; j++) l.push(l[j - 1] + Math.log(j));
  return l;
}

/** E[min(K, m)] = Σ_k min(k, m)·P(k) over the given probabilities (the rest negligible). */
const bruteMin = (p: number[], m: number) => p.reduce((s, pk, k) => s + Math.min(k, m) * pk, 0);

describe('poissonCount', () => {
  it('gives e^{−m} m^k / k! for small and large means', () => {
    for (const m of [0.25, 3.5, 40]) {
      const K = poissonCount(m);
      const p = poissonPmfs(m, 120);
      expect(K.mean).toBe(m);
      expect(K.max).toBe(Infinity);
      for (let k = 0; k <= 120; k++) expectRel(K.pmf(k), p[k], 1e-12);
    }
  });
  it('at mean 0 is a point mass at 0 with max 0', () => {
    const K = poissonCount(0);
    expect(K.mean).toBe(0);
    expect(K.max).toBe(0);
    expect(K.pmf(0)).toBe(1);
    expect(K.pmf(1)).toBe(0);
    expect(K.pmf(2)).toBe(0);
  });
});

describe('negativeBinomialCount', () => {
  it('falls back to the Poisson when the variance (cv·m)² equals the mean exactly', () => {
    // m = 4, cv = 0.5: (cv·m)² = 4 = m, exactly.
    const K = negativeBinomialCount(4, 0.5);
    const p = poissonPmfs(4, 40);
    expect(K.max).toBe(Infinity);
    for (let k = 0; k <= 40; k++) expectRel(K.pmf(k), p[k], 1e-12);
  });
  it('and below it', () => {
    const K = negativeBinomialCount(4, 0.25);
    const p = poissonPmfs(4, 40);
    for (let k = 0; k <= 40; k++) expectRel(K.pmf(k), p[k], 1e-12);
  });
  it('is the negative binomial of size m²/(v − m) just above it', () => {
    // m = 4, cv = 0.625: v = 2.5² = 6.25, r = 16/2.25.
    const K = negativeBinomialCount(4, 0.625);
    const p = nbPmfs(4, 16 / 2.25, 80);
    expect(K.mean).toBe(4);
    for (let k = 0; k <= 80; k++) expectRel(K.pmf(k), p[k], 1e-12);
    // m = 4, cv = 0.75: v = 9, r = 16/5.
    const K2 = negativeBinomialCount(4, 0.75);
    const p2 = nbPmfs(4, 3.2, 80);
    for (let k = 0; k <= 80; k++) expectRel(K2.pmf(k), p2[k], 1e-12);
  });
});

describe('negativeBinomialBySize', () => {
  it('matches the recurrence in the saddle-point branch, for r < m and r ≥ m', () => {
    for (const [m, r] of [
      [4, 3.2],
      [2, 10],
      [0.3, 0.05],
      [50, 2.5],
      [1.5, 1.5],
      [7, 400],
    ]) {
      const K = negativeBinomialBySize(m, r);
      const p = nbPmfs(m, r, 200);
      expect(K.mean).toBe(m);
      expect(K.max).toBe(Infinity);
      for (let k = 0; k <= 200; k++) if (p[k] > 1e-290) expectRel(K.pmf(k), p[k], 1e-11);
    }
  });
  it('keeps P(0) = (r/(r + m))^r when r is far below m (no log1p of a rounded −1)', () => {
    // r = 1e-8, m = 1e8: r/(r + m) = 1e-16, P(0) = e^{1e-8·ln(1e-16)}.
    const K = negativeBinomialBySize(1e8, 1e-8);
    expectRel(K.pmf(0), Math.exp(1e-8 * (Math.log(1e-8) - Math.log(1e8))), 1e-14);
    // r = 1e-3, m = 1e6: the log1p form loses 1e-7 of ln(1 − x) here
    const K2 = negativeBinomialBySize(1e6, 1e-3);
    expectRel(K2.pmf(0), Math.exp(1e-3 * (Math.log(1e-3) - Math.log(1e6 + 1e-3))), 1e-13);
  });
  it('keeps P(0) = e^{−r·ln(1 + m/r)} when r is far above m (no log of a ratio rounded near 1)', () => {
    // r = 1e12, m = 0.5: r·ln(1 + m/r) = m − m²/(2r) + m³/(3r²) − …
    const K = negativeBinomialBySize(0.5, 1e12);
    expectRel(K.pmf(0), Math.exp(-0.5 + 0.25 / 2e12), 1e-14);
  });
  it('uses the expansion for k < 1e-10·r (r = 1e12), to 1e-12', () => {
    const m = 0.5,
      r = 1e12;
    const K = negativeBinomialBySize(m, r);
    const p = nbPmfs(m, r, 130);
    // k ≤ 99 is the expansion, 100 on the saddle point; both to far below k(k − 1)/(2r)'s size
    for (let k = 1; k <= 130; k++) expectRel(K.pmf(k), p[k], 1e-12);
  });
  it('keeps full precision in the expansion at a mean of 50 (r = 1e12: e^{−m} alone would be off by m²/(2r) = 1.25e-9)', () => {
    const m = 50,
      r = 1e12;
    const K = negativeBinomialBySize(m, r);
    const p = nbPmfs(m, r, 99);
    for (const k of [1, 10, 40, 50, 60, 99]) expectRel(K.pmf(k), p[k], 1e-12);
  });
  it('gives P(k) ≈ m^k/k! for a mean of 1e-300 with r = 1e12 (no m/r or r/m overflow)', () => {
    const K = negativeBinomialBySize(1e-300, 1e12);
    expectRel(K.pmf(0), 1, 1e-15);
    expectRel(K.pmf(1), 1e-300, 1e-12);
  });
  it('for r = 1e12 below a mean of 1e13, P(k) for small k vanishes like the recurrence', () => {
    const K = negativeBinomialBySize(1e13, 1e12);
    // ln P(0) = −r·ln 11 ≈ −2.4e12: every small k underflows
    for (const k of [0, 1, 5, 99]) expect(K.pmf(k)).toBe(0);
  });
});

describe('mixedPoissonCount', () => {
  it('is the Poisson at rate cv 0 and at a cv whose square underflows or whose 1/cv² overflows', () => {
    for (const cv of [0, 1e-160, 1e-200]) {
      const K = mixedPoissonCount(2.5, cv);
      const p = poissonPmfs(2.5, 40);
      expect(K.max).toBe(Infinity);
      for (let k = 0; k <= 40; k++) expectRel(K.pmf(k), p[k], 1e-12);
    }
  });
  it('is a point mass at 0 for λ = 0 at any rate cv', () => {
    const K = mixedPoissonCount(0, 0.5);
    expect(K.max).toBe(0);
    expect(K.mean).toBe(0);
    expect(K.pmf(0)).toBe(1);
    expect(K.pmf(1)).toBe(0);
  });
  it('is the negative binomial of size 1/cv² otherwise', () => {
    const K = mixedPoissonCount(2, 0.5);
    const p = nbPmfs(2, 4, 60);
    expect(K.mean).toBe(2);
    for (let k = 0; k <= 60; k++) expectRel(K.pmf(k), p[k], 1e-12);
    // a tiny cv: r = 1e8, still NB (variance λ + λ²·1e-8)
    const K2 = mixedPoissonCount(3, 1e-4);
    const p2 = nbPmfs(3, 1e8, 40);
    for (let k = 0; k <= 40; k++) expectRel(K2.pmf(k), p2[k], 1e-11);
  });
});

describe('daysCount', () => {
  it('poisson and negative-binomial days', () => {
    const P = daysCount({ dist: 'poisson', mean: 6 });
    const p = poissonPmfs(6, 50);
    expect(P.mean).toBe(6);
    expect(P.max).toBe(Infinity);
    for (let k = 0; k <= 50; k++) expectRel(P.pmf(k), p[k], 1e-12);
    const N = daysCount({ dist: 'negative-binomial', mean: 4, cv: 0.75 });
    const q = nbPmfs(4, 3.2, 60);
    expect(N.mean).toBe(4);
    for (let k = 0; k <= 60; k++) expectRel(N.pmf(k), q[k], 1e-12);
  });
  it('fixed days: all the mass on the value', () => {
    const K = daysCount({ dist: 'fixed', value: 3 });
    expect(K.mean).toBe(3);
    expect(K.max).toBe(3);
    expect([0, 1, 2, 3, 4].map(K.pmf)).toEqual([0, 0, 0, 1, 0]);
  });
  it('empirical days with repeated values: frequencies, mean and max', () => {
    const K = daysCount({ dist: 'empirical', values: [2, 5, 2, 7, 0] });
    expect(K.mean).toBe(16 / 5);
    expect(K.max).toBe(7);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(K.pmf)).toEqual([0.2, 0, 0.4, 0, 0, 0.2, 0, 0.2, 0]);
  });
});

describe('expectedMinCount: E[min(K, m)] against Σ min(k, m)·P(k)', () => {
  // built inside each test (beforeEach), not while the tests are collected: a mutation-testing run
  // switches its mutant on only for the tests themselves
  let P: CountDistribution, NB: CountDistribution;
  beforeEach(() => {
    P = poissonCount(3.5);
    NB = negativeBinomialBySize(2, 4);
  });
  const pP = poissonPmfs(3.5, 150);
  const pNB = nbPmfs(2, 4, 400);
  const ms = [0, 0.5, 1, 2.5, 3, nextDown(3), nextUp(3), 4.75, 12, 60];
  it('Poisson, at integer, non-integer and one-step-either-side caps', () => {
    for (const m of ms) expectRel(expectedMinCount(P, m), bruteMin(pP, m), 1e-13);
  });
  it('negative binomial', () => {
    for (const m of ms) expectRel(expectedMinCount(NB, m), bruteMin(pNB, m), 1e-13);
  });
  it('is the mean at m = Infinity, exactly', () => {
    expect(expectedMinCount(P, Infinity)).toBe(3.5);
    expect(expectedMinCount(NB, Infinity)).toBe(2);
  });
  it('a cap far above the mean gives the mean', () => {
    expectRel(expectedMinCount(P, 1e12), 3.5, 1e-14);
    expectRel(expectedMinCount(NB, 1e12), 2, 1e-14);
  });
  it('a mean of 800, whose first thousands of P(k) are tiny or 0, is not cut short', () => {
    const K = poissonCount(800);
    expectRel(expectedMinCount(K, 1600), 800, 1e-12);
    // E[min(K, 790.5)] by the brute-force sum in log space
    const lf = logFactorials(2000);
    const p = lf.map((l, k) => Math.exp(-800 + k * Math.log(800) - l));
    expectRel(expectedMinCount(K, 790.5), bruteMin(p, 790.5), 1e-9);
  });
  it('fixed days: min(value, m)', () => {
    const K = daysCount({ dist: 'fixed', value: 3 });
    for (const m of [0, 0.5, 2, 2.5, nextDown(3), 3, nextUp(3), 5, Infinity])
      expect(expectedMinCount(K, m)).toBe(Math.min(3, m));
  });
  it('empirical days, up to and beyond the largest value, with a gap above the mean', () => {
    const values = [2, 5, 2, 7, 0];
    const K = daysCount({ dist: 'empirical', values });
    const brute = (m: number) => values.reduce((s, v) => s + Math.min(v, m), 0) / values.length;
    for (const m of [0, 1, 2, 2.5, 3, 4, 5, 6, nextDown(7), 6.5])
      expectRel(expectedMinCount(K, m), brute(m), 1e-15);
    for (const m of [7, 7.5, 100]) expect(expectedMinCount(K, m)).toBe(16 / 5);
    // three stays of 0 and one of 10: mean 2.5, P(k) = 0 for 3 ≤ k ≤ 9
    const G = daysCount({ dist: 'empirical', values: [0, 0, 0, 10] });
    expect(expectedMinCount(G, 8)).toBe(2);
    expect(expectedMinCount(G, 9.5)).toBe(9.5 / 4);
  });
  it('a bounded count with P(K ≥ j) ≤ 1e-3 and a gap is summed to its end, not cut at the gap', () => {
    // 1,999 stays of 0 and one of 10: P(K ≥ 8) = 1/2000, P(K = 8) = 0
    const G = daysCount({ dist: 'empirical', values: [...Array<number>(1999).fill(0), 10] });
    expectRel(expectedMinCount(G, 8), 8 / 2000, 1e-15);
    expectRel(expectedMinCount(G, 9.5), 9.5 / 2000, 1e-15);
  });
  it('the largest value returns the mean itself, not the sum Σ k·P(k) (which rounds elsewhere)', () => {
    const values = [1, 1, 1, 3, 3, 3, 3, 3, 3, 9];
    const K = daysCount({ dist: 'empirical', values });
    expect(expectedMinCount(K, 9)).toBe(K.mean);
    expect(K.mean).toBe(30 / 10);
  });
  it('a rate of 1e-12: P(K ≥ 1) from the tail, not from 1 − cdf', () => {
    const lambda = 1e-12;
    const K = poissonCount(lambda);
    // E[min(K, m)] = m·P(K ≥ 1) for m ≤ 1; P(K ≥ 1) = −expm1(−λ)
    for (const m of [0.5, 1]) expectRel(expectedMinCount(K, m), m * -Math.expm1(-lambda), 1e-13);
    expectRel(expectedMinCount(K, 3), lambda * Math.exp(-lambda) * (1 + lambda), 1e-13);
    const N = mixedPoissonCount(lambda, 2);
    const p = nbPmfs(lambda, 0.25, 30);
    expectRel(expectedMinCount(N, 0.5), 0.5 * p.slice(1).reduce((a, b) => a + b, 0), 1e-13);
  });
  it('a tail of P(K ≥ j) just below 1e-3 is summed; just above, 1 − cdf', () => {
    // Poisson(3.5): P(K ≥ 12) ≈ 1.3e-4 (summed), P(K ≥ 10) ≈ 3.3e-3 (1 − cdf)
    for (const m of [9.5, 11.5, 13, 20]) expectRel(expectedMinCount(P, m), bruteMin(pP, m), 1e-13);
  });
});

describe('CountDistribution is what the engine relies on', () => {
  it('every pmf sums to 1 and has the stated mean', () => {
    const cases: CountDistribution[] = [
      poissonCount(2.5),
      negativeBinomialBySize(3, 0.7),
      negativeBinomialBySize(3, 1e12),
      mixedPoissonCount(1.2, 0.9),
    ];
    for (const K of cases) {
      let s = 0,
        mean = 0;
      for (let k = 0; k < 3000; k++) {
        const p = K.pmf(k);
        s += p;
        mean += k * p;
      }
      expectRel(s, 1, 1e-12);
      expectRel(mean, K.mean, 1e-12);
    }
  });
});
