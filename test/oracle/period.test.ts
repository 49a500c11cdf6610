/**
 * One period: the engine (Monte Carlo and the exact method) against the oracle, a direct simulator
 * written from docs/scenario-format.md that shares no code with src/ (test/oracle/period.ts).
 * Every fixture states the verdict and flags it was built to reach; the oracle must reach them
 * decisively (its mean and probabilities more than 4 standard errors from every threshold), so
 * that agreement is a test and not a coin toss.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report.ts';
import { survivalAt } from '../../src/engine/fft/latticeDistribution.ts';
import { simulate, simulateExact } from '../../src/engine/simulate.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import { readFixture } from './fixtures.ts';
import { oracleFlags, oracleFund, oracleSample, oracleVerdict, type OracleVerdict } from './period.ts';
import { periodOfYear } from './scenario.ts';
import { ksOne, ksOneCritical, ksTwo, ksTwoCritical, meanSe, shareAbove } from './stats.ts';

interface Case {
  file: string;
  covers: string;
  verdict: OracleVerdict;
  flags: string[];
}

const CASES: Case[] = [
  {
    file: 'reserve-within-backstop.json',
    covers:
      'reserve > 0 and expenseRate > 0, lognormal costs, negative-binomial days, bands with a deductible and cap, daily with maxDays',
    verdict: 'deficit-within-backstop',
    flags: [],
  },
  {
    file: 'beyond-backstop.json',
    covers: 'gamma costs, steps with a cap, bands with no open end, several payers',
    verdict: 'deficit-beyond-backstop',
    flags: ['backstop-at-risk'],
  },
  {
    file: 'women-only.json',
    covers: 'who: "female" on a cost and an event risk, Pareto costs, Poisson days, daily without maxDays',
    verdict: 'deficit-within-backstop',
    flags: ['backstop-at-risk'],
  },
  {
    file: 'lump-sums.json',
    covers: 'lump sums with waiting days and a binding cap, and without either',
    verdict: 'breaks-even',
    flags: ['large-surplus'],
  },
  {
    file: 'two-lumps.json',
    covers:
      'two lump sums on one event risk, paid from the same members’ events: one uncapped, one with a binding cap and a waiting period',
    verdict: 'breaks-even',
    flags: [],
  },
  {
    file: 'empirical-fixed.json',
    covers: 'empirical costs and days, fixed days, a cost with cv 0, steps from 0',
    verdict: 'breaks-even',
    flags: ['backstop-at-risk'],
  },
];

const verdictFlags = (r: Report) =>
  r.flags
    .map((f) => f.code)
    .filter((c) => c === 'backstop-at-risk' || c === 'large-surplus')
    .sort();

/** |a − b| in units of the standard error `se`, for messages. */
const gap = (a: number, b: number, se: number) => `${a} vs ${b}: ${(Math.abs(a - b) / se).toFixed(2)} SE`;

for (const c of CASES) {
  describe(`${c.file} (${c.covers})`, () => {
    const { engine, oracle } = readFixture(c.file);
    const p = periodOfYear(oracle, 1);
    const n = oracle.iterations;
    const fund = oracleFund(p);
    let sample: ReturnType<typeof oracleSample>;
    let o: { mean: number; sd: number; se: number };
    let mc: Awaited<ReturnType<typeof simulate>>;
    beforeAll(async () => {
      sample = oracleSample(p, n, `oracle/${oracle.seed}`);
      o = meanSe(sample.totals);
      mc = await simulate(engine, inlineRunner());
    }, 120_000);

    it('the oracle reaches the verdict and flags the fixture was built for, away from every threshold', () => {
      const pBeyond = shareAbove(sample.totals, fund.threshold);
      expect(oracleVerdict(fund, o.mean)).toBe(c.verdict);
      expect(oracleFlags(fund, o.mean, pBeyond, p.confidence)).toEqual(c.flags);
      for (const line of [fund.net, fund.threshold, 0.8 * fund.net])
        expect(Math.abs(o.mean - line), `mean ${o.mean} near ${line}`).toBeGreaterThan(4 * o.se);
      const limit = 1 - p.confidence;
      expect(Math.abs(pBeyond - limit)).toBeGreaterThan(4 * Math.sqrt((limit * (1 - limit)) / n));
    });

    it('income and expenses are the oracle’s, to the fen', () => {
      expect(mc.report.income).toBe(fund.income);
      expect(mc.report.expenses).toBe(fund.expenses);
    });

    it('the exact expected payout, and each benefit’s, lie within 4 SE of the oracle’s means', () => {
      expect(
        Math.abs(mc.report.expected.payout - o.mean),
        gap(mc.report.expected.payout, o.mean, o.se),
      ).toBeLessThan(4 * o.se);
      mc.report.benefits.forEach((b, j) => {
        const ob = meanSe(sample.byBenefit[j]);
        expect(Math.abs(b.expected - ob.mean), `${b.id}: ${gap(b.expected, ob.mean, ob.se)}`).toBeLessThan(
          4 * ob.se,
        );
      });
    });

    it('the Monte Carlo mean lies within 4 SE of the oracle’s, and its payouts pass a two-sample KS test at α = 0.001', () => {
      const e = meanSe(mc.totals);
      const se = Math.hypot(e.se, o.se);
      expect(Math.abs(e.mean - o.mean), gap(e.mean, o.mean, se)).toBeLessThan(4 * se);
      expect(ksTwo(mc.totals, sample.totals)).toBeLessThan(ksTwoCritical(mc.totals.length, n));
    });

    it('the Monte Carlo P(deficit) and P(beyond backstop) agree with the oracle’s within 4 SE', () => {
      const m = mc.totals.length;
      for (const [engineP, x] of [
        [mc.report.simulated.probDeficit, fund.net],
        [mc.report.simulated.probBeyondBackstop, fund.threshold],
      ]) {
        const oracleP = shareAbove(sample.totals, x);
        const pooled = (engineP * m + oracleP * n) / (m + n);
        const se = Math.sqrt(pooled * (1 - pooled) * (1 / m + 1 / n));
        expect(Math.abs(engineP - oracleP), `P(S > ${x}): ${engineP} vs ${oracleP}`).toBeLessThanOrEqual(
          4 * se,
        );
      }
    });

    it('the Monte Carlo verdict and flags are the oracle’s', () => {
      expect(mc.report.verdict).toBe(c.verdict);
      expect(verdictFlags(mc.report)).toEqual(c.flags);
    });

    it('the exact method’s mean lies within 4 SE of the oracle’s, its distribution passes a one-sample KS test, and its verdict and flags are the oracle’s', () => {
      const { report, aggregate } = simulateExact(engine);
      expect(Math.abs(report.simulated.mean - o.mean), gap(report.simulated.mean, o.mean, o.se)).toBeLessThan(
        4 * o.se,
      );
      const cdf = (x: number) => 1 - survivalAt(aggregate, x);
      expect(ksOne(sample.totals, cdf)).toBeLessThan(ksOneCritical(n));
      for (const [exactP, x] of [
        [report.simulated.probDeficit, fund.net],
        [report.simulated.probBeyondBackstop, fund.threshold],
      ]) {
        const se = Math.sqrt(Math.max(exactP * (1 - exactP), 1 / n) / n);
        expect(Math.abs(exactP - shareAbove(sample.totals, x))).toBeLessThan(4 * se);
      }
      expect(report.verdict).toBe(c.verdict);
      expect(verdictFlags(report)).toEqual(c.flags);
    });
  });
}
