/**
 * The probability that a benefit pays more than 0: per claimant of a cost risk, or per member of
 * an event risk (the beneficiary counts, docs/scenario-format.md "Results added in /2").
 *
 * - bands and steps are nondecreasing in the cost X and 0 at 0, so they pay iff X > x₀, the start
 *   of their first piece that is positive or rising: P = S(x₀) (steps: x₀ = from + step);
 *   empirical costs: the share of values that pay;
 * - daily: P(D ≥ 1) when perDay > 0 and maxDays ≥ 1;
 * - a claimant is paid by some benefit of the risk unless X ≤ min x₀ and no daily pays:
 *   P(any) = 1 − P(X ≤ min x₀)·P(no daily pays) (X and D independent);
 * - a lump sum on events: an event pays more than 0 with probability q = w·[amount > 0] +
 *   (1 − w)·[waitingAmount > 0] (w outside the waiting period), so the paying events of one
 *   member are mixed Poisson(ν·q) and P = 1 − P(0; ν·q); several lump sums thin each event
 *   independently, so P(any) = 1 − P(0; ν·(1 − Π_b (1 − q_b))).
 * P(0; m) of a mixed Poisson: e^{−m}, or (r/(r + m))^r with r = 1/rateCv²; 1 − P(0) by expm1.
 */
import type { CostDist, DaysDist, LumpSumBenefit } from '../domain/scenario.ts';
import type { SchemeBenefit } from '../domain/scheme.ts';
import { payFast } from '../benefits/fast.ts';
import { bandsPiecewise } from '../benefits/piecewise.ts';
import { continuousCost, discreteValues, isContinuous } from './costDistribution.ts';
import { daysCount } from './countDistribution.ts';

/** 1 − P(K = 0) for K mixed Poisson with mean m and rate cv. */
export function probPositiveCount(m: number, rateCv: number): number {
  if (m <= 0) return 0;
  const r = 1 / (rateCv * rateCv);
  return r === Infinity ? -Math.expm1(-m) : -Math.expm1(r * Math.log1p(-m / (r + m)));
}

/** x₀: a bands or steps benefit pays iff X > x₀ (Infinity when it never pays). */
export function paysAbove(b: SchemeBenefit): number {
  if (b.type === 'steps') return b.perStep > 0 && (b.cap ?? Infinity) > 0 ? b.from + b.step : Infinity;
  if (b.type !== 'bands') throw new TypeError(`benefit ${b.id} is not driven by the cost`);
  const pw = bandsPiecewise(b);
  for (let k = 0; k < pw.x.length; k++) if (pw.s[k] > 0 || pw.a[k] + pw.s[k] * pw.x[k] > 0) return pw.x[k];
  return Infinity;
}

const dailyPays = (b: SchemeBenefit) => b.type === 'daily' && b.perDay > 0 && (b.maxDays ?? Infinity) >= 1;

/**
 * For one claimant of a cost risk: P(paid > 0) for each of `benefits` (bands, steps, daily) and
 * P(paid > 0 by any of them).
 */
export function costPaidProbabilities(
  cost: CostDist,
  costScale: number,
  days: DaysDist | undefined,
  benefits: SchemeBenefit[],
): { each: number[]; any: number } {
  const costDriven = benefits.filter((b) => b.type === 'bands' || b.type === 'steps');
  const dayPositive = days ? 1 - daysCount(days).pmf(0) : 0;
  let noCost = 1;
  let each: number[];
  if (isContinuous(cost)) {
    const X = continuousCost(cost, costScale);
    const sf = (x: number) => (x === Infinity ? 0 : X.sf(x));
    each = benefits.map((b) => (b.type === 'daily' ? (dailyPays(b) ? dayPositive : 0) : sf(paysAbove(b))));
    if (costDriven.length > 0) noCost = 1 - sf(Math.min(...costDriven.map(paysAbove)));
  } else {
    const values = discreteValues(cost).map((v) => v * costScale);
    const share = (pays: ((x: number) => number)[]) =>
      values.filter((v) => pays.some((p) => p(v) > 0)).length / values.length;
    each = benefits.map((b) => (b.type === 'daily' ? (dailyPays(b) ? dayPositive : 0) : share([payFast(b)])));
    noCost = 1 - share(costDriven.map(payFast));
  }
  const noDays = benefits.some(dailyPays) ? 1 - dayPositive : 1;
  return { each, any: 1 - noCost * noDays };
}

/** q: the probability that one event is paid more than 0 by a lump sum (w outside the waiting period). */
export function eventPaidShare(b: LumpSumBenefit & { waitingAmount: number }, w: number): number {
  if ((b.cap ?? Infinity) <= 0) return 0;
  return (b.amount > 0 ? w : 0) + (b.waitingAmount > 0 ? 1 - w : 0);
}
