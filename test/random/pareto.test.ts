import { describe, expect, it } from 'vitest';
import { randomPareto } from '../../src/random/pareto.ts';
import { createStream } from '../../src/random/source.ts';
import { expectMoments, ks, sample } from '../helpers/goodnessOfFit.ts';

const source = () => createStream('test', 0).next;

/** Lomax raw moments E[X^j] = s^j j! / ((α − 1)(α − 2)…(α − j)), α > j. */
function rawMoment(s: number, alpha: number, j: number): number {
  let r = 1;
  for (let i = 1; i <= j; i++) r *= (s * i) / (alpha - i);
  return r;
}

describe('randomPareto (Lomax, by inversion)', () => {
  it('has mean s/(α − 1) and variance s²α/((α − 1)²(α − 2)) at α = 6 (200,000 draws, 5 standard errors)', () => {
    const s = 10000,
      alpha = 6,
      n = 200_000;
    const m1 = rawMoment(s, alpha, 1);
    const variance = rawMoment(s, alpha, 2) - m1 * m1;
    const mu4 =
      rawMoment(s, alpha, 4) -
      4 * rawMoment(s, alpha, 3) * m1 +
      6 * rawMoment(s, alpha, 2) * m1 * m1 -
      3 * m1 ** 4;
    expect(variance).toBeCloseTo((s * s * alpha) / ((alpha - 1) ** 2 * (alpha - 2)), 3);
    expectMoments(sample(randomPareto(source())(s, alpha), n), m1, variance, mu4);
  });

  it('passes a Kolmogorov–Smirnov test against 1 − (s/(x + s))^α for α = 1.1, 2.5 and 6 (100,000 draws, α = 0.001)', () => {
    for (const alpha of [1.1, 2.5, 6]) {
      const s = 5000;
      const { d, critical } = ks(
        sample(randomPareto(source())(s, alpha), 100_000),
        (x) => 1 - (s / (x + s)) ** alpha,
      );
      expect(d).toBeLessThan(critical);
    }
  });

  it('is non-negative and keeps relative precision for the smallest draws (X ≈ s·U/α)', () => {
    // With a source that returns 1e-12, X = s·expm1(−ln(1 − u)/α) = s(u/α + …): no cancellation.
    const x = randomPareto(() => 1e-12)(1000, 2)();
    expect(Math.abs(x / (1000 * (1e-12 / 2)) - 1)).toBeLessThan(1e-11);
    expect(randomPareto(() => 0)(1000, 2)()).toBe(0);
  });

  it('gives the same sequence for the same seed and stream', () => {
    expect(sample(randomPareto(source())(100, 3), 500)).toEqual(sample(randomPareto(source())(100, 3), 500));
    expect(sample(randomPareto(createStream('test', 1).next)(100, 3), 500)).not.toEqual(
      sample(randomPareto(source())(100, 3), 500),
    );
  });
});
