import { describe, expect, it } from 'vitest';
import { bisect, expandBracket } from '../../../src/stats/numerics/bisect.ts';
import { bracketRoot } from '../../../src/stats/numerics/bracketRoot.ts';
import { brentRoot } from '../../../src/stats/numerics/brentRoot.ts';
import { newton } from '../../../src/stats/numerics/newton.ts';

/** A function that counts its evaluations. */
function counted<T>(f: (x: number) => T): { f: (x: number) => T; calls: () => number } {
  let n = 0;
  return {
    f: (x) => {
      n++;
      return f(x);
    },
    calls: () => n,
  };
}

const DOTTIE = 0.7390851332151607; // the fixed point of cos, cos x = x

describe('brentRoot', () => {
  it('repeats the doc example: √2 to 1e-13 in a handful of steps', () => {
    const r = brentRoot((x) => x * x - 2, 0, 2)!;
    expect(Math.abs(r.x - Math.SQRT2)).toBeLessThan(1e-13);
    expect(r.iterations).toBeLessThan(15);
  });
  it('finds known roots of hard functions within the bracket: a triple root, a jump, an exponential, cos x = x', () => {
    expect(brentRoot((x) => (x - 1) ** 3, -10, 3)!.x).toBeCloseTo(1, 4);
    expect(brentRoot((x) => (x < 0.3 ? -1 : 1), 0, 1)!.x).toBeCloseTo(0.3, 12);
    expect(brentRoot((x) => Math.exp(x) - 1e6, 0, 100)!.x).toBeCloseTo(Math.log(1e6), 12);
    expect(Math.abs(brentRoot((x) => Math.cos(x) - x, 0, 1)!.x - DOTTIE)).toBeLessThan(1e-13);
  });
  it('honours a looser tolerance and an iteration limit', () => {
    const loose = brentRoot((x) => Math.cos(x) - x, 0, 1, 1e-3)!;
    expect(Math.abs(loose.x - DOTTIE)).toBeLessThan(1e-3);
    const capped = brentRoot((x) => (x < 0.3 ? -1 : 1), 0, 1, 1e-13, 3)!;
    expect(capped.iterations).toBe(3);
  });
  it('returns null when the interval does not bracket a root or f is NaN, and an end that is a root at once', () => {
    expect(brentRoot((x) => x * x + 1, -1, 1)).toBeNull();
    expect(brentRoot(() => NaN, -1, 1)).toBeNull();
    expect(brentRoot((x) => x, 0, 1)).toEqual({ x: 0, fx: 0, iterations: 0 });
    expect(brentRoot((x) => x - 1, 0, 1)).toEqual({ x: 1, fx: 0, iterations: 0 });
  });
});

describe('bracketRoot', () => {
  it("brackets an increasing function's root by steps 1, 2, 4, … either way, or says there is none", () => {
    expect(bracketRoot((x) => x - 100, 0, -700, 700)).toEqual({ lo: 63, hi: 127 });
    expect(bracketRoot((x) => x + 5.5, 0, -700, 700)).toEqual({ lo: -7, hi: -3 });
    expect(bracketRoot((x) => Math.tanh(x) - 2, 0, -700, 700)).toBeNull();
  });
  it('is a single point at a root, clamps to the limits, and gives null for a NaN function', () => {
    expect(bracketRoot((x) => x - 2, 2, 0, 10)).toEqual({ lo: 2, hi: 2 });
    expect(bracketRoot((x) => x - 9.5, 0, 0, 10)).toEqual({ lo: 7, hi: 10 });
    expect(bracketRoot(() => NaN, 0, -10, 10)).toBeNull();
  });
});

describe('bisect', () => {
  it('closes on √2 from [1, 2] to the tolerance, in ⌈log₂(width/tolerance)⌉ evaluations', () => {
    const p = counted((x: number) => x * x <= 2);
    const b = bisect(p.f, 1, 2, { tolerance: 1e-3, maxIterations: 100 });
    expect(p.calls()).toBe(Math.ceil(Math.log2(1 / 1e-3)));
    expect(b.inside).toBeLessThanOrEqual(Math.SQRT2);
    expect(b.outside).toBeGreaterThan(Math.SQRT2);
    expect(b.outside - b.inside).toBeLessThanOrEqual(1e-3);
  });
  it('works with the inside end above the outside end (a decreasing predicate)', () => {
    const b = bisect((x) => x > Math.LN2, 1, 0, { tolerance: 1e-12, maxIterations: 100 });
    expect(b.inside).toBeGreaterThan(Math.LN2);
    expect(b.outside).toBeLessThanOrEqual(Math.LN2);
    expect(b.inside - b.outside).toBeLessThanOrEqual(1e-12);
  });
  it('with tolerance 0 runs every step and ends on adjacent doubles around the boundary', () => {
    const p = counted((x: number) => x * x <= 2);
    const b = bisect(p.f, 1, 2, { maxIterations: 200 });
    expect(p.calls()).toBe(200);
    // In doubles the boundary of x·x ≤ 2 lies one ulp below Math.SQRT2 (whose square rounds to 2 + 4e-16).
    expect(b.outside).toBe(Math.SQRT2);
    expect(b.inside).toBe(Math.SQRT2 - 2 ** -52);
  });
  it('stops at the iteration limit and leaves the ends alone when they already meet the tolerance', () => {
    expect(bisect((x) => x <= 0.3, 0, 1, { maxIterations: 2 })).toEqual({ inside: 0.25, outside: 0.5 });
    const p = counted(() => true);
    expect(bisect(p.f, 0, 1, { tolerance: 1, maxIterations: 100 })).toEqual({ inside: 0, outside: 1 });
    expect(p.calls()).toBe(0);
  });
  it('treats a predicate that is false everywhere (a flat NaN function) as never inside', () => {
    const b = bisect((x) => Math.sqrt(-1 - x) > 0, 0, 1, { maxIterations: 60 });
    expect(b.inside).toBe(0);
    expect(b.outside).toBe(2 ** -60);
  });
});

describe('expandBracket', () => {
  it('doubles the outer end until the predicate fails: x < 100 from (0, 1) gives (64, 128)', () => {
    expect(expandBracket((x) => x < 100, 0, 1)).toEqual({ inside: 64, outside: 128 });
    expect(expandBracket((x) => x > -5, 0, -1)).toEqual({ inside: -4, outside: -8 });
  });
  it('keeps the given ends when the outer one already fails, and stops at the limit', () => {
    expect(expandBracket((x) => x < 0.5, 0, 1)).toEqual({ inside: 0, outside: 1 });
    expect(expandBracket(() => true, 0, 1000, 2, 1e4)).toEqual({ inside: 8000, outside: 16000 });
    expect(expandBracket((x) => x < 1e3, 0, 1, 10)).toEqual({ inside: 100, outside: 1000 });
  });
});

describe('newton', () => {
  it('solves x² = 2 from 1 to the last bit', () => {
    const x = newton((x) => x - (x * x - 2) / (2 * x), 1, { tolerance: 1e-15, maxIterations: 50 });
    expect(Math.abs(x - Math.SQRT2)).toBeLessThanOrEqual(2.3e-16);
  });
  it('with a guard that halves a step leaving x > 0, solves 1/x = 3 from a start where plain Newton diverges', () => {
    const step = (x: number) => 2 * x - 3 * x * x; // x − (1/x − 3)/(−1/x²)
    const plain = newton(step, 1, { tolerance: 1e-14, maxIterations: 30 });
    expect(plain).toBe(-Infinity);
    const guarded = newton(step, 1, {
      tolerance: 1e-14,
      maxIterations: 100,
      guard: (next, x) => (next > 0 ? next : x / 2),
    });
    expect(Math.abs(guarded - 1 / 3)).toBeLessThan(1e-15);
  });
  it('returns the last iterate when the iterations run out, and NaN from a NaN step', () => {
    expect(newton((x) => x + 1, 0, { tolerance: 1e-12, maxIterations: 5 })).toBe(5);
    expect(newton(() => NaN, 1, { tolerance: 1e-12, maxIterations: 5 })).toBeNaN();
  });
});
