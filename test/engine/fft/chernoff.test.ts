/**
 * src/engine/fft/chernoff.ts: the cumulant generating functions (compound mixed Poisson, a plain
 * pmf with slack, sums) against their closed forms written out here, and the tail bounds and
 * window points against the Poisson's, solved by hand:
 *
 *   Λ(s) = λ(e^s − 1) (claims of 1 on span 1);
 *   P(S ≥ x) ≤ exp(x − λ − x·ln(x/λ)) for x > λ (s = ln(x/λ)), 1 for 0 < x ≤ λ;
 *   P(S ≤ x) ≤ exp(x − λ + x·ln(λ/x)) for 0 < x < λ (s = ln(λ/x)), e^{−λ} at x = 0 (s → ∞);
 *   x_hi = inf (Λ(s) + L)/s: at e^s = k the first-order condition gives L = λ(k·ln k − k + 1)
 *          and x_hi = kλ;
 *   x_lo = −inf (Λ(−s) + L)/s: at e^{−s} = 1/k, L = λ(1 − 1/k − ln(k)/k) and x_lo = λ/k.
 *
 * The search is golden section to 1e-4 in ln s, where the objective is flat: 1e-7 relative.
 */
import { describe, expect, it } from 'vitest';
import {
  compoundCgf,
  lowerPoint,
  lowerTail,
  pmfCgf,
  sumCgf,
  upperPoint,
  upperTail,
} from '../../../src/engine/fft/chernoff.ts';
import { expectRel } from '../../helpers/relative.ts';

/** The mgf of 1/2 at 0, 1/4 at h, 1/4 at 2h, minus 1, written without cancellation. */
const mgf1 = (s: number, h: number) => 0.25 * Math.expm1(s * h) + 0.25 * Math.expm1(2 * s * h);

describe('compoundCgf', () => {
  it('Poisson: λ(M_Y(s) − 1)', () => {
    const cgf = compoundCgf(Float64Array.of(0.5, 0.25, 0.25), 2, 3, 0);
    expect(cgf(0)).toBe(0);
    for (const s of [0.3, -0.7, 1e-9, -1e-12, 2, -40]) expectRel(cgf(s), 3 * mgf1(s, 2), 1e-13);
  });

  it('gamma-mixed: −r·ln(1 − β(M_Y(s) − 1)), ∞ where β(M − 1) ≥ 1', () => {
    // λ = 3, cv = 0.5: r = 4, β = 0.75
    const cgf = compoundCgf(Float64Array.of(0.5, 0.25, 0.25), 2, 3, 0.5);
    expect(cgf(0)).toBe(0);
    for (const s of [0.1, -0.7, 1e-9, -1e-12, -40])
      expectRel(cgf(s), -4 * Math.log1p(-0.75 * mgf1(s, 2)), 1e-13);
    // β(M − 1) = 1 at 0.25(e^{2s} − 1)(… ): s = 0.5 gives M − 1 = 0.25(e − 1) + 0.25(e² − 1) = 1.527 > 4/3
    expect(cgf(0.5)).toBe(Infinity);
    // just inside: s = 0.2, M − 1 = 0.25(e^0.4 − 1) + 0.25(e^0.8 − 1) = 0.492, β(M − 1) = 0.369
    expectRel(cgf(0.2), -4 * Math.log1p(-0.75 * mgf1(0.2, 2)), 1e-13);
    // cv 1: r = 1, β = 3
    const wide = compoundCgf(Float64Array.of(0.5, 0.25, 0.25), 2, 3, 1);
    expectRel(wide(-0.3), -Math.log1p(-3 * mgf1(-0.3, 2)), 1e-13);
    // 3·(0.25(e^0.2 − 1) + 0.25(e^0.4 − 1)) = 0.535 < 1; 3·(0.25(e^0.4 − 1) + 0.25(e^0.8 − 1)) = 1.29
    expectRel(wide(0.1), -Math.log1p(-3 * mgf1(0.1, 2)), 1e-13);
    expect(wide(0.2)).toBe(Infinity);
  });

  it('overflow of the mgf gives ∞, Poisson or mixed', () => {
    expect(compoundCgf(Float64Array.of(0.5, 0.25, 0.25), 2, 3, 0)(1000)).toBe(Infinity);
    expect(compoundCgf(Float64Array.of(0.5, 0.5), 1, 3, 0.5)(800)).toBe(Infinity);
  });
});

describe('pmfCgf', () => {
  it('ln Σ p_j e^{s(origin + jg)} + |s|·slack near 0', () => {
    const pmf = Float64Array.of(0.5, 0.25, 0.25);
    const cgf = pmfCgf(pmf, 2, 0, 0);
    expect(cgf(0)).toBe(0);
    for (const s of [0.3, -0.2, 1e-10, -1e-10]) expectRel(cgf(s), Math.log1p(mgf1(s, 2)), 1e-13);
    // origin 5, slack 0.5: + 5s + 0.5|s|
    const shifted = pmfCgf(pmf, 2, 0.5, 5);
    for (const s of [0.3, -0.2, 1e-10, -1e-10])
      expectRel(shifted(s), Math.log1p(mgf1(s, 2)) + 5 * s + 0.5 * Math.abs(s), 1e-13);
  });

  it('far below 0, by Horner from the first positive mass (no underflow)', () => {
    // 1/2 at 4 and 1/2 at 6 (g = 2, first two masses 0): Λ(s) = 4s + ln(1/2 + e^{2s}/2)
    const pmf = Float64Array.of(0, 0, 0.5, 0.5);
    const cgf = pmfCgf(pmf, 2, 0, 0);
    for (const s of [-1, -5, -400, -1000])
      expectRel(cgf(s), 4 * s + Math.log(0.5 + 0.5 * Math.exp(2 * s)), 1e-13);
    // a point mass at 3: Λ(s) = 3s exactly, even where e^{3s} underflows; with origin 1 and slack 0.5:
    // 3s + s + 0.5|s| = −2400 − 800 + 400
    expect(pmfCgf(Float64Array.of(0, 1), 3, 0)(-800)).toBe(-2400);
    expect(pmfCgf(Float64Array.of(0, 1), 3, 0.5, 1)(-800)).toBe(-2800);
    expect(pmfCgf(Float64Array.of(0, 1), 3, 0)(-0.1)).toBeCloseTo(-0.3, 15);
    // the moderate branch too: a point mass at 0 and one at 3g; s = −1: ln(0.5 + 0.5e^{−3})
    const two = pmfCgf(Float64Array.of(0.5, 0, 0, 0.5), 1, 0);
    expectRel(two(-1), Math.log(0.5 + 0.5 * Math.exp(-3)), 1e-14);
    expectRel(two(-30), Math.log(0.5 + 0.5 * Math.exp(-90)), 1e-14);
  });

  it('∞ where the mgf overflows', () => {
    expect(pmfCgf(Float64Array.of(0.5, 0.5), 1, 0)(800)).toBe(Infinity);
    expect(pmfCgf(Float64Array.of(0.5, 0, 0.5), 1, 0)(1000)).toBe(Infinity);
  });
});

describe('sumCgf', () => {
  it('adds its parts', () => {
    const a = (s: number) => 2 * s,
      b = (s: number) => s * s;
    expect(sumCgf([a, b])(3)).toBe(15);
    expect(sumCgf([a])(-1.5)).toBe(-3);
    expect(sumCgf([])(7)).toBe(0);
  });
});

describe('tails and points of a Poisson(4)', () => {
  const poisson = (lambda: number) => compoundCgf(Float64Array.of(0, 1), 1, lambda, 0);

  it('upperTail', () => {
    const c = poisson(4);
    expectRel(upperTail(c, 10, 4), Math.exp(10 - 4 - 10 * Math.log(2.5)), 1e-7);
    expectRel(upperTail(c, 5, 4), Math.exp(5 - 4 - 5 * Math.log(1.25)), 1e-7);
    expect(upperTail(c, 3, 4)).toBe(1); // below the mean: no bound
    expect(upperTail(c, 0, 4)).toBe(1);
    expect(upperTail(c, -2, 4)).toBe(1);
    // S ≡ 0 (Λ = 0), scale 0: P(S ≥ 1) ≤ exp(−s) as s grows (up to 1e306): 0
    expect(upperTail(() => 0, 1, 0)).toBe(0);
  });

  it('lowerTail', () => {
    const c = poisson(4);
    expectRel(lowerTail(c, 1, 4), Math.exp(1 - 4 + Math.log(4)), 1e-7);
    expectRel(lowerTail(c, 2, 4), Math.exp(2 - 4 + 2 * Math.log(2)), 1e-7);
    expectRel(lowerTail(c, 0, 4), Math.exp(-4), 1e-7);
    expect(lowerTail(c, 5, 4)).toBe(1);
    expect(lowerTail(c, -0.5, 4)).toBe(0);
    // just below 0: 0 outright (a search would stop at s = 1e6/4 with exp(−4 − 2.5e-4) = 0.018)
    expect(lowerTail(c, -1e-9, 4)).toBe(0);
  });

  it('upperPoint: x_hi = kλ for the tail exp(−λ(k ln k − k + 1))', () => {
    for (const [lambda, k] of [
      [4, 2],
      [4, 3],
      [100, 1.5],
      [0.2, 10],
    ]) {
      const tail = Math.exp(-lambda * (k * Math.log(k) - k + 1));
      expectRel(upperPoint(poisson(lambda), tail, lambda), k * lambda, 1e-7);
    }
  });

  it('the search is placed by the scale: claims of 1e12 (optimum s = ln 2/1e12, below 1e-12)', () => {
    // Λ(s) = 4(e^{s·1e12} − 1): x_hi = 2·4e12 for the tail exp(−4(2 ln 2 − 1))
    const big = compoundCgf(Float64Array.of(0, 1), 1e12, 4, 0);
    expectRel(upperPoint(big, Math.exp(-4 * (2 * Math.log(2) - 1)), 4e12), 8e12, 1e-7);
  });

  it('lowerPoint: x_lo = λ/k for the tail exp(−λ(1 − 1/k − ln(k)/k))', () => {
    for (const [lambda, k] of [
      [4, 2],
      [4, 4],
      [100, 1.25],
    ]) {
      const tail = Math.exp(-lambda * (1 - 1 / k - Math.log(k) / k));
      expectRel(lowerPoint(poisson(lambda), tail, lambda), lambda / k, 1e-7);
    }
  });

  it('lowerPoint negative when the tail needs no cut: P(S ≤ x) ≥ e^{−λ} at x = 0', () => {
    // tail e^{−5} < e^{−4} = P(S = 0): x_lo = −inf (4(e^{−s} − 1) + 5)/s < 0, about −1/(s large)
    const x = lowerPoint(poisson(4), Math.exp(-5), 4);
    expect(x).toBeLessThan(0);
    expect(x).toBeGreaterThan(-1e-3);
  });
});
