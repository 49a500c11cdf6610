/**
 * src/engine/fft/roundingDeviation.ts: countBound (the smallest n above the mean whose Chernoff
 * bound on P(N ≥ n) is at most the tail, bisected to 0.5 and rounded up) and roundingDeviation
 * (Bernstein's δ = bL/3 + √((bL/3)² + 2VL), L = ln(4/η), V = Σ k·n·σ²/4 + fixed·h²/4, b the widest
 * span; Σ k·n·σ + fixed·h when the rounding is not mean-zero).
 *
 * The count bounds are set up backwards: a boundary n* is chosen with a fractional part of 1/4 and
 * the tail is the Chernoff bound at n*, written out here from the cumulant generating function:
 *   Poisson:      P(N ≥ n) ≤ exp(n − λ − n·ln(n/λ))                       (s = ln(n/λ));
 *   Gamma-mixed:  exp(Λ(s) − s·n), Λ(s) = −r·ln(1 − β(e^s − 1)), e^s = n(1 + β)/(β(r + n)),
 *                 r = 1/cv², β = λ/r.
 * The bisection stops within 0.5 above n*, so the answer is ⌈n*⌉ exactly.
 */
import { describe, expect, it } from 'vitest';
import { countBound, roundingDeviation } from '../../../src/engine/fft/roundingDeviation.ts';

const poissonTail = (lambda: number, n: number) => Math.exp(n - lambda - n * Math.log(n / lambda));
function gammaMixedTail(lambda: number, cv: number, n: number): number {
  const r = 1 / (cv * cv),
    beta = lambda / r;
  const es = (n * (1 + beta)) / (beta * (r + n));
  const cgf = -r * Math.log(1 - beta * (es - 1));
  return Math.exp(cgf - Math.log(es) * n);
}
/** Bernstein's δ for V, b and η. */
const bernstein = (V: number, b: number, eta: number) => {
  const L = Math.log(4 / eta);
  return (b * L) / 3 + Math.sqrt(((b * L) / 3) ** 2 + 2 * V * L);
};

describe('countBound', () => {
  it('Poisson: ⌈n*⌉ for the tail at n*', () => {
    expect(countBound(1, 0, poissonTail(1, 3.25))).toBe(4);
    expect(countBound(1, 0, poissonTail(1, 20.25))).toBe(21); // past the first bracket 2λ + 10 = 12
    expect(countBound(50, 0, poissonTail(50, 80.25))).toBe(81);
    expect(countBound(2.2, 0, poissonTail(2.2, 2.25))).toBe(3); // a loose tail: just above the mean
    expect(countBound(1000, 0, poissonTail(1000, 1100.25))).toBe(1101);
    expect(countBound(3, 0, poissonTail(3, 9.25))).toBe(10);
    expect(countBound(7, 0, poissonTail(7, 15.25))).toBe(16);
    expect(countBound(0.3, 0, poissonTail(0.3, 4.25))).toBe(5);
    expect(countBound(12, 0, poissonTail(12, 40.25))).toBe(41);
  });

  it('Poisson: a tail slightly beyond the bound at n* moves the answer', () => {
    // the bound at 4 is exp(4 − 1 − 4 ln 4) = 0.1054; asking for a little less than it needs n > 4
    expect(countBound(1, 0, poissonTail(1, 4) * 0.999)).toBe(5);
    expect(countBound(1, 0, poissonTail(1, 3.5))).toBe(4);
  });

  it('gamma-mixed: ⌈n*⌉ for the tail at n*', () => {
    expect(countBound(10, 0.5, gammaMixedTail(10, 0.5, 30.25))).toBe(31);
    expect(countBound(0.5, 2, gammaMixedTail(0.5, 2, 12.25))).toBe(13);
    expect(countBound(100, 0.1, gammaMixedTail(100, 0.1, 150.25))).toBe(151);
    // the same tail as a Poisson's needs more claims under the mixture
    expect(countBound(10, 0.5, poissonTail(10, 20.25))).toBeGreaterThan(21);
    expect(countBound(10, 0, poissonTail(10, 20.25))).toBe(21);
  });
});

describe('roundingDeviation', () => {
  it('nothing rounded: 0', () => {
    expect(roundingDeviation({ counts: [], fixed: 0 }, 2, 0.01)).toBe(0);
    expect(roundingDeviation({ counts: [], fixed: 0 }, 2, 0.01, false)).toBe(0);
    const none = {
      counts: [
        { lambda: 5, rateCv: 0, terms: 0, span: 1 },
        { lambda: 0, rateCv: 0.5, terms: 2, span: 1 },
      ],
      fixed: 0,
    };
    expect(roundingDeviation(none, 2, 0.01)).toBe(0);
    expect(roundingDeviation(none, 2, 0.01, false)).toBe(0);
  });

  it('fixed terms only: V = fixed·h²/4, b = h', () => {
    // fixed 3, h = 2: V = 3, b = 2; range 6
    expect(roundingDeviation({ counts: [], fixed: 3 }, 2, 0.04)).toBeCloseTo(bernstein(3, 2, 0.04), 12);
    expect(roundingDeviation({ counts: [], fixed: 3 }, 2, 0.04, false)).toBe(6);
    expect(roundingDeviation({ counts: [], fixed: 1 }, 0.5, 1e-6)).toBeCloseTo(
      bernstein(1 / 16, 0.5, 1e-6),
      12,
    );
  });

  it('one Poisson count: n = ⌈n*⌉ at tail η/2, times its terms', () => {
    const eta = 2 * poissonTail(1, 3.25); // n = 4, 2 terms each: 8 errors of span 3
    const u = { counts: [{ lambda: 1, rateCv: 0, terms: 2, span: 3 }], fixed: 0 };
    // V = 8·9/4 = 18, b = 3 (the count's span, not h); range 8·3 = 24
    expect(roundingDeviation(u, 2, eta)).toBeCloseTo(bernstein(18, 3, eta), 12);
    expect(roundingDeviation(u, 2, eta, false)).toBeCloseTo(24, 12);
  });

  it('two counts share η (each η/4), filtered ones do not; fixed terms add', () => {
    const eta = 4 * poissonTail(1, 3.25); // each count: n = 4
    const u = {
      counts: [
        { lambda: 1, rateCv: 0, terms: 1, span: 0.5 },
        { lambda: 5, rateCv: 0, terms: 0, span: 7 },
        { lambda: 1, rateCv: 0, terms: 3, span: 2 },
        { lambda: 0, rateCv: 0, terms: 1, span: 9 },
      ],
      fixed: 1,
    };
    // h = 1: range 1 + 4·0.5 + 12·2 = 27; squares 1 + 4·0.25 + 12·4 = 50, V = 12.5; b = 2
    expect(roundingDeviation(u, 1, eta, false)).toBeCloseTo(27, 12);
    expect(roundingDeviation(u, 1, eta)).toBeCloseTo(bernstein(12.5, 2, eta), 12);
  });

  it('the widest span may be h (fixed terms) or a count’s', () => {
    const eta = 2 * poissonTail(1, 3.25);
    // fixed 2 at h = 4 and 4 errors of span 0.5: range 8 + 2 = 10, squares 32 + 1 = 33, b = 4
    const u = { counts: [{ lambda: 1, rateCv: 0, terms: 1, span: 0.5 }], fixed: 2 };
    expect(roundingDeviation(u, 4, eta, false)).toBeCloseTo(10, 12);
    expect(roundingDeviation(u, 4, eta)).toBeCloseTo(bernstein(33 / 4, 4, eta), 12);
    // no fixed terms: b = 0.5 however large h is; V = 4·0.25/4 = 0.25
    const v = { counts: [{ lambda: 1, rateCv: 0, terms: 1, span: 0.5 }], fixed: 0 };
    expect(roundingDeviation(v, 4, eta)).toBeCloseTo(bernstein(0.25, 0.5, eta), 12);
  });

  it('a gamma-mixed count', () => {
    const eta = 2 * gammaMixedTail(10, 0.5, 30.25); // n = 31
    const u = { counts: [{ lambda: 10, rateCv: 0.5, terms: 1, span: 1 }], fixed: 0 };
    expect(roundingDeviation(u, 5, eta)).toBeCloseTo(bernstein(31 / 4, 1, eta), 12);
    expect(roundingDeviation(u, 5, eta, false)).toBeCloseTo(31, 12);
  });
});
