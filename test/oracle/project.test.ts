/**
 * Several periods: the engine's projection against the oracle's (test/oracle/project.ts), for one
 * fixture per cost family, each with a reserve, running expenses, a backstop and every trend.
 * The engine reports summaries only, so each is checked against the oracle's runs: means within
 * 4 standard errors, each reported balance quantile where the oracle's distribution function puts
 * it, P(depleted) as two binomial proportions, and the two "first year" answers where the oracle's
 * are decisive (every year's mean and P(depleted) more than 4 SE from the line).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { project, type Projection } from '../../src/engine/project.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import { readFixture } from './fixtures.ts';
import { oracleProject, type OracleYear } from './project.ts';
import { ecdf, meanSe } from './stats.ts';

const FAMILIES = ['lognormal', 'gamma', 'pareto', 'empirical'];

/** Two proportions (counts out of n and m) agree within 4 pooled standard errors. */
function expectProportions(a: number, n: number, b: number, m: number, what: string) {
  const pooled = (a * n + b * m) / (n + m);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / m));
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(4 * se);
}

for (const family of FAMILIES) {
  const file = `projection-${family}.json`;
  describe(`${file}: ${family} costs, reserve, expenses, backstop and every trend over the years`, () => {
    const { engine, oracle } = readFixture(file);
    const n = oracle.iterations;
    const T = oracle.years;
    const limit = 1 - oracle.confidence;
    let e: Projection;
    let o: OracleYear[];
    beforeAll(async () => {
      o = oracleProject(oracle, T, n, `oracle/${oracle.seed}`);
      e = await project(engine, inlineRunner());
    }, 120_000);

    it('the reserve, the expenses and the backstop all matter in these runs', () => {
      expect(oracle.reserve).toBeGreaterThan(0);
      expect(oracle.expenseRate).toBeGreaterThan(0);
      expect(o.some((y) => y.backstopUse.some((u) => u > 0))).toBe(true);
      for (const g of Object.values(oracle.trend)) expect(g).not.toBe(0);
    });

    it('members and income each year are the oracle’s (the trend on members and contributions)', () => {
      expect(e.years.map((y) => y.members)).toEqual(o.map((y) => y.members));
      expect(e.years.map((y) => y.income)).toEqual(o.map((y) => y.income));
    });

    it('each year’s exact expected payout and simulated mean payout lie within 4 SE of the oracle’s mean', () => {
      e.years.forEach((y, t) => {
        const p = meanSe(o[t].payout);
        const at = `year ${y.year}`;
        expect(Math.abs(y.expectedPayout - p.mean), `${at}: ${y.expectedPayout} vs ${p.mean}`).toBeLessThan(
          4 * p.se,
        );
        const se = Math.hypot(p.se, y.payoutStandardError);
        expect(Math.abs(y.simulatedPayout - p.mean), `${at}: ${y.simulatedPayout} vs ${p.mean}`).toBeLessThan(
          4 * se,
        );
      });
    });

    it('each year’s mean balance lies within 4 SE of the oracle’s, and its p5, p50 and p95 where the oracle’s distribution puts them', () => {
      e.years.forEach((y, t) => {
        const b = meanSe(o[t].balance);
        const se = b.sd * Math.sqrt(2 / n);
        expect(
          Math.abs(y.meanBalance - b.mean),
          `year ${y.year}: ${y.meanBalance} vs ${b.mean}`,
        ).toBeLessThan(4 * se);
        for (const [p, q] of [
          [0.05, y.balance.p5],
          [0.5, y.balance.p50],
          [0.95, y.balance.p95],
        ]) {
          // F_oracle(engine's p-quantile) ≈ p, within the spread of two samples' quantile levels; the
          // oracle's own atom (balances held at 0 by the backstop) widens the allowed interval.
          const band = 4 * Math.sqrt(p * (1 - p) * (2 / n));
          expect(ecdf(o[t].balance, q) + 1e-12, `year ${y.year} p${p * 100} = ${q}`).toBeGreaterThanOrEqual(
            p - band,
          );
          expect(
            ecdf(o[t].balance, q - 0.01) - 1e-12,
            `year ${y.year} p${p * 100} = ${q}`,
          ).toBeLessThanOrEqual(p + band);
        }
      });
    });

    it('each year’s P(depleted) and expected backstop use agree with the oracle’s', () => {
      e.years.forEach((y, t) => {
        const depleted = o[t].depleted.reduce((a, d) => a + d, 0) / n;
        expectProportions(y.probDepleted, n, depleted, n, `year ${y.year} P(depleted)`);
        const use = meanSe(o[t].backstopUse).mean;
        // 0 ≤ use ≤ backstop, so Var(use) ≤ backstop·E[use]: a bound on each sample's spread.
        const se = Math.sqrt(oracle.backstop * Math.max(use, y.expectedBackstopUse) * (2 / n));
        expect(
          Math.abs(y.expectedBackstopUse - use),
          `year ${y.year}: ${y.expectedBackstopUse} vs ${use}`,
        ).toBeLessThanOrEqual(4 * se + 0.01);
      });
    });

    it('the first year with a loss ratio above 100% and the first with the backstop not enough are the oracle’s', () => {
      let lossYear: number | null = null;
      let backstopYear: number | null = null;
      for (const y of o) {
        const p = meanSe(y.payout);
        expect(Math.abs(p.mean - y.income), `year ${y.year} loss ratio near 1`).toBeGreaterThan(4 * p.se);
        if (lossYear === null && p.mean > y.income) lossYear = y.year;
        const depleted = y.depleted.reduce((a, d) => a + d, 0) / n;
        expect(Math.abs(depleted - limit), `year ${y.year} P(depleted) near ${limit}`).toBeGreaterThan(
          4 * Math.sqrt((limit * (1 - limit)) / n),
        );
        if (backstopYear === null && depleted > limit) backstopYear = y.year;
      }
      expect(lossYear).not.toBeNull();
      expect(backstopYear).not.toBeNull();
      expect(e.firstYearLossRatioAboveOne).toBe(lossYear);
      expect(e.firstYearBackstopInsufficient).toBe(backstopYear);
    });
  });
}
