import { describe, expect, it } from 'vitest';
import { resolveScheme, totalMembers } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { incomeOf } from '../../src/engine/fund.ts';
import { affordableCap, breakEvenContribution } from '../../src/engine/solve.ts';
import { affordableSelfPayCap, HANGZHOU_2016, mergedExpected } from '../helpers/hangzhou.ts';
import { readScenarioFile, scenarioFiles } from '../helpers/scenarios.ts';

/**
 * The scenario with every contribution scaled alike so that income per member is `total` (each
 * amount to the fen). Income per member now: income ÷ all members (Σ amount for one membership).
 */
function withContribution(s: Scenario, total: number): Scenario {
  const current = incomeOf(s).income / totalMembers(s.members);
  const contributions = s.contributions.map((c) => ({
    ...c,
    amount: Math.round((c.amount * total * 100) / current) / 100,
  }));
  return { ...s, contributions };
}
const lossRatio = (s: Scenario) => {
  const r = resolveScheme(s);
  const { income, expenses } = incomeOf(r);
  return (expectedPayout(r).payout + expenses) / income;
};

describe('the break-even contribution', () => {
  for (const file of scenarioFiles()) {
    it(`put back into ${file}, gives an expected loss ratio of 100% ± 0.1%`, () => {
      const s = readScenarioFile(file);
      const c = Math.round(breakEvenContribution(resolveScheme(s)) * 100) / 100;
      expect(Math.abs(lossRatio(withContribution(s, c)) - 1)).toBeLessThan(0.001);
    });
  }
  it('divides the expected payout by members × (1 − expense rate)', () => {
    const s = readScenarioFile('jiaxing-2015.json');
    s.fund = { ...s.fund, expenseRate: 0.2 };
    const r = resolveScheme(s);
    expect(breakEvenContribution(r)).toBeCloseTo(expectedPayout(r).payout / (400000 * 0.8), 9);
  });
});

describe('the largest affordable cap', () => {
  it('is null when the benefit breaks even with no cap at all (Hangzhou at 60 yuan: the bands stop at 50,000 anyway)', () => {
    // μ = 34.68 M even uncapped (the table pays nothing above 50,000) against 43.2 M of income.
    expect(mergedExpected(HANGZHOU_2016).mu).toBeLessThan(60 * 720_000);
    expect(
      affordableCap(withContribution(readScenarioFile('hangzhou-2016.json'), 60), 'self-pay'),
    ).toBeNull();
  });
  it('brings Hangzhou’s self-paid maximum down to 26,997.93 at its own 48 yuan, as the closed form does', () => {
    // The bands stopped where they have paid the cap: μ = 34.56 M at about 26,997.94 (worked out by
    // hand, test/helpers/hangzhou.ts); the solver gives its bisection's answer down to the fen.
    const byHand = affordableSelfPayCap(HANGZHOU_2016, 48 * 720_000);
    const cap = affordableCap(readScenarioFile('hangzhou-2016.json'), 'self-pay')!;
    expect(Math.abs(byHand - cap)).toBeLessThan(0.02);
  });
  it('is 0 when even a zero cap does not break even (other benefits alone exceed income)', () => {
    const s = withContribution(readScenarioFile('jiaxing-2015.json'), 5);
    expect(affordableCap(s, 'self-pay')).toBe(0);
  });
  it('put back into the scenario, makes the expected payout equal income (Jiaxing at 40 yuan, 50% band)', () => {
    const s = withContribution(readScenarioFile('jiaxing-2015.json'), 40);
    const cap = affordableCap(s, 'self-pay')!;
    expect(cap).toBeGreaterThan(0);
    const capped = { ...s, benefits: s.benefits.map((b) => (b.id === 'self-pay' ? { ...b, cap } : b)) };
    expect(lossRatio(capped)).toBeLessThanOrEqual(1);
    expect(lossRatio(capped)).toBeGreaterThan(1 - 1e-6);
    const oneFenMore = {
      ...s,
      benefits: s.benefits.map((b) => (b.id === 'self-pay' ? { ...b, cap: cap + 0.02 } : b)),
    };
    expect(lossRatio(oneFenMore)).toBeGreaterThan(1);
  });
  it('works for a lump sum: Beijing at 15 yuan a share', () => {
    const s = withContribution(readScenarioFile('beijing-light-illness-2021.json'), 15);
    const cap = affordableCap(s, 'light')!;
    const capped = { ...s, benefits: s.benefits.map((b) => ({ ...b, cap })) };
    expect(lossRatio(capped)).toBeCloseTo(1, 5);
  });
  it('refuses a daily allowance, which has no cap', () => {
    expect(() => affordableCap(readScenarioFile('jiaxing-2015.json'), 'allowance')).toThrow(/no cap/);
  });
});
