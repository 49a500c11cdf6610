/**
 * Putting one claimant's payment on the grid 0, h, 2h, …: three roundings.
 *
 * - `split` (the default, mean-preserving; local moment matching of the first moment): a payment
 *   y with jh ≤ y < (j+1)h goes to jh with probability (j + 1 − y/h) and to (j+1)h otherwise, so
 *   E is unchanged. For Y = g(X) with X continuous the mass at jh is E[(1 − |Y/h − j|)+]
 *     = (U((j−1)h) − 2U(jh) + U((j+1)h)) / h,   U(y) = E[(Y − y)+] = E[Y] − E[min(Y, y)],
 *   i.e. (2L(jh) − L((j−1)h) − L((j+1)h))/h with L(y) = E[min(Y, y)] (Gerber 1982), written with the
 *   stop-loss U so that tail masses keep their relative precision.
 * - `down` / `up`: every payment rounded down / up to the grid (the stochastic lower / upper
 *   discretisations, which bracket the true distribution function).
 *
 * Payments above the last grid point K·h are truncated to it (Y ∧ Kh): callers choose K·h at or
 * above the largest payment, or account for the truncated mass. Round-off can leave masses of
 * order 1e-17 below zero; they are set to 0.
 */
import type { CostPayout } from './costPayout.ts';

export type Rounding = 'split' | 'down' | 'up';

/** Tolerance (in grid units) within which a payment counts as lying on the grid. */
export const ON_GRID = 1e-9;

/**
 * Adds `prob` at `value` to `out` (indices 0..out.length − 1, span h) with the given rounding.
 * Returns whether the value lies on the grid (no rounding needed).
 */
export function addAtom(out: Float64Array, value: number, prob: number, h: number, mode: Rounding): boolean {
  const u = value / h;
  const near = Math.round(u);
  const last = out.length - 1;
  if (Math.abs(u - near) <= ON_GRID * Math.max(1, u)) {
    out[Math.min(near, last)] += prob;
    return true;
  }
  const j = Math.floor(u);
  if (j >= last) {
    out[last] += prob;
    return false;
  }
  if (mode === 'down') out[j] += prob;
  else if (mode === 'up') out[j + 1] += prob;
  else {
    const f = u - j;
    out[j] += prob * (1 - f);
    out[j + 1] += prob * f;
  }
  return false;
}

/** Masses of g(X) ∧ K·h on 0, h, …, K·h (length K + 1), X continuous. */
export function discretiseCost(p: CostPayout, h: number, K: number, mode: Rounding): Float64Array {
  const out = new Float64Array(K + 1);
  if (mode === 'split') {
    let prev = p.mean + h; // U(−h)
    let cur = p.mean; // U(0)
    for (let j = 0; j <= K; j++) {
      const next = j < K ? p.stopLoss((j + 1) * h) : cur; // the last point takes all of Y ≥ (K − 1)h's remainder
      const m = j < K ? (prev - 2 * cur + next) / h : (prev - cur) / h;
      out[j] = m > 0 ? m : 0;
      prev = cur;
      cur = next;
    }
    return out;
  }
  // P(Y ≥ y) = sf(x*(y)); P(Y > y) = sf(x**(y)).
  const strict = mode === 'up';
  const survival = (y: number) => (y <= 0 && !strict ? 1 : p.X.sf(p.inverse(y, strict)));
  if (mode === 'down') {
    // mass at jh = P(jh ≤ Y < (j+1)h); the last point takes P(Y ≥ Kh).
    let cur = 1;
    for (let j = 0; j <= K; j++) {
      const next = j < K ? survival((j + 1) * h) : 0;
      out[j] = Math.max(0, cur - next);
      cur = next;
    }
  } else {
    // mass at jh = P((j−1)h < Y ≤ jh); mass at 0 = P(Y ≤ 0); the last point takes P(Y > (K−1)h).
    let prev = 1; // P(Y > −h)
    for (let j = 0; j <= K; j++) {
      const cur = j < K ? survival(j * h) : 0;
      out[j] = Math.max(0, prev - cur);
      prev = cur;
    }
  }
  return out;
}
