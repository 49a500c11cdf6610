import { describe, expect, it } from 'vitest';
import { cumulativeSum } from '../../../src/stats/numerics/kahanCumulative.ts';
import { fsum, NeumaierSum, sumOf } from '../../../src/stats/numerics/neumaierSum.ts';
import { meanSd } from '../../../src/stats/moments.ts';

/** Integers of every size up to 2^53 with both signs (exactly summed with BigInt). */
function integers(n: number, seed: number): number[] {
  let s = seed;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () => Math.round((next() - 0.5) * 2 ** Math.floor(next() * 54)));
}

describe('fsum, sumOf and NeumaierSum (Neumaier)', () => {
  it('repeat the doc example: 1 + 1e100 + 1 − 1e100 = 2 (plain summation gives 0)', () => {
    expect(fsum([1, 1e100, 1, -1e100])).toBe(2);
    expect([1, 1e100, 1, -1e100].reduce((a, b) => a + b)).toBe(0);
  });
  it('sum ten copies of 0.1 to the correctly rounded 1 (plain summation: 0.9999999999999999)', () => {
    expect(fsum(new Array(10).fill(0.1))).toBe(1);
    expect(sumOf(10, () => 0.1)).toBe(1);
  });
  it('equal the exact (BigInt) sum of integers of every size to within one rounding', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const xs = integers(2000, seed);
      const exact = Number(xs.reduce((a, x) => a + BigInt(x), 0n));
      const got = fsum(Float64Array.from(xs));
      expect(Math.abs(got - exact)).toBeLessThanOrEqual(Math.abs(exact) * Number.EPSILON);
      expect(sumOf(xs.length, (i) => xs[i])).toBe(got);
    }
  });
  it('expose the running uncompensated sum and the compensated value', () => {
    const acc = new NeumaierSum();
    for (const v of [1e16, 1, 1]) acc.add(v);
    expect(acc.sum).toBe(1e16); // each 1 is lost in the plain sum
    expect(acc.value()).toBe(1e16 + 2);
  });
  it('give 0 for nothing, and NaN for a NaN or an infinite term (the correction takes ∞ − ∞)', () => {
    expect(fsum([])).toBe(0);
    expect(sumOf(0, () => 1)).toBe(0);
    expect(fsum([1, NaN])).toBeNaN();
    expect(fsum([1, Infinity])).toBeNaN();
  });
});

describe('cumulativeSum (Kahan)', () => {
  it('gives running sums whose last is the correctly rounded total: ten 0.1 reach 1', () => {
    const c = cumulativeSum(new Array(10).fill(0.1));
    expect(c).toBeInstanceOf(Float64Array);
    expect(c[9]).toBe(1);
    expect(c[0]).toBe(0.1);
    for (let i = 1; i < 10; i++) expect(c[i]).toBeGreaterThan(c[i - 1]);
  });
  it('keeps every prefix of a million small probabilities to within a few ulps of (i + 1)·p', () => {
    const p = 1e-6;
    const c = cumulativeSum(new Float64Array(1e6).fill(p));
    for (const i of [9, 999, 99_999, 999_999])
      expect(Math.abs(c[i] - (i + 1) * p)).toBeLessThan(4 * Number.EPSILON * (i + 1) * p);
  });
  it('is empty for nothing', () => {
    expect(cumulativeSum([]).length).toBe(0);
  });
});

describe('meanSd', () => {
  it('gives the mean and the n − 1 standard deviation: 1, 2, 3, 4 → 2.5 and √(5/3)', () => {
    const { mean, sd } = meanSd([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    expect(sd).toBeCloseTo(Math.sqrt(5 / 3), 15);
  });
  it('does not lose the spread of values far from 0 (1e9 + 1, 1e9 + 2, 1e9 + 3: sd 1)', () => {
    expect(meanSd([1e9 + 1, 1e9 + 2, 1e9 + 3]).sd).toBe(1);
  });
  it('gives sd 0 for one value and throws for none', () => {
    expect(meanSd([5])).toEqual({ mean: 5, sd: 0 });
    expect(() => meanSd([])).toThrow(RangeError);
  });
});
