import { describe, expect, it } from 'vitest';
import { digamma, trigamma } from '../../src/history/digamma.ts';
import { maximise } from '../../src/history/maximise.ts';
import { bracketRoot, brentRoot } from '../../src/history/rootFind.ts';
import { logGamma } from '../../src/stats/special.ts';

const EULER = 0.5772156649015329;

describe('digamma and trigamma', () => {
  it('take their known values: ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ\'(1) = π²/6, ψ\'(½) = π²/2', () => {
    expect(digamma(1)).toBeCloseTo(-EULER, 15);
    expect(digamma(0.5)).toBeCloseTo(-EULER - 2 * Math.LN2, 14);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 14);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 14);
  });
  it('obey ψ(n) = −γ + Σ_{k<n} 1/k and ψ\'(n) = π²/6 − Σ_{k<n} 1/k², relatively to 1e-14', () => {
    let h = 0, h2 = 0;
    for (let n = 1; n <= 60; n++) {
      expect(Math.abs(digamma(n) - (h - EULER))).toBeLessThan(1e-14 * Math.max(1, Math.abs(h - EULER)));
      expect(Math.abs(trigamma(n) / (Math.PI ** 2 / 6 - h2) - 1)).toBeLessThan(1e-12);
      h += 1 / n;
      h2 += 1 / (n * n);
    }
  });
  it('are the derivatives of ln Γ (central differences) from 1e-3 to 1e6', () => {
    for (const x of [1e-3, 0.1, 0.7, 1.4616321449683622, 3.3, 9.99, 10, 47.5, 1e3, 1e6]) {
      const h = 1e-5 * x;
      const d1 = (logGamma(x + h) - logGamma(x - h)) / (2 * h);
      const d2 = (digamma(x + h) - digamma(x - h)) / (2 * h);
      expect(Math.abs(digamma(x) - d1)).toBeLessThan(1e-7 * Math.max(1, Math.abs(d1)));
      expect(Math.abs(trigamma(x) / d2 - 1)).toBeLessThan(1e-6);
    }
  });
  it('behave at the edges: 1/x dominates near 0, ln x at infinity, NaN for x ≤ 0', () => {
    expect(digamma(1e-10)).toBeCloseTo(-1e10 - EULER, 0);
    expect(trigamma(1e-5) / 1e10).toBeCloseTo(1, 8);
    expect(digamma(Infinity)).toBe(Infinity);
    expect(trigamma(Infinity)).toBe(0);
    expect(digamma(0)).toBeNaN();
    expect(trigamma(-1)).toBeNaN();
  });
});

describe('brentRoot and bracketRoot', () => {
  it('repeat the doc example: √2', () => {
    const r = brentRoot((x) => x * x - 2, 0, 2)!;
    expect(Math.abs(r.x - Math.SQRT2)).toBeLessThan(1e-13);
    expect(r.iterations).toBeLessThan(15);
  });
  it('converge on hard functions within the bracket: a cubic, a step, a flat start', () => {
    expect(brentRoot((x) => (x - 1) ** 3, -10, 3)!.x).toBeCloseTo(1, 4);
    expect(brentRoot((x) => (x < 0.3 ? -1 : 1), 0, 1)!.x).toBeCloseTo(0.3, 12);
    expect(brentRoot((x) => Math.exp(x) - 1e6, 0, 100)!.x).toBeCloseTo(Math.log(1e6), 12);
  });
  it('return null when the interval does not bracket a root, and an end that is a root', () => {
    expect(brentRoot((x) => x * x + 1, -1, 1)).toBeNull();
    expect(brentRoot((x) => x, 0, 1)).toEqual({ x: 0, fx: 0, iterations: 0 });
  });
  it('bracket an increasing function\'s root by doubling steps either way, or say there is none', () => {
    expect(bracketRoot((x) => x - 100, 0, -700, 700)).toEqual({ lo: 63, hi: 127 });
    expect(bracketRoot((x) => x + 5.5, 0, -700, 700)).toEqual({ lo: -7, hi: -3 });
    expect(bracketRoot((x) => Math.tanh(x) - 2, 0, -700, 700)).toBeNull();
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
});
