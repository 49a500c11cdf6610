/**
 * Calibration of a cost risk to aggregate experience: years of members, claimants and paid.
 *
 *   claim rate  λ = Σ claimants / Σ members
 *   target      T = Σ paid / Σ claimants                      (observed benefit per claimant)
 *   solve c:    Σ_{bands, steps b} E[b(c·X)] + Σ_{daily b} E[b(D)] = T
 *
 * where X is the risk's cost distribution and c scales it as the scenario format's cost trend
 * does: the mean of a lognormal or gamma at its cv, the scale of a Pareto II at its shape, every
 * value of an empirical list. The shape (cv, Pareto shape) is kept: aggregates identify one
 * level, not a shape. E[b(c·X)] is the exact expectation (engine/expectedBenefit.ts), so the
 * fitted scenario's exact expected payout reproduces the observed payouts by construction.
 *
 * E is non-decreasing in c (every benefit is non-decreasing in the cost), from the daily part
 * alone (c → 0) to the daily part plus every cost benefit's most (its cap, or the sum of its
 * finite bands; c → ∞). A target outside that range is a clear failure (`calBelowFloor`,
 * `calAboveCeiling`); inside, the root in u = ln c is bracketed by doubling steps and found by
 * Brent's method (stats/numerics/brentRoot.ts) to 1e-13 in u.
 *
 * "members" are the members the risk applies to (for `who: "female"`, the women). Claims (person-times)
 * given as claimants overstate the rate and understate the benefit per claimant (data/README.md).
 * The fit table compares each year's observed paid with λ·members·E (the one fitted risk, every
 * year): a year far from ratio 1 is a year the single-level model does not explain.
 */
import type {
  Benefit,
  BandsBenefit,
  CostDist,
  CostRisk,
  Scenario,
  StepsBenefit,
} from '../domain/scenario.ts';
import { isContinuous } from '../engine/costDistribution.ts';
import { expectedCostBenefit, expectedDailyBenefit } from '../engine/expectedBenefit.ts';
import { bracketRoot } from '../stats/numerics/bracketRoot.ts';
import { brentRoot } from '../stats/numerics/brentRoot.ts';
import { moneyProblem, wholeProblem } from './cells.ts';
import { historyMessage as msg, type HistoryMessage, type HistoryProblem } from './messages.ts';

export interface CalibrationYear {
  year?: number;
  members: number;
  claimants: number;
  paid: number;
}

export interface CalibrationRow {
  year: number | null;
  members: number;
  claimants: number;
  paid: number;
  expectedClaimants: number;
  expectedPaid: number;
  /** paid / expectedPaid. */
  ratio: number;
}

export interface Calibration {
  ok: true;
  /** The risk with `rate` = λ and its cost distribution scaled. */
  risk: CostRisk;
  claimRate: number;
  /** Observed paid per claimant, T. */
  target: number;
  /** The fitted risk's exact expected benefit per claimant (equals T to ~1e-12). */
  perClaimant: number;
  /** The factor c applied to the cost distribution's scale. */
  costScale: number;
  table: CalibrationRow[];
}

export type CalibrationResult = Calibration | { ok: false; problems: HistoryProblem[] };

type CostBenefit = BandsBenefit | StepsBenefit;

/** Calibrates `risk` with the benefits on it (others in `benefits` are ignored). */
export function calibrateRisk(
  years: readonly CalibrationYear[],
  risk: CostRisk,
  benefits: readonly Benefit[],
): CalibrationResult {
  const problems = checkYears(years);
  const onRisk = benefits.map((b, i) => ({ b, i })).filter(({ b }) => b.risk === risk.id);
  const cost = onRisk
    .filter(({ b }) => b.type === 'bands' || b.type === 'steps')
    .map(({ b }) => b as CostBenefit);
  if (cost.length === 0)
    problems.push({ at: { path: 'benefits' }, ...msg('calNoCostBenefit', { risk: risk.id }) });
  let floor = 0;
  for (const { b, i } of onRisk) {
    if (b.type !== 'daily') continue;
    if (!risk.days)
      problems.push({ at: { path: `benefits[${i}]` }, ...msg('calNeedsDays', { benefit: b.id }) });
    else floor += expectedDailyBenefit(b, risk.days);
  }
  if (problems.length) return { ok: false, problems };

  const members = years.reduce((s, y) => s + y.members, 0);
  const claimants = years.reduce((s, y) => s + y.claimants, 0);
  const paid = years.reduce((s, y) => s + y.paid, 0);
  if (claimants === 0) return { ok: false, problems: [{ at: { path: 'years' }, ...msg('calNoClaimants') }] };
  if (claimants > members)
    return {
      ok: false,
      problems: [{ at: { path: 'years' }, ...msg('calRateAboveOne', { claimants, members }) }],
    };
  const target = paid / claimants;
  const ceiling = floor + positiveShare(risk.cost) * cost.reduce((s, b) => s + mostPaid(b), 0);
  if (!(target > floor))
    return { ok: false, problems: [{ at: { path: 'years' }, ...msg('calBelowFloor', { target, floor }) }] };
  if (!(target < ceiling))
    return {
      ok: false,
      problems: [{ at: { path: 'years' }, ...msg('calAboveCeiling', { target, ceiling }) }],
    };

  const perClaimantAt = (c: number) =>
    floor + cost.reduce((s, b) => s + expectedCostBenefit(b, risk.cost, c), 0);
  const g = (u: number) => perClaimantAt(Math.exp(u)) - target;
  const MAX_LOG_SCALE = 700; // e^±700: beyond, every figure has left the doubles
  const bracket = bracketRoot(g, 0, -MAX_LOG_SCALE, MAX_LOG_SCALE);
  const root =
    bracket && (bracket.lo === bracket.hi ? { x: bracket.lo } : brentRoot(g, bracket.lo, bracket.hi));
  const costScale = root ? Math.exp(root.x) : NaN;
  const rate = claimants / members;
  const fitted: CostRisk = { ...risk, rate, cost: scaleCost(risk.cost, costScale) };
  const perClaimant = floor + cost.reduce((s, b) => s + expectedCostBenefit(b, fitted.cost), 0);
  if (!root || !(Math.abs(perClaimant - target) <= 1e-6 * target)) {
    return {
      ok: false,
      problems: [{ at: { path: 'years' }, ...msg('calNotReached', { target, reached: perClaimant }) }],
    };
  }
  const table = years.map((y): CalibrationRow => {
    const expectedClaimants = rate * y.members;
    const expectedPaid = expectedClaimants * perClaimant;
    return {
      year: y.year ?? null,
      members: y.members,
      claimants: y.claimants,
      paid: y.paid,
      expectedClaimants,
      expectedPaid,
      ratio: y.paid / expectedPaid,
    };
  });
  return { ok: true, risk: fitted, claimRate: rate, target, perClaimant, costScale, table };
}

/** Calibrates the risk `riskId` of a scenario; returns also the scenario with that risk replaced. */
export function calibrateScenario(
  years: readonly CalibrationYear[],
  scenario: Scenario,
  riskId: string,
): (Calibration & { scenario: Scenario }) | { ok: false; problems: HistoryProblem[] } {
  const index = scenario.risks.findIndex((r) => r.id === riskId);
  if (index < 0)
    return {
      ok: false,
      problems: [
        {
          at: { path: 'risk' },
          ...msg('calUnknownRisk', { risk: riskId, known: scenario.risks.map((r) => r.id) }),
        },
      ],
    };
  const risk = scenario.risks[index];
  if (risk.kind !== 'cost')
    return {
      ok: false,
      problems: [{ at: { path: `risks[${index}]` }, ...msg('calNotCostRisk', { risk: riskId }) }],
    };
  const result = calibrateRisk(years, risk, scenario.benefits);
  if (!result.ok) return result;
  const risks = scenario.risks.map((r, i) => (i === index ? result.risk : r));
  return { ...result, scenario: { ...scenario, risks } };
}

/** The cost distribution with its scale multiplied by c (empirical values kept to the fen). */
export function scaleCost(d: CostDist, c: number): CostDist {
  switch (d.dist) {
    case 'lognormal':
    case 'gamma':
      return { ...d, mean: d.mean * c };
    case 'pareto':
      return { ...d, scale: d.scale * c };
    case 'empirical':
      return { ...d, values: d.values.map((v) => Math.round(v * c * 100) / 100) };
  }
}

/** The most a bands or steps benefit pays one claimant: its cap, or the sum of its finite bands. */
export function mostPaid(b: CostBenefit): number {
  let most = Infinity;
  if (b.type === 'bands') {
    most = 0;
    let lower = 0;
    for (const band of b.bands) {
      if (band.upTo === null) {
        if (band.rate > 0) most = Infinity;
        break;
      }
      most += band.rate * (band.upTo - lower);
      lower = band.upTo;
    }
  }
  return Math.min(most, b.cap ?? Infinity);
}

/** P(X > 0): 1 for continuous costs, the share of positive values for empirical ones. */
function positiveShare(d: CostDist): number {
  if (isContinuous(d) || d.dist !== 'empirical') return 1;
  return d.values.filter((v) => v > 0).length / d.values.length;
}

function checkYears(years: readonly CalibrationYear[]): HistoryProblem[] {
  if (!Array.isArray(years) || years.length === 0) return [{ at: { path: 'years' }, ...msg('calNoYears') }];
  const problems: HistoryProblem[] = [];
  years.forEach((y, i) => {
    const push = (field: string, m: HistoryMessage | null) => {
      if (m) problems.push({ at: { path: `years[${i}].${field}` }, ...m });
    };
    push('members', wholeProblem(y.members, 1));
    push('claimants', wholeProblem(y.claimants, 0));
    push('paid', moneyProblem(y.paid));
  });
  return problems;
}
