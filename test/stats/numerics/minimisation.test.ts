import { describe, expect, it } from 'vitest';
import { goldenSection } from '../../../src/stats/numerics/goldenSection.ts';
import { maximise } from '../../../src/stats/numerics/maximise.ts';

const PHI = (Math.sqrt(5) - 1) / 2;

describe('goldenSection', () => {
  it('repeats the doc example: the minimum of (x − 1)² on [−5, 5]', () => {
    const m = goldenSection((x) => (x - 1) ** 2, -5, 5, { tolerance: 1e-10, relative: true });
    expect(Math.abs(m.x - 1)).toBeLessThan(1e-7);
    expect(m.fx).toBeLessThan(1e-14);
  });
  it('finds known minima: x ln x at 1/e, cosh x − x·sinh 1 at 1, e^x − 2x at ln 2', () => {
    expect(goldenSection((x) => x * Math.log(x), 0.01, 2, { tolerance: 1e-12 }).x).toBeCloseTo(1 / Math.E, 7);
    expect(goldenSection((x) => Math.cosh(x) - x * Math.sinh(1), -3, 4, { tolerance: 1e-12 }).x).toBeCloseTo(
      1,
      7,
    );
    expect(goldenSection((x) => Math.exp(x) - 2 * x, -10, 10, { tolerance: 1e-12 }).fx).toBeCloseTo(
      2 - 2 * Math.LN2,
      14,
    );
  });
  it('shrinks the interval by φ per evaluation: from width 1 to 1e-4 in ⌈ln 1e4 / ln(1/φ)⌉ steps', () => {
    let calls = 0;
    goldenSection(
      (x) => {
        calls++;
        return (x - 0.3) ** 2;
      },
      0,
      1,
      { tolerance: 1e-4 },
    );
    expect(calls).toBe(2 + Math.ceil(Math.log(1e4) / Math.log(1 / PHI)));
  });
  it('stops at maxIterations, and scales the tolerance by |a| + |b| when relative', () => {
    let calls = 0;
    goldenSection(
      (x) => {
        calls++;
        return x * x;
      },
      -1,
      1,
      { tolerance: 0, maxIterations: 7 },
    );
    expect(calls).toBe(9);
    calls = 0;
    goldenSection(
      (x) => {
        calls++;
        return (x - 1000) ** 2;
      },
      999,
      1001,
      { tolerance: 1e-3, relative: true },
    );
    expect(calls).toBe(2); // 1001 − 999 = 2 ≤ 1e-3·2000
  });
  it('goes to the end for a monotone function and returns a point of the interval for a flat one', () => {
    expect(goldenSection((x) => x, 0, 1, { tolerance: 1e-9 }).x).toBeLessThan(1e-8);
    const flat = goldenSection(() => 7, 2, 3, { tolerance: 1e-6 });
    expect(flat.fx).toBe(7);
    expect(flat.x).toBeGreaterThanOrEqual(2);
    expect(flat.x).toBeLessThanOrEqual(3);
  });
  it('gives NaN for a NaN function and allows +Infinity outside a domain', () => {
    expect(goldenSection(() => NaN, 0, 1, { tolerance: 1e-3 }).fx).toBeNaN();
    const m = goldenSection((x) => (x < 0.5 ? (x - 0.4) ** 2 : Infinity), 0, 1, { tolerance: 1e-9 });
    expect(m.x).toBeCloseTo(0.4, 4);
  });
});

describe('maximise (grid, then golden section)', () => {
  it('repeats the doc example', () => {
    const m = maximise((x) => -((x - 1) ** 2), -5, 5);
    expect(m.x).toBeCloseTo(1, 8);
    expect(m.atBound).toBeNull();
  });
  it('finds the global maximum of a bumpy function and reports a maximum at a bound', () => {
    const f = (x: number) => Math.sin(5 * x) + 0.3 * x; // on [0, 3]: best near x = 2.8
    const m = maximise(f, 0, 3, 300);
    for (let x = 0; x <= 3; x += 1e-3) expect(f(x)).toBeLessThanOrEqual(m.fx + 1e-12);
    expect(maximise((x) => x, 0, 1)).toEqual({ x: 1, fx: 1, atBound: 'upper' });
    expect(maximise((x) => -x, 0, 1).atBound).toBe('lower');
  });
  it('finds the maximum of the likelihood x^k e^{−x} at x = k', () => {
    const m = maximise((x) => 3 * Math.log(x) - x, 0.01, 20, 100, 1e-12);
    expect(m.x).toBeCloseTo(3, 6);
    expect(m.fx).toBeCloseTo(3 * Math.log(3) - 3, 12);
  });
  it('reports the lower end with fx = −Infinity for a function that is NaN everywhere', () => {
    expect(maximise(() => NaN, 2, 5)).toEqual({ x: 2, fx: -Infinity, atBound: 'lower' });
  });
});
