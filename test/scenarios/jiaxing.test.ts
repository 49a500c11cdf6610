/**
 * Jiaxing's two periods as the report gives them: the 1st (scenarios/jiaxing-2014.json: 180,000
 * members, 50 yuan, at most 20,000, no allowance) and the 2nd (jiaxing-2015.json: 400,000+
 * members, 50 yuan, at most 30,000, plus 30 yuan a day for at most 15 days). The 1st period's
 * expected payout is checked against the lognormal's limited expected value in closed form,
 * written here (Φ from test/helpers/erfc.ts), not the engine's.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { diffScenarios } from '../../src/engine/diff.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { phi } from '../helpers/erfc.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

/** E[min(X, u)] for a lognormal with mean m and cv c (Klugman, Panjer & Willmot, Appendix A). */
function lognormalLev(m: number, c: number, u: number): number {
  const s2 = Math.log(1 + c * c);
  const s = Math.sqrt(s2);
  const mu = Math.log(m) - s2 / 2;
  const z = (Math.log(u) - mu) / s;
  return m * phi(z - s) + u * (1 - phi(z));
}

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
});
