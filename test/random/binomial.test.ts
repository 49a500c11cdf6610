import { describe, expect, it } from 'vitest';
import { btrdConstants, randomBinomial } from '../../src/random/binomial.ts';
import { createStream } from '../../src/random/source.ts';
import { logGamma } from '../../src/stats/special.ts';
import { chiSquare, expectMoments, sample } from '../helpers/goodnessOfFit.ts';

const source = () => createStream('test', 0).next;

/** The binomial pmf by the textbook formula C(n, k) p^k q^{n−k} in logs (logGamma, not the sampler's saddle-point form). */
const pmf = (n: number, p: number) => {
  const c = logGamma(n + 1),
    lp = Math.log(p),
    lq = Math.log1p(-p);
  return (k: number) =>
    k < 0 || k > n ? 0 : Math.exp(c - logGamma(k + 1) - logGamma(n - k + 1) + k * lp + (n - k) * lq);
};

/** Mean np and variance npq within 5 standard errors; μ₄ = npq(1 + 3(n − 2)pq). */
function expectBinomialMoments(x: Float64Array, n: number, p: number) {
  const q = 1 - p,
    v = n * p * q;
  expectMoments(x, n * p, v, v * (1 + 3 * (n - 2) * p * q));
}

const CASES: [number, number][] = [
  [50, 0.999], // flipped to p = 0.001: inversion, then n − K
  [1000, 0.005], // inversion, n·p = 5
  [20, 0.5], // BTRD at its threshold n·p = 10
  [23, 0.457], // the scan's tightest hat
  [1000, 0.3],
  [720000, 0.04], // Hangzhou-sized: 720,000 members, rate 4%
  [1e9, 1e-8], // n·p = 10 with n = 1e9
  [1e9, 0.3],
  [1e9, 0.999999], // flipped, n·(1 − p) = 1000
];

describe('randomBinomial', () => {
  it('has mean np and variance npq from n = 20 to n = 1e9 (100,000 draws each, 5 standard errors)', () => {
    for (const [n, p] of CASES) expectBinomialMoments(sample(randomBinomial(source())(n, p), 100_000), n, p);
  });

  it('fits the binomial pmf by chi-square, inversion and BTRD alike (100,000 draws each, α = 0.001)', () => {
    for (const [n, p] of CASES) {
      const sd = Math.sqrt(n * p * (1 - p));
      const lo = Math.max(0, Math.floor(n * p - 12 * sd - 5)),
        hi = Math.min(n, Math.ceil(n * p + 15 * sd + 30));
      const { stat, critical } = chiSquare(
        sample(randomBinomial(source())(n, p), 100_000),
        pmf(n, p),
        lo,
        hi,
      );
      expect(stat).toBeLessThan(critical);
    }
  });

  it('n = 50, p = 0.999 never exceeds 50 and is mostly 50', () => {
    const x = sample(randomBinomial(source())(50, 0.999), 10_000);
    let fifty = 0;
    for (const v of x) {
      expect(v).toBeLessThanOrEqual(50);
      if (v === 50) fifty++;
    }
    const p50 = 0.999 ** 50;
    expect(Math.abs(fifty - 10_000 * p50)).toBeLessThan(5 * Math.sqrt(10_000 * p50 * (1 - p50)));
  });

  it('is the constant 0 for p = 0 or n = 0 and the constant n for p = 1, drawing nothing from the source', () => {
    const next = source();
    const zero = randomBinomial(next)(100, 0),
      none = randomBinomial(next)(0, 0.4),
      all = randomBinomial(next)(100, 1);
    expect([zero(), none(), all()]).toEqual([0, 0, 100]);
    expect(next()).toBe(source()());
  });

  it('has a BTRD hat that dominates the pmf and a box under it, at the tightest (n, p) of the scan', () => {
    // With T(u) = (2a/u_s + b)u + c, T'(u) = a/u_s² + b: T'(u)·P(⌊T(u)⌋)/(α P(m)) ≤ 1 for every u, ≥ v_r in the box.
    for (const [n, p] of [
      [20, 0.5],
      [23, 0.457],
      [40, 0.25],
      [1e4, 0.001],
      [182224380, 1e-5],
      [1e9, 0.3],
    ]) {
      const { a, b, c, alpha, vr, m } = btrdConstants(n, p);
      const f = pmf(n, p),
        fm = f(m);
      let hat = 0,
        box = Infinity;
      for (let j = 1; j < 20_000; j++) {
        const u = -0.5 + j / 20_000,
          us = 0.5 - Math.abs(u);
        const k = Math.floor(((2 * a) / us + b) * u + c);
        const r = ((a / (us * us) + b) * f(k)) / (alpha * fm);
        hat = Math.max(hat, r);
        if (us >= 0.07) box = Math.min(box, r - vr);
      }
      expect(hat).toBeLessThan(1);
      expect(box).toBeGreaterThan(0);
    }
  });

  it('gives the same sequence for the same seed and stream, by inversion and by BTRD', () => {
    for (const [n, p] of [
      [100, 0.02],
      [1000, 0.3],
    ]) {
      expect(sample(randomBinomial(source())(n, p), 500)).toEqual(
        sample(randomBinomial(source())(n, p), 500),
      );
      expect(sample(randomBinomial(createStream('test', 1).next)(n, p), 500)).not.toEqual(
        sample(randomBinomial(source())(n, p), 500),
      );
    }
  });
});
