/**
 * Jiaxing's two periods as the report gives them: the 1st (scenarios/jiaxing-2014.json: 180,000
 * members, 50 yuan, at most 20,000, no allowance) and the 2nd (jiaxing-2015.json: 400,000+
 * members, 50 yuan, at most 30,000, plus 30 yuan a day for at most 15 days). The 1st period's
 * expected payout is checked against the lognormal's limited expected value in closed form,
 * (test/helpers/hangzhou.ts), not the engine's; so is the 2nd period's, 766 + 228 = 994 a claimant.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { diffScenarios } from '../../src/engine/diff.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { lognormalLev, negativeBinomialLimitedMean } from '../helpers/hangzhou.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

describe('Jiaxing 1st period (2014–15) against the 2nd (2015–16)', () => {
  it('differs from the 2nd only where the report says: members, the cap, the allowance, and the period', () => {
    const first = readScenarioFile('jiaxing-2014.json');
    const second = readScenarioFile('jiaxing-2015.json');
    const paths = diffScenarios(first, second).map((c) => c.path);
    expect(paths.filter((p) => !['name', 'period', 'source', 'simulation.seed'].includes(p)).sort()).toEqual([
      'benefits[0].cap',
      'benefits[1]',
      'members.count',
      'members.newShare',
      'risks[0].days',
    ]);
    expect(first.members).toMatchObject({ count: 180_000 });
    expect(first.contributions).toEqual([{ payer: 'member', amount: 50 }]);
    expect(first.benefits).toEqual([
      { id: 'self-pay', risk: 'inpatient', type: 'bands', bands: [{ upTo: null, rate: 0.5 }], cap: 20_000 },
    ]);
  });

  it('expects 180,000 × 4% × ½ E[min(X, 40,000)] = ¥5.43 M against ¥9 M income: a large surplus', () => {
    const s = resolveScheme(readScenarioFile('jiaxing-2014.json'));
    const perClaimant = 0.5 * lognormalLev(1564, 3, 40_000);
    expect(perClaimant).toBeCloseTo(754.1, 0);
    const mu = 180_000 * 0.04 * perClaimant;
    expect(expectedPayout(s).payout / mu).toBeCloseTo(1, 5);
    expect(mu / (180_000 * 50)).toBeCloseTo(0.603, 3);
  });

  it('expects the 2nd period to pay 766 + 228 = 994 a claimant: ½ E[min(X, 60,000)] + 30 E[min(D, 15)], within 1%', () => {
    const s = readScenarioFile('jiaxing-2015.json');
    const r = s.risks[0] as { cost: { mean: number; cv: number }; days: { mean: number; cv: number } };
    const selfPay = 0.5 * lognormalLev(r.cost.mean, r.cost.cv, 30_000 / 0.5);
    const allowance = 30 * negativeBinomialLimitedMean(r.days.mean, r.days.cv, 15);
    const within1 = (x: number, y: number) => expect(Math.abs(x / y - 1)).toBeLessThan(0.01);
    within1(selfPay, 766);
    within1(allowance, 228);
    within1(selfPay + allowance, 994);
    expect(s.source).toContain(
      `${Math.round(selfPay)} + ${Math.round(allowance)} = ${Math.round(selfPay + allowance)} yuan`,
    );
    // the engine's exact expectation per claimant agrees
    const resolved = resolveScheme(s);
    const claimants = resolved.risks[0].rates.all * resolved.groups[0].count;
    expect(expectedPayout(resolved).payout / claimants / (selfPay + allowance)).toBeCloseTo(1, 6);
    // just short of the Inner Mongolia range, as the source says: 0.6% below 1,000
    expect(((1000 - (selfPay + allowance)) / 1000) * 100).toBeCloseTo(0.6, 1);
    expect(s.source).toContain('0.6% below the low end of the Inner Mongolia experience');
  });
});
