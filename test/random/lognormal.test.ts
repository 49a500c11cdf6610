import { describe, expect, it } from 'vitest';
import { randomLognormal } from '../../src/random/lognormal.ts';
import { createStream } from '../../src/random/source.ts';
import { normalCdf } from '../../src/stats/special.ts';
import { expectMoments, ks, meanVariance, sample } from '../helpers/goodnessOfFit.ts';

const source = () => createStream('test', 0).next;

/** σ² = ln(1 + cv²), μ = ln mean − σ²/2. */
const params = (mean: number, cv: number) => {
  const s2 = Math.log1p(cv * cv);
  return { mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
};

describe('randomLognormal', () => {
  it('has the given mean and cv (cv 0.5, 200,000 draws, 5 standard errors with the exact μ₄)', () => {
    const mean = 4000,
      cv = 0.5,
      n = 200_000;
    const { mu, sigma } = params(mean, cv);
    const raw = (k: number) => Math.exp(k * mu + (k * k * sigma * sigma) / 2); // E[X^k]
    const m1 = raw(1),
      variance = raw(2) - m1 * m1;
    const mu4 = raw(4) - 4 * raw(3) * m1 + 6 * raw(2) * m1 * m1 - 3 * m1 ** 4;
    expect(m1).toBeCloseTo(mean, 9);
    expect(Math.sqrt(variance) / m1).toBeCloseTo(cv, 12);
    expectMoments(sample(randomLognormal(source())(mean, cv), n), mean, variance, mu4);
  });

  it('has the given mean at cv 2 (the Hangzhou inpatient cost: 400,000 draws, 5 standard errors)', () => {
    const n = 400_000;
    const [m] = meanVariance(sample(randomLognormal(source())(4000, 2), n));
    expect(Math.abs(m - 4000)).toBeLessThan((5 * 2 * 4000) / Math.sqrt(n));
  });

  it('passes a Kolmogorov–Smirnov test against Φ((ln x − μ)/σ) at cv 0.5, 2 and 20 (100,000 draws each, α = 0.001)', () => {
    for (const cv of [0.5, 2, 20]) {
      const { mu, sigma } = params(1000, cv);
      const { d, critical } = ks(sample(randomLognormal(source())(1000, cv), 100_000), (x) =>
        normalCdf((Math.log(x) - mu) / sigma),
      );
      expect(d).toBeLessThan(critical);
    }
  });

  it('at cv 20 has ln X with mean μ and variance σ² = ln 401 (5 standard errors)', () => {
    const n = 200_000;
    const { mu, sigma } = params(1000, 20);
    const x = sample(randomLognormal(source())(1000, 20), n);
    const [m, v] = meanVariance(x.map(Math.log));
    expect(Math.abs(m - mu)).toBeLessThan((5 * sigma) / Math.sqrt(n));
    expect(Math.abs(v - sigma * sigma)).toBeLessThan(5 * Math.sqrt(2 / n) * sigma * sigma);
  });

  it('with cv = 0 is the constant mean and draws nothing from the source', () => {
    const next = source();
    const f = randomLognormal(next)(4000, 0);
    expect([f(), f()]).toEqual([4000, 4000]);
    expect(next()).toBe(source()());
  });

  it('gives the same sequence for the same seed and stream', () => {
    expect(sample(randomLognormal(source())(4000, 2), 500)).toEqual(
      sample(randomLognormal(source())(4000, 2), 500),
    );
    expect(sample(randomLognormal(createStream('test', 1).next)(4000, 2), 500)).not.toEqual(
      sample(randomLognormal(source())(4000, 2), 500),
    );
  });
});
