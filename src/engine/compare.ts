/**
 * Scheme versions side by side (docs/cli.md, `compare`). Every version is simulated with
 * the same seed, iterations and block plan, hence the same random streams (common random
 * numbers): differences between versions are not blurred by sampling noise. The first version is
 * the baseline; each other version carries its changes against it and the flag
 * `payout-growth-outpaces-contributions` when its expected payout grows more than 20 percentage
 * points faster than its income (the Wenzhou 2015 pattern: payouts +168% against income +31%).
 */
import { resolveScheme } from '../domain/defaults.ts';
import type { CompareFlag } from '../domain/flags.ts';
import type { Verdict } from '../domain/report.ts';
import type { Scenario } from '../domain/scenario.ts';
import type { Runner } from './runner.ts';
import { diffScenarios, type Change } from './diff.ts';
import { simulate, type Simulation } from './simulate.ts';
import { checkWork, refusedVersion, RunRefusedError, runWork } from './workBudget.ts';

export interface VersionSummary {
  name: string;
  income: number;
  expected: { payout: number; lossRatio: number };
  simulated: {
    mean: number;
    quantiles: { p50: number; p95: number; p995: number };
    probDeficit: number;
    probBeyondBackstop: number;
  };
  verdict: Verdict;
  changes: Change[];
  flags: CompareFlag[];
}

export interface Comparison {
  format: 'huzhu-comparison/1';
  iterations: number;
  seed: string;
  versions: VersionSummary[];
}

/** The growth threshold: payout growth minus income growth, in fractions (20 percentage points). */
export const GROWTH_GAP = 0.2;

export function growthFlags(
  base: { income: number; payout: number },
  v: { income: number; payout: number },
): CompareFlag[] {
  const incomeGrowth = v.income / base.income - 1;
  const payoutGrowth = v.payout / base.payout - 1;
  if (!(payoutGrowth - incomeGrowth > GROWTH_GAP)) return [];
  return [{ code: 'payout-growth-outpaces-contributions', params: { payoutGrowth, incomeGrowth } }];
}

export async function compareVersions(
  scenarios: Scenario[],
  runner: Runner,
  options: { iterations?: number; seed?: string } = {},
): Promise<{ comparison: Comparison; simulations: Simulation[] }> {
  const first = resolveScheme(scenarios[0]);
  const iterations = options.iterations ?? first.simulation.iterations;
  const seed = options.seed ?? first.simulation.seed;
  // Every version's work together (each is also checked on its own by simulate).
  const work = scenarios.map((v) => runWork(resolveScheme(v)));
  const refusal = checkWork(work, iterations);
  if (refusal) throw new RunRefusedError(refusal, refusedVersion(work, refusal));
  const simulations: Simulation[] = [];
  for (const s of scenarios) simulations.push(await simulate(s, runner, { iterations, seed }));
  const base = simulations[0].report;
  const versions = simulations.map(({ report: r }, i): VersionSummary => ({
    name: r.name,
    income: r.income,
    expected: { payout: r.expected.payout, lossRatio: r.expected.lossRatio },
    simulated: {
      mean: r.simulated.mean,
      quantiles: {
        p50: r.simulated.quantiles.p50,
        p95: r.simulated.quantiles.p95,
        p995: r.simulated.quantiles.p995,
      },
      probDeficit: r.simulated.probDeficit,
      probBeyondBackstop: r.simulated.probBeyondBackstop,
    },
    verdict: r.verdict,
    changes: i === 0 ? [] : diffScenarios(scenarios[0], scenarios[i]),
    flags:
      i === 0
        ? []
        : growthFlags(
            { income: base.income, payout: base.expected.payout },
            { income: r.income, payout: r.expected.payout },
          ),
  }));
  return { comparison: { format: 'huzhu-comparison/1', iterations, seed, versions }, simulations };
}
