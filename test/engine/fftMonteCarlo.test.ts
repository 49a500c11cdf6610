/**
 * The exact method against the Monte Carlo engine, for every scenario file: 100,000 iterations
 * (Ningbo: 5,000) on two worker threads each, compared with sampling-error tolerances derived from the sample
 * size n (the whole file takes about a minute on two cores).
 *
 * - mean: within 0.1%, or 4 standard errors when sampling cannot resolve 0.1%;
 * - each quantile p50–p99.5: the Monte Carlo (type-7) quantiles at p ± 4√(p(1−p)/n) bracket the
 *   exact p-quantile (a distribution-free binomial interval for an order statistic);
 * - P(S > I − E) and P(S > I − E + reserve + backstop): within 4 binomial standard errors
 *   √(p(1−p)/n) of the exact p, plus 4/n for counts too small for the normal approximation.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { QUANTILE_LEVELS } from '../../src/domain/report.ts';
import { quantileAt } from '../../src/engine/fft/latticeDistribution.ts';
import { simulate, simulateExact } from '../../src/engine/simulate.ts';
import { nodeThreadsRunner } from '../../src/runners/nodeThreads.ts';
import { quantileSorted } from '../../src/stats/quantile.ts';
import { readScenarioFile, scenarioFiles } from '../helpers/scenarios.ts';

const N = 100_000;
/**
 * Ningbo's 58,000 claimants a period make 100,000 iterations some 7·10^10 units of work, minutes on
 * two shared cores: 5,000 iterations, with the tolerances below derived from that n.
 */
const FEWER: Readonly<Record<string, number>> = { 'ningbo-2015.json': 5_000 };
const runner = nodeThreadsRunner(2);
afterAll(() => runner.close());

describe('the exact distribution agrees with a 100,000-iteration Monte Carlo run', () => {
  for (const file of scenarioFiles()) {
    it(`for ${file}`, async () => {
      const scenario = readScenarioFile(file);
      const n = FEWER[file] ?? N;
      // 100,000 iterations of Jiaxing (1.9·10^10 units) are beyond the work limit of a CLI or workbench
      // run (6·10^9): this reference run takes the time it needs.
      const mc = await simulate(scenario, runner, { iterations: n, seed: 'fft-check', workLimit: Infinity });
      const { report, aggregate } = simulateExact(scenario);
      const sorted = Float64Array.from(mc.totals).sort();

      const mean = report.simulated.mean;
      expect(Math.abs(mc.report.simulated.mean - mean)).toBeLessThan(
        Math.max(1e-3 * mean, 4 * mc.report.simulated.standardError),
      );
      expect(mean / report.expected.payout).toBeCloseTo(1, 8);

      for (const [, p] of QUANTILE_LEVELS) {
        const d = 4 * Math.sqrt((p * (1 - p)) / n);
        const q = quantileAt(aggregate, p);
        expect(quantileSorted(sorted, p - d)).toBeLessThanOrEqual(q);
        expect(quantileSorted(sorted, Math.min(1, p + d))).toBeGreaterThanOrEqual(q);
      }

      for (const key of ['probDeficit', 'probBeyondBackstop'] as const) {
        const p = report.simulated[key];
        expect(Math.abs(mc.report.simulated[key] - p)).toBeLessThanOrEqual(
          4 * Math.sqrt((p * (1 - p)) / n) + 4 / n,
        );
      }
    }, 180_000);
  }
});
