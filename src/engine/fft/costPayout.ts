/**
 * One claimant's payment from all the benefits driven by a continuous cost X, as one
 * nondecreasing, right-continuous piecewise-linear function g (the sum of the benefits'
 * pieces, benefits/piecewise.ts): piece k covers [x_k, x_{k+1}) and pays a_k + s_k·x.
 *
 * What the discretisation needs of Y = g(X), all exact (closed forms of the cost distribution):
 * - the generalised inverses x*(y) = inf{x : g(x) ≥ y} and x**(y) = inf{x : g(x) > y}, so that
 *   P(Y ≥ y) = P(X ≥ x*(y)) and P(Y > y) = P(X ≥ x**(y)) (X is continuous);
 * - the stop-loss transform U(y) = E[(Y − y)+] = E[Y] − E[min(Y, y)]: with x* = x*(y) in piece k,
 *   U(y) = Σ_{i>k} [(g(x_i) − y)·P_i + s_i·E[X − x_i; piece i]] + (g(x*) − y)·P(x* ≤ X < x_{k+1})
 *          + s_k·E[X − x*; x* ≤ X < x_{k+1}],
 *   with the sums over whole pieces kept as suffix sums and the partial piece from the survival
 *   and tail mean T(x) = E[X; X ≥ x] at x* and at the piece's end: E[X − x*; x* ≤ X < b] =
 *   T(x*) − T(b) − x*·(S(x*) − S(b)). So each U(y) costs O(log pieces) and two special-function
 *   calls; computed from the top, U keeps its relative precision in the tail.
 *
 * Uncapped steps have infinitely many pieces; they are described up to `limit` (beyond which the
 * caller truncates the claim), so g is only valid on [0, limit).
 */
import type { BandsBenefit, StepsBenefit } from '../../domain/scenario.ts';
import { addPiecewise, bandsPiecewise, stepsPiecewise } from '../../benefits/piecewise.ts';
import type { ContinuousCost } from '../costDistribution.ts';

/** Breakpoints x_k (x_0 = 0), intercepts a_k and slopes s_k of g; g is described on [0, end). */
export interface Pieces {
  x: Float64Array;
  a: Float64Array;
  s: Float64Array;
  end: number;
}

export interface CostPayout extends Pieces {
  X: ContinuousCost;
  /** sup g: Infinity when some benefit is unbounded. */
  sup: number;
  /** E[Y] = E[g(X)] (finite for every cost distribution the format allows: Pareto needs shape > 1). */
  mean: number;
  at(x: number): number;
  /** inf{x : g(x) ≥ y} (strict: > y); Infinity when g never gets there. */
  inverse(y: number, strict: boolean): number;
  /** E[(Y − y)+]. */
  stopLoss(y: number): number;
}

/** The pieces of the summed payment of cost-driven benefits; uncapped steps are described on [0, limit). */
export function payoutPieces(benefits: (BandsBenefit | StepsBenefit)[], limit: number): Pieces {
  const pws = benefits.map((b) =>
    b.type === 'bands' ? bandsPiecewise(b) : stepsPiecewise(b, b.cap === undefined ? limit : Infinity),
  );
  return { ...addPiecewise(pws), end: Math.min(...pws.map((p) => p.end)) };
}

/** g(X) for pieces g (payoutPieces) and a continuous cost X, with the functions listed above. */
export function costPayout({ x, a, s, end }: Pieces, X: ContinuousCost): CostPayout {
  const n = x.length;
  const g = (k: number, at: number) => a[k] + s[k] * at;
  const sup = s[n - 1] > 0 || end < Infinity ? Infinity : a[n - 1];
  // Per piece: P_i, g(x_i)·P_i and s_i·E[X − x_i; piece i]; then suffix sums from piece i on.
  // And at each piece's end x_{i+1}: the survival S and the tail mean T(x) = E[X; X ≥ x].
  const sufP = new Float64Array(n + 1),
    sufGP = new Float64Array(n + 1),
    sufB = new Float64Array(n + 1);
  const endSf = new Float64Array(n),
    endTail = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const hi = i + 1 < n ? x[i + 1] : Infinity;
    const p = X.probBetween(x[i], hi);
    const b = s[i] === 0 ? 0 : s[i] * (X.meanBetween(x[i], hi) - x[i] * p);
    sufP[i] = sufP[i + 1] + p;
    sufGP[i] = sufGP[i + 1] + g(i, x[i]) * p;
    sufB[i] = sufB[i + 1] + b;
    endSf[i] = X.sf(hi);
    endTail[i] = X.meanBetween(hi, Infinity);
  }
  const pieceOf = (at: number) => {
    let lo = 0,
      hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (x[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const inverse = (y: number, strict: boolean): number => {
    // The first piece whose values reach y (≥ or >): pieces are nondecreasing, so binary search
    // on the value at each piece's start, then look inside the piece before it.
    let lo = 0,
      hi = n; // first k with g(x_k) ≥ y (or > y), n if none
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const v = g(mid, x[mid]);
      if (strict ? v > y : v >= y) hi = mid;
      else lo = mid + 1;
    }
    const k = lo - 1; // the piece before: does it cross y inside?
    if (k >= 0 && s[k] > 0) {
      const end = k + 1 < n ? x[k + 1] : Infinity;
      const cross = (y - a[k]) / s[k];
      if (cross < end) return Math.max(cross, x[k]);
    }
    return lo < n ? x[lo] : Infinity;
  };
  const stopLoss = (y: number): number => {
    if (y <= 0) return mean - y;
    const xs = inverse(y, false);
    if (xs === Infinity) return 0;
    const k = pieceOf(xs);
    if (xs === x[k]) {
      // a jump at x_k (or y at or below g(x_k)): whole pieces from k on
      return Math.max(0, sufGP[k] - y * sufP[k] + sufB[k]);
    }
    // Crossing inside a sloped piece: s_k·E[X − x*; x* ≤ X < x_{k+1}] from the tail functions.
    const sf = X.sf(xs),
      tail = X.meanBetween(xs, Infinity);
    const partial = s[k] * (tail - endTail[k] - xs * (sf - endSf[k]));
    return Math.max(0, sufGP[k + 1] - y * sufP[k + 1] + sufB[k + 1] + partial);
  };
  const mean = sufGP[0] + sufB[0];
  return { X, x, a, s, end, sup, mean, at: (at) => g(pieceOf(at), at), inverse, stopLoss };
}
