/**
 * Calibration of a cost risk to several figures at once (targets: readTargets.ts), fitting the
 * cost family and its two parameters together: lognormal and gamma by (mean, cv), Pareto II by
 * (scale, shape). For each family the parameters minimise Σ zᵢ² over the cost targets
 * (weighted least squares on standardised errors), each z from closed forms:
 *
 * - claimant rate: λ = claimants / members exactly (not a parameter); its row reports
 *   claimants against λ·members (z = 0);
 * - paid per claimant T: fitted E = E[daily] + Σ_b E[b(X)] (engine/expectedBenefit.ts),
 *   z = (T − E) / (tol·T), tol the stated relative tolerance (`paidTolerance`, default 1%);
 * - N(> t) among n draws (one cost draw per claimant of the period): fitted m = n·P(A > t) with
 *   A = F(X) = Σ_b b(X) the claimant's payout (or A = X for `on: cost`). F is nondecreasing, so
 *   P(F(X) > t) = S_X(x*), x* = inf{x : F(x) > t}, found once by bisection (the same for every
 *   family and parameter); z = (N − m)/√m, the Poisson standard error of the fitted count;
 * - the largest M of n draws: fitted, the median of the maximum, F(Q_X(2^(−1/n))) (the maximum's
 *   CDF is P(A ≤ a)ⁿ); z = Φ⁻¹(P(A ≤ M)ⁿ), the observed maximum's place in that distribution as a
 *   normal score (0 at the median, ±2 at the 2.3% and 97.7% points).
 *
 * A source counting claims (人次) rather than claimants can stand in for N(> t) of claimants'
 * amounts above thresholds well above the average claim: a claimant's period total is above such a
 * threshold almost only when one of its claims is (the "single big jump" of heavy tails), so the
 * counts agree to within the few claimants with two large claims or several middling ones.
 *
 * Each family is minimised by Nelder–Mead (nelderMead.ts) in (ln level, ln cv) or
 * (ln scale, ln(shape − 1)), started from the five best points of a 25 × 25 grid and of the
 * paid target's valley (the level that meets it exactly, at 49 shapes); bounds of the
 * scenario format (mean, scale ≤ 10⁹; cv ≤ 100, gamma cv ≥ 0.01; shape ≤ 1000) are walls.
 * Families are ranked by Σz² (best first). Inconsistent or too few targets are problems, not fits.
 */
import type { BandsBenefit, Benefit, CostDist, CostRisk, StepsBenefit } from '../domain/scenario.ts';
import { payFast } from '../benefits/fast.ts';
import { continuousCost } from '../engine/costDistribution.ts';
import { expectedCostBenefit, expectedDailyBenefit } from '../engine/expectedBenefit.ts';
import { bracketRoot } from '../stats/numerics/bracketRoot.ts';
import { brentRoot } from '../stats/numerics/brentRoot.ts';
import { normalQuantile, normalQuantileUpper } from '../stats/special.ts';
import { mostPaid } from './calibrate.ts';
import type { Family } from './fitClaims.ts';
import { historyMessage as msg, type HistoryProblem } from './messages.ts';
import { nelderMead } from './nelderMead.ts';
import { DEFAULT_PAID_TOLERANCE, FAMILIES, type Targets } from './readTargets.ts';

export type TargetKind = 'claimants' | 'paidPerClaimant' | 'above' | 'largest';

export interface TargetRow {
  kind: TargetKind;
  /** The threshold of an `above` row. */
  threshold?: number;
  observed: number;
  fitted: number;
  /** The standard error z divides by (null for the largest, whose z is a normal score). */
  se: number | null;
  z: number;
}

export interface FamilyTargetFit {
  family: Family;
  cost: CostDist;
  /** Σ z² over the cost targets. */
  objective: number;
  converged: boolean;
  rows: TargetRow[];
}

export interface TargetCalibration {
  ok: true;
  /** The risk with the best family's cost, and the fitted rate when members and claimants are given. */
  risk: CostRisk;
  claimRate: number | null;
  /** The number of claimants the counts and the largest are among (null without such targets). */
  draws: number | null;
  on: 'payout' | 'cost';
  /** Cost targets and parameters: degrees of freedom = targets − parameters. */
  targets: number;
  parameters: 2;
  /** Best (smallest Σz²) first. */
  fits: FamilyTargetFit[];
}

export type TargetCalibrationResult = TargetCalibration | { ok: false; problems: HistoryProblem[] };

/** The model the objective evaluates: everything that does not depend on the parameters. */
interface Model {
  floor: number;
  costBenefits: CostBenefit[];
  pay: (x: number) => number;
  tol: number;
  perClaimant: number | null;
  draws: number;
  above: { threshold: number; count: number; at: number }[];
  largest: { value: number; at: number } | null;
}

type CostBenefit = BandsBenefit | StepsBenefit;

const PARAMETERS = 2;
/** The least fitted count a Poisson standard error is taken at (a count fitted as 0 is not an error of 0). */
const MIN_COUNT = 1e-6;
const LIMITS = { level: 1e9, cv: 100, gammaCv: 0.01, shape: 1000 };

/** Fits `risk`'s cost to `targets` with the risk's benefits (others in `benefits` are ignored). */
export function calibrateTargets(
  targets: Targets,
  risk: CostRisk,
  benefits: readonly Benefit[],
): TargetCalibrationResult {
  const built = buildModel(targets, risk, benefits);
  if (!built.ok) return built;
  const { model, on } = built;
  const fits = (targets.families ?? FAMILIES)
    .map((family) => fitFamily(family, model))
    .sort((a, b) => a.objective - b.objective);
  const claimRate =
    targets.members !== undefined && targets.claimants !== undefined
      ? targets.claimants / targets.members
      : null;
  if (claimRate !== null) {
    const fitted = claimRate * targets.members!;
    for (const f of fits)
      f.rows.unshift({
        kind: 'claimants',
        observed: targets.claimants!,
        fitted,
        se: Math.sqrt(fitted),
        z: 0,
      });
  }
  const tail = model.above.length > 0 || model.largest !== null;
  return {
    ok: true,
    risk: { ...risk, ...(claimRate !== null ? { rate: claimRate } : {}), cost: fits[0].cost },
    claimRate,
    draws: tail ? model.draws : null,
    on,
    targets: costTargetCount(targets),
    parameters: PARAMETERS,
    fits,
  };
}

const costTargetCount = (t: Targets) =>
  (t.paid !== undefined || t.paidPerClaimant !== undefined ? 1 : 0) +
  (t.above?.length ?? 0) +
  (t.largest !== undefined ? 1 : 0);

/** The parameter-free part of the fit, or the problems that make the targets unusable. */
function buildModel(
  t: Targets,
  risk: CostRisk,
  benefits: readonly Benefit[],
): { ok: true; model: Model; on: 'payout' | 'cost' } | { ok: false; problems: HistoryProblem[] } {
  const problems: HistoryProblem[] = [];
  const at = (path: string) => ({ path });
  const onRisk = benefits.map((b, i) => ({ b, i })).filter(({ b }) => b.risk === risk.id);
  const costBenefits = onRisk
    .map(({ b }) => b)
    .filter((b): b is CostBenefit => b.type === 'bands' || b.type === 'steps');
  const on = t.on ?? 'payout';
  const above = [...(t.above ?? [])];
  const tail = above.length > 0 || t.largest !== undefined;
  let floor = 0;
  for (const { b, i } of onRisk) {
    if (b.type !== 'daily') continue;
    if (!risk.days) problems.push({ at: at(`benefits[${i}]`), ...msg('calNeedsDays', { benefit: b.id }) });
    else floor += expectedDailyBenefit(b, risk.days);
    if (tail && on === 'payout')
      problems.push({ at: at(`benefits[${i}]`), ...msg('tgtTailWithDaily', { benefit: b.id }) });
  }
  if (
    costBenefits.length === 0 &&
    (on === 'payout' || t.paid !== undefined || t.paidPerClaimant !== undefined)
  )
    problems.push({ at: at('risk'), ...msg('calNoCostBenefit', { risk: risk.id }) });
  const n = costTargetCount(t);
  if (n < PARAMETERS)
    problems.push({ at: at('(root)'), ...msg('tgtTooFew', { targets: n, parameters: PARAMETERS }) });
  if ((t.members === undefined) !== (t.claimants === undefined))
    problems.push({ at: at(t.members === undefined ? 'members' : 'claimants'), ...msg('tgtRatePair') });
  if (t.claimants !== undefined && t.members !== undefined && t.claimants > t.members)
    problems.push({
      at: at('claimants'),
      ...msg('calRateAboveOne', { claimants: t.claimants, members: t.members }),
    });
  const draws = t.draws ?? t.claimants;
  if (tail && draws === undefined) problems.push({ at: at('draws'), ...msg('tgtNeedsDraws') });
  if (tail && draws === 0) problems.push({ at: at('claimants'), ...msg('calNoClaimants') });
  let perClaimant = t.paidPerClaimant ?? null;
  if (t.paid !== undefined) {
    if (t.claimants === undefined) problems.push({ at: at('paid'), ...msg('tgtPaidNeedsClaimants') });
    else if (t.claimants === 0) problems.push({ at: at('claimants'), ...msg('calNoClaimants') });
    else perClaimant = t.paid / t.claimants;
  }
  if (problems.length) return { ok: false, problems };

  const pays = costBenefits.map(payFast);
  const pay = on === 'cost' ? (x: number) => x : (x: number) => pays.reduce((s, p) => s + p(x), 0);
  const most = on === 'cost' ? Infinity : costBenefits.reduce((s, b) => s + mostPaid(b), 0);
  problems.push(...checkTail(above, t.largest, draws ?? 0, most));
  if (perClaimant !== null) {
    const ceiling = floor + most;
    if (!(perClaimant > floor))
      problems.push({ at: at('paidPerClaimant'), ...msg('calBelowFloor', { target: perClaimant, floor }) });
    else if (!(perClaimant < ceiling))
      problems.push({
        at: at('paidPerClaimant'),
        ...msg('calAboveCeiling', { target: perClaimant, ceiling }),
      });
  }
  if (problems.length) return { ok: false, problems };
  const model: Model = {
    floor,
    costBenefits,
    pay,
    tol: t.paidTolerance ?? DEFAULT_PAID_TOLERANCE,
    perClaimant,
    draws: draws ?? 0,
    above: above.map((a) => ({ ...a, at: costAbove(pay, a.threshold) })),
    largest: t.largest === undefined ? null : { value: t.largest, at: costAbove(pay, t.largest) },
  };
  return { ok: true, model, on };
}

/** Counts and the largest against each other, the draws and the most a claimant can be paid. */
function checkTail(
  above: readonly { threshold: number; count: number }[],
  largest: number | undefined,
  draws: number,
  most: number,
): HistoryProblem[] {
  const problems: HistoryProblem[] = [];
  above.forEach((a, i) => {
    const at = (f: string) => ({ path: `above[${i}].${f}` });
    const prev = above[i - 1];
    if (prev && !(a.threshold > prev.threshold))
      problems.push({ at: at('threshold'), ...msg('tgtThresholdOrder', { previous: prev.threshold }) });
    else if (prev && a.count > prev.count)
      problems.push({
        at: at('count'),
        ...msg('tgtCountsIncrease', { count: a.count, previous: prev.threshold, previousCount: prev.count }),
      });
    if (a.count > draws)
      problems.push({ at: at('count'), ...msg('tgtCountAboveDraws', { count: a.count, draws }) });
    if (a.count > 0 && a.threshold >= most)
      problems.push({ at: at('threshold'), ...msg('tgtAboveMostPaid', { threshold: a.threshold, most }) });
    if (largest !== undefined && largest > a.threshold !== a.count > 0)
      problems.push({
        at: at('count'),
        ...msg('tgtLargestVsCount', { largest, threshold: a.threshold, count: a.count }),
      });
  });
  if (largest !== undefined && largest >= most)
    problems.push({ at: { path: 'largest' }, ...msg('tgtLargestAtMost', { largest, most }) });
  return problems;
}

/**
 * x* = inf{x : pay(x) > t} for a nondecreasing `pay` (Infinity when pay never exceeds t):
 * doubling to a bracket, then bisection to a relative 1e-13, or until the bracket holds no
 * double between its ends (a crossing at 0 ends at the smallest positive double, not in a loop).
 */
export function costAbove(pay: (x: number) => number, t: number): number {
  if (pay(0) > t) return 0;
  let hi = 1;
  while (!(pay(hi) > t)) {
    hi *= 2;
    if (hi > 1e15) return Infinity;
  }
  let lo = hi / 2 >= 1 && !(pay(hi / 2) > t) ? hi / 2 : 0;
  while (hi - lo > 1e-13 * hi) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (pay(mid) > t) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The cost distribution of `family` at the unconstrained point (u, v), or null outside the format's bounds. */
export function familyCost(family: Family, u: number, v: number): CostDist | null {
  const level = Math.exp(u);
  if (!(level > 0 && level <= LIMITS.level)) return null;
  if (family === 'pareto') {
    const shape = 1 + Math.exp(v);
    return shape > 1 && shape <= LIMITS.shape ? { dist: 'pareto', scale: level, shape } : null;
  }
  const cv = Math.exp(v);
  if (!(cv <= LIMITS.cv && cv >= (family === 'gamma' ? LIMITS.gammaCv : 0) && cv > 0)) return null;
  return { dist: family, mean: level, cv };
}

/** Each target's row for one cost distribution. */
export function targetRows(model: Model, cost: CostDist): TargetRow[] {
  const X = continuousCost(cost);
  const rows: TargetRow[] = [];
  if (model.perClaimant !== null) {
    const T = model.perClaimant;
    const fitted = model.floor + model.costBenefits.reduce((s, b) => s + expectedCostBenefit(b, cost), 0);
    const se = model.tol * T;
    rows.push({ kind: 'paidPerClaimant', observed: T, fitted, se, z: (T - fitted) / se });
  }
  const sf = (x: number) => (x === Infinity ? 0 : X.sf(x));
  for (const a of model.above) {
    const fitted = model.draws * sf(a.at);
    const se = Math.sqrt(Math.max(fitted, MIN_COUNT));
    rows.push({
      kind: 'above',
      threshold: a.threshold,
      observed: a.count,
      fitted,
      se,
      z: (a.count - fitted) / se,
    });
  }
  if (model.largest) {
    const n = model.draws;
    const fitted = model.pay(X.quantileUpper(-Math.expm1(-Math.LN2 / n)));
    // P(max ≤ M) = (1 − S)ⁿ and P(max > M) = 1 − (1 − S)ⁿ: z from the side below ½, each side
    // computed without cancellation. (From the upper side alone, a maximum far below the fitted
    // one, P(max ≤ M) = 1e-25, would be clamped at 1 − 2⁻⁵², z = −8.13 instead of −10.35.)
    const logBelow = n * Math.log1p(-sf(model.largest.at));
    const below = Math.exp(logBelow);
    const z =
      below < 0.5
        ? normalQuantile(Math.max(below, Number.MIN_VALUE))
        : normalQuantileUpper(Math.max(-Math.expm1(logBelow), Number.MIN_VALUE));
    rows.push({ kind: 'largest', observed: model.largest.value, fitted, se: null, z });
  }
  return rows;
}

const objective = (rows: readonly TargetRow[]) => rows.reduce((s, r) => s + r.z * r.z, 0);

/** The family's best (u, v): grid, then Nelder–Mead from the five best grid points. */
function fitFamily(family: Family, model: Model): FamilyTargetFit {
  const f = ([u, v]: number[]) => {
    const cost = familyCost(family, u, v);
    if (!cost) return Infinity;
    const z = objective(targetRows(model, cost));
    return Number.isNaN(z) ? Infinity : z;
  };
  const scale =
    model.perClaimant ?? model.above[0]?.threshold ?? (model.largest ? model.largest.value / 10 : 1000);
  const [vLo, vHi] = family === 'pareto' ? [Math.log(0.02), Math.log(50)] : [Math.log(0.05), Math.log(30)];
  const grid: { x: number[]; fx: number }[] = [];
  const STEPS = 24;
  for (let i = 0; i <= STEPS; i++)
    for (let j = 0; j <= STEPS; j++) {
      const x = [Math.log(scale) - 5 + (10 * i) / STEPS, vLo + ((vHi - vLo) * j) / STEPS];
      grid.push({ x, fx: f(x) });
    }
  if (model.perClaimant !== null) grid.push(...paidProfile(family, model, vLo, vHi, f));
  grid.sort((a, b) => a.fx - b.fx);
  const best = grid
    .slice(0, 5)
    .map((g) => nelderMead(f, g.x, { step: 0.3 }))
    .sort((a, b) => a.fx - b.fx)[0];
  const cost = familyCost(family, best.x[0], best.x[1])!;
  const rows = targetRows(model, cost);
  return { family, cost, objective: objective(rows), converged: best.converged, rows };
}

/**
 * Start points along the paid target's valley: for each shape v of a fine grid, the level u at
 * which the expected payout per claimant equals the target (nondecreasing in u; bracketed, then
 * Brent's method), so that a tight paid tolerance does not hide the valley between grid points.
 */
function paidProfile(
  family: Family,
  model: Model,
  vLo: number,
  vHi: number,
  f: (x: number[]) => number,
): { x: number[]; fx: number }[] {
  const T = model.perClaimant!;
  const out: { x: number[]; fx: number }[] = [];
  const STEPS = 48;
  for (let j = 0; j <= STEPS; j++) {
    const v = vLo + ((vHi - vLo) * j) / STEPS;
    const g = (u: number) => {
      const cost = familyCost(family, u, v);
      if (!cost) return u > 0 ? 1 : -1;
      return model.floor + model.costBenefits.reduce((s, b) => s + expectedCostBenefit(b, cost), 0) - T;
    };
    const start = Math.log(T);
    const bracket = bracketRoot(g, start, start - 30, Math.log(LIMITS.level));
    if (!bracket) continue;
    const root = bracket.lo === bracket.hi ? { x: bracket.lo } : brentRoot(g, bracket.lo, bracket.hi, 1e-10);
    if (!root) continue;
    out.push({ x: [root.x, v], fx: f([root.x, v]) });
  }
  return out;
}
