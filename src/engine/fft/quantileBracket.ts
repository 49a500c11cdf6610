/**
 * A guaranteed interval for the true p-quantile of S, from the computed S_h.
 *
 * Two facts bound the computed distribution function F̃ against the true F:
 * - misplaced mass: |F̃ − F_h| ≤ m, where m adds the aliased mass (wrapped around the window),
 *   truncated claims, ignored caps and the Θ quadrature's total-variation error;
 * - rounding (roundingDeviation.ts): P(|S_h − S| > δ(η)) ≤ η, hence
 *   F_h(x − δ) − η ≤ F(x) ≤ F_h(x + δ) + η.
 * Together, with q̃ the step quantile of the computed pmf,
 *
 *   q̃(p − η − m) − δ(η) ≤ q(p) ≤ q̃(p + η + m) + δ(η),
 *
 * and the width is minimised over η ∈ {10⁻², …, 10⁻¹⁴} (η = 0 when nothing was rounded).
 * Both the reported (interpolated) quantile and the true one lie inside, so the width bounds
 * the error of the reported figure.
 */
import { stepQuantile, type LatticeDistribution } from './latticeDistribution.ts';

export interface Bracket {
  lower: number;
  upper: number;
}

export function quantileBracket(
  d: LatticeDistribution,
  p: number,
  misplaced: number,
  deviation: (eta: number) => number,
): Bracket {
  const at = (eta: number, delta: number): Bracket => {
    const lo = p - eta - misplaced,
      hi = p + eta + misplaced;
    return {
      lower: lo > 0 ? Math.max(0, stepQuantile(d, lo) - delta) : 0,
      upper: hi < 1 ? stepQuantile(d, hi) + delta : Infinity,
    };
  };
  if (deviation(1e-2) === 0) return at(0, 0);
  let best: Bracket = { lower: 0, upper: Infinity };
  for (let k = 2; k <= 14; k++) {
    const eta = 10 ** -k;
    const b = at(eta, deviation(eta));
    if (b.upper - b.lower < best.upper - best.lower) best = b;
  }
  return best;
}
