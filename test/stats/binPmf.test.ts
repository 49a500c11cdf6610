import { describe, expect, it } from 'vitest';
import { binPmf } from '../../src/stats/binPmf.ts';

const cumulative = (pmf: number[]) => {
  let c = 0;
  return pmf.map((p) => (c += p));
};

describe('binPmf', () => {
  it('cuts four lattice points into two bins of two points each, edges half a cell out', () => {
    // points 0, 1, 2, 3 (h = 1): cells [-0.5, 0.5) … [2.5, 3.5); two bins of width 2 from -0.5
    const pmf = [0.1, 0.2, 0.3, 0.4];
    const bins = binPmf(0, 1, pmf, cumulative(pmf), { bins: 2, tail: 0, scale: 1 });
    expect(bins.map((b) => [b.x0, b.x1])).toEqual([
      [-0.5, 1.5],
      [1.5, 3.5],
    ]);
    expect(bins[0].count).toBeCloseTo(0.3, 15);
    expect(bins[1].count).toBeCloseTo(0.7, 15);
  });
  it('places the lattice at origin + i·h and scales the counts (parts per million)', () => {
    // points 1000, 1500, 2000 (h = 500): span 3 cells = 1500 over 3 bins of 500 from 750
    const pmf = [0.25, 0.5, 0.25];
    const bins = binPmf(1000, 500, pmf, cumulative(pmf), { bins: 3, tail: 0, scale: 1e6 });
    expect(bins).toEqual([
      { x0: 750, x1: 1250, count: 250000 },
      { x0: 1250, x1: 1750, count: 500000 },
      { x0: 1750, x1: 2250, count: 250000 },
    ]);
  });
  it('leaves out the far tails: points below cdf = tail, and above the last whose predecessor passes 1 − tail', () => {
    // cdf: 0.0001, 0.0002, 0.5, 0.9999, 1 with tail 0.0005 → keep points 2 and 3 (point 4's predecessor has 0.9999 > 0.9995)
    const pmf = [0.0001, 0.0001, 0.4998, 0.4999, 0.0001];
    const bins = binPmf(0, 10, pmf, cumulative(pmf), { bins: 2, tail: 0.0005, scale: 1 });
    expect(bins.map((b) => [b.x0, b.x1])).toEqual([
      [15, 25],
      [25, 35],
    ]);
    expect(bins.map((b) => b.count)).toEqual([0.4998, 0.4999]);
  });
  it('never makes a bin narrower than a cell, and drops empty bins', () => {
    // two points, 40 bins wanted: width stays h = 1, bins from -0.5; only the first two hold mass
    const pmf = [0.5, 0.5];
    const bins = binPmf(0, 1, pmf, cumulative(pmf), { tail: 0 });
    expect(bins).toEqual([
      { x0: -0.5, x1: 0.5, count: 0.5 },
      { x0: 0.5, x1: 1.5, count: 0.5 },
    ]);
  });
  it('sums the kept mass whatever the bins (1 − the tails left out)', () => {
    const pmf = Array.from({ length: 101 }, () => 1 / 101);
    const bins = binPmf(0, 2, pmf, cumulative(pmf), { bins: 7, tail: 0 });
    expect(bins.reduce((s, b) => s + b.count, 0)).toBeCloseTo(1, 12);
    expect(bins.length).toBe(7);
  });
});
