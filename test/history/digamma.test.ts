import { describe, expect, it } from 'vitest';
import { digamma, trigamma } from '../../src/history/digamma.ts';
import { logGamma } from '../../src/stats/special.ts';

const EULER = 0.5772156649015329;

describe('digamma and trigamma', () => {
  it("take their known values: ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ'(1) = π²/6, ψ'(½) = π²/2", () => {
    expect(digamma(1)).toBeCloseTo(-EULER, 15);
    expect(digamma(0.5)).toBeCloseTo(-EULER - 2 * Math.LN2, 14);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 14);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 14);
  });
  it("obey ψ(n) = −γ + Σ_{k<n} 1/k and ψ'(n) = π²/6 − Σ_{k<n} 1/k², relatively to 1e-14", () => {
    let h = 0,
      h2 = 0;
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
