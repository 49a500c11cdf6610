/**
 * Exact expected benefit per claimant (cost risks) or per member (event risks), from closed
 * forms and exact finite sums — never from simulation. Rounding to the fen is not modelled
 * here: it moves one payment by less than half a fen and the expectation by far less.
 *
 * - bands and capped steps: the benefit is piecewise linear (benefits/piecewise.ts), so
 *   E[b(X)] = Σ_k a_k·P(x_k ≤ X < x_{k+1}) + s_k·E[X; x_k ≤ X < x_{k+1}] (limited expected values);
 * - steps without a cap, or with more than `MAX_STEP_PIECES` steps below it: E = Σ_{k≥1}
 *   c_k·P(X ≥ from + k·step), c_k = perStep up to the cap (then what is left of it, then 0). Under a
 *   Pareto II cost this is a Hurwitz zeta in closed form (`expectedStepsPareto`); otherwise it is
 *   summed until the survival is negligible, with the rest closed by Euler–Maclaurin:
 *   Σ_{K<k≤F} f(k) ≈ ∫_K^F f − f(K)/2 + f(F)/2, where ∫ of the survival is the stop-loss E[(X − t)+];
 * - empirical costs: the average over the values;
 * - daily: perDay·E[min(D, maxDays)];
 * - lump-sum per member: E[min(amount·K, cap)] = amount·E[min(K, cap/amount)],
 *   K ~ Poisson(rate·w) or, with rateCv, its Gamma mixture (negative binomial), where
 *   w = 1 − newShare·waitingDays/365 thins the events of new members in their waiting period.
 */
import type {
  CostDist,
  DaysDist,
  DailyBenefit,
  LumpSumBenefit,
  StepsBenefit,
  BandsBenefit,
} from '../domain/scenario.ts';
import { payFast } from '../benefits/fast.ts';
import { hurwitzZeta } from '../stats/hurwitzZeta.ts';
import { bandsPiecewise, stepsPiecewise, type Piecewise } from '../benefits/piecewise.ts';
import { continuousCost, discreteValues, isContinuous, type ContinuousCost } from './costDistribution.ts';
import { daysCount, expectedMinCount, mixedPoissonCount } from './countDistribution.ts';

/** E[b(X)] for a piecewise-linear b over a continuous X. */
export function expectedPiecewise(pw: Piecewise, X: ContinuousCost): number {
  let sum = 0;
  const n = pw.x.length;
  for (let k = 0; k < n; k++) {
    const lo = pw.x[k];
    const hi = k + 1 < n ? pw.x[k + 1] : pw.end;
    if (pw.a[k] !== 0) sum += pw.a[k] * X.probBetween(lo, hi);
    if (pw.s[k] !== 0) sum += pw.s[k] * X.meanBetween(lo, hi);
  }
  return sum;
}

/** E[(X − t)+] = E[X; X ≥ t] − t·P(X ≥ t). */
export function stopLoss(X: ContinuousCost, t: number): number {
  return X.meanBetween(t, Infinity) - t * X.sf(t);
}

/** Capped steps with more full steps than this are summed by their survival, not as pieces. */
export const MAX_STEP_PIECES = 100_000;

/**
 * Steps by their survival sum: perStep·Σ_{k=1}^{F} S(t_k) + rest·S(t_{F+1}), t_k = from + k·step,
 * with F = ⌊cap/perStep⌋ full steps (∞ without a cap) and rest = cap − F·perStep. Summed until the
 * survival is negligible; past K = MAX_TERMS terms, closed by Euler–Maclaurin:
 * Σ_{K<j≤F} S(t_j) ≈ g(t_K) − g(t_F), g(t) = E[(X − t)+]/step − S(t)/2.
 */
export function expectedStepsBySurvival(b: StepsBenefit, X: ContinuousCost): number {
  const MAX_TERMS = 1_000_000;
  const full = b.cap === undefined ? Infinity : Math.floor(b.cap / b.perStep);
  const rest = b.cap === undefined ? 0 : b.cap - full * b.perStep;
  let sum = 0;
  for (let k = 1; k <= Math.min(full, MAX_TERMS); k++) {
    const s = X.sf(b.from + k * b.step);
    sum += s;
    if (s < 1e-17 * sum || s === 0) return b.perStep * sum;
  }
  const tFull = b.from + full * b.step;
  if (full <= MAX_TERMS) return b.perStep * sum + rest * X.sf(tFull + b.step);
  const g = (t: number) => (t === Infinity ? 0 : stopLoss(X, t) / b.step - X.sf(t) / 2);
  const tK = b.from + MAX_TERMS * b.step;
  return b.perStep * (sum + g(tK) - g(tFull)) + rest * X.sf(tFull + b.step);
}

/**
 * Steps under a Pareto II (Lomax) cost of scale s and shape α, in closed form: with t_k = from + k·h,
 * S(t_k) = (s/(t_k + s))^α = (s/h)^α·(c + k)^(−α), c = (from + s)/h, so
 *   Σ_{k=1}^{F} S(t_k) = (s/h)^α·(ζ(α, c + 1) − ζ(α, c + F + 1))   (ζ the Hurwitz zeta; the second
 * term is 0 without a cap), and E = perStep·Σ_{k=1}^{F} S(t_k) + rest·S(t_{F+1}) as in
 * `expectedStepsBySurvival`, which needs a million survival terms and an Euler–Maclaurin closure
 * for the same sum (a tail decaying like k^(−α)); this takes a few dozen operations.
 */
export function expectedStepsPareto(b: StepsBenefit, scale: number, shape: number): number {
  const full = b.cap === undefined ? Infinity : Math.floor(b.cap / b.perStep);
  const rest = b.cap === undefined ? 0 : b.cap - full * b.perStep;
  const c = (b.from + scale) / b.step;
  const r = scale / b.step; // (s/h)^α·ζ(α, q) is taken as Σ (r/(q + k))^α: r ≤ c, no overflow
  const sum = hurwitzZeta(shape, c + 1, r) - (full === Infinity ? 0 : hurwitzZeta(shape, c + full + 1, r));
  const sf = (t: number) => Math.exp(-shape * Math.log1p(t / scale));
  return b.perStep * sum + (rest === 0 ? 0 : rest * sf(b.from + (full + 1) * b.step));
}

/** Expected payment per claimant of a bands or steps benefit, for the given cost distribution. */
export function expectedCostBenefit(b: BandsBenefit | StepsBenefit, cost: CostDist, costScale = 1): number {
  if (!isContinuous(cost)) {
    const pay = payFast(b);
    const values = discreteValues(cost);
    let sum = 0;
    for (const v of values) sum += pay(v * costScale);
    return sum / values.length;
  }
  const X = continuousCost(cost, costScale);
  // Uncapped steps have infinitely many pieces, and a cap of 1e12 on steps of a fen 1e14.
  if (b.type === 'steps' && (b.cap === undefined || b.cap / b.perStep > MAX_STEP_PIECES))
    return cost.dist === 'pareto'
      ? expectedStepsPareto(b, cost.scale * costScale, cost.shape)
      : expectedStepsBySurvival(b, X);
  return expectedPiecewise(b.type === 'bands' ? bandsPiecewise(b) : stepsPiecewise(b), X);
}

/** Expected payment per claimant of a daily allowance. */
export function expectedDailyBenefit(b: DailyBenefit, days: DaysDist): number {
  return b.perDay * expectedMinCount(daysCount(days), b.maxDays ?? Infinity);
}

/** The waiting-period thinning factor w = 1 − newShare·waitingDays/365. */
export function waitingFactor(b: LumpSumBenefit, newShare: number): number {
  return 1 - (newShare * (b.waitingDays ?? 0)) / 365;
}

/** Expected payment per member of a lump sum, for per-member event rate `rate` (before thinning). */
export function expectedLumpSum(b: LumpSumBenefit, rate: number, rateCv: number, newShare: number): number {
  const lambda = rate * waitingFactor(b, newShare);
  if (b.cap === undefined) return b.amount * lambda;
  // min(amount·K, cap) = amount·min(K, cap/amount).
  return b.amount * expectedMinCount(mixedPoissonCount(lambda, rateCv), b.cap / b.amount);
}
