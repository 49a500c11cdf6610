/**
 * Quadrature over the rate factor Θ ~ Gamma(mean 1, cv) (shape r = 1/cv², rate r), for the
 * event risks whose per-member cap makes the mixture over Θ non-closed-form.
 *
 * Rule: the trapezoid rule in v = ln Θ, whose density ∝ exp(r·(v − e^v + 1)) is analytic and
 * decays doubly exponentially to the right, exponentially to the left; the trapezoid rule then
 * converges geometrically in the step. Nodes v_j = j·Δ over the range where the density is
 * above e^{−45} of its mode, weights ∝ the density, normalised to sum 1.
 *
 * Accuracy, checked exactly rather than assumed: given Θ, the risk's events T (all members, all
 * lump sums) are Poisson(μΘ), and given T = n the payout no longer depends on Θ (the n events
 * fall on members, and on lump sums, with fixed probabilities). So the quadrature's payout
 * distribution is Σ_n mix(n)·A(·|n) against the true Σ_n NB(n)·A(·|n), where
 * mix(n) = Σ_j w_j·Poisson(n; μθ_j) and NB is the exact negative binomial of T, and
 *
 *   d_TV(payout by quadrature, true payout) ≤ d_TV(mix, NB) = ½·Σ_n |mix(n) − NB(n)|,
 *
 * computed over n ≤ nMax plus both tails. Δ is halved until that is below the tolerance.
 */
import { mixedPoissonCount } from '../countDistribution.ts';
import { bisect, expandBracket } from '../../stats/numerics/bisect.ts';
import { logPoissonPmf } from '../../stats/special.ts';

export interface ThetaQuadrature {
  theta: Float64Array;
  weight: Float64Array;
  /** d_TV between the quadrature's event count and the exact negative binomial. */
  distance: number;
  /** The event count's pmf P(T = n), n = 0..nMax, and a bound on P(T > nMax). */
  countPmf: Float64Array;
  countTail: number;
}

export interface QuadratureOptions {
  tolerance: number;
  maxNodes: number;
}

/** Nodes and weights for E[f(Θ)] with an exactly checked error on the count T ~ Poisson(μΘ). */
export function thetaQuadrature(mu: number, cv: number, o: QuadratureOptions): ThetaQuadrature {
  const { pmf: countPmf, tail: countTail } = countDistribution(mu, cv);
  if (cv === 0)
    return { theta: Float64Array.of(1), weight: Float64Array.of(1), distance: 0, countPmf, countTail };
  const r = 1 / (cv * cv);
  const vLo = solveLogDensity(r, -1),
    vHi = solveLogDensity(r, 1);
  let step = 2 * Math.min(cv, 1 / Math.sqrt(mu + 1));
  for (;;) {
    const j0 = Math.ceil(vLo / step),
      j1 = Math.floor(vHi / step);
    const n = j1 - j0 + 1;
    const theta = new Float64Array(n),
      weight = new Float64Array(n);
    let total = 0;
    for (let j = 0; j < n; j++) {
      const v = (j0 + j) * step;
      theta[j] = Math.exp(v);
      weight[j] = Math.exp(r * (v - theta[j] + 1));
      total += weight[j];
    }
    for (let j = 0; j < n; j++) weight[j] /= total;
    const distance = mixtureDistance(theta, weight, mu, countPmf, countTail);
    if (distance <= o.tolerance || 2 * n > o.maxNodes)
      return { theta, weight, distance, countPmf, countTail };
    step /= 2;
  }
}

/**
 * v ≠ 0 on the given side of the mode where r·(v − e^v + 1) = −45: a bracket by doubling from
 * ±1, then 200 bisection steps from 0; the end where the density is already below e^{−45}.
 */
function solveLogDensity(r: number, side: 1 | -1): number {
  const above = (v: number) => r * (v - Math.exp(v) + 1) + 45 > 0;
  const { outside } = expandBracket(above, 0, side);
  return bisect(above, 0, outside, { maxIterations: 200 }).outside;
}

/**
 * The exact pmf of T ~ NB(mean μ, r = 1/cv²) (Poisson when cv = 0) up to nMax, the first n past
 * the mean with P(T = n) < 1e-25, and the geometric bound P(T > nMax) ≤ P(T = nMax + 1)/(1 − ρ),
 * ρ the largest ratio P(T = k + 1)/P(T = k) for k > nMax.
 */
export function countDistribution(mu: number, cv: number): { pmf: Float64Array; tail: number } {
  const T = mixedPoissonCount(mu, cv);
  const values: number[] = [];
  for (let n = 0; ; n++) {
    const p = T.pmf(n);
    values.push(p);
    if (n > mu && p < 1e-25) break;
  }
  const nMax = values.length - 1;
  const next = T.pmf(nMax + 1);
  const r = cv > 0 ? 1 / (cv * cv) : Infinity;
  const q = cv > 0 ? mu / (r + mu) : 0;
  const rho = cv > 0 ? Math.max(q, ((nMax + 1 + r) / (nMax + 2)) * q) : mu / (nMax + 2);
  return { pmf: Float64Array.from(values), tail: next / (1 - rho) };
}

/** ½·Σ|Σ_j w_j Poisson(n; μθ_j) − NB(n)| over n ≤ nMax, plus both tails beyond nMax. */
function mixtureDistance(
  theta: Float64Array,
  weight: Float64Array,
  mu: number,
  nb: Float64Array,
  nbTail: number,
): number {
  const nMax = nb.length - 1;
  const mix = new Float64Array(nMax + 1);
  for (let j = 0; j < theta.length; j++) {
    const nu = mu * theta[j];
    const spread = 12 * Math.sqrt(nu) + 30;
    const lo = Math.max(0, Math.floor(nu - spread)),
      hi = Math.min(nMax, Math.ceil(nu + spread));
    if (lo > nMax) continue;
    let p = Math.exp(logPoissonPmf(lo, nu));
    for (let n = lo; n <= hi; n++) {
      mix[n] += weight[j] * p;
      p *= nu / (n + 1);
    }
  }
  let diff = 0,
    mass = 0;
  for (let n = 0; n <= nMax; n++) {
    diff += Math.abs(mix[n] - nb[n]);
    mass += mix[n];
  }
  return 0.5 * (diff + Math.max(0, 1 - mass) + nbTail);
}
