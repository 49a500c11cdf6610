/**
 * A resolved scenario as independent components of the period's total S = Σ_c S_c, each with
 * its own Θ (one per risk), in the form the transform needs and independent of the grid.
 *
 * - `compound`: S_c = Σ_{i ≤ N} Y_i with N ~ Poisson(λΘ), Θ ~ Gamma(mean 1, cv): a cost risk
 *   (λ = rate·members, Y = the claimant's cost-driven benefits + daily allowances, as independent
 *   `parts`), or an event risk whose lump sums have no per-member cap that ever binds. Every
 *   lump sum counts the member's same events (the format's K), each event paid by lump sum b
 *   with probability w_b independently: so the risk's events are Poisson(members·rate·Θ) and
 *   each pays Y = Σ_b amount_b·B_b, B_b ~ Bernoulli(w_b) independent; the events paying nothing
 *   are thinned away (λ = members·rate·P(Y > 0), Y given Y > 0). One lump sum: λ = members·rate·w,
 *   Y = amount.
 *   A cap "never binds" when the expected number of members whose events exceed it,
 *   members·P(K > ⌊cap/amount⌋) with K the per-member mixed Poisson count, is at most
 *   `maxNeglectedMass`; that number bounds the total-variation error and is reported.
 * - `capped-event`: an event risk with a binding per-member cap (cappedEventPmf.ts).
 *
 * Parts of a claimant's payment: `continuous` (the cost-driven benefits of a continuous cost)
 * or `atoms` (empirical costs, days, lump-sum amounts, and steps on a continuous cost, whose
 * payment takes one value per step). Unbounded continuous parts (no cap) are
 * truncated at `top`, the payment at the cost quantile where λ·P(X > x) is `truncationBudget`
 * (so the probability that any claim of the period is truncated is at most that budget).
 * `lattice` is the span (yuan) of which every payment of the part is a multiple, when there is
 * one (steps, days × perDay, lump sums, point costs), else null.
 */
import type {
  Benefit,
  BandsBenefit,
  CostRisk,
  DailyBenefit,
  ResolvedCostRisk,
  ResolvedEventRisk,
  ResolvedScenario,
  StepsBenefit,
} from '../../domain/scenario.ts';
import { payFast } from '../../benefits/fast.ts';
import { continuousCost, discreteValues, isContinuous, type ContinuousCost } from '../costDistribution.ts';
import { daysCount, mixedPoissonCount } from '../countDistribution.ts';
import { oneMembers as riskMembers } from './oneMembership.ts';
import { waitingFactor } from '../expectedBenefit.ts';
import { costPayout, payoutPieces, type CostPayout, type Pieces } from './costPayout.ts';
import { latticeOf } from './lattice.ts';

export interface ContinuousPart {
  kind: 'continuous';
  payout: CostPayout;
  /** Largest payment represented; payments above are truncated to it. */
  top: number;
  lattice: null;
}

export interface AtomsPart {
  kind: 'atoms';
  values: Float64Array;
  probs: Float64Array;
  top: number;
  lattice: number | null;
}

export type Part = ContinuousPart | AtomsPart;

export interface CompoundComponent {
  kind: 'compound';
  risk: string;
  lambda: number;
  rateCv: number;
  parts: Part[];
  /** Bound on P(some payment of the period was truncated at `top`). */
  truncated: number;
  /** Bound on the total-variation error of ignoring caps that (almost) never bind. */
  neglected: number;
}

export interface CappedLump {
  /** Per-member rate of paid events, rate·paid (before Θ). */
  lambda: number;
  /** Probability that an event is paid (waiting periods), w = 1 − newShare·waitingDays/365. */
  paid: number;
  amount: number;
  cap: number;
}

export interface CappedEventComponent {
  kind: 'capped-event';
  risk: string;
  members: number;
  /** Per-member event rate before waiting-period thinning and Θ: every lump sum counts these events. */
  rate: number;
  rateCv: number;
  /** Per-member rates (after waiting-period thinning, before Θ); cap Infinity when none. */
  lumps: CappedLump[];
}

export type Component = CompoundComponent | CappedEventComponent;

export interface ComponentOptions {
  truncationBudget: number;
  maxNeglectedMass: number;
}

/** Days probabilities below this (past the mean) end the days table. */
const MIN_DAYS_PMF = 1e-30;

export function buildComponents(s: ResolvedScenario, o: ComponentOptions): Component[] {
  const unboundedCount = s.risks.filter(
    (r) => r.kind === 'cost' && isContinuous(r.cost) && costBenefits(s, r.id).some(unbounded),
  ).length;
  const budget = unboundedCount > 0 ? o.truncationBudget / unboundedCount : 0;
  return s.risks.flatMap((risk) => {
    const c =
      risk.kind === 'cost' ? costComponent(s, risk, budget) : eventComponent(s, risk, o.maxNeglectedMass);
    return c === null ? [] : [c];
  });
}

/** A cost risk: its claimants' cost part and days part; null when it pays nothing. */
function costComponent(
  s: ResolvedScenario,
  risk: ResolvedCostRisk,
  budget: number,
): CompoundComponent | null {
  const lambda = risk.rate * riskMembers(s, risk);
  const parts: Part[] = [];
  let truncated = 0;
  const cost = costBenefits(s, risk.id);
  if (cost.length > 0 && isContinuous(risk.cost)) {
    const X = continuousCost(risk.cost);
    const bounded = !cost.some(unbounded);
    const xTop = bounded ? Infinity : X.quantileUpper(budget / lambda);
    const pieces = payoutPieces(cost, bounded ? Infinity : xTop + 1);
    if (!bounded) truncated += budget;
    if (pieces.s.every((v) => v === 0)) parts.push(stepAtoms(pieces, X, xTop));
    else {
      const payout = costPayout(pieces, X);
      parts.push({ kind: 'continuous', payout, top: bounded ? payout.sup : payout.at(xTop), lattice: null });
    }
  } else if (cost.length > 0) {
    const pays = cost.map(payFast);
    const values = discreteValues(risk.cost).map((v) => pays.reduce((sum, pay) => sum + pay(v), 0));
    parts.push(
      atoms(
        values,
        values.map(() => 1 / values.length),
      ),
    );
  }
  const daily = s.benefits.filter((b): b is DailyBenefit => b.risk === risk.id && b.type === 'daily');
  if (daily.length > 0 && risk.days) parts.push(daysPart(daily, risk.days));
  const live = parts.filter((p) => p.top > 0);
  return live.length === 0
    ? null
    : { kind: 'compound', risk: risk.id, lambda, rateCv: risk.rateCv, parts: live, truncated, neglected: 0 };
}

/** An event risk: compound when no cap ever binds, else capped; null when it pays nothing. */
function eventComponent(
  s: ResolvedScenario,
  risk: ResolvedEventRisk,
  maxNeglectedMass: number,
): Component | null {
  const members = riskMembers(s, risk);
  const lumps: CappedLump[] = s.benefits.flatMap((b) => {
    if (b.risk !== risk.id || b.type !== 'lump-sum' || !(b.amount > 0)) return [];
    const paid = waitingFactor(b, s.members.newShare);
    return [{ lambda: risk.rate * paid, paid, amount: b.amount, cap: b.cap ?? Infinity }];
  });
  const live = lumps.filter((l) => l.lambda > 0 && l.cap > 0);
  if (live.length === 0) return null;
  let neglected = 0;
  for (const l of live) if (l.cap < Infinity) neglected += members * capExcessProbability(l, risk.rateCv);
  if (neglected > maxNeglectedMass)
    return {
      kind: 'capped-event',
      risk: risk.id,
      members,
      rate: risk.rate,
      rateCv: risk.rateCv,
      lumps: live,
    };
  const compound = (lambda: number, part: AtomsPart): CompoundComponent => ({
    kind: 'compound',
    risk: risk.id,
    lambda,
    rateCv: risk.rateCv,
    parts: [part],
    truncated: 0,
    neglected,
  });
  if (live.length === 1) return compound(members * live[0].lambda, atoms([live[0].amount], [1]));
  const { values, probs, paying } = eventPayment(live);
  return compound(members * risk.rate * paying, atoms(values, probs));
}

/**
 * One event's payment Y = Σ_b amount_b·B_b, B_b ~ Bernoulli(paid_b) independent, given Y > 0:
 * its values and probabilities, and P(Y > 0). Built lump sum by lump sum, equal sums merged (at
 * most 2^B values for B lump sums).
 */
function eventPayment(lumps: CappedLump[]): { values: number[]; probs: number[]; paying: number } {
  let dist = new Map<number, number>([[0, 1]]);
  for (const l of lumps) {
    const next = new Map<number, number>();
    const add = (v: number, p: number) => {
      if (p > 0) next.set(v, (next.get(v) ?? 0) + p);
    };
    for (const [v, p] of dist) {
      add(v, p * (1 - l.paid));
      add(v + l.amount, p * l.paid);
    }
    dist = next;
  }
  const values: number[] = [],
    weights: number[] = [];
  let paying = 0;
  for (const [v, p] of dist)
    if (v > 0) {
      values.push(v);
      weights.push(p);
      paying += p;
    }
  return { values, probs: weights.map((p) => p / paying), paying };
}

function costBenefits(s: ResolvedScenario, risk: string): (BandsBenefit | StepsBenefit)[] {
  return s.benefits.filter(
    (b): b is BandsBenefit | StepsBenefit => b.risk === risk && (b.type === 'bands' || b.type === 'steps'),
  );
}

function unbounded(b: Benefit): boolean {
  if (b.type === 'bands') return b.cap === undefined && b.bands[b.bands.length - 1].upTo === null;
  if (b.type === 'steps') return b.cap === undefined;
  return false;
}

/**
 * A payout that is constant on each piece (steps) is a discrete distribution: value a_k with
 * probability P(x_k ≤ X < x_{k+1}); the piece holding xTop (uncapped steps) takes all of X ≥ x_k.
 */
function stepAtoms(p: Pieces, X: ContinuousCost, xTop: number): AtomsPart {
  const values: number[] = [],
    probs: number[] = [];
  for (let k = 0; k < p.x.length; k++) {
    const last = k + 1 === p.x.length || p.x[k + 1] > xTop; // the piece holding xTop takes the tail
    values.push(p.a[k]);
    probs.push(last ? X.sf(p.x[k]) : X.probBetween(p.x[k], p.x[k + 1]));
    if (last) break;
  }
  return atoms(values, probs);
}

function atoms(values: number[], probs: number[]): AtomsPart {
  const v = Float64Array.from(values);
  let top = 0;
  for (const x of v) if (x > top) top = x;
  return { kind: 'atoms', values: v, probs: Float64Array.from(probs), top, lattice: latticeOf(v) };
}

/**
 * The days part: d(n) = Σ_k perDay_k·min(n, maxDays_k) with probability P(D = n). When every
 * allowance has a maximum, P(D ≥ max) sits on d(max) exactly; otherwise a bounded distribution
 * (fixed, empirical) runs to its maximum, an unbounded one until its pmf falls below 1e-30 past
 * the mean (the rest, smaller still, joins the last value).
 */
function daysPart(daily: DailyBenefit[], days: NonNullable<CostRisk['days']>): AtomsPart {
  const D = daysCount(days);
  const pays = daily.map(payFast);
  const cap = daily.every((b) => b.maxDays !== undefined)
    ? Math.max(...daily.map((b) => b.maxDays!))
    : Infinity;
  const values: number[] = [];
  const probs: number[] = [];
  let cdf = 0;
  for (let n = 0; n <= D.max; n++) {
    const p = D.pmf(n);
    const v = pays.reduce((sum, pay) => sum + pay(n), 0);
    if (n >= cap) {
      values.push(v);
      probs.push(Math.max(0, 1 - cdf));
      break;
    }
    values.push(v);
    probs.push(p);
    cdf += p;
    // Unbounded (Poisson, negative binomial: unimodal) days end where the pmf is negligible.
    if (D.max === Infinity && n > D.mean && p < MIN_DAYS_PMF) {
      probs[probs.length - 1] += Math.max(0, 1 - cdf);
      break;
    }
  }
  return atoms(values, probs);
}

/** P(K > ⌊cap/amount⌋) for one member, K ~ Poisson(λΘ) mixed over Θ (negative binomial), summed from the tail side. */
function capExcessProbability(l: CappedLump, rateCv: number): number {
  const K = mixedPoissonCount(l.lambda, rateCv);
  const first = Math.floor(l.cap / l.amount) + 1;
  let sum = 0;
  for (let k = first; k < first + 10_000; k++) {
    const p = K.pmf(k);
    sum += p;
    if (k > K.mean && (p < 1e-30 || p < 1e-18 * sum)) break;
  }
  return sum;
}
