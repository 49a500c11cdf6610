import { describe, expect, it } from 'vitest';
import { DEFAULT_BINS, histogram, niceGrid } from '../../src/stats/histogram.ts';

const f = (...xs: number[]) => Float64Array.from(xs);
const counts = (bins: { count: number }[]) => bins.map((b) => b.count);
const edges = (bins: { x0: number; x1: number }[]) => [bins[0].x0, ...bins.map((b) => b.x1)];

describe('niceGrid', () => {
  it('takes the smallest of 1, 2, 2.5, 5 × 10^k that is at least span / bins', () => {
    expect(niceGrid(9, 5).width).toBe(2); // 1.8 → 2
    expect(niceGrid(10, 4).width).toBe(2.5); // 2.5 → 2.5
    expect(niceGrid(11, 4).width).toBe(5); // 2.75 → 5
    expect(niceGrid(30, 3).width).toBe(10); // 10 → 10
    expect(niceGrid(31, 3).width).toBe(20); // 10.33 → 20
    expect(niceGrid(1.2e7, 30).width).toBe(5e5); // 400,000 → 500,000
    expect(niceGrid(0.9, 4).width).toBe(0.25); // 0.225 → 0.25
  });
  it('gives widths below 1 with an exact integer inverse, so edges are the decimal ones', () => {
    expect(niceGrid(0.9, 4)).toEqual({ width: 0.25, inverse: 4 });
    expect(niceGrid(0.5, 10)).toEqual({ width: 0.05, inverse: 20 });
  });
  it('does not round a span / bins of 2.0000000000000004 (binary noise) up to the next width', () => {
    expect(2 + 2 ** -51).toBe(2.0000000000000004);
    expect(niceGrid(2 + 2 ** -51, 1).width).toBe(2);
    expect(niceGrid(3 * (0.1 + 0.2) * 10, 9).width).toBe(1); // 9.000000000000002 / 9
  });
  it('uses width 1 for a zero span', () => {
    expect(niceGrid(0, 10).width).toBe(1);
  });
});

describe('histogram', () => {
  it('cuts 0…9 into five bins of width 2, two values each', () => {
    const bins = histogram(f(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), { bins: 5 });
    expect(bins).toEqual([
      { x0: 0, x1: 2, count: 2 },
      { x0: 2, x1: 4, count: 2 },
      { x0: 4, x1: 6, count: 2 },
      { x0: 6, x1: 8, count: 2 },
      { x0: 8, x1: 10, count: 2 },
    ]);
  });
  it('puts a largest value that lies on an edge into the last bin, which is closed above (as d3)', () => {
    const bins = histogram(f(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), { bins: 5 });
    expect(edges(bins)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(counts(bins)).toEqual([2, 2, 2, 2, 3]);
  });
  it('counts a value on an inner edge in the bin that starts there', () => {
    expect(counts(histogram(f(0, 2, 2, 3.9, 4, 10), { bins: 5 }))).toEqual([1, 3, 1, 0, 1]);
  });
  it('aligns the first edge on a multiple of the width below the smallest value', () => {
    // span 7, 2 bins → 3.5 → width 5; −3 lies in [−5, 0)
    const bins = histogram(f(-3, -1, 4), { bins: 2 });
    expect(bins).toEqual([
      { x0: -5, x1: 0, count: 2 },
      { x0: 0, x1: 5, count: 1 },
    ]);
  });
  it('uses widths of 2.5 × 10^k: 0…10 in four bins', () => {
    const bins = histogram(f(0, 2.4, 2.5, 7.5, 10), { bins: 4 });
    expect(edges(bins)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(counts(bins)).toEqual([2, 1, 0, 2]);
  });
  it('cuts decimal edges as decimals: 0.3 falls in [0.3, 0.4), not [0.2, 0.3)', () => {
    const bins = histogram(f(0, 0.1, 0.2, 0.3, 0.7, 0.9), { bins: 9 });
    expect(edges(bins)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(counts(bins)).toEqual([1, 1, 1, 1, 0, 0, 0, 1, 1]);
  });
  it('bins period payouts in round amounts: 15.2 M to 29.9 M in bins of 500,000', () => {
    const bins = histogram(f(15.2e6, 18.6e6, 18.7e6, 25.92e6, 29.9e6), { bins: 30 });
    expect(bins[0].x0).toBe(15e6);
    expect(bins.at(-1)!.x1).toBe(30e6);
    expect(bins).toHaveLength(30);
    expect(bins.every((b) => b.x1 - b.x0 === 5e5)).toBe(true);
    expect(bins.find((b) => b.x0 === 18.5e6)!.count).toBe(2);
    expect(bins.find((b) => b.x0 === 25.5e6)!.count).toBe(1);
  });
  it('has counts that sum to n and at most bins + 1 bins, sorted or not', () => {
    let s = 1;
    const values = Float64Array.from({ length: 1000 }, () => (s = (s * 16807) % 2147483647) / 1e4);
    const unsorted = histogram(values, { bins: 17 });
    const sorted = histogram(Float64Array.from(values).sort(), { bins: 17 });
    expect(sorted).toEqual(unsorted);
    expect(counts(unsorted).reduce((a, b) => a + b, 0)).toBe(1000);
    expect(unsorted.length).toBeLessThanOrEqual(18);
  });
  it('does not modify its input', () => {
    const values = f(3, 1, 2);
    histogram(values);
    expect(Array.from(values)).toEqual([3, 1, 2]);
  });
  it('defaults to at most 30 bins', () => {
    expect(DEFAULT_BINS).toBe(30);
    const bins = histogram(Float64Array.from({ length: 101 }, (_, i) => i));
    expect(bins[0].x1 - bins[0].x0).toBe(5); // 100 / 30 = 3.33 → 5
    expect(bins).toHaveLength(20);
  });
  it('puts equal values in one bin of width 1', () => {
    expect(histogram(f(0, 0, 0))).toEqual([{ x0: 0, x1: 1, count: 3 }]);
    expect(histogram(f(7.5, 7.5))).toEqual([{ x0: 7, x1: 8, count: 2 }]);
  });
  it('returns no bins for no values, and empty bins over a given extent', () => {
    expect(histogram(new Float64Array(0))).toEqual([]);
    expect(histogram(new Float64Array(0), { bins: 2, extent: [0, 10] })).toEqual([
      { x0: 0, x1: 5, count: 0 },
      { x0: 5, x1: 10, count: 0 },
    ]);
  });
  it('gives two samples over one extent the same edges, for drawing versions over each other', () => {
    const a = histogram(f(12, 13, 40), { bins: 10, extent: [10, 90] });
    const b = histogram(f(50, 89.9), { bins: 10, extent: [10, 90] });
    expect(edges(a)).toEqual(edges(b));
    expect(edges(a)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(counts(a)).toEqual([2, 0, 0, 1, 0, 0, 0, 0]);
    expect(counts(b)).toEqual([0, 0, 0, 0, 1, 0, 0, 1]);
  });
  it('counts values outside a given extent in extra bins on the same grid', () => {
    const bins = histogram(f(5, 50, 95), { bins: 10, extent: [10, 90] });
    expect(edges(bins)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(counts(bins).reduce((a, b) => a + b, 0)).toBe(3);
    expect(bins[0].count).toBe(1);
    expect(bins.at(-1)!.count).toBe(1);
  });
  it('rejects values that are not finite, bins that are not a positive integer and a backward extent', () => {
    expect(() => histogram(f(1, NaN))).toThrow(RangeError);
    expect(() => histogram(f(1, Infinity))).toThrow(RangeError);
    expect(() => histogram(f(1, 2), { bins: 0 })).toThrow(RangeError);
    expect(() => histogram(f(1, 2), { bins: 2.5 })).toThrow(RangeError);
    expect(() => histogram(f(1, 2), { extent: [5, 1] })).toThrow(RangeError);
    expect(() => histogram(f(1, 2), { extent: [0, Infinity] })).toThrow(RangeError);
  });
});
