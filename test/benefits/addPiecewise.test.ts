/**
 * `addPiecewise` (src/benefits/piecewise.ts): the sum Σ c_j·f_j of piecewise-linear benefits on the
 * union of their breakpoints, which a limit's benefits and the exact method's cost payouts are
 * built from. Checked against sums worked by hand (breakpoints interleaved and shared, a benefit
 * whose first piece starts above 0, one benefit alone with and without a factor), and on generated
 * pieces against the sum evaluated point by point with this file's own evaluator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPiecewise, type Piecewise } from '../../src/benefits/piecewise.ts';

const pw = (x: number[], a: number[], s: number[]): Piecewise => ({
  x: Float64Array.from(x),
  a: Float64Array.from(a),
  s: Float64Array.from(s),
  end: Infinity,
});
const form = (p: { x: Float64Array; a: Float64Array; s: Float64Array }) => ({
  x: Array.from(p.x),
  a: Array.from(p.a),
  s: Array.from(p.s),
});

/** The value at y by the definition: the piece of the last start at or below y; 0 below the first. */
function valueAt(p: { x: ArrayLike<number>; a: ArrayLike<number>; s: ArrayLike<number> }, y: number): number {
  let k = -1;
  for (let i = 0; i < p.x.length; i++) if (p.x[i] <= y) k = i;
  return k < 0 ? 0 : p.a[k] + p.s[k] * y;
}

// 50% of the cost between 100 and 300 (0.5·X − 50 there), then 100 flat.
const band = pw([0, 100, 300], [0, -50, 100], [0, 0.5, 0]);
// 30 for each full 200.
const steps = pw([0, 200, 400], [0, 30, 60], [0, 0, 0]);
// 5 from a cost of 150 on, and nothing below: its first piece starts above 0.
const late = pw([150], [5], [0]);

describe('addPiecewise: sums worked by hand', () => {
  it('adds two benefits on the union of their breakpoints, sorted, the shared 0 once', () => {
    // at 0: 0; at 100: band −50 + 0.5·X; at 200: + 30; at 300: band 100, steps 30; at 400: 100 + 60.
    expect(form(addPiecewise([band, steps]))).toEqual({
      x: [0, 100, 200, 300, 400],
      a: [0, -50, -20, 130, 160],
      s: [0, 0.5, 0.5, 0, 0],
    });
  });

  it('weights each benefit by its factor', () => {
    expect(form(addPiecewise([band, steps], [2, 1]))).toEqual({
      x: [0, 100, 200, 300, 400],
      a: [0, -100, -70, 230, 260],
      s: [0, 1, 1, 0, 0],
    });
    expect(form(addPiecewise([steps, band], [0.5, 3]))).toEqual({
      x: [0, 100, 200, 300, 400],
      a: [0, -150, -135, 315, 330],
      s: [0, 1.5, 1.5, 0, 0],
    });
  });

  it('adds nothing of a benefit below its first piece', () => {
    expect(form(addPiecewise([steps, late]))).toEqual({
      x: [0, 150, 200, 400],
      a: [0, 5, 35, 65],
      s: [0, 0, 0, 0],
    });
    expect(form(addPiecewise([late, band], [2, 1]))).toEqual({
      x: [0, 100, 150, 300],
      a: [0, -50, -40, 110],
      s: [0, 0.5, 0.5, 0],
    });
  });

  it('gives one benefit back as it is, and scaled when its factor is not 1', () => {
    expect(form(addPiecewise([band]))).toEqual(form(band));
    expect(form(addPiecewise([band], [1]))).toEqual(form(band));
    expect(form(addPiecewise([band], [3]))).toEqual({ x: [0, 100, 300], a: [0, -150, 300], s: [0, 1.5, 0] });
  });

  it('keeps a breakpoint that three benefits share once', () => {
    const other = pw([0, 200], [0, 7], [0, 0.25]);
    const sum = addPiecewise([steps, other, pw([0, 200], [0, 1], [0, 0])]);
    expect(form(sum)).toEqual({ x: [0, 200, 400], a: [0, 38, 68], s: [0, 0.25, 0.25] });
  });
});

describe('addPiecewise: generated pieces against the sum point by point', () => {
  // Breakpoints on a grid of 10 (so that benefits share some), each benefit starting at 0 or above.
  const piecewise = fc
    .uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 })
    .chain((starts) => {
      const x = [...starts].sort((p, q) => p - q).map((v) => 10 * v);
      return fc
        .tuple(
          fc.array(fc.integer({ min: -500, max: 500 }), { minLength: x.length, maxLength: x.length }),
          fc.array(fc.integer({ min: 0, max: 8 }), { minLength: x.length, maxLength: x.length }),
        )
        .map(([a, s]) =>
          pw(
            x,
            a,
            s.map((v) => v / 4),
          ),
        );
    });

  it('is Σ c_j·f_j at every breakpoint, just below it and between breakpoints, on strictly increasing starts', () => {
    fc.assert(
      fc.property(
        fc.array(piecewise, { minLength: 1, maxLength: 5 }),
        fc.option(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 5, maxLength: 5 })),
        (pws, factors) => {
          const c = factors ?? undefined;
          const sum = addPiecewise(pws, c);
          const union = [...new Set(pws.flatMap((p) => Array.from(p.x)))].sort((p, q) => p - q);
          expect(Array.from(sum.x)).toEqual(union);
          for (const y of [...union, ...union.map((v) => v - 0.5), ...union.map((v) => v + 5), 1000]) {
            const want = pws.reduce((t, p, j) => t + (c ? c[j] : 1) * valueAt(p, y), 0);
            expect(valueAt(sum, y)).toBeCloseTo(want, 9);
          }
        },
      ),
      { seed: 20261206, numRuns: 300 },
    );
  });
});
