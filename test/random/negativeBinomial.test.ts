import { describe, expect, it } from 'vitest';
import { randomNegativeBinomial } from '../../src/random/negativeBinomial.ts';
import { createStream } from '../../src/random/source.ts';
import { logGamma } from '../../src/stats/special.ts';
import { chiSquare, expectMoments, sample } from '../helpers/goodnessOfFit.ts';

const source = () => createStream('test', 0).next;

/** NB by mean m and cv: r = m²/(v − m), P(k) = Γ(k+r)/(Γ(r) k!) p^r (1−p)^k with p = r/(r + m) (textbook form, in logs). */
const nbPmf = (m: number, cv: number) => {
  const v = (cv * m) ** 2,
    r = (m * m) / (v - m);
  const lp = Math.log(r / (r + m)),
    lq = Math.log(m / (r + m)),
    lgr = logGamma(r);
  return (k: number) => Math.exp(logGamma(k + r) - lgr - logGamma(k + 1) + r * lp + k * lq);
};
const poissonPmf = (m: number) => (k: number) => Math.exp(-m + k * Math.log(m) - logGamma(k + 1));

/** Mean and variance within 5 standard errors, with μ₄ summed from the pmf. */
function expectMomentsByPmf(
  x: Float64Array,
  pmf: (k: number) => number,
  mean: number,
  variance: number,
  kMax: number,
) {
  let mu4 = 0,
    total = 0;
  for (let k = 0; k <= kMax; k++) {
    const p = pmf(k);
    mu4 += p * (k - mean) ** 4;
    total += p;
  }
  expect(Math.abs(total - 1)).toBeLessThan(1e-9);
  expectMoments(x, mean, variance, mu4);
}

const CASES: [number, number][] = [
  [9, 0.9], // Hangzhou days: r = 81/56.61 = 1.43
  [2, 3], // r = 4/34: nearly all mass at 0 and a long tail
  [1000, 0.1], // r = 111
  [0.5, 1.5], // small mean, r = 0.25/0.0625 = 4
];

describe('randomNegativeBinomial (Gamma–Poisson mixture)', () => {
  it('has mean m and variance (cv·m)² (100,000 draws each, 5 standard errors)', () => {
    for (const [m, cv] of CASES) {
      expectMomentsByPmf(
        sample(randomNegativeBinomial(source())(m, cv), 100_000),
        nbPmf(m, cv),
        m,
        (cv * m) ** 2,
        Math.ceil(m * 60 + 500),
      );
    }
  });

  it('fits the negative binomial pmf by chi-square (100,000 draws each, α = 0.001)', () => {
    for (const [m, cv] of CASES) {
      const { stat, critical } = chiSquare(
        sample(randomNegativeBinomial(source())(m, cv), 100_000),
        nbPmf(m, cv),
        0,
        Math.ceil(m * 60 + 500),
      );
      expect(stat).toBeLessThan(critical);
    }
  });

  it('is the Poisson with that mean when cv² ≤ 1/m leaves no room for over-dispersion', () => {
    const { stat, critical } = chiSquare(
      sample(randomNegativeBinomial(source())(5, 0.3), 100_000),
      poissonPmf(5),
      0,
      60,
    );
    expect(stat).toBeLessThan(critical);
  });

  it('with mean 0 is the constant 0 and draws nothing from the source', () => {
    const next = source();
    const f = randomNegativeBinomial(next)(0, 2);
    expect([f(), f()]).toEqual([0, 0]);
    expect(next()).toBe(source()());
  });

  it('gives the same sequence for the same seed and stream', () => {
    expect(sample(randomNegativeBinomial(source())(9, 0.9), 500)).toEqual(
      sample(randomNegativeBinomial(source())(9, 0.9), 500),
    );
    expect(sample(randomNegativeBinomial(createStream('test', 1).next)(9, 0.9), 500)).not.toEqual(
      sample(randomNegativeBinomial(source())(9, 0.9), 500),
    );
  });
});
