import { describe, expect, it } from 'vitest';
import { poissonOf, ptrsConstants, randomPoisson } from '../../src/random/poisson.ts';
import { createStream } from '../../src/random/source.ts';
import { logGamma } from '../../src/stats/special.ts';
import { chiSquare, expectMoments, sample } from '../helpers/goodnessOfFit.ts';

const source = () => createStream('test', 0).next;

/** The Poisson pmf by the textbook formula e^{−m} m^k / k! in logs (logGamma, not the sampler's saddle-point form). */
const pmf = (m: number) => (k: number) => Math.exp(-m + k * Math.log(m) - logGamma(k + 1));

/** Mean and variance within 5 standard errors; Poisson(m) has variance m and μ₄ = m(1 + 3m). */
const expectPoissonMoments = (x: Float64Array, m: number) => expectMoments(x, m, m, m * (1 + 3 * m));

const fitPoisson = (x: Float64Array, m: number) => {
  const sd = Math.sqrt(m);
  return chiSquare(x, pmf(m), Math.max(0, Math.floor(m - 12 * sd - 5)), Math.ceil(m + 15 * sd + 30));
};

describe('randomPoisson', () => {
  it('has mean and variance m for m = 0.5, 9.99, 10, 1e4 and 1e9 (100,000 draws each, 5 standard errors)', () => {
    for (const m of [0.5, 9.99, 10, 1e4, 1e9])
      expectPoissonMoments(sample(randomPoisson(source())(m), 100_000), m);
  });

  it('fits the Poisson pmf by chi-square for means from 0.5 to 1e9, across the switch at 10 (100,000 draws each, α = 0.001)', () => {
    for (const m of [0.5, 3, 9.99, 10, 14.03, 29.66, 40.34, 100, 1e4, 1e9]) {
      const { stat, critical, cells } = fitPoisson(sample(randomPoisson(source())(m), 100_000), m);
      expect(cells).toBeGreaterThan(3);
      expect(stat).toBeLessThan(critical);
    }
  });

  it('works beyond 1e9: mean 1e12 has mean and variance 1e12 (20,000 draws)', () => {
    expectPoissonMoments(sample(randomPoisson(source())(1e12), 20_000), 1e12);
  });

  it('with mean 0 is the constant 0 and draws nothing from the source', () => {
    const next = source();
    const f = randomPoisson(next)(0);
    expect([f(), f()]).toEqual([0, 0]);
    expect(next()).toBe(source()());
  });

  it('has a PTRS hat that dominates the pmf and a box that lies under it, at the worst means of the scan', () => {
    // Exactness of transformed rejection: with T(u) = (2a/u_s + b)u + m + 0.43, T'(u) = a/u_s² + b,
    // every u must have T'(u)·P(⌊T(u)⌋)·α ≤ 1, the box (u_s ≥ 0.07) ≥ v_r, and the quick
    // rejection (u_s < 0.013) ≤ u_s.
    for (const m of [10, 14.03, 20, 29.656, 40.34, 100, 1000, 1e6]) {
      const { a, b, invAlpha, vr } = ptrsConstants(m);
      const f = pmf(m);
      let hat = 0,
        box = Infinity,
        quick = -Infinity;
      for (let j = 1; j < 20_000; j++) {
        const u = -0.5 + j / 20_000,
          us = 0.5 - Math.abs(u);
        const k = Math.floor(((2 * a) / us + b) * u + m + 0.43);
        const r = k < 0 ? 0 : ((a / (us * us) + b) * f(k)) / invAlpha;
        hat = Math.max(hat, r);
        if (us >= 0.07) box = Math.min(box, r - vr);
        if (us < 0.013) quick = Math.max(quick, r - us);
      }
      expect(hat).toBeLessThan(1);
      expect(box).toBeGreaterThan(0);
      expect(quick).toBeLessThan(0);
    }
  });

  it('needs that widening: with Hörmann’s published constants the hat falls short of the pmf at mean 14.03', () => {
    const m = 14.03,
      b = 0.931 + 2.53 * Math.sqrt(m),
      a = -0.059 + 0.02483 * b,
      invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    let worst = 0;
    for (let j = 1; j < 200_000; j++) {
      const u = -0.5 + j / 200_000,
        us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + m + 0.43);
      if (k >= 0) worst = Math.max(worst, ((a / (us * us) + b) * pmf(m)(k)) / invAlpha);
    }
    expect(worst).toBeGreaterThan(1.005);
  });

  it('gives the same sequence for the same seed and stream, on both sides of the switch', () => {
    for (const m of [3, 300]) {
      expect(sample(randomPoisson(source())(m), 500)).toEqual(sample(randomPoisson(source())(m), 500));
      expect(sample(randomPoisson(createStream('test', 1).next)(m), 500)).not.toEqual(
        sample(randomPoisson(source())(m), 500),
      );
    }
  });
});

describe('poissonOf (a new mean every draw)', () => {
  it('fits the Poisson pmf at means 0.7 and 55, and gives 0 at mean 0', () => {
    const draw = poissonOf(source());
    for (const m of [0.7, 55]) {
      const { stat, critical } = fitPoisson(
        sample(() => draw(m), 50_000),
        m,
      );
      expect(stat).toBeLessThan(critical);
    }
    expect(draw(0)).toBe(0);
  });
});
