/**
 * The work a run asks for, estimated before anything is computed, and the refusal of a run that
 * could not finish within about a minute on two cores (issue 10: no hang on valid input).
 *
 * Work is counted in units of one sampling-table read (one benefit of one claimant: 5 ns at the
 * 199 M draws/s `npm run bench` measures on one worker), with weights measured on this project's
 * machine for everything else a run does:
 *
 * | what                                      | units                                                    |
 * | a claimant of a cost risk                 | 1 per bands/steps benefit (4 for empirical lists above 65,536 values), |
 * |                                           | + share drawn exactly beyond the table × (20 + 10·√shape for gamma) |
 * |                                           | + 2 + daily benefits when days are drawn (+8 negative binomial) |
 * | a risk in one period (Θ and N)            | 15                                                        |
 * | a lump sum in one period                  | 25, × (1 + k) with a cap: k = min(cap/amount, ν + √(2ν ln m) + ln m), |
 * |                                           | the event counts followed (ν events a member, m members), × the risk's cells (group × holding) |
 * | lump sums under a limit                    | 25 per member with an event and lump sum (paid member by member) |
 * | an iteration of one period                | 10 + benefits (assembly, sorting, the fund's step)        |
 * | a sampling table (per cost risk, per plan) | cells 2^16 × q × (1 + 2·benefits) + pieces × 2q; q = 40, gamma 40 + 20·√shape; |
 * |                                           | empirical: 5 × values × benefits                          |
 * | a days table                              | 40 per entry (up to 2^22 for a negative binomial)          |
 * | an exact expectation (per period)         | pieces × 2q, steps summed by their survival: terms × q,    |
 * |                                           | a capped lump sum: 20 × counts summed, daily: 20 × days    |
 * | a limit over a cost risk's benefits        | pieces under the cap × (1000 + 2q × day counts × share classes) |
 *
 * The Monte Carlo's work is Σ over periods (1, or the projection's years, whose trends scale
 * members, rates and costs) of iterations × per-iteration units + tables + expectations; a
 * comparison adds its versions. More than `WORK_LIMITS.units` (6·10^9, about 30 s on one core at
 * the bench's speed) is refused before anything runs, naming the field to change: the
 * iterations when fewer (at least 100) would do, else the years of a projection, else the part of
 * the scenario that is too large even for 100 iterations of one period.
 *
 * Tables identical from one year to the next (no cost trend; days never change) are built once
 * (plan.ts, `PlanCache`), and counted once here.
 */
import type { Benefit, CostDist, DaysDist } from '../domain/scenario.ts';
import type { ResolvedGroup, ResolvedScheme, SchemeCostRisk, SchemeEventRisk } from '../domain/scheme.ts';
import { continuousCost, isContinuous } from './costDistribution.ts';
import { DEFAULT_TABLE_BITS } from './costTable.ts';
import { UNIT_SCALE, type Scale } from './expected.ts';
import { groupMembers, riskCells, riskExposure, riskMembers } from './exposure.ts';
import { MAX_STEP_PIECES, waitingFactor } from './expectedBenefit.ts';

/** The bounds of one run. */
export const WORK_LIMITS = {
  /** Units of work (table reads) of one run. */
  units: 6e9,
  /** The fewest iterations a refusal suggests (the validator's minimum). */
  minIterations: 100,
  /** The most iterations and years a run takes (the validator's maxima; the workbench's fields are free). */
  maxIterations: 1_000_000,
  maxYears: 50,
} as const;

/** Weights of the table above. */
const W = {
  riskPeriod: 15,
  lump: 25,
  iteration: 10,
  tailBase: 20,
  bigList: 65_536,
  cell: 40,
  daysEntry: 40,
  countTerm: 20,
  /** One event count the exact method follows for a capped event risk (pmf, quadrature checks). */
  eventCount: 200,
  listValue: 5,
  /** Days tables stop here (plan.ts). */
  maxDaysTable: 1 << 22,
  /** Uncapped steps are described up to MAX_STEP_PIECES steps (plan.ts). */
  maxDescribedSteps: MAX_STEP_PIECES,
  /** expectedStepsBySurvival sums at most this many terms. */
  maxSurvivalTerms: 1_000_000,
  /**
   * One piece of a limit's summed benefits, merged and held in typed arrays (expectedLimit.ts): its
   * memory more than its time (about 100 ns and 100 bytes a piece), so that a limit is held to some
   * 6 million pieces (600 MB) at the run's bound.
   */
  limitPiece: 1000,
} as const;

/** The codes of a refusal and their parameters (the figures its text names). */
export interface RefusalParams {
  /** Fewer iterations would run: at most `maxIterations`. */
  iterations: { units: number; limit: number; iterations: number; years: number; maxIterations: number };
  /** Fewer years would run (at these iterations): at most `maxYears`. */
  years: { units: number; limit: number; iterations: number; years: number; maxYears: number };
  /** Even 100 iterations of one period ask too much; `what` is the part that does. */
  period: {
    units: number;
    limit: number;
    what: 'claimants' | 'events' | 'table' | 'days' | 'expectation';
    /** Claimants or event counts per period, table pieces or entries, terms summed. */
    count: number;
  };
  /** The exact method's set-up (`--method fft`) asks too much; `what` is the part that does. */
  exact: RefusalParams['period'];
}

export type RefusalCode = keyof RefusalParams;

/** A refused run: the field (as a validator path) and the reason as `{ code, params }`. */
export type Refusal = {
  [C in RefusalCode]: { path: string; code: C; params: RefusalParams[C] };
}[RefusalCode];

/** Thrown (rejected) by simulate, project and compareVersions for a run `checkWork` refuses. */
export class RunRefusedError extends Error {
  constructor(
    readonly refusal: Refusal,
    /** The version of a comparison (index into its scenarios) the path belongs to. */
    readonly version?: number,
  ) {
    super(`${refusal.path}: the run asks for ${refusal.params.units.toExponential(2)} units of work`);
    this.name = 'RunRefusedError';
  }
}

/** One part of the work, with the field that decides it. */
interface Part {
  path: string;
  units: number;
  what: RefusalParams['period']['what'];
  count: number;
}

/** The work of one period: per iteration (draws) and once (tables, expectations). */
export interface PeriodWork {
  perIteration: number;
  once: number;
  parts: { perIteration: Part[]; once: Part[] };
}

const cellCost = (d: CostDist) => (d.dist === 'gamma' ? W.cell + 20 / d.cv : W.cell);
const tailCost = (d: CostDist) => (d.dist === 'gamma' ? W.tailBase + 10 / d.cv : W.tailBase);
const benefitPath = (s: { benefits: readonly Benefit[] }, b: Benefit) => `benefits[${s.benefits.indexOf(b)}]`;

/**
 * The work of one period of `s` at trend factors `scale`. `tables`: whether its sampling and days
 * tables are built (false when the previous period's serve: no cost trend, or days).
 */
export function periodWork(
  s: ResolvedScheme,
  scale: Scale = UNIT_SCALE,
  tables: { cost: boolean; days: boolean } = { cost: true, days: true },
): PeriodWork {
  const perIteration: Part[] = [];
  const once: Part[] = [];
  perIteration.push({
    path: 'simulation.iterations',
    units: W.iteration + s.benefits.length,
    what: 'claimants',
    count: 0,
  });
  s.risks.forEach((risk, i) => {
    const at = `risks[${i}]`;
    const mine = s.benefits.filter((b) => b.risk === risk.id);
    const members = riskMembers(s, risk, scale.members);
    const exposed = s.groups.filter((g) => risk.groups.includes(g.id));
    perIteration.push({ path: `${at}.rate`, units: W.riskPeriod, what: 'claimants', count: 0 });
    if (risk.kind === 'event') {
      // Every cell (group × holding) follows its own counts: the busiest cell's, as many times.
      const cells = riskCells(s, risk, scale.members).length;
      for (const b of mine) {
        if (b.type !== 'lump-sum') continue;
        const nu = Math.max(
          ...exposed.map((g) => risk.rates[g.id] * scale.rate * waitingFactor(b, g.newShare)),
        );
        const counts = b.cap === undefined ? 0 : countsFollowed(nu, members, b.cap / b.amount);
        perIteration.push({
          path: b.cap === undefined ? `${at}.rate` : `${benefitPath(s, b)}.cap`,
          units: W.lump * (1 + counts) * cells,
          what: 'events',
          count: counts,
        });
        if (b.cap !== undefined) {
          const terms = Math.min(b.cap / b.amount, nu + 40 * Math.sqrt(nu) + 50);
          once.push({
            path: `${benefitPath(s, b)}.cap`,
            units: W.countTerm * terms,
            what: 'expectation',
            count: terms,
          });
        }
      }
      // Under a limit, each member with an event is paid on its own (simulateBlock.ts, limitedEvents):
      // one binomial draw per lump sum and member.
      if (s.limits.some((l) => l.risk === risk.id)) {
        let withEvents = 0;
        for (const g of exposed)
          withEvents +=
            groupMembers(g, risk.who, scale.members) * -Math.expm1(-risk.rates[g.id] * scale.rate);
        perIteration.push({
          path: `${at}.rate`,
          units: W.lump * withEvents * mine.length,
          what: 'events',
          count: withEvents,
        });
      }
      return;
    }
    let claimants = 0;
    for (const g of exposed)
      claimants += risk.rates[g.id] * scale.rate * groupMembers(g, risk.who, scale.members);
    const costBenefits = mine.filter((b) => b.type === 'bands' || b.type === 'steps');
    const daily = mine.filter((b) => b.type === 'daily');
    let perClaimant = 0;
    if (costBenefits.length > 0) {
      const c = costWork(s, risk.cost, scale.cost, costBenefits, at);
      perClaimant += c.perClaimant;
      if (tables.cost) once.push(...c.table);
      once.push(...c.expectation);
    }
    if (daily.length > 0 && risk.days) {
      perClaimant += 2 + daily.length + (risk.days.dist === 'negative-binomial' ? 8 : 0);
      const entries = daysEntries(risk.days, daily);
      if (tables.days)
        once.push({ path: `${at}.days`, units: W.daysEntry * entries, what: 'days', count: entries });
      once.push({
        path: `${at}.days`,
        units: W.countTerm * entries * daily.length,
        what: 'expectation',
        count: entries,
      });
    }
    perIteration.push({
      path: `${at}.rate`,
      units: claimants * perClaimant,
      what: 'claimants',
      count: claimants,
    });
    once.push(...costLimitWork(s, risk, exposed));
  });
  const sum = (ps: Part[]) => ps.reduce((a, p) => a + p.units, 0);
  return { perIteration: sum(perIteration), once: sum(once), parts: { perIteration, once } };
}

/**
 * Event counts the capped lump-sum loop follows per period (simulateBlock.ts: k = 1, 2, … while
 * some member has more): about the largest of m Poisson(ν) counts, at most cap/amount − 1.
 */
function countsFollowed(nu: number, members: number, kStar: number): number {
  if (nu * members < 1) return 1;
  const logM = Math.log(Math.max(members, 2));
  return Math.max(1, Math.min(Math.ceil(kStar) - 1, nu + Math.sqrt(2 * nu * logM) + logM));
}

/**
 * The exact expectation of each limit over a cost risk (expectedLimit.ts): per share class, the
 * limit's cost benefits as one piecewise function (a steps benefit capped at the limit has up to
 * cap/perStep pieces), evaluated once per day count up to where the daily allowances stop growing.
 */
function costLimitWork(s: ResolvedScheme, risk: SchemeCostRisk, exposed: ResolvedGroup[]): Part[] {
  const out: Part[] = [];
  s.limits.forEach((limit, i) => {
    if (limit.risk !== risk.id) return;
    const inLimit = s.benefits.filter((b) => limit.benefits.includes(b.id));
    const shares = new Set(exposed.flatMap((g) => g.holdings.map((h) => h.shares)));
    const most = Math.max(1, ...shares);
    const C = limit.cap * (limit.perShare ? most : 1);
    let pieces = 0;
    for (const b of inLimit) {
      if (b.type === 'bands') pieces += b.bands.length + 2;
      else if (b.type === 'steps') pieces += Math.ceil(Math.min(b.cap ?? Infinity, C) / b.perStep) + 2;
    }
    if (pieces === 0) return;
    const daily = inLimit.filter((b) => b.type === 'daily');
    const dayCounts = daily.length > 0 && risk.days ? daysEntries(risk.days, daily) : 1;
    const perPiece = isContinuous(risk.cost) ? 2 * cellCost(risk.cost) : W.listValue;
    const list = risk.cost.dist === 'empirical' ? risk.cost.values.length : 1;
    const values = isContinuous(risk.cost) ? pieces : list * inLimit.length;
    out.push({
      path: `limits[${i}].cap`,
      units: (W.limitPiece + perPiece * dayCounts * shares.size) * values,
      what: 'expectation',
      count: values,
    });
  });
  return out;
}

/** A cost risk's per-claimant draws, its sampling table and its expectations. */
function costWork(s: ResolvedScheme, dist: CostDist, scale: number, benefits: Benefit[], at: string) {
  const n = benefits.length;
  if (!isContinuous(dist)) {
    const values = dist.dist === 'empirical' ? dist.values.length : 1;
    const units = W.listValue * values * n;
    const part = (what: Part['what']): Part => ({ path: `${at}.cost`, units, what, count: values });
    return {
      perClaimant: n * (values > W.bigList ? 4 : 1),
      table: [part('table')],
      expectation: [part('expectation')],
    };
  }
  const X = continuousCost(dist, scale);
  const T = 2 ** DEFAULT_TABLE_BITS;
  const q = cellCost(dist);
  const lastEdge = X.quantileUpper(1 / T);
  let tailShare = 1 / T;
  const table: Part[] = [{ path: `${at}.cost`, units: T * q * (1 + 2 * n), what: 'table', count: T }];
  const expectation: Part[] = [];
  for (const b of benefits) {
    const path = benefitPath(s, b);
    if (b.type === 'bands') {
      const pieces = b.bands.length + 2;
      expectation.push({ path, units: 2 * q * pieces, what: 'expectation', count: pieces });
      continue;
    }
    if (b.type !== 'steps') continue;
    const many = b.cap === undefined || b.cap / b.perStep > MAX_STEP_PIECES;
    if (!many) {
      const pieces = Math.ceil(b.cap! / b.perStep) + 2;
      table.push({ path: `${path}.step`, units: 2 * q * pieces, what: 'table', count: pieces });
      expectation.push({ path: `${path}.step`, units: 2 * q * pieces, what: 'expectation', count: pieces });
      continue;
    }
    const end = Math.min(lastEdge, b.from + W.maxDescribedSteps * b.step);
    const pieces = Math.max(0, (end - b.from) / b.step) + 2;
    tailShare = Math.max(tailShare, X.sf(end));
    table.push({ path: `${path}.step`, units: 2 * q * pieces, what: 'table', count: pieces });
    const reach = X.quantileUpper(1e-17);
    const full = b.cap === undefined ? Infinity : b.cap / b.perStep;
    const terms = Math.min(W.maxSurvivalTerms, full, Math.max(0, (reach - b.from) / b.step) + 1);
    expectation.push({ path: `${path}.step`, units: q * terms, what: 'expectation', count: terms });
  }
  return { perClaimant: n + tailShare * tailCost(dist), table, expectation };
}

/** Entries of a days table (plan.ts, compileDays): to the largest maxDays, or where the pmf dies out. */
function daysEntries(days: DaysDist, daily: Benefit[]): number {
  const cap = daily.reduce((m, b) => Math.max(m, b.type === 'daily' ? (b.maxDays ?? Infinity) : 0), 0);
  let reach: number;
  switch (days.dist) {
    case 'fixed':
      reach = days.value + 1;
      break;
    case 'empirical':
      reach = 367;
      break;
    case 'poisson':
      reach = days.mean + 10 * Math.sqrt(days.mean) + 50;
      break;
    case 'negative-binomial': {
      const r = negativeBinomialSize(days);
      reach =
        r === Infinity
          ? days.mean + 10 * Math.sqrt(days.mean) + 50
          : negativeBinomialReach(days.mean, r, MC_DAYS_PMF_LOG);
      break;
    }
  }
  return Math.min(W.maxDaysTable, cap + 1, reach);
}

/** The Monte Carlo's days table stops past the mean where the pmf is below 1e-18 (plan.ts). */
const MC_DAYS_PMF_LOG = -Math.log(1e-18);

/** Size r = m²/(var − m) of negative-binomial days; Infinity when they are no wider than a Poisson (then drawn as one). */
function negativeBinomialSize(days: { mean: number; cv: number }): number {
  const variance = (days.cv * days.mean) ** 2;
  return variance > days.mean ? (days.mean * days.mean) / (variance - days.mean) : Infinity;
}

/**
 * Entries of a table of negative-binomial counts (mean m, size r) that stops at the first count past
 * the mean whose pmf is below e^(−L): at most ⌈k⌉ + 2, k > m the Chernoff point where the rate
 * I(k) = k·ln(k/m) + (k + r)·ln((m + r)/(k + r)) reaches L (P(K ≥ k) ≤ e^(−I(k)) bounds the pmf
 * there, and I grows past the mean). Its geometric tail (m/(m + r))^k alone, ln(1 + r/m) a count,
 * undercounts near a Poisson (mean 366 and cv 0.1: 924 days followed to 1e-30, not 662).
 */
export function negativeBinomialReach(m: number, r: number, L: number): number {
  const rate = (k: number) => k * Math.log(k / m) + (k + r) * Math.log1p((m - k) / (k + r));
  let lo = m,
    hi = m + 1;
  while (rate(hi) < L) [lo, hi] = [hi, m + 2 * (hi - m)];
  for (let i = 0; i < 60 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (rate(mid) < L) lo = mid;
    else hi = mid;
  }
  return Math.ceil(hi) + 2;
}

/** The trend factors of year t (1-based), as project.ts applies them. */
export function trendScale(s: ResolvedScheme, t: number): Scale {
  const f = (g: number) => Math.pow(1 + g, t - 1);
  return { members: f(s.trend.members), rate: f(s.trend.rate), cost: f(s.trend.cost) };
}

/** The work of each period of a run: one period, or `years` of a projection. */
export function runWork(s: ResolvedScheme, years = 1): PeriodWork[] {
  const out: PeriodWork[] = [];
  for (let t = 1; t <= years; t++) {
    const first = t === 1;
    out.push(periodWork(s, trendScale(s, t), { cost: first || s.trend.cost !== 0, days: first }));
  }
  return out;
}

const total = (periods: PeriodWork[], iterations: number) =>
  periods.reduce((a, p) => a + p.once + iterations * p.perIteration, 0);

/** Rounds down to two significant digits (a suggestion a person can type). */
const twoDigits = (x: number) => {
  if (x < 100) return Math.floor(x);
  const unit = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.floor(x / unit) * unit;
};

/**
 * Null when the run fits `WORK_LIMITS.units`, else the refusal (see the module comment for which
 * field it names). `versions`: the periods of each version of a comparison (one each), else one.
 */
export function checkWork(
  versions: PeriodWork[][],
  iterations: number,
  limit: number = WORK_LIMITS.units,
): Refusal | null {
  const all = versions.flat();
  const units = total(all, iterations);
  const years = versions[0].length;
  const tooMany = iterations > WORK_LIMITS.maxIterations;
  if (units <= limit && !tooMany && years <= WORK_LIMITS.maxYears) return null;
  const once = all.reduce((a, p) => a + p.once, 0);
  const perIteration = all.reduce((a, p) => a + p.perIteration, 0);
  const fits = perIteration > 0 ? twoDigits((limit - once) / perIteration) : Infinity;
  const maxIterations = Math.min(WORK_LIMITS.maxIterations, fits);
  if (
    maxIterations >= WORK_LIMITS.minIterations &&
    (tooMany || (units > limit && maxIterations < iterations))
  )
    return {
      path: 'simulation.iterations',
      code: 'iterations',
      params: { units, limit, iterations, years, maxIterations },
    };
  // (One period that fits its work has been refused for its iterations above.)
  if (versions.length === 1 && years > 1) {
    let maxYears = 0;
    const most = Math.min(years, WORK_LIMITS.maxYears);
    while (maxYears < most && total(all.slice(0, maxYears + 1), iterations) <= limit) maxYears++;
    if (maxYears >= 1)
      return {
        path: 'simulation.years',
        code: 'years',
        params: { units, limit, iterations, years, maxYears },
      };
  }
  // Even fewer iterations and years would not do: name the largest part of the heaviest period.
  const n = Math.min(iterations, WORK_LIMITS.minIterations);
  let worst: Part | null = null;
  let worstUnits = -1;
  for (const p of all) {
    for (const part of p.parts.perIteration)
      if (part.units * n > worstUnits) [worst, worstUnits] = [part, part.units * n];
    for (const part of p.parts.once) if (part.units > worstUnits) [worst, worstUnits] = [part, part.units];
  }
  const w = worst!;
  return { path: w.path, code: 'period', params: { units, limit, what: w.what, count: w.count } };
}

/** The version (index) whose periods hold the refusal's heaviest part, for a comparison. */
export function refusedVersion(versions: PeriodWork[][], refusal: Refusal): number | undefined {
  if (refusal.code !== 'period' || versions.length === 1) return undefined;
  let best = 0,
    bestUnits = -1;
  versions.forEach((periods, v) => {
    const u = total(periods, WORK_LIMITS.minIterations);
    if (u > bestUnits) [best, bestUnits] = [v, u];
  });
  return best;
}

/** The exact method's default target for the probability of truncated claims (fft/exactAggregate.ts: ε/4). */
const EXACT_TRUNCATION = 1e-10 / 4;
/** The exact method's largest first grid (fft/exactAggregate.ts). */
const EXACT_GRID = 1 << 16;
/** Unbounded days are followed until their pmf falls below this (fft/buildComponents.ts). */
const EXACT_DAYS_PMF_LOG = -Math.log(1e-30);

/**
 * The work of the exact method's set-up that grows with the scenario (the FFT itself is at most
 * 2^16 points a component): the pieces of the claimant's payment it describes (steps down to the
 * truncation point, capped steps to their cap), the days it follows, the empirical values it
 * evaluates. Under a limit a claimant's payment is described once per day count (and per share
 * class when something pays per share): the pieces and empirical values × those. Same units as
 * `periodWork`.
 */
/**
 * The distinct payment functions of a limited cost risk's claimant over its day counts (the exact
 * method's branches, fft/buildComponents.ts): where every daily allowance is in a limit, the day
 * counts at which each such limit's daily part reaches its cap (and past every maximum) all give
 * one function, so at most ⌈cap·k / perDay⌉ + 1 of them (the largest over those limits, k the most
 * shares held); an allowance outside every limit keeps one per day count.
 */
function limitBranches(
  s: ResolvedScheme,
  risk: SchemeCostRisk,
  limits: ResolvedScheme['limits'],
  daily: Benefit[],
  entries: number,
): number {
  if (daily.length === 0 || daily.some((b) => !limits.some((l) => l.benefits.includes(b.id)))) return entries;
  const most = Math.max(1, ...riskCells(s, risk).map((c) => c.shares));
  let saturated = 0;
  for (const l of limits) {
    const perDay = daily.reduce(
      (a, b) => a + (l.benefits.includes(b.id) && b.type === 'daily' ? b.perDay : 0),
      0,
    );
    if (perDay > 0)
      saturated = Math.max(saturated, Math.ceil((l.cap * (l.perShare ? most : 1)) / perDay) + 1);
  }
  return Math.min(entries, saturated);
}

export function exactWork(s: ResolvedScheme): PeriodWork {
  const once: Part[] = [];
  const isCost = (b: Benefit) => b.type === 'bands' || b.type === 'steps';
  const unboundedRisks = s.risks.filter(
    (r) =>
      r.kind === 'cost' &&
      isContinuous(r.cost) &&
      s.benefits.some((b) => b.risk === r.id && isCost(b) && unbounded(b)),
  ).length;
  s.risks.forEach((risk, i) => {
    const at = `risks[${i}]`;
    if (risk.kind !== 'cost') {
      const part = cappedEventCounts(s, risk, at);
      if (part) once.push(part);
      return;
    }
    const mine = s.benefits.filter((b) => b.risk === risk.id);
    const cost = mine.filter(isCost);
    const daily = mine.filter((b) => b.type === 'daily');
    const limits = s.limits.filter((l) => l.risk === risk.id);
    const perShare = mine.some((b) => b.perShare) || limits.some((l) => l.perShare);
    const classes = perShare ? new Set(riskCells(s, risk).map((c) => c.shares)).size : 1;
    const entries = daily.length > 0 && risk.days ? exactDays(risk.days, daily) : 1;
    // How many times the claimant's payment is described: per share class, and per day count under a
    // limit, where day counts giving the same payment function are one (limitBranches).
    const times = classes * (limits.length > 0 ? limitBranches(s, risk, limits, daily, entries) : 1);
    const claimants = riskExposure(s, risk);
    if (cost.length > 0 && !isContinuous(risk.cost)) {
      const values = risk.cost.dist === 'empirical' ? risk.cost.values.length : 1;
      once.push({
        path: `${at}.cost`,
        units: 2 * W.listValue * values * cost.length * times,
        what: 'table',
        count: values,
      });
    } else if (cost.length > 0) {
      const X = continuousCost(risk.cost);
      const q = cellCost(risk.cost);
      const top = cost.some(unbounded)
        ? X.quantileUpper(EXACT_TRUNCATION / unboundedRisks / Math.max(claimants, 1e-300))
        : Infinity;
      for (const b of cost) {
        const pieces =
          b.type === 'bands'
            ? b.bands.length + 2
            : b.type === 'steps'
              ? Math.min(
                  b.cap === undefined ? Infinity : b.cap / b.perStep,
                  Math.max(0, (top - b.from) / b.step),
                ) + 2
              : 0;
        const path = b.type === 'steps' ? `${benefitPath(s, b)}.step` : benefitPath(s, b);
        once.push({ path, units: 2 * q * pieces * times, what: 'table', count: pieces });
      }
      // Under a limit, each payment function (per day count and share class) is put on grids of
      // up to 2^16 points, a stop-loss value per point, about four times (window, coarse grid).
      if (limits.length > 0)
        once.push({
          path: daily.length > 0 && risk.days ? `${at}.days` : `limits[${s.limits.indexOf(limits[0])}]`,
          units: 4 * q * EXACT_GRID * times,
          what: 'table',
          count: times,
        });
    }
    if (daily.length > 0 && risk.days) {
      once.push({
        path: `${at}.days`,
        units: W.daysEntry * entries * (1 + daily.length) * classes,
        what: 'days',
        count: entries,
      });
    }
  });
  const units = once.reduce((a, p) => a + p.units, 0);
  return { perIteration: 0, once: units, parts: { perIteration: [], once } };
}

/**
 * An event risk with a per-member cap or a limit: the exact method follows the distribution of
 * the risk's event count T ~ NB(μ, r = 1/cv²) (Poisson when cv = 0), μ = Σ_cells members·Σ rate·w
 * (w = 1 for a lump sum with a waiting amount: every event pays), up to the first count past the
 * mean whose pmf is below 1e-25 (fft/thetaQuadrature.ts): about μ + 57.5/ln(1 + r/μ) counts, or
 * μ + 12√μ for a Poisson. A list that long (a rate cv of 10 on 40,000 events a period asks for
 * 2·10^8) is refused before it is built: past ~10^8 entries the JavaScript engine aborts the process.
 */
function cappedEventCounts(s: ResolvedScheme, risk: SchemeEventRisk, at: string): Part | null {
  const lumps = s.benefits.filter((b) => b.risk === risk.id && b.type === 'lump-sum');
  const limited = s.limits.some((l) => l.risk === risk.id);
  if (!limited && !lumps.some((b) => b.type === 'lump-sum' && b.cap !== undefined)) return null;
  let mu = 0;
  for (const cell of riskCells(s, risk)) {
    const newShare = s.groups[cell.group].newShare;
    const nu = lumps.reduce(
      (a, b) =>
        a + (b.type === 'lump-sum' ? cell.rate * (b.waitingAmount > 0 ? 1 : waitingFactor(b, newShare)) : 0),
      0,
    );
    mu += cell.members * nu;
  }
  const cv = risk.rateCv;
  const r = cv > 0 ? 1 / (cv * cv) : Infinity;
  const spread = r === Infinity ? 12 * Math.sqrt(mu) : 57.5 / Math.log1p(r / mu);
  const counts = mu + spread + 60;
  const path = r !== Infinity && spread > mu ? `${at}.rateCv` : `${at}.rate`;
  return { path, units: W.eventCount * counts, what: 'events', count: counts };
}

function unbounded(b: Benefit): boolean {
  if (b.type === 'bands') return b.cap === undefined && b.bands[b.bands.length - 1].upTo === null;
  return b.type === 'steps' && b.cap === undefined;
}

/** Days the exact method follows: to the largest maxDays when every allowance has one, else until the pmf is below 1e-30. */
function exactDays(days: DaysDist, daily: Benefit[]): number {
  const caps = daily.map((b) => (b.type === 'daily' ? (b.maxDays ?? Infinity) : Infinity));
  const cap = Math.max(...caps) + 1;
  if (days.dist !== 'negative-binomial') return Math.min(cap, daysEntries(days, daily) + 20);
  const r = negativeBinomialSize(days);
  const reach =
    r === Infinity
      ? days.mean + 15 * Math.sqrt(days.mean) + 80
      : negativeBinomialReach(days.mean, r, EXACT_DAYS_PMF_LOG);
  return Math.min(cap, reach);
}

/** Null when the exact method's set-up fits `limit`, else the refusal naming the part. */
export function checkExactWork(s: ResolvedScheme, limit: number = WORK_LIMITS.units): Refusal | null {
  const r = checkWork([[exactWork(s)]], 0, limit);
  return r === null ? null : { path: r.path, code: 'exact', params: r.params as RefusalParams['exact'] };
}
