/**
 * src/engine/fft/latticeDistribution.ts: stepQuantile, quantileAt, survivalAt and latticeMoments on
 * tiny hand pmfs whose masses are quarters, so that every cumulative sum is exact and `<` and `≤`
 * differ at each boundary. The main one: origin 10, h = 2, pmf 1/4, 1/2, 0, 1/4 at 10, 12, 14, 16
 * (cdf 1/4, 3/4, 3/4, 1):
 *
 * - lattice convention: the p-quantile is the smallest point with F ≥ p, P(S > x) = 1 − F(⌊x⌋);
 * - cell convention: F piecewise linear through (x_i + h/2, cdf[i]), so F(x_i − h/2) = cdf[i−1],
 *   and Q(p) = x_i − h/2 + h·(p − cdf[i−1])/pmf[i];
 * - mean Σ x·p = 2.5 + 6 + 4 = 12.5, E[S²] = 25 + 72 + 64 = 161, variance 161 − 156.25 = 4.75.
 *
 * The binary search for the first cdf[i] ≥ p is also checked on a longer cdf against a linear scan.
 */
import { describe, expect, it } from 'vitest';
import {
  type LatticeDistribution,
  latticeMoments,
  quantileAt,
  stepQuantile,
  survivalAt,
} from '../../../src/engine/fft/latticeDistribution.ts';

function dist(pmf: number[], lattice: boolean, origin = 10, h = 2, cdf?: number[]): LatticeDistribution {
  let run = 0;
  const c = cdf ?? pmf.map((p) => (run += p));
  return { origin, h, pmf: Float64Array.from(pmf), cdf: Float64Array.from(c), lattice };
}
const quarters = [0.25, 0.5, 0, 0.25];

describe('stepQuantile and the lattice quantile', () => {
  it('the smallest grid point with F ≥ p, at and either side of each step', () => {
    for (const lattice of [true, false]) {
      const d = dist(quarters, lattice);
      const cases: [number, number][] = [
        [0, 10],
        [0.125, 10],
        [0.25, 10],
        [0.25 + 2 ** -20, 12],
        [0.5, 12],
        [0.75, 12],
        [0.75 + 2 ** -20, 16],
        [1, 16],
        [1.5, 16], // none reaches p: the last point
      ];
      for (const [p, x] of cases) expect(stepQuantile(d, p), `p = ${p}`).toBe(x);
    }
    const d = dist(quarters, true);
    for (const p of [0, 0.25, 0.5, 0.75 + 2 ** -20, 1]) expect(quantileAt(d, p)).toBe(stepQuantile(d, p));
    expect(quantileAt(d, 0.25 + 2 ** -20)).toBe(12);
    expect(quantileAt(d, 0.76)).toBe(16);
  });

  it('the binary search finds the first cdf[i] ≥ p on longer cdfs (against a linear scan)', () => {
    for (const n of [1, 2, 3, 5, 8, 13]) {
      const pmf = Array.from({ length: n }, (_, i) => (i % 3 === 1 ? 0 : 1 / 16));
      const d = dist(pmf, true, 0, 1);
      const ps = [0];
      for (const c of d.cdf) ps.push(c, c + 2 ** -30, c - 2 ** -30);
      for (const p of ps) {
        let first = d.cdf.findIndex((c) => c >= p);
        if (first < 0) first = n - 1;
        expect(stepQuantile(d, p), `n = ${n}, p = ${p}`).toBe(first);
      }
    }
  });

  it('origin and span enter as origin + i·h', () => {
    expect(stepQuantile(dist(quarters, true, -3, 0.5), 0.5)).toBe(-2.5);
    expect(stepQuantile(dist(quarters, true, 100, 8), 0.8)).toBe(124);
  });
});

describe('quantileAt: the cell convention', () => {
  it('interpolates within the cell [x_i − h/2, x_i + h/2)', () => {
    const d = dist(quarters, false);
    const cases: [number, number][] = [
      [0.125, 10], // i = 0: 9 + 2·(0.125/0.25)
      [0.0625, 9.5],
      [0.25, 11], // the top of cell 0
      [0.25 + 2 ** -20, 11 + 2 ** -18], // just into cell 1: 11 + 2·2^−20/0.5
      [0.5, 12], // 11 + 2·0.25/0.5
      [0.75, 13],
      [0.875, 16], // i = 3 (the empty cell 2 is skipped): 15 + 2·0.125/0.25
      [1, 17],
      [1.5, 17], // past the top: at most the cell's end
      [-0.5, 9], // below 0: at least the cell's start
    ];
    for (const [p, x] of cases) expect(quantileAt(d, p), `p = ${p}`).toBe(x);
  });

  it('an empty first cell counts whole, and the result is at least 0', () => {
    // pmf 0 at 10: p = 0 stops there, Q = 9 + 2·1
    expect(quantileAt(dist([0, 0.5, 0.5], false), 0)).toBe(11);
    // origin 0: Q(1/16) = −1 + 2·(1/16)/(1/4) = −0.5, so 0
    expect(quantileAt(dist(quarters, false, 0), 1 / 16)).toBe(0);
    expect(quantileAt(dist(quarters, false, 0), 3 / 16)).toBe(0.5);
  });
});

describe('survivalAt', () => {
  it('lattice: 1 − F(⌊(x − origin)/h + 1e-9⌋), 1 below the grid, 0 past it', () => {
    const d = dist(quarters, true);
    const cases: [number, number][] = [
      [9.5, 1],
      [10 - 1e-8, 1],
      [10 - 1e-9, 0.75], // within 1e-9 grid units of 10
      [10, 0.75],
      [11, 0.75],
      [12 - 1e-9, 0.25], // within 1e-9 grid units of 12
      [12 - 1e-7, 0.75],
      [12, 0.25],
      [15.9, 0.25],
      [16, 0],
      [17.9, 0],
      [18, 0], // index 4: past the grid
      [30, 0],
    ];
    for (const [x, s] of cases) expect(survivalAt(d, x), `x = ${x}`).toBe(s);
    // a cdf above 1 (round-off) gives 0, not below
    expect(survivalAt(dist([0.5, 0.75], true, 0, 1), 1)).toBe(0);
  });

  it('cells: 1 − F with F linear through (x_i + h/2, cdf[i])', () => {
    const d = dist(quarters, false);
    const cases: [number, number][] = [
      [8.5, 1],
      [9, 1], // the bottom of cell 0
      [10, 0.875], // F = 0.25/2
      [11, 0.75],
      [12, 0.5], // F = 0.25 + 0.5/2
      [14, 0.25], // the empty cell: F stays 0.75
      [15, 0.25],
      [16, 0.125],
      [16.5, 0.0625],
      [17 - 2 ** -20, 2 ** -23], // F = 0.75 + (1 − 2^−21)·0.25
      [17, 0], // index 4: past the grid
      [20, 0],
    ];
    for (const [x, s] of cases) expect(survivalAt(d, x), `x = ${x}`).toBe(s);
    // F above 1 (round-off in the cdf) gives 0
    expect(survivalAt(dist([0.5, 1], false, 0, 1, [0.5, 1.5]), 1.4)).toBe(0);
  });
});

describe('latticeMoments', () => {
  it('mean Σx·p and sd about it, whatever the centre', () => {
    for (const centre of [0, 1, 2.5, -3]) {
      const m = latticeMoments(dist(quarters, true), centre);
      expect(m.mean, `centre ${centre}`).toBeCloseTo(12.5, 12);
      expect(m.sd, `centre ${centre}`).toBeCloseTo(Math.sqrt(4.75), 12);
    }
    const m = latticeMoments(dist(quarters, false));
    expect(m.mean).toBe(12.5);
    expect(m.sd).toBe(Math.sqrt(4.75));
  });

  it('an unnormalised pmf: the mean is Σx·p, the sd is normalised by Σp', () => {
    // twice the quarters: Σx·p = 25; sd as before
    const m = latticeMoments(dist([0.5, 1, 0, 0.5], true), 1);
    expect(m.mean).toBeCloseTo(25, 12);
    expect(m.sd).toBeCloseTo(Math.sqrt(4.75), 12);
    // origin −3, h = 0.5, pmf 1/4 at −3 and 3/4 at −2: mean −0.75 − 1.5 = −2.25;
    // variance 0.25²·… : (−3 + 2.25)²/4 + (−2 + 2.25)²·3/4 = 0.140625 + 0.046875 = 0.1875
    const n = latticeMoments(dist([0.25, 0, 0.75], true, -3, 0.5), 2);
    expect(n.mean).toBeCloseTo(-2.25, 12);
    expect(n.sd).toBeCloseTo(Math.sqrt(0.1875), 12);
  });

  it('a point mass has sd 0 (not NaN when round-off makes the variance slightly negative)', () => {
    // 0.1 at index 3: m2/m0 − (m1/m0)² is −3.6e-15 in doubles
    const m = latticeMoments(dist([0, 0, 0, 0.1], true, 10, 2));
    expect(m.sd).toBe(0);
    expect(m.mean).toBeCloseTo(1.6, 12); // 16·0.1
  });
});
