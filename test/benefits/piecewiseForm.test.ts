/**
 * The piecewise-linear form of a bands benefit (src/benefits/piecewise.ts) is the table the exact
 * expectations and the sampling tables are built from, so its shape is checked, not only its
 * values: pieces worked by hand from the format's definition (bands measured from the deductible,
 * pay Σ rate_i × clamp(X − d − lower_i, 0, width_i), at most the cap), the form minimal (no two
 * neighbours on the same line, starts strictly increasing from 0), and for generated tables the
 * value at every piece start, just below it and between starts equal to the definition evaluated
 * in this file. `piecewiseAt` is checked on both sides of every jump of a steps table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandsPiecewise, piecewiseAt, stepsPiecewise, type Piecewise } from '../../src/benefits/piecewise.ts';
import type { Band, BandsBenefit, StepsBenefit } from '../../src/domain/scenario.ts';

const form = (pw: Piecewise) => ({
  x: Array.from(pw.x),
  a: Array.from(pw.a),
  s: Array.from(pw.s),
  end: pw.end,
});

/** The definition, written out: Σ rate_i × clamp(X − d − lower_i, 0, upTo_i − lower_i), then the cap. */
function byDefinition(b: BandsBenefit, X: number): number {
  const over = X - (b.deductible ?? 0);
  let lower = 0,
    sum = 0;
  for (const band of b.bands) {
    const upper = band.upTo ?? Infinity;
    sum += band.rate * Math.min(Math.max(over - lower, 0), upper - lower);
    lower = upper;
  }
  return b.cap === undefined ? sum : Math.min(sum, b.cap);
}

const bands = (...spec: [number | null, number][]): Band[] => spec.map(([upTo, rate]) => ({ upTo, rate }));
const table = (b: Partial<BandsBenefit> & { bands: Band[] }): BandsBenefit => ({
  id: 't',
  risk: 'r',
  type: 'bands',
  ...b,
});

describe('bands as pieces, worked by hand', () => {
  it('Hangzhou (20% to 1,000, 50% to 10,000, 90% to 15,000, 60% to 50,000, cap 30,200): the cap is met exactly at 50,000, where the last band ends', () => {
    const b = table({
      bands: bands([1000, 0.2], [10000, 0.5], [15000, 0.9], [50000, 0.6]),
      cap: 30200,
    });
    // a_k = paid below the band − rate × its start: 0; 200 − 500; 4,700 − 9,000; 9,200 − 9,000.
    expect(form(bandsPiecewise(b))).toEqual({
      x: [0, 1000, 10000, 15000, 50000],
      a: [0, -300, -4300, 200, 30200],
      s: [0.2, 0.5, 0.9, 0.6, 0],
      end: Infinity,
    });
  });

  it('a cap inside a band cuts it where the band reaches the cap: 50% uncapped above 0, cap 30,000 → flat from 60,000', () => {
    expect(form(bandsPiecewise(table({ bands: bands([null, 0.5]), cap: 30000 })))).toEqual({
      x: [0, 60000],
      a: [0, 30000],
      s: [0.5, 0],
      end: Infinity,
    });
  });

  it('a cap below what the first band pays at its end is cut inside the first band, not the second', () => {
    // 40% to 1,000 (pays 400), then 10%: a cap of 300 is reached at 750.
    expect(form(bandsPiecewise(table({ bands: bands([1000, 0.4], [null, 0.1]), cap: 300 })))).toEqual({
      x: [0, 750],
      a: [0, 300],
      s: [0.4, 0],
      end: Infinity,
    });
  });

  it('a deductible of 500 adds a flat zero piece below it and shifts every band by 500', () => {
    expect(form(bandsPiecewise(table({ deductible: 500, bands: bands([1000, 0.5], [2000, 0.8]) })))).toEqual({
      x: [0, 500, 1500, 2500],
      a: [0, -250, -700, 1300],
      s: [0, 0.5, 0.8, 0],
      end: Infinity,
    });
  });

  it('no deductible: the first band starts the table at 0 (no zero piece before it)', () => {
    expect(form(bandsPiecewise(table({ bands: bands([1000, 0.5]) })))).toEqual({
      x: [0, 1000],
      a: [0, 500],
      s: [0.5, 0],
      end: Infinity,
    });
  });

  it('a zero-rate first band after a deductible is one flat piece with the deductible (neighbours on the same line are joined)', () => {
    expect(form(bandsPiecewise(table({ deductible: 500, bands: bands([1000, 0], [null, 0.5]) })))).toEqual({
      x: [0, 1500],
      a: [0, -750],
      s: [0, 0.5],
      end: Infinity,
    });
  });

  it('two neighbouring bands with the same rate are one piece', () => {
    expect(form(bandsPiecewise(table({ bands: bands([1000, 0.5], [3000, 0.5], [null, 0.2]) })))).toEqual({
      x: [0, 3000],
      a: [0, 900],
      s: [0.5, 0.2],
      end: Infinity,
    });
  });

  it('a cap of 0 pays nothing anywhere: one flat zero piece', () => {
    expect(form(bandsPiecewise(table({ bands: bands([1000, 0.2], [null, 0.5]), cap: 0 })))).toEqual({
      x: [0],
      a: [0],
      s: [0],
      end: Infinity,
    });
  });

  it('a cap met exactly where a band ends, with more bands after it, stops there', () => {
    // 50% to 2,000 pays 1,000 = the cap: the 90% band after it never pays.
    expect(form(bandsPiecewise(table({ bands: bands([2000, 0.5], [null, 0.9]), cap: 1000 })))).toEqual({
      x: [0, 2000],
      a: [0, 1000],
      s: [0.5, 0],
      end: Infinity,
    });
  });
});

describe('bands as pieces, generated tables', () => {
  const bandsArb = fc
    .array(
      fc.record({
        width: fc.integer({ min: 1, max: 20 }).map((k) => k * 500),
        rate: fc.constantFrom(0, 0.1, 0.2, 0.5, 0.5, 0.9, 1),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .chain((raw) =>
      fc
        .record({
          open: fc.boolean(),
          deductible: fc.constantFrom(undefined, 0, 300, 1000),
          cap: fc.option(
            fc.integer({ min: 0, max: 40 }).map((k) => k * 250),
            { nil: undefined },
          ),
        })
        .map(({ open, deductible, cap }) => {
          let upTo = 0;
          const out: Band[] = raw.map((r, i) => {
            upTo += r.width;
            return { upTo: open && i === raw.length - 1 ? null : upTo, rate: r.rate };
          });
          return table({
            bands: out,
            ...(deductible === undefined ? {} : { deductible }),
            ...(cap === undefined ? {} : { cap }),
          });
        }),
    );

  it('starts at 0, strictly increasing, no two neighbours on the same line, and equal to the definition around every start', () => {
    fc.assert(
      fc.property(bandsArb, (b) => {
        const pw = bandsPiecewise(b);
        const n = pw.x.length;
        expect(pw.x[0]).toBe(0);
        for (let k = 1; k < n; k++) {
          expect(pw.x[k]).toBeGreaterThan(pw.x[k - 1]);
          expect(pw.a[k] === pw.a[k - 1] && pw.s[k] === pw.s[k - 1]).toBe(false);
        }
        const points = [0, 1, 7.5, 1e6, 1e9];
        for (let k = 0; k < n; k++) points.push(pw.x[k], pw.x[k] - 0.5, pw.x[k] + 0.5, pw.x[k] + 123.25);
        for (const x of points) {
          if (x < 0) continue;
          const want = byDefinition(b, x);
          expect(Math.abs(piecewiseAt(pw, x) - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        }
      }),
      { seed: 20261205, numRuns: 400 },
    );
  });
});

describe('piecewiseAt on a steps table: the jump belongs to the piece that starts there', () => {
  const wenzhou: StepsBenefit = {
    id: 'w',
    risk: 'r',
    type: 'steps',
    from: 20000,
    step: 10000,
    perStep: 1000,
    cap: 5000,
  };
  const pw = stepsPiecewise(wenzhou);
  it.each([
    [0, 0],
    [29999.99, 0],
    [30000, 1000],
    [39999.99, 1000],
    [40000, 2000],
    [60000, 4000],
    [69999.99, 4000],
    [70000, 5000],
    [1e12, 5000],
  ])('at %d pays %d', (x, pays) => {
    expect(piecewiseAt(pw, x)).toBe(pays);
  });
  it('the pieces: 0, then 1,000 a step from 30,000 to the cap of 5,000 at 70,000', () => {
    expect(form(pw)).toEqual({
      x: [0, 30000, 40000, 50000, 60000, 70000],
      a: [0, 1000, 2000, 3000, 4000, 5000],
      s: [0, 0, 0, 0, 0, 0],
      end: Infinity,
    });
  });
  it('a limit exactly on a jump ends the description there; one past it includes that jump', () => {
    const open: StepsBenefit = { ...wenzhou, cap: undefined };
    expect(form(stepsPiecewise(open, 40000))).toEqual({ x: [0, 30000], a: [0, 1000], s: [0, 0], end: 40000 });
    expect(form(stepsPiecewise(open, 40000.5))).toEqual({
      x: [0, 30000, 40000],
      a: [0, 1000, 2000],
      s: [0, 0, 0],
      end: 40000.5,
    });
  });
});
