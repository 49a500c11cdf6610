/**
 * One period of a scheme: exact expectation, Monte Carlo distribution, verdict.
 *
 *   Scenario ─resolve─▶ ResolvedScenario ─┬─ expectedPayout ─────────────▶ μ, per benefit (exact)
 *                                         └─ compilePlan ─▶ runner(blocks) ─▶ S_1..S_n (typed arrays)
 *   1. income I = count·Σ amounts (decimal, exact), expenses E = expenseRate·I;
 *   2. μ exactly; the plan compiled and its blocks run (any runner, any number of workers);
 *   3. the totals sorted once: mean, sd, standard error, type-7 quantiles, P(S > I − E),
 *      P(S > I − E + reserve + backstop);
 *   4. break-even contribution μ / (count·(1 − expenseRate)); the contribution at confidence
 *      (q_conf(S) − reserve − backstop) / (count·(1 − expenseRate)), at least 0;
 *   5. verdict and flags.
 */
import Decimal from 'decimal.js';
import { resolveScenario, contributionPerMember } from '../domain/defaults.ts';
import { QUANTILE_LEVELS, type Quantiles, type Report } from '../domain/report.ts';
import type { ResolvedScenario, Scenario } from '../domain/scenario.ts';
import type { Runner, RunOptions } from './runner.ts';
import { meanSd } from '../stats/moments.ts';
import { quantileSorted, shareAbove } from '../stats/quantile.ts';
import { planBlocks } from './blocks.ts';
import { expectedPayout } from './expected.ts';
import { compilePlan } from './plan.ts';
import type { BlockResult } from './simulateBlock.ts';
import { flagsOf, verdictOf } from './verdict.ts';
import { monteCarloWarnings } from './warnings.ts';
import { exactAggregate, type ExactAggregate, type ExactOptions } from './fft/exactAggregate.ts';
import { quantileAt, survivalAt } from './fft/latticeDistribution.ts';

export interface SimulateOptions extends RunOptions {
  iterations?: number;
  seed?: string;
  lang?: 'en' | 'zh';
}

export interface Simulation {
  report: Report;
  /** Period totals S_i in iteration order, and the same per benefit (row-major). */
  totals: Float64Array;
  byBenefit: Float64Array;
}

export const fen = (x: number): number => Math.round(x * 100) / 100;

/** Income and expenses exactly, in decimal, to the fen. */
export function incomeOf(s: ResolvedScenario | Scenario): { income: number; expenses: number } {
  let perMember = new Decimal(0);
  for (const c of s.contributions) perMember = perMember.plus(String(c.amount));
  const income = perMember.times(s.members.count);
  const rate = 'fund' in s && s.fund ? s.fund.expenseRate ?? 0 : 0;
  const expenses = income.times(String(rate)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return { income: income.toNumber(), expenses: expenses.toNumber() };
}

/** Puts block results in iteration order. */
export function assemble(results: BlockResult[], iterations: number, benefits: number) {
  const totals = new Float64Array(iterations);
  const byBenefit = new Float64Array(iterations * benefits);
  for (const r of results) {
    totals.set(r.totals, r.start);
    byBenefit.set(r.byBenefit, r.start * benefits);
  }
  return { totals, byBenefit };
}

export async function simulate(scenario: Scenario, runner: Runner, options: SimulateOptions = {}): Promise<Simulation> {
  const s = resolveScenario(scenario);
  const iterations = options.iterations ?? s.simulation.iterations;
  const seed = options.seed ?? s.simulation.seed;
  const expected = expectedPayout(s);
  const plan = compilePlan(s);
  const results = await runner.run(plan, seed, planBlocks(iterations), options);
  const { totals, byBenefit } = assemble(results, iterations, s.benefits.length);
  const report = summarise(s, expected, totals, byBenefit, { iterations, seed, method: 'mc', lang: options.lang });
  // Where the sample cannot be trusted (large standard error, mean off the exact value, a tail too
  // heavy for the iteration count, too few claims), say so beside the verdict's flags.
  report.flags.push(...monteCarloWarnings(report, s, options.lang ?? 'en'));
  return { report, totals, byBenefit };
}

/** The report from the exact expectation and a sample (or exact distribution) of period totals. */
export function summarise(
  s: ResolvedScenario,
  expected: ReturnType<typeof expectedPayout>,
  totals: Float64Array,
  byBenefit: Float64Array,
  run: { iterations: number; seed: string; method: 'mc' | 'fft'; lang?: 'en' | 'zh' },
): Report {
  const { income, expenses } = incomeOf(s);
  const { reserve, backstop } = s.fund;
  const { confidence } = s.simulation;
  const sorted = Float64Array.from(totals).sort();
  const { mean, sd } = meanSd(totals);
  const quantiles = Object.fromEntries(QUANTILE_LEVELS.map(([k, p]) => [k, fen(quantileSorted(sorted, p))])) as unknown as Quantiles;
  const net = income - expenses;
  const probDeficit = shareAbove(sorted, net);
  const probBeyondBackstop = shareAbove(sorted, net + reserve + backstop);
  const perMemberNet = s.members.count * (1 - s.fund.expenseRate);
  const nb = s.benefits.length;
  const mu = expected.payout;
  const verdictInput = { mu, income, expenses, reserve, backstop, confidence, probBeyondBackstop };
  return {
    format: 'huzhu-report/1',
    name: s.name,
    iterations: run.iterations,
    seed: run.seed,
    method: run.method,
    income: fen(income),
    expenses: fen(expenses),
    expected: { payout: fen(mu), lossRatio: mu / income },
    simulated: {
      mean: fen(mean), sd: fen(sd), standardError: fen(sd / Math.sqrt(run.iterations)),
      quantiles, probDeficit, probBeyondBackstop,
    },
    benefits: s.benefits.map((b, j) => {
      let sum = 0;
      for (let i = 0; i < run.iterations; i++) sum += byBenefit[i * nb + j];
      return { id: b.id, expected: fen(expected.benefits[j].expected), simulated: fen(sum / run.iterations) };
    }),
    breakEvenContribution: fen(mu / perMemberNet),
    contributionAtConfidence: fen(Math.max(0, (quantileSorted(sorted, confidence) - reserve - backstop) / perMemberNet)),
    verdict: verdictOf(verdictInput),
    flags: flagsOf(verdictInput, run.lang),
  };
}

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
 */
export function simulateExact(scenario: Scenario, options: ExactOptions & { lang?: 'en' | 'zh' } = {}): ExactSimulation {
  const s = resolveScenario(scenario);
  const agg = exactAggregate(s, options);
  const { income, expenses } = incomeOf(s);
  const { reserve, backstop } = s.fund;
  const net = income - expenses;
  const probDeficit = survivalAt(agg, net);
  const probBeyondBackstop = survivalAt(agg, net + reserve + backstop);
  const perMemberNet = s.members.count * (1 - s.fund.expenseRate);
  const mu = agg.expected;
  const verdictInput = { mu, income, expenses, reserve, backstop, confidence: s.simulation.confidence, probBeyondBackstop };
  const fenQuantiles = (f: (p: number, key: keyof Quantiles) => number) =>
    Object.fromEntries(QUANTILE_LEVELS.map(([k, p]) => [k, fen(f(p, k))])) as unknown as Quantiles;
  const { quantiles: bound, estimated } = agg.discretisationError;
  const report: Report = {
    format: 'huzhu-report/1',
    name: s.name,
    iterations: 0,
    seed: '',
    method: 'fft',
    income: fen(income),
    expenses: fen(expenses),
    expected: { payout: fen(mu), lossRatio: mu / income },
    simulated: {
      mean: fen(agg.mean), sd: fen(agg.sd), standardError: 0,
      quantiles: fenQuantiles((p) => quantileAt(agg, p)), probDeficit, probBeyondBackstop,
    },
    benefits: agg.benefits.map((b) => ({ id: b.id, expected: fen(b.expected), simulated: fen(b.expected) })),
    breakEvenContribution: fen(mu / perMemberNet),
    contributionAtConfidence: fen(Math.max(0, (quantileAt(agg, s.simulation.confidence) - reserve - backstop) / perMemberNet)),
    verdict: verdictOf(verdictInput),
    flags: flagsOf(verdictInput, options.lang),
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
  };
  return { report, aggregate: agg };
}

export { contributionPerMember };
