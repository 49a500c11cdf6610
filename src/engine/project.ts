/**
 * The fund over several periods (docs/cli.md, `project`).
 *
 *   for year t = 1..T, with trend factors f(t) = (1 + g)^(t−1):
 *     members_t = Σ_g round(count_g·f_members(t)), income_t = Σ_g members_g,t·(Σ amounts it pays, × its
 *     mean shares when per share)·f_contribution(t),
 *     expenses_t = expenseRate·income_t, claim rates × f_rate(t), cost scales × f_cost(t);
 *     S_t simulated (its own random streams, seed "<seed>/year-t": any number of workers gives the
 *     same numbers) and μ_t computed exactly;
 *   per run: B_0 = reserve; A_t = B_{t−1} + income_t − expenses_t − S_t;
 *     backstop use_t = min(backstop, max(0, −A_t)); B_t = A_t + use_t;
 *     the run is depleted in year t when A_t + backstop < 0 (the fund plus that year's backstop
 *     could not cover the year); its shortfall is carried forward as a negative balance, and the
 *     backstop is available afresh each year.
 * Reported per year: members, income, exact expected payout and loss ratio, the balance's p5/p50/p95
 * (type-7 quantiles), P(depleted), the expected backstop use; and the first year in which the
 * expected loss ratio passes 100% and the first in which P(depleted) exceeds 1 − confidence.
 */
import { meanShares, resolveScheme } from '../domain/defaults.ts';
import type { Scenario } from '../domain/scenario.ts';
import type { ResolvedScheme } from '../domain/scheme.ts';
import type { Runner, RunOptions } from './runner.ts';
import { quantileSorted } from '../stats/quantile.ts';
import { planBlocks } from './blocks.ts';
import { expectedPayout, type Scale } from './expected.ts';
import { fundStep, netIncome } from './fund.ts';
import { compilePlan, planCache } from './plan.ts';
import { checkWork, RunRefusedError, runWork } from './workBudget.ts';
import { assemble, fen } from './simulate.ts';

export interface ProjectionYear {
  year: number;
  members: number;
  income: number;
  expectedPayout: number;
  expectedLossRatio: number;
  balance: { p5: number; p50: number; p95: number };
  meanBalance: number;
  probDepleted: number;
  expectedBackstopUse: number;
  /** Mean of the simulated payouts, beside the exact expectation, and its standard error. */
  simulatedPayout: number;
  payoutStandardError: number;
}

export interface Projection {
  format: 'huzhu-projection/1';
  name: string;
  iterations: number;
  seed: string;
  years: ProjectionYear[];
  firstYearLossRatioAboveOne: number | null;
  firstYearBackstopInsufficient: number | null;
}

/**
 * μ / income; against the income before rounding where that rounds to 0 fen (a contribution trend
 * near −100%); 0 when there are no members (no income and no payout). Infinite only where there
 * is a payout and no income at all.
 */
export function lossRatio(mu: number, income: number, rawIncome: number): number {
  if (income > 0) return mu / income;
  if (rawIncome > 0) return mu / rawIncome;
  return mu > 0 ? Infinity : 0;
}

/** The trend factors of year t (1-based). */
export function yearScale(s: ResolvedScheme, t: number): Scale & { contribution: number } {
  const f = (g: number) => Math.pow(1 + g, t - 1);
  return {
    members: f(s.trend.members),
    rate: f(s.trend.rate),
    cost: f(s.trend.cost),
    contribution: f(s.trend.contribution),
  };
}

export async function project(
  scenario: Scenario,
  runner: Runner,
  options: RunOptions & { years?: number; iterations?: number; seed?: string } = {},
): Promise<Projection> {
  const s = resolveScheme(scenario);
  const T = options.years ?? s.simulation.years;
  const n = options.iterations ?? s.simulation.iterations;
  const seed = options.seed ?? s.simulation.seed;
  // Refused before anything runs when the years' draws, tables and expectations are too much work.
  const refusal = checkWork([runWork(s, T)], n);
  if (refusal) throw new RunRefusedError(refusal);
  const cache = planCache();
  // Contribution per member of each group: Σ over the contributions it pays of amount × (its mean shares if per share).
  const perMember = s.groups.map((g) =>
    s.contributions.reduce(
      (a, c) => (c.groups.includes(g.id) ? a + c.amount * (c.perShare ? meanShares(g.holdings) : 1) : a),
      0,
    ),
  );
  const balance = new Float64Array(n).fill(s.fund.reserve);
  const years: ProjectionYear[] = [];
  for (let t = 1; t <= T; t++) {
    const scale = yearScale(s, t);
    let members = 0,
      rawIncome = 0;
    s.groups.forEach((g, i) => {
      const m = Math.round(g.count * scale.members);
      members += m;
      rawIncome += m * perMember[i] * scale.contribution;
    });
    const income = fen(rawIncome);
    const net = netIncome({ income, expenses: fen(income * s.fund.expenseRate) });
    const mu = expectedPayout(s, scale).payout;
    const blocks = planBlocks(n);
    const results = await runner.run(compilePlan(s, scale, undefined, cache), `${seed}/year-${t}`, blocks, {
      signal: options.signal,
      onProgress:
        options.onProgress && ((done, total) => options.onProgress!((t - 1) * total + done, T * total)),
    });
    const { totals } = assemble(results, n, s.benefits.length);
    let depleted = 0,
      used = 0,
      paid = 0,
      paid2 = 0,
      sum = 0;
    for (let i = 0; i < n; i++) {
      const step = fundStep(balance[i], net, totals[i], s.fund.backstop);
      if (step.depleted) depleted++;
      used += step.backstopUse;
      paid += totals[i];
      paid2 += totals[i] * totals[i];
      balance[i] = step.balance;
      sum += step.balance;
    }
    const meanPaid = paid / n;
    const sorted = Float64Array.from(balance).sort();
    years.push({
      year: t,
      members,
      income,
      expectedPayout: fen(mu),
      expectedLossRatio: lossRatio(mu, income, rawIncome),
      balance: {
        p5: fen(quantileSorted(sorted, 0.05)),
        p50: fen(quantileSorted(sorted, 0.5)),
        p95: fen(quantileSorted(sorted, 0.95)),
      },
      meanBalance: fen(sum / n),
      probDepleted: depleted / n,
      expectedBackstopUse: fen(used / n),
      simulatedPayout: fen(meanPaid),
      payoutStandardError: Math.sqrt(Math.max(0, paid2 / n - meanPaid * meanPaid) / (n - 1)),
    });
  }
  return {
    format: 'huzhu-projection/1',
    name: s.name,
    iterations: n,
    seed,
    years,
    firstYearLossRatioAboveOne: years.find((y) => y.expectedLossRatio > 1)?.year ?? null,
    firstYearBackstopInsufficient:
      years.find((y) => y.probDepleted > 1 - s.simulation.confidence)?.year ?? null,
  };
}
