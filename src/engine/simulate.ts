/**
 * One period of a scheme: exact expectation, Monte Carlo distribution, verdict.
 *
 *   Scenario ─resolve─▶ ResolvedScheme ─┬─ expectedPayout ─────────────▶ μ, per benefit (exact)
 *                                         └─ compilePlan ─▶ runner(blocks) ─▶ S_1..S_n (typed arrays)
 *   1. income I = count·Σ amounts (decimal, exact), expenses E = expenseRate·I;
 *   2. μ exactly; the plan compiled and its blocks run (any runner, any number of workers);
 *   3. the totals sorted once: mean, sd, standard error, type-7 quantiles, P(S > I − E),
 *      P(S > I − E + reserve + backstop);
 *   4. break-even contribution μ / (count·(1 − expenseRate)); the contribution at confidence
 *      (q_conf(S) − reserve − backstop) / (count·(1 − expenseRate)), at least 0;
 *   5. verdict and flags.
 */
import { resolveScheme, contributionPerMember } from '../domain/defaults.ts';
import {
  QUANTILE_LEVELS,
  type Beneficiaries,
  type ExactInfo,
  type Quantiles,
  type Report,
} from '../domain/report.ts';
import type { Scenario } from '../domain/scenario.ts';
import type { ResolvedScheme } from '../domain/scheme.ts';
import type { Runner, RunOptions } from './runner.ts';
import { meanSd } from '../stats/moments.ts';
import { quantileSorted, shareAbove } from '../stats/quantile.ts';
import { planBlocks } from './blocks.ts';
import { expectedPayout, type Expected } from './expected.ts';
import { flagsOf, fundOf, groupIncomes, netPerMemberContribution, verdictOf } from './fund.ts';
import { compilePlan } from './plan.ts';
import type { BlockResult } from './simulateBlock.ts';
import { monteCarloWarnings } from './warnings.ts';
import { checkExactWork, checkWork, RunRefusedError, runWork } from './workBudget.ts';
import type { ExactAggregate, ExactOptions } from './fft/exactAggregate.ts';
import { quantileAt, survivalAt } from './fft/latticeDistribution.ts';
import { accurateAggregate } from './fft/exactAccuracy.ts';

export interface SimulateOptions extends RunOptions {
  iterations?: number;
  seed?: string;
  /**
   * The work a run may take before it is refused (workBudget.ts; default `WORK_LIMITS.units`).
   * Infinity for callers that bound their own work, such as the tests' long reference runs.
   */
  workLimit?: number;
}

export interface Simulation {
  report: Report;
  /** Period totals S_i in iteration order, and the same per benefit (row-major). */
  totals: Float64Array;
  byBenefit: Float64Array;
  /** Summed over all iterations: claimants by risk, beneficiaries by benefit, 受益人次 (simulateBlock.ts). */
  counts: Float64Array;
}

export const fen = (x: number): number => Math.round(x * 100) / 100;

/** Puts block results in iteration order; the counts summed block by block in that order (any workers, same sums). */
export function assemble(results: BlockResult[], iterations: number, benefits: number) {
  const totals = new Float64Array(iterations);
  const byBenefit = new Float64Array(iterations * benefits);
  const ordered = results.slice().sort((a, b) => a.start - b.start);
  const counts = new Float64Array(ordered[0]?.counts?.length ?? 0);
  for (const r of ordered) {
    totals.set(r.totals, r.start);
    byBenefit.set(r.byBenefit, r.start * benefits);
    if (r.counts) for (let j = 0; j < counts.length; j++) counts[j] += r.counts[j];
  }
  return { totals, byBenefit, counts };
}

export async function simulate(
  scenario: Scenario,
  runner: Runner,
  options: SimulateOptions = {},
): Promise<Simulation> {
  const s = resolveScheme(scenario);
  const iterations = options.iterations ?? s.simulation.iterations;
  const seed = options.seed ?? s.simulation.seed;
  // Refused before anything runs when the draws and tables are too much work (workBudget.ts).
  const refusal = checkWork([runWork(s)], iterations, options.workLimit);
  if (refusal) throw new RunRefusedError(refusal);
  const expected = expectedPayout(s);
  const plan = compilePlan(s);
  const results = await runner.run(plan, seed, planBlocks(iterations), options);
  const { totals, byBenefit, counts } = assemble(results, iterations, s.benefits.length);
  const report = summarise(s, expected, totals, byBenefit, { iterations, seed, method: 'mc' }, counts);
  // Where the sample cannot be trusted (large standard error, mean off the exact value, a tail too
  // heavy for the iteration count, too few claims), say so beside the verdict's flags.
  report.flags.push(...monteCarloWarnings(report, s));
  return { report, totals, byBenefit, counts };
}

/**
 * The report from the exact expectation and a sample (or exact distribution) of period totals.
 * `counts`: the run's summed counts (claimants by risk, beneficiaries by benefit, 受益人次), whose
 * means are the simulated counts; without them, the simulated counts are the expected ones.
 * An `expected` without counts (a test's) has them computed from `s`.
 */
export function summarise(
  s: ResolvedScheme,
  expected: Pick<Expected, 'payout' | 'benefits'> & Partial<Expected>,
  totals: Float64Array,
  byBenefit: Float64Array,
  run: { iterations: number; seed: string; method: 'mc' | 'fft' },
  counts?: Float64Array,
): Report {
  const sorted = Float64Array.from(totals).sort();
  const { mean, sd } = meanSd(totals);
  const nb = s.benefits.length;
  const full: Expected = expected.claimants ? (expected as Expected) : { ...expectedPayout(s), ...expected };
  return assembleReport(s, {
    ...run,
    expectedAll: full,
    simulatedCounts: counts ? countsOf(s, counts, run.iterations, mean) : undefined,
    mu: expected.payout,
    mean,
    sd,
    standardError: sd / Math.sqrt(run.iterations),
    quantile: (p) => quantileSorted(sorted, p),
    survival: (x) => shareAbove(sorted, x),
    benefits: s.benefits.map((b, j) => {
      let sum = 0;
      for (let i = 0; i < run.iterations; i++) sum += byBenefit[i * nb + j];
      return { id: b.id, expected: expected.benefits[j].expected, simulated: sum / run.iterations };
    }),
  });
}

/** The report's counts from exact expectations and the payout they share. */
function beneficiariesOf(e: Expected): Beneficiaries {
  return {
    claimants: e.claimants.map((c) => ({ id: c.id, count: c.expected })),
    beneficiaries: e.beneficiaries.map((b) => ({ id: b.id, count: b.expected })),
    beneficiaryTimes: e.beneficiaryTimes,
    averageBenefit: e.beneficiaryTimes > 0 ? fen(e.payout / e.beneficiaryTimes) : null,
  };
}

/** The simulated counts: the run's sums over `iterations` (layout of simulateBlock.ts), and the mean payout they share. */
function countsOf(s: ResolvedScheme, counts: Float64Array, iterations: number, mean: number): Beneficiaries {
  const nr = s.risks.length;
  const nb = s.benefits.length;
  const times = counts[nr + nb] / iterations;
  return {
    claimants: s.risks.map((r, i) => ({ id: r.id, count: counts[i] / iterations })),
    beneficiaries: s.benefits.map((b, j) => ({ id: b.id, count: counts[nr + j] / iterations })),
    beneficiaryTimes: times,
    averageBenefit: times > 0 ? fen(mean / times) : null,
  };
}

/** What a report is made of, however the distribution of S was obtained (sampled or exact). */
interface ReportParts {
  /** Every exact expectation (counts, groups, limits). */
  expectedAll: Expected;
  /** The simulated counts; the expected ones when absent (the exact method). */
  simulatedCounts?: Beneficiaries;
  iterations: number;
  seed: string;
  method: 'mc' | 'fft';
  /** The exact expectation μ. */
  mu: number;
  /** Mean, sd and standard error of the distribution (sampled or exact); not yet rounded. */
  mean: number;
  sd: number;
  standardError: number;
  /** The quantile at level p, and P(S > x), by the distribution's own convention. */
  quantile: (p: number) => number;
  survival: (x: number) => number;
  /** Per benefit, not yet rounded. */
  benefits: { id: string; expected: number; simulated: number }[];
  exact?: ExactInfo;
}

/**
 * The one report assembly of the Monte Carlo and the exact methods: the fund's figures
 * (./fund.ts), P(S > I − E), P(S > I − E + reserve + backstop), the break-even contribution
 * μ / (count·(1 − expenseRate)), the contribution at confidence
 * (q_conf(S) − reserve − backstop) / (count·(1 − expenseRate)) (at least 0), the verdict and its
 * flags; money to the fen.
 */
function assembleReport(s: ResolvedScheme, p: ReportParts): Report {
  const fund = fundOf(s);
  const { income, expenses, reserve, backstop } = fund;
  const { confidence } = s.simulation;
  const probDeficit = p.survival(fund.net);
  const probBeyondBackstop = p.survival(fund.threshold);
  const perMemberNet = netPerMemberContribution(s);
  const incomes = groupIncomes(s);
  const { mu } = p;
  const verdictInput = { mu, income, expenses, reserve, backstop, confidence, probBeyondBackstop };
  const report: Report = {
    format: 'huzhu-report/1',
    name: s.name,
    iterations: p.iterations,
    seed: p.seed,
    method: p.method,
    income: fen(income),
    expenses: fen(expenses),
    expected: {
      payout: fen(mu),
      lossRatio: mu / income,
      ...beneficiariesOf({ ...p.expectedAll, payout: mu }),
    },
    simulated: {
      mean: fen(p.mean),
      sd: fen(p.sd),
      standardError: fen(p.standardError),
      quantiles: fenQuantiles((q) => p.quantile(q)),
      probDeficit,
      probBeyondBackstop,
      ...(p.simulatedCounts ?? beneficiariesOf({ ...p.expectedAll, payout: p.mean })),
    },
    benefits: p.benefits.map((b) => ({ id: b.id, expected: fen(b.expected), simulated: fen(b.simulated) })),
    groups: s.groups.map((g, i) => {
      const payout = p.expectedAll.groups[i].payout;
      return {
        id: g.id,
        members: g.count,
        income: incomes[i],
        expectedPayout: fen(payout),
        lossRatio: incomes[i] > 0 ? payout / incomes[i] : null,
      };
    }),
    limits: p.expectedAll.limits.map((l) => ({ id: l.id, expectedReduction: fen(l.reduction) })),
    breakEvenContribution: fen(mu / perMemberNet),
    contributionAtConfidence: fen(Math.max(0, (p.quantile(confidence) - reserve - backstop) / perMemberNet)),
    verdict: verdictOf(verdictInput),
    flags: flagsOf(verdictInput),
  };
  if (p.exact) report.exact = p.exact;
  return report;
}

/** The six quantiles of the report, each to the fen. */
const fenQuantiles = (f: (p: number, key: keyof Quantiles) => number): Quantiles =>
  Object.fromEntries(QUANTILE_LEVELS.map(([k, p]) => [k, fen(f(p, k))])) as unknown as Quantiles;

export interface ExactSimulation {
  report: Report;
  /** The distribution itself (grid, pmf, cdf) and its error bounds. */
  aggregate: ExactAggregate;
}

/**
 * One period by the exact distribution of S (`--method fft`, engine/fft/exactAggregate.ts)
 * instead of sampling: the report has the Monte Carlo report's fields, read from the distribution.
 *
 * - `iterations` 0 and `seed` '' (nothing is sampled; the grid size is in `exact.gridSize`);
 * - `simulated.mean`, `sd` of the computed distribution, `standardError` 0;
 * - quantiles and P(S > x) by the distribution's convention (fft/latticeDistribution.ts: linear
 *   within a grid cell, or the step function when every payment lies on the grid);
 * - per benefit, `simulated` is the exact expectation (the discretisation preserves means);
 * - `contributionAtConfidence` from the exact quantile at `confidence`;
 * - `exact`: grid span and size, aliased and neglected mass, discretisation error per quantile.
 * Synchronous: a few milliseconds for the scenarios in scenarios/.
 *
 * Throws `ExactRefusedError` instead when the distribution is not accurate enough for the
 * figures it would report, even on a finer grid (fft/exactAccuracy.ts: its mean, negative
 * probabilities, and the estimated error of P(deficit), P(beyond the backstop) and every reported
 * quantile): a heavy tail the grid cannot hold gets a refusal, never silently wrong figures.
 */
export function simulateExact(scenario: Scenario, options: ExactOptions = {}): ExactSimulation {
  const s = resolveScheme(scenario);
  // Refused before anything runs when its set-up (pieces, days, values) is too much work.
  const refusal = checkExactWork(s);
  if (refusal) throw new RunRefusedError(refusal);
  const fund = fundOf(s);
  const agg = accurateAggregate(s, options, {
    points: [
      { which: 'deficit', at: fund.net },
      { which: 'beyond-backstop', at: fund.threshold },
    ],
    levels: [...QUANTILE_LEVELS.map(([, p]) => p), s.simulation.confidence],
  });
  const { quantiles: bound, estimated } = agg.discretisationError;
  const report = assembleReport(s, {
    iterations: 0,
    seed: '',
    method: 'fft',
    expectedAll: expectedPayout(s),
    mu: agg.expected,
    mean: agg.mean,
    sd: agg.sd,
    standardError: 0,
    quantile: (p) => quantileAt(agg, p),
    survival: (x) => survivalAt(agg, x),
    benefits: agg.benefits.map((b) => ({ id: b.id, expected: b.expected, simulated: b.expected })),
    exact: {
      h: agg.h,
      gridSize: agg.gridSize,
      aliasedMass: agg.aliasedMass,
      neglectedMass: agg.neglectedMass,
      discretisationError: {
        quantiles: fenQuantiles((_, k) => bound[k]),
        estimated: estimated === null ? null : fenQuantiles((_, k) => estimated[k]),
      },
    },
  });
  return { report, aggregate: agg };
}

export { contributionPerMember };
