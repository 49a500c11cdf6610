import { describe, expect, it } from 'vitest';
import { randomNormal, standardNormal, zigguratTables } from '../../src/random/normal.ts';
import { createStream } from '../../src/random/source.ts';
import { normalCdf, normalSf } from '../../src/stats/special.ts';
import { expectMoments, ks, sample } from '../helpers/goodnessOfFit.ts';

const source = () => createStream('test', 0).next;

describe('randomNormal', () => {
  it('has mean mu and variance sigma² (200,000 draws, 5 standard errors)', () => {
    expectMoments(sample(randomNormal(source())(10, 2), 200_000), 10, 4, 3 * 16);
  });

  it('passes a Kolmogorov–Smirnov test against Φ (200,000 draws, α = 0.001)', () => {
    const { d, critical } = ks(sample(standardNormal(source()), 200_000), normalCdf);
    expect(d).toBeLessThan(critical);
  });

  it('draws beyond the ziggurat tail start R follow the normal tail (KS on |Z| > R, α = 0.001)', () => {
    const { R } = zigguratTables;
    const z = standardNormal(createStream('test', 1).next);
    const tail: number[] = [];
    for (let i = 0; i < 3_000_000; i++) {
      const v = z();
      if (Math.abs(v) > R) tail.push(Math.abs(v));
    }
    // Expected count 3e6 · 2(1 − Φ(R)) ≈ 1,728: within 5 standard errors.
    const expected = 3e6 * 2 * normalSf(R);
    expect(Math.abs(tail.length - expected)).toBeLessThan(5 * Math.sqrt(expected));
    const { d, critical } = ks(Float64Array.from(tail), (x) => 1 - normalSf(x) / normalSf(R));
    expect(d).toBeLessThan(critical);
  });

  it('builds 128 layers of equal area V that close at the top of the density', () => {
    const { X, V, R } = zigguratTables;
    // The closing R and V solved at 40 digits with mpmath; Doornik (2005) prints
    // 3.442619855899 and 9.91256303526217e-3, off in the 12th digit.
    expect(Math.abs(R - 3.4426198558966521214)).toBeLessThan(1e-14);
    expect(Math.abs(V - 0.0099125630353364610791)).toBeLessThan(1e-16);
    for (let i = 1; i < 128; i++) {
      const area = X[i] * (Math.exp(-0.5 * X[i + 1] ** 2) - Math.exp(-0.5 * X[i] ** 2));
      expect(Math.abs(area - V) / V).toBeLessThan(1e-11);
    }
    expect(X[0] * Math.exp(-0.5 * R * R)).toBeCloseTo(V, 15);
  });

  it('with sigma = 0 is the constant mu and draws nothing from the source', () => {
    const next = source();
    const f = randomNormal(next)(7.5, 0);
    expect([f(), f(), f()]).toEqual([7.5, 7.5, 7.5]);
    expect(next()).toBe(source()());
  });

  it('gives the same sequence for the same seed and stream, and another for another stream', () => {
    const a = sample(randomNormal(source())(0, 1), 1000);
    const b = sample(randomNormal(source())(0, 1), 1000);
    const c = sample(randomNormal(createStream('test', 1).next)(0, 1), 1000);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});
