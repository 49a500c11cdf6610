/**
 * How far the discretised total S_h can be from the true S: a coupling bound.
 *
 * Couple each rounded payment with the true one: Y_h = Y + ε, where, given the true payments,
 * the rounding errors ε of the claims (one per part not on the grid: cost part, days part, …)
 * are independent with |ε| < σ (the span they were rounded to: h, or a capped event risk's own)
 * and, under the mean-preserving split, E[ε | Y] = 0 and Var(ε | Y) ≤ σ²/4. So E = S_h − S is,
 * given the payments, a sum of at most Σ_r k_r·N_r such terms (N_r the claims of component r,
 * k_r its split parts) plus `fixed` single terms of span h, and Bernstein's inequality gives,
 * on {N_r ≤ n_r for all r},
 *
 *   P(|E| > δ) ≤ 2·exp(−δ² / (2(V + bδ/3))),   V = Σ_r k_r·n_r·σ_r²/4 + fixed·h²/4,  b = max σ.
 *
 * The counts are mixed Poisson, with the Chernoff bound P(N ≥ n) ≤ exp(Λ_N(s) − s·n) at its
 * optimum (Poisson: s = ln(n/λ); Gamma-mixed: e^s = n(1 + β)/(β(r + n)), β = λ/r, r = 1/cv²);
 * each n_r is the smallest count whose bound is η/(2R). Then P(|E| > δ) ≤ η for
 *
 *   δ = bL/3 + √((bL/3)² + 2VL),   L = ln(4/η).
 *
 * Rounding down or up is not mean-zero: then only |E| < Σ_r k_r·n_r·σ_r + fixed·h is used (the
 * width of the stochastic lower/upper bracket, about E[N]·h).
 */
import { bisect, expandBracket } from '../../stats/numerics/bisect.ts';

export interface RoundingUnits {
  /**
   * Mixed-Poisson counts of claims (or events), each carrying `terms` independent rounding errors
   * of range < `span` (the grid's h, or a capped event risk's own span).
   */
  counts: { lambda: number; rateCv: number; terms: number; span: number }[];
  /** Rounding errors of range < h that occur once (a whole risk's total split onto the grid). */
  fixed: number;
}

/** δ with P(|S_h − S| > δ) ≤ η; 0 when nothing was rounded. */
export function roundingDeviation(u: RoundingUnits, h: number, eta: number, meanZero = true): number {
  const counts = u.counts.filter((c) => c.terms > 0 && c.lambda > 0);
  if (counts.length === 0 && u.fixed === 0) return 0;
  let range = u.fixed * h,
    square = u.fixed * h * h,
    widest = u.fixed > 0 ? h : 0; // Σ ranges, Σ ranges², max range
  for (const c of counts) {
    const n = c.terms * countBound(c.lambda, c.rateCv, eta / (2 * counts.length));
    range += n * c.span;
    square += n * c.span * c.span;
    widest = Math.max(widest, c.span);
  }
  if (!meanZero) return range;
  const V = square / 4;
  const L = Math.log(4 / eta);
  const b = (widest * L) / 3;
  return b + Math.sqrt(b * b + 2 * V * L);
}

/**
 * The smallest n (≥ the mean) with the Chernoff bound on P(N ≥ n) at most `tail`: a bracket by
 * doubling from 2λ + 10, then bisection to 0.5 (at most 100 steps), rounded up.
 */
export function countBound(lambda: number, rateCv: number, tail: number): number {
  const logTail = Math.log(tail);
  const logBound = (n: number) => {
    if (n <= lambda) return 0;
    if (rateCv === 0) return -(n * Math.log(n / lambda) - n + lambda);
    const r = 1 / (rateCv * rateCv),
      beta = lambda / r;
    const u = (n * (1 + beta)) / (beta * (r + n));
    return -r * Math.log1p(-beta * (u - 1)) - n * Math.log(u);
  };
  const tooLikely = (n: number) => logBound(n) > logTail;
  const bracket = expandBracket(tooLikely, lambda, 2 * lambda + 10);
  return Math.ceil(
    bisect(tooLikely, bracket.inside, bracket.outside, { tolerance: 0.5, maxIterations: 100 }).outside,
  );
}
