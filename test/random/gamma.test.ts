import { describe, expect, it } from 'vitest';
import { randomGamma, randomGammaMeanCv } from '../../src/random/gamma.ts';
import { createStream } from '../../src/random/source.ts';
import { gammaP } from '../../src/stats/special.ts';
import { expectMoments, ks, sample } from '../helpers/goodnessOfFit.ts';

const source = () => createStream('test', 0).next;

/** Mean and variance within 5 standard errors; Gamma(k, θ) has mean kθ, variance kθ², μ₄ = 3k(k + 2)θ⁴. */
const expectGammaMoments = (x: Float64Array, k: number, theta: number) =>
  expectMoments(x, k * theta, k * theta * theta, 3 * k * (k + 2) * theta ** 4);

describe('randomGamma (Marsaglia–Tsang)', () => {
  it('has mean kθ and variance kθ² for shapes 0.01, 0.3, 1, 2.5, 1e4 and 1e8 (100,000 draws each, 5 standard errors)', () => {
    for (const [k, theta] of [
      [0.01, 100],
      [0.3, 3],
      [1, 1],
      [2.5, 3],
      [1e4, 1e-4],
      [1e8, 1e-8],
    ]) {
      expectGammaMoments(sample(randomGamma(source())(k, theta), 100_000), k, theta);
    }
  });

  it('passes a Kolmogorov–Smirnov test against P(k, x/θ) for shapes 0.01 to 1e4 (50,000 draws each, α = 0.001)', () => {
    for (const [k, theta] of [
      [0.01, 1],
      [0.3, 3],
      [0.999, 2],
      [1, 1],
      [2.5, 3],
      [37.2, 0.5],
      [1e4, 1e-4],
    ]) {
      const { d, critical } = ks(sample(randomGamma(source())(k, theta), 50_000), (x) =>
        gammaP(k, x / theta),
      );
      expect(d).toBeLessThan(critical);
    }
  });

  it('at shape 0.01 lets the draws below the smallest double underflow to 0, as often as P(X < 2.2e-308) says', () => {
    const n = 200_000;
    const x = sample(randomGamma(source())(0.01, 1), n);
    let zeros = 0;
    for (const v of x) if (v < 2.2250738585072014e-308) zeros++;
    const p = gammaP(0.01, 2.2250738585072014e-308); // ≈ 8.7e-4
    expect(Math.abs(zeros - n * p)).toBeLessThan(5 * Math.sqrt(n * p));
  });

  it('with scale 0 is the constant 0 and draws nothing from the source', () => {
    const next = source();
    const f = randomGamma(next)(2, 0);
    expect([f(), f()]).toEqual([0, 0]);
    expect(next()).toBe(source()());
  });

  it('gives the same sequence for the same seed and stream', () => {
    for (const k of [0.3, 4]) {
      expect(sample(randomGamma(source())(k, 1), 500)).toEqual(sample(randomGamma(source())(k, 1), 500));
      expect(sample(randomGamma(createStream('test', 1).next)(k, 1), 500)).not.toEqual(
        sample(randomGamma(source())(k, 1), 500),
      );
    }
  });
});

describe('randomGammaMeanCv', () => {
  it('is Gamma(1/cv², mean·cv²): mean and cv as given (the rate multiplier Θ with cv 0.05, and a cost with cv 1.5)', () => {
    expectGammaMoments(sample(randomGammaMeanCv(source())(1, 0.05), 100_000), 400, 1 / 400);
    expectGammaMoments(sample(randomGammaMeanCv(source())(3000, 1.5), 100_000), 1 / 2.25, 3000 * 2.25);
  });

  it('with cv = 0 is the constant mean and draws nothing from the source', () => {
    const next = source();
    const f = randomGammaMeanCv(next)(1, 0);
    expect([f(), f()]).toEqual([1, 1]);
    expect(next()).toBe(source()());
  });
});
