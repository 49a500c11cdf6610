/**
 * Direct unit tests of one claimant's payment as the exact method sees it:
 * src/engine/fft/costPayout.ts (payoutPieces, costPayout: mean, sup, at, inverse, stopLoss) and
 * src/engine/fft/claimPmf.ts (claimPmf, onGrid, convolve) on tiny hand-made cases.
 *
 * How the figures are derived (all by hand, in the comments beside them): the cost is a uniform
 * law on [0, 100] (or [0, 2]) or an exponential law written out in this file, so every expectation
 * of a piecewise-linear payment is a sum of polynomial integrals, ∫ u du = (b² − a²)/2, worked out
 * term by term; the stop-loss E[(Y − y)+] of an exponential is θ·e^{−y/θ}. The lattice pmfs are
 * the definitions of the roundings (split: y between jh and (j + 1)h goes to jh with probability
 * j + 1 − y/h; down / up: to the grid point below / above) applied to two or three atoms, and
 * for a uniform cost the split masses E[(1 − |Y/h − j|)+] integrated by hand.
 */
import { describe, expect, it } from 'vitest';
import { atoms } from '../../helpers/components.ts';
import type { ContinuousCost } from '../../../src/engine/costDistribution.ts';
import type { CompoundComponent, Part } from '../../../src/engine/fft/buildComponents.ts';
import { claimPmf, convolve, onGrid } from '../../../src/engine/fft/claimPmf.ts';
import { costPayout, payoutPieces, type Pieces } from '../../../src/engine/fft/costPayout.ts';

/** X ~ Uniform(0, L), its functions written out. */
function uniform(L: number): ContinuousCost {
  const cdf = (x: number) => Math.min(1, Math.max(0, x / L));
  const lowerM = (x: number) => Math.min(L, Math.max(0, x)) ** 2 / (2 * L); // E[X; X < x]
  return {
    mean: L / 2,
    median: L / 2,
    cdf,
    sf: (x) => 1 - cdf(x),
    probBetween: (lo, hi) => (hi <= lo ? 0 : cdf(hi) - cdf(lo)),
    meanBetween: (lo, hi) => (hi <= lo ? 0 : lowerM(hi) - lowerM(lo)),
    quantile: (p) => p * L,
    quantileUpper: (q) => (1 - q) * L,
  };
}

/** X ~ Exponential(mean θ): S(x) = e^{−x/θ}, E[X; X ≥ x] = (x + θ)·e^{−x/θ}. */
function exponential(theta: number): ContinuousCost {
  const sf = (x: number) => (x <= 0 ? 1 : Math.exp(-x / theta));
  const upperM = (x: number) => (x === Infinity ? 0 : (Math.max(0, x) + theta) * sf(x));
  return {
    mean: theta,
    median: theta * Math.LN2,
    cdf: (x) => 1 - sf(x),
    sf,
    probBetween: (lo, hi) => (hi <= lo ? 0 : sf(lo) - sf(hi)),
    meanBetween: (lo, hi) => (hi <= lo ? 0 : upperM(lo) - upperM(hi)),
    quantile: (p) => -theta * Math.log1p(-p),
    quantileUpper: (q) => -theta * Math.log(q),
  };
}

/**
 * g on [0, ∞): 0 below 10; 0.5·(x − 10) on [10, 40) (up to 15); a jump to 20 at 40 and then
 * x − 20 on [40, 60) (up to 40); a jump to 50 at 60, flat after.
 */
function g4(end = Infinity): Pieces {
  return {
    x: Float64Array.from([0, 10, 40, 60]),
    a: Float64Array.from([0, -5, -20, 50]),
    s: Float64Array.from([0, 0.5, 1, 0]),
    end,
  };
}

const compound = (parts: Part[]): CompoundComponent => ({
  kind: 'compound',
  risk: 'r',
  lambda: 1,
  rateCv: 0,
  parts,
  truncated: 0,
  neglected: 0,
});

const expectPmf = (got: Float64Array, want: number[], digits = 14) => {
  expect(got.length).toBe(want.length);
  want.forEach((w, j) => expect(got[j], `index ${j}`).toBeCloseTo(w, digits));
};

describe('costPayout of g on a uniform cost on [0, 100]', () => {
  it('mean: (∫_10^40 0.5(x − 10) dx + ∫_40^60 (x − 20) dx + 50·40)/100 = (225 + 600 + 2000)/100 = 28.25', () => {
    const p = costPayout(g4(), uniform(100));
    expect(p.mean).toBeCloseTo(28.25, 12);
    expect(p.X.mean).toBe(50);
    expect(Array.from(p.x)).toEqual([0, 10, 40, 60]);
    expect(p.end).toBe(Infinity);
  });
  it('sup: 50 when the last piece is flat and complete; Infinity when it slopes or the description stops', () => {
    expect(costPayout(g4(), uniform(100)).sup).toBe(50);
    expect(costPayout(g4(500), uniform(100)).sup).toBe(Infinity);
    const sloped = { ...g4(), s: Float64Array.from([0, 0.5, 1, 0.25]) };
    expect(costPayout(sloped, uniform(100)).sup).toBe(Infinity);
  });
  it('at: g on each piece, the jumps belonging to the piece that starts there', () => {
    const p = costPayout(g4(), uniform(100));
    const cases: [number, number][] = [
      [0, 0],
      [5, 0],
      [10, 0],
      [30, 10], // 0.5·20
      [39, 14.5],
      [40, 20],
      [50, 30],
      [59, 39],
      [60, 50],
      [1000, 50],
    ];
    for (const [x, y] of cases) expect(p.at(x), `g(${x})`).toBe(y);
  });
  it('inverse: inf{x : g(x) ≥ y} and inf{x : g(x) > y}, Infinity beyond sup', () => {
    const p = costPayout(g4(), uniform(100));
    const cases: [number, number, number][] = [
      // y, inf{g ≥ y}, inf{g > y}
      [-1, 0, 0],
      [0, 0, 10], // g = 0 on [0, 10], then rises
      [5, 20, 20], // 0.5(x − 10) = 5
      [10, 30, 30],
      [15, 40, 40], // g < 15 below 40 (limit 15 from the left), 20 at 40
      [17, 40, 40], // inside the jump at 40
      [20, 40, 40], // g(40) = 20 ≥ 20; g > 20 just after 40
      [30, 50, 50], // x − 20 = 30
      [40, 60, 60], // g → 40 at 60 from the left, jumps to 50
      [45, 60, 60],
      [50, 60, Infinity],
      [60, Infinity, Infinity],
    ];
    for (const [y, weak, strict] of cases) {
      expect(p.inverse(y, false), `x*(${y})`).toBe(weak);
      expect(p.inverse(y, true), `x**(${y})`).toBe(strict);
    }
  });
  it('stopLoss: E[(g(X) − y)+], each integral worked by hand', () => {
    const p = costPayout(g4(), uniform(100));
    const cases: [number, number][] = [
      [-3, 31.25], // mean + 3
      [0, 28.25],
      // y = 5 (crossing inside [10, 40) at 20): ∫_20^40 (0.5x − 10) = 100, ∫_40^60 (x − 25) = 500, 45·40 = 1800
      [5, 24],
      // y = 10 (at 30): ∫_30^40 (0.5x − 15) = 25, ∫_40^60 (x − 30) = 400, 40·40 = 1600
      [10, 20.25],
      // y = 17 (inside the jump at 40): ∫_40^60 (x − 37) = 260, 33·40 = 1320
      [17, 15.8],
      // y = 30 (crossing inside [40, 60) at 50): ∫_50^60 (x − 50) = 50, 20·40 = 800
      [30, 8.5],
      // y = 45 (inside the jump at 60): 5·40
      [45, 2],
      [50, 0],
      [60, 0],
    ];
    for (const [y, u] of cases) expect(p.stopLoss(y), `U(${y})`).toBeCloseTo(u, 12);
  });
  it('a piece sloping across the whole support: U(y) of g(x) = x − 10 above 10 on [0, 100]', () => {
    // g = (x − 10)+: U(y) = ∫_{10+y}^{100} (x − 10 − y) dx / 100 = (90 − y)²/200.
    const p = costPayout(
      {
        x: Float64Array.from([0, 10]),
        a: Float64Array.from([0, -10]),
        s: Float64Array.from([0, 1]),
        end: Infinity,
      },
      uniform(100),
    );
    expect(p.mean).toBeCloseTo(40.5, 12);
    for (const y of [0, 10, 45, 89]) expect(p.stopLoss(y), `U(${y})`).toBeCloseTo((90 - y) ** 2 / 200, 12);
  });
});

describe('costPayout on an exponential cost (unbounded support)', () => {
  it('Y = X, θ = 10: mean 10, U(y) = 10·e^{−y/10} to 12 significant digits far into the tail', () => {
    const p = costPayout(
      { x: Float64Array.of(0), a: Float64Array.of(0), s: Float64Array.of(1), end: Infinity },
      exponential(10),
    );
    expect(p.mean).toBeCloseTo(10, 12);
    expect(p.sup).toBe(Infinity);
    for (const y of [3, 30, 300])
      expect(p.stopLoss(y) / (10 * Math.exp(-y / 10)), `U(${y})`).toBeCloseTo(1, 12);
    expect(p.inverse(7, false)).toBe(7);
  });
  it('Y = 100 + 2·(X − 5) above 5, 0 below: U(y) = 100·e^{−1/2} for y ≤ 100, then 20·e^{−(5 + (y − 100)/2)/10}', () => {
    // P(X ≥ 5) = e^{−1/2}; above 5, Y − 100 = 2(X − 5) is exponential with mean 20 (memorylessness).
    const p = costPayout(
      {
        x: Float64Array.from([0, 5]),
        a: Float64Array.from([0, 90]),
        s: Float64Array.from([0, 2]),
        end: Infinity,
      },
      exponential(10),
    );
    const P5 = Math.exp(-0.5);
    expect(p.mean).toBeCloseTo(120 * P5, 12);
    expect(p.stopLoss(60)).toBeCloseTo((120 - 60) * P5, 12);
    expect(p.stopLoss(100)).toBeCloseTo(20 * P5, 12);
    expect(p.stopLoss(140)).toBeCloseTo(20 * Math.exp(-(5 + 20) / 10), 12);
  });
});

describe('payoutPieces', () => {
  it('sums bands and steps on the union of their breakpoints; capped steps are complete', () => {
    // Bands: deductible 10, 50% up to 30 more, 100% above: 0; 0.5x − 5 from 10; x − 25 from 40.
    // Steps from 40 by 20, 10 a step, cap 30: 10 at 60, 20 at 80, 30 from 100.
    const pieces = payoutPieces(
      [
        {
          id: 'b',
          risk: 'c',
          type: 'bands',
          deductible: 10,
          bands: [
            { upTo: 30, rate: 0.5 },
            { upTo: null, rate: 1 },
          ],
        },
        { id: 's', risk: 'c', type: 'steps', from: 40, step: 20, perStep: 10, cap: 30 },
      ],
      90,
    );
    expect(Array.from(pieces.x)).toEqual([0, 10, 40, 60, 80, 100]);
    expect(Array.from(pieces.a)).toEqual([0, -5, -25, -15, -5, 5]);
    expect(Array.from(pieces.s)).toEqual([0, 0.5, 1, 1, 1, 1]);
    expect(pieces.end).toBe(Infinity);
  });
  it('uncapped steps are described up to the limit only, which ends the sum', () => {
    const pieces = payoutPieces(
      [
        { id: 'b', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 0.5 }] },
        { id: 's', risk: 'c', type: 'steps', from: 40, step: 20, perStep: 10 },
      ],
      90,
    );
    expect(Array.from(pieces.x)).toEqual([0, 60, 80]);
    expect(Array.from(pieces.a)).toEqual([0, 10, 20]);
    expect(Array.from(pieces.s)).toEqual([0.5, 0.5, 0.5]);
    expect(pieces.end).toBe(90);
  });
});

describe('onGrid', () => {
  it('is false without a lattice, true for whole multiples, within 1e-9 grid units (relative above 1)', () => {
    expect(onGrid(null, 1)).toBe(false);
    expect(onGrid(3, 1.5)).toBe(true);
    expect(onGrid(3, 2)).toBe(false);
    expect(onGrid(2 + 0.5e-9, 1)).toBe(true);
    expect(onGrid(2 + 3e-9, 1)).toBe(false); // tolerance 1e-9·2
    expect(onGrid(2 - 3e-9, 1)).toBe(false);
    expect(onGrid(1 + 1.5e-9, 1)).toBe(false);
    // below one unit the tolerance stays 1e-9 units (not relative): 1e-10 counts as 0
    expect(onGrid(1e-10, 1)).toBe(true);
    expect(onGrid(3e-9, 1)).toBe(false);
    // 1e6 + 5e-4 grid units: off by 5e-4 ≤ 1e-9·1e6 = 1e-3.
    expect(onGrid(1e6 + 5e-4, 1)).toBe(true);
    expect(onGrid(1e6 + 2e-3, 1)).toBe(false);
  });
});

describe('convolve', () => {
  it('is the sum Σ a_i b_{k−i}, whichever side is sparser', () => {
    const a = Float64Array.from([1, 0, 0, 0, 2]),
      b = Float64Array.from([3, 4]);
    // (1 + 2z⁴)(3 + 4z) = 3 + 4z + 6z⁴ + 8z⁵
    expect(Array.from(convolve(a, b))).toEqual([3, 4, 0, 0, 6, 8]);
    expect(Array.from(convolve(b, a))).toEqual([3, 4, 0, 0, 6, 8]);
    // (1 + 2z + 3z²)(0 + 5z + 0z²): dense with a zero on the other side
    expect(Array.from(convolve(Float64Array.from([1, 2, 3]), Float64Array.from([0, 5, 0])))).toEqual([
      0, 5, 10, 15, 0,
    ]);
    expect(Array.from(convolve(Float64Array.from([0, 5, 0]), Float64Array.from([1, 2, 3])))).toEqual([
      0, 5, 10, 15, 0,
    ]);
  });
});

describe('claimPmf: atoms', () => {
  it('split: 0.5 w.p. 0.4 → 0.2 at 0 and 0.2 at 1; 2 w.p. 0.6 on the grid; one rounded part', () => {
    const c = compound([atoms([0.5, 2], [0.4, 0.6])]);
    const r = claimPmf(c, 1, 'split');
    expectPmf(r.pmf, [0.2, 0.2, 0.6]);
    expect(r.splitTerms).toBe(1);
  });
  it('down and up: 0.5 goes to 0 or to 1 whole', () => {
    const c = compound([atoms([0.5, 2], [0.4, 0.6])]);
    expectPmf(claimPmf(c, 1, 'down').pmf, [0.4, 0, 0.6]);
    expectPmf(claimPmf(c, 1, 'up').pmf, [0, 0.4, 0.6]);
  });
  it('values on the grid: no rounded part; the pmf runs to ⌈top/h⌉', () => {
    const c = compound([atoms([1, 3], [0.25, 0.75], 1)]);
    const r = claimPmf(c, 1, 'split');
    expectPmf(r.pmf, [0, 0.25, 0, 0.75]);
    expect(r.splitTerms).toBe(0);
    // h = 2: 1 is split (0.125 at 0, 0.125 at 2), 3 likewise (0.375 at 2, 0.375 at 4); K = ⌈3/2⌉ = 2
    expectPmf(claimPmf(c, 2, 'split').pmf, [0.125, 0.5, 0.375]);
  });
  it('K = ⌈top/h − 1e-9⌉, at least 1: a top a hair above a grid point adds no point, 0 gives one', () => {
    const hair = compound([{ ...atoms([1, 2], [0.5, 0.5]), top: 2 + 1e-12 }]);
    expect(claimPmf(hair, 1, 'split').pmf.length).toBe(3);
    const above = compound([{ ...atoms([1, 2], [0.5, 0.5]), top: 2.5 }]);
    expectPmf(claimPmf(above, 1, 'split').pmf, [0, 0.5, 0.5, 0]);
    const zero = compound([{ ...atoms([0], [1]), top: 0 }]);
    expectPmf(claimPmf(zero, 1, 'split').pmf, [1, 0]);
  });
  it('no parts: the payment is 0 with probability 1', () => {
    const r = claimPmf(compound([]), 1, 'split');
    expectPmf(r.pmf, [1]);
    expect(r.splitTerms).toBe(0);
  });
});

describe('claimPmf: a continuous part, Y = X uniform on [0, 2], h = 1', () => {
  const part = (top: number): Part => ({
    kind: 'continuous',
    payout: costPayout(
      { x: Float64Array.of(0), a: Float64Array.of(0), s: Float64Array.of(1), end: Infinity },
      uniform(2),
    ),
    top,
    lattice: null,
  });
  it('split: E[(1 − Y)+] = 1/4, E[(1 − |Y − 1|)+] = 1/2, the last point the rest, 1/4', () => {
    const r = claimPmf(compound([part(2)]), 1, 'split');
    expectPmf(r.pmf, [0.25, 0.5, 0.25]);
    expect(r.splitTerms).toBe(1);
  });
  it('down: P(0 ≤ Y < 1) = P(1 ≤ Y < 2) = 1/2; up: P(0 < Y ≤ 1) = P(1 < Y ≤ 2) = 1/2', () => {
    expectPmf(claimPmf(compound([part(2)]), 1, 'down').pmf, [0.5, 0.5, 0]);
    expectPmf(claimPmf(compound([part(2)]), 1, 'up').pmf, [0, 0.5, 0.5]);
  });
  it('with atoms beside it, the parts are convolved and both counted as rounded', () => {
    // [1/4, 1/2, 1/4] * [0.2, 0.2, 0.6] written out:
    // 0: .25·.2; 1: .25·.2 + .5·.2; 2: .25·.6 + .5·.2 + .25·.2; 3: .5·.6 + .25·.2; 4: .25·.6
    const r = claimPmf(compound([part(2), atoms([0.5, 2], [0.4, 0.6])]), 1, 'split');
    expectPmf(r.pmf, [0.05, 0.15, 0.3, 0.35, 0.15]);
    expect(r.splitTerms).toBe(2);
  });
});

describe('claimPmf: mixtures', () => {
  const mix = (first: Part[], second: Part[]): Part => ({
    kind: 'mixture',
    branches: [
      { prob: 0.25, parts: first },
      { prob: 0.75, parts: second },
    ],
    top: 3,
    lattice: null,
  });
  it('the branches’ pmfs weighted by their probabilities, widened to the longest; the most rounded parts of a branch', () => {
    // Branch 1: 1 for sure → [0, 1]; branch 2: 1 + (0.5 or 2) → [0, 0.2, 0.2, 0.6].
    // 0.25·[0, 1] + 0.75·[0, 0.2, 0.2, 0.6] = [0, 0.4, 0.15, 0.45]
    const c = compound([mix([atoms([1], [1], 1)], [atoms([1], [1], 1), atoms([0.5, 2], [0.4, 0.6])])]);
    const r = claimPmf(c, 1, 'split');
    expectPmf(r.pmf, [0, 0.4, 0.15, 0.45]);
    expect(r.splitTerms).toBe(1);
  });
  it('the longer branch first; a branch with no parts pays 0', () => {
    // 0.25·[0, 0.2, 0.2, 0.6] + 0.75·[1] = [0.75, 0.05, 0.05, 0.15]
    const c = compound([mix([atoms([1], [1], 1), atoms([0.5, 2], [0.4, 0.6])], [])]);
    const r = claimPmf(c, 1, 'split');
    expectPmf(r.pmf, [0.75, 0.05, 0.05, 0.15]);
    expect(r.splitTerms).toBe(1);
  });
  it('rounded in both branches: still one rounded term per claim (the most of any branch, not their sum)', () => {
    // 0.25·[0.5, 0.5] + 0.75·[0, 0.5, 0.5] (0.5 and 1.5 each split ½–½)
    const c = compound([mix([atoms([0.5], [1])], [atoms([1.5], [1])])]);
    const r = claimPmf(c, 1, 'split');
    expectPmf(r.pmf, [0.125, 0.5, 0.375]);
    expect(r.splitTerms).toBe(1);
  });
  it('on the grid in every branch: no rounded part', () => {
    const c = compound([mix([atoms([2], [1], 1)], [atoms([1], [1], 1)])]);
    const r = claimPmf(c, 1, 'split');
    expectPmf(r.pmf, [0, 0.75, 0.25]);
    expect(r.splitTerms).toBe(0);
  });
});
