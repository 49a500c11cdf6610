import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { fundStep } from '../../src/engine/fund.ts';
import { project, yearScale } from '../../src/engine/project.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import { nodeThreadsRunner } from '../../src/runners/nodeThreads.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

describe('one year of the fund', () => {
  it('a surplus adds to the balance and draws no backstop', () => {
    expect(fundStep(100, 50, 30, 200)).toEqual({ balance: 120, backstopUse: 0, depleted: false });
  });
  it('a deficit the backstop covers draws exactly the deficit', () => {
    expect(fundStep(100, 50, 250, 200)).toEqual({ balance: 0, backstopUse: 100, depleted: false });
  });
  it('a deficit beyond the backstop draws all of it, is depleted, and carries the shortfall', () => {
    expect(fundStep(100, 50, 400, 200)).toEqual({ balance: -50, backstopUse: 200, depleted: true });
  });
  it('a carried shortfall must be covered by next year’s net income and backstop', () => {
    expect(fundStep(-50, 10, 0, 30)).toEqual({ balance: -10, backstopUse: 30, depleted: true });
  });
});

describe('the projection', () => {
  const s = readScenarioFile('hangzhou-2016.json');
  s.trend = { ...s.trend, cost: 0.08 };
  const r = resolveScheme(s);
  it('follows the exact expectation year by year (simulated mean within 4 standard errors) with an 8% cost trend', async () => {
    const p = await project(s, inlineRunner(), { years: 6, iterations: 1000, seed: 'projection' });
    expect(p.years).toHaveLength(6);
    p.years.forEach((y, i) => {
      const mu = expectedPayout(r, yearScale(r, i + 1)).payout;
      expect(y.expectedPayout).toBeCloseTo(mu, 1);
      expect(Math.abs(y.simulatedPayout - mu)).toBeLessThan(4 * y.payoutStandardError);
    });
  });
  it('grows members by 5% and keeps the contribution: income of year 3 = round(720,000 × 1.05²) × 48', async () => {
    const p = await project(s, inlineRunner(), { years: 3, iterations: 100, seed: 'income' });
    expect(p.years[2].members).toBe(Math.round(720000 * 1.05 ** 2));
    expect(p.years[2].income).toBe(Math.round(720000 * 1.05 ** 2) * 48);
  });
  it('names the first year the expected loss ratio passes 100% and the first the backstop stops sufficing', async () => {
    const p = await project(s, inlineRunner(), { years: 8, iterations: 400, seed: 'years' });
    const above = p.years.find((y) => y.expectedLossRatio > 1)!.year;
    expect(p.firstYearLossRatioAboveOne).toBe(above);
    expect(p.firstYearBackstopInsufficient).toBe(p.years.find((y) => y.probDepleted > 0.05)?.year ?? null);
    expect(p.firstYearBackstopInsufficient).not.toBeNull();
    // the backstop is never short before the first year whose expected payout exceeds income
    expect(p.firstYearBackstopInsufficient!).toBeGreaterThanOrEqual(above);
  });
  it('gives the same figures with one or several workers (per-year streams)', async () => {
    const a = await project(s, inlineRunner(), { years: 2, iterations: 300, seed: 'same' });
    const threads = nodeThreadsRunner(2);
    try {
      expect(await project(s, threads, { years: 2, iterations: 300, seed: 'same' })).toEqual(a);
    } finally {
      await threads.close();
    }
  });
});
