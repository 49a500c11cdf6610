/**
 * src/engine/fft/discretise.ts: addAtom (one atom onto the grid 0, h, …, with the on-grid tolerance
 * ON_GRID·max(1, u) in grid units, the last point taking everything beyond it) and discretiseCost
 * (a continuous payment Y = g(X) by the mean-preserving split, or rounded down or up).
 *
 * The payments are written out here as small hand-made payouts whose every figure is a fraction
 * with a power-of-two denominator, so each mass is exact:
 *
 * - `uniform`: X uniform on [0, 4), g(x) = x, so E[Y] = 2 and U(y) = E[(Y − y)+] = (4 − y)²/8 on
 *   [0, 4] (2 − y below 0): with h = 1, U(−1..4) = 3, 2, 9/8, 1/2, 1/8, 0 and the split masses
 *   (U(j−1) − 2U(j) + U(j+1))/h are 1/8, 1/4, 1/4, 1/4 and, at the last point K = 4, U(3) − U(4) = 1/8;
 *   with K = 3 the last is U(2) − U(3) = 3/8.
 * - `deductible`: X uniform on [0, 4), g(x) = (x − 1)+: P(Y = 0) = 1/4, then uniform on (0, 3].
 *   x*(y) = inf{g ≥ y} is 0 for y ≤ 0 and 1 + y above; x**(0) = inf{g > 0} = 1.
 *   Down (P(jh ≤ Y < (j+1)h), h = 1): 1/2, 1/4, 1/4, 0; up (P((j−1)h < Y ≤ jh)): 1/4 each.
 */
import { describe, expect, it } from 'vitest';
import type { CostPayout } from '../../../src/engine/fft/costPayout.ts';
import { ON_GRID, addAtom, discretiseCost } from '../../../src/engine/fft/discretise.ts';

const notUsed = (): number => {
  throw new Error('not used by the discretisation');
};

/** A payout over X uniform on [0, 4) with the given g's mean, inverse and stop-loss. */
function payout(
  mean: number,
  inverse: (y: number, strict: boolean) => number,
  stopLoss: (y: number) => number,
  sf = (x: number) => Math.min(1, Math.max(0, 1 - x / 4)),
): CostPayout {
  return {
    x: Float64Array.of(0),
    a: Float64Array.of(0),
    s: Float64Array.of(1),
    end: Infinity,
    X: {
      mean: 2,
      median: 2,
      cdf: (x) => 1 - sf(x),
      sf,
      probBetween: notUsed,
      meanBetween: notUsed,
      quantile: notUsed,
      quantileUpper: notUsed,
    },
    sup: 4,
    mean,
    at: notUsed,
    inverse,
    stopLoss,
  };
}

const uniform = () =>
  payout(
    2,
    (y) => Math.max(0, y),
    (y) => (y <= 0 ? 2 - y : y >= 4 ? 0 : ((4 - y) * (4 - y)) / 8),
  );
const deductible = () =>
  payout(
    9 / 8,
    (y, strict) => (y < 0 || (y === 0 && !strict) ? 0 : 1 + y),
    () => {
      throw new Error('not used by down/up');
    },
  );

describe('addAtom', () => {
  it('on the grid: the whole mass at that point, true', () => {
    const out = new Float64Array(5);
    expect(addAtom(out, 4, 0.5, 2, 'split')).toBe(true);
    expect(addAtom(out, 0, 0.25, 2, 'down')).toBe(true);
    expect(addAtom(out, 8, 0.125, 2, 'up')).toBe(true);
    expect(Array.from(out)).toEqual([0.25, 0, 0.5, 0, 0.125]);
  });

  it('within ON_GRID·max(1, u) grid units of a point counts as on it', () => {
    expect(ON_GRID).toBe(1e-9);
    const out = new Float64Array(5);
    // u = 2 + 1.5e-9: within 1e-9·2 of 2 (not within 1e-9)
    expect(addAtom(out, 4 + 3e-9, 1, 2, 'split')).toBe(true);
    // u = 2 − 1.5e-9 too, from below
    expect(addAtom(out, 4 - 3e-9, 1, 2, 'up')).toBe(true);
    // u = 5e-10: within 1e-9·1 of 0 (not within 1e-9·u)
    expect(addAtom(out, 1e-9, 1, 2, 'up')).toBe(true);
    expect(Array.from(out)).toEqual([1, 0, 2, 0, 0]);
    // u = 1e-9: exactly ON_GRID·1 from 0, still on it
    const edge = new Float64Array(2);
    expect(addAtom(edge, 1e-9, 1, 1, 'split')).toBe(true);
    expect(Array.from(edge)).toEqual([1, 0]);
    // u = 2 + 3e-9: beyond 2e-9, so split
    const off = new Float64Array(5);
    expect(addAtom(off, 4 + 6e-9, 1, 2, 'down')).toBe(false);
    expect(Array.from(off)).toEqual([0, 0, 1, 0, 0]);
    expect(addAtom(off, 4 + 6e-9, 1, 2, 'up')).toBe(false);
    expect(Array.from(off)).toEqual([0, 0, 1, 1, 0]);
  });

  it('between points: down, up, or split in proportion (mean kept)', () => {
    const down = new Float64Array(5),
      up = new Float64Array(5),
      split = new Float64Array(5);
    // u = 1.25
    expect(addAtom(down, 2.5, 0.5, 2, 'down')).toBe(false);
    expect(addAtom(up, 2.5, 0.5, 2, 'up')).toBe(false);
    expect(addAtom(split, 2.5, 0.5, 2, 'split')).toBe(false);
    expect(Array.from(down)).toEqual([0, 0.5, 0, 0, 0]);
    expect(Array.from(up)).toEqual([0, 0, 0.5, 0, 0]);
    // 0.5·(1 − 0.25) at 1, 0.5·0.25 at 2: mean 2·(0.375·1 + 0.125·2) = 1.25 = 0.5·2.5
    expect(Array.from(split)).toEqual([0, 0.375, 0.125, 0, 0]);
    // u = 3.75, j = 3 = last − 1: still split between 3 and 4
    expect(addAtom(split, 7.5, 1, 2, 'split')).toBe(false);
    expect(Array.from(split)).toEqual([0, 0.375, 0.125, 0.25, 0.75]);
    // u = 0.5 from 0
    const low = new Float64Array(3);
    addAtom(low, 1, 1, 2, 'split');
    expect(Array.from(low)).toEqual([0.5, 0.5, 0]);
  });

  it('at or beyond the last point: all of it at the last point', () => {
    for (const mode of ['split', 'down', 'up'] as const) {
      const out = new Float64Array(5);
      expect(addAtom(out, 10, 0.5, 2, mode)).toBe(true); // u = 5 on the grid, past 4
      expect(addAtom(out, 9, 0.25, 2, mode)).toBe(false); // u = 4.5: j = 4 = last
      expect(addAtom(out, 11, 0.125, 2, mode)).toBe(false); // u = 5.5
      expect(Array.from(out), mode).toEqual([0, 0, 0, 0, 0.875]);
    }
  });
});

describe('discretiseCost: split', () => {
  it('X uniform on [0, 4), h = 1: second differences of the stop-loss', () => {
    expect(Array.from(discretiseCost(uniform(), 1, 4, 'split'))).toEqual([1 / 8, 1 / 4, 1 / 4, 1 / 4, 1 / 8]);
    // truncated at K = 3: the last point takes U(2) − U(3) = 3/8
    expect(Array.from(discretiseCost(uniform(), 1, 3, 'split'))).toEqual([1 / 8, 1 / 4, 1 / 4, 3 / 8]);
    // K = 1: U(−1) − 2U(0) + U(1) = 1/8, then U(0) − U(1) = 7/8
    expect(Array.from(discretiseCost(uniform(), 1, 1, 'split'))).toEqual([1 / 8, 7 / 8]);
    // K = 0: all at 0 (U(−h) − U(0) = h = 1)
    expect(Array.from(discretiseCost(uniform(), 1, 0, 'split'))).toEqual([1]);
  });

  it('h = 2: U(−2..4) = 4, 2, 1/2, 0, and masses divided by h', () => {
    // (4 − 4 + 1/2)/2 = 1/4; (2 − 1 + 0)/2 = 1/2; last (U(2) − U(4))/2 = 1/4: mean 2·1/2 + 4·1/4 = 2
    expect(Array.from(discretiseCost(uniform(), 2, 2, 'split'))).toEqual([1 / 4, 1 / 2, 1 / 4]);
  });

  it('negative masses (round-off) are set to 0', () => {
    // a stop-loss with a dent: U(−1..2) = 3, 2, 1.25, 0: masses 0.25, −0.5 → 0, then 1.25
    const dent = payout(
      2,
      () => 0,
      (y) => [2, 1.25, 0][y] ?? 0,
    );
    expect(Array.from(discretiseCost(dent, 1, 2, 'split'))).toEqual([0.25, 0, 1.25]);
  });
});

describe('discretiseCost: down and up', () => {
  it('down: P(jh ≤ Y < (j+1)h), the last point taking P(Y ≥ Kh)', () => {
    expect(Array.from(discretiseCost(deductible(), 1, 3, 'down'))).toEqual([1 / 2, 1 / 4, 1 / 4, 0]);
    expect(Array.from(discretiseCost(deductible(), 1, 2, 'down'))).toEqual([1 / 2, 1 / 4, 1 / 4]);
    // h = 2: P(Y < 2) = 3/4, P(Y ≥ 2) = 1/4
    expect(Array.from(discretiseCost(deductible(), 2, 2, 'down'))).toEqual([3 / 4, 1 / 4, 0]);
  });

  it('down and up with K·h below the largest payment: the last point takes the rest', () => {
    // Y uniform on [0, 4), K = 2: down 1 − 3/4, 3/4 − 1/2, P(Y ≥ 2) = 1/2; up: P(Y ≤ 0) = 0, 1/4, P(Y > 1) = 3/4
    expect(Array.from(discretiseCost(uniform(), 1, 2, 'down'))).toEqual([1 / 4, 1 / 4, 1 / 2]);
    expect(Array.from(discretiseCost(uniform(), 1, 2, 'up'))).toEqual([0, 1 / 4, 3 / 4]);
  });

  it('up: P((j−1)h < Y ≤ jh), mass at 0 = P(Y ≤ 0), the last point taking P(Y > (K−1)h)', () => {
    expect(Array.from(discretiseCost(deductible(), 1, 3, 'up'))).toEqual([1 / 4, 1 / 4, 1 / 4, 1 / 4]);
    expect(Array.from(discretiseCost(deductible(), 1, 2, 'up'))).toEqual([1 / 4, 1 / 4, 1 / 2]);
    // h = 2: P(Y = 0) = 1/4, P(0 < Y ≤ 2) = 1/2, P(Y > 2) = 1/4
    expect(Array.from(discretiseCost(deductible(), 2, 2, 'up'))).toEqual([1 / 4, 1 / 2, 1 / 4]);
  });

  it('differences below 0 (a survival that rises) are set to 0', () => {
    // P(X ≥ x) read as 1/2 at x = 2 but 3/4 at x = 3 (a round-off bump), g(x) = (x − 1)+
    const bumpy = payout(
      1,
      (y, strict) => (y < 0 || (y === 0 && !strict) ? 0 : 1 + y),
      notUsed,
      (x) => (x <= 1 ? 1 : x === 2 ? 1 / 2 : x === 3 ? 3 / 4 : 0),
    );
    // down: 1 − 1/2, 1/2 − 3/4 → 0, 3/4 − 0
    expect(Array.from(discretiseCost(bumpy, 1, 2, 'down'))).toEqual([1 / 2, 0, 3 / 4]);
    // up: 1 − sf(1) = 0, sf(1) − sf(2) = 1/2, sf(2) − sf(3) → 0, last 3/4
    expect(Array.from(discretiseCost(bumpy, 1, 3, 'up'))).toEqual([0, 1 / 2, 0, 3 / 4]);
  });
});
