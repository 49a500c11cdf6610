/**
 * Exact expected benefit per claimant (cost risks) or per member (event risks), from closed
 * forms and exact finite sums — never from simulation. Rounding to the fen is not modelled
 * here: it moves one payment by less than half a fen and the expectation by far less.
 *
 * - bands and capped steps: the benefit is piecewise linear (benefits/piecewise.ts), so
 *   E[b(X)] = Σ_k a_k·P(x_k ≤ X < x_{k+1}) + s_k·E[X; x_k ≤ X < x_{k+1}] (limited expected values);
 * - steps without a cap: E = perStep·Σ_{k≥1} P(X ≥ from + k·step), summed until the survival is
 *   negligible, with the rest closed by Euler–Maclaurin: Σ_{k>K} f(k) ≈ ∫_K^∞ f − f(K)/2,
 *   where ∫ of the survival is the stop-loss E[(X − t)+];
 * - empirical costs: the average over the values;
 * - daily: perDay·E[min(D, maxDays)];
 * - lump-sum per member: E[min(amount·K, cap)] = amount·E[min(K, cap/amount)],
 *   K ~ Poisson(rate·w) or, with rateCv, its Gamma mixture (negative binomial), where
 *   w = 1 − newShare·waitingDays/365 thins the events of new members in their waiting period.
 */
import type { CostDist, DaysDist, DailyBenefit, LumpSumBenefit, StepsBenefit, BandsBenefit } from '../domain/scenario.ts';
import { payFast } from '../benefits/fast.ts';
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

function expectedUncappedSteps(b: StepsBenefit, X: ContinuousCost): number {
  const MAX_TERMS = 1_000_000;
  let sum = 0;
  let k = 1;
  let t = b.from + b.step;
  for (; k <= MAX_TERMS; k++, t = b.from + k * b.step) {
    const s = X.sf(t);
    sum += s;
    if (s < 1e-17 * sum || s === 0) return b.perStep * sum;
  }
  // Σ_{j>K} S(from + j·step) ≈ (1/step)·E[(X − t_K)+] − S(t_K)/2 with K = MAX_TERMS.
  const tK = b.from + MAX_TERMS * b.step;
  return b.perStep * (sum + stopLoss(X, tK) / b.step - X.sf(tK) / 2);
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
  if (b.type === 'steps' && b.cap === undefined) return expectedUncappedSteps(b, X);
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
