/**
 * Income per member (src/engine/fund.ts `incomePerMember`), which the solver and the leader's report
 * show as "now ¥…": income ÷ all members, worked by hand from the format's definition of income
 * (Σ over contributions and the groups paying them of count × amount, × the group's mean shares for
 * a per-share contribution).
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/scenario.ts';
import { incomeOf, incomePerMember, payerIncomes } from '../../src/engine/fund.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

const base = readScenarioFile('hangzhou-2016.json');

describe('income per member', () => {
  it('one membership: Σ amount (Hangzhou 2016: 48)', () => {
    expect(incomePerMember(base)).toBe(48);
  });

  it('Ningbo 2015, contributions by group: (850,000 + 200,000) × 97.5 + 10,000 × 50 + 200,000 × 80 over 1,260,000', () => {
    const ningbo = readScenarioFile('ningbo-2015.json');
    expect(incomeOf(ningbo).income).toBe(118_875_000);
    expect(incomePerMember(ningbo)).toBeCloseTo(118_875_000 / 1_260_000, 10);
    // Employers: (850,000 + 200,000) × (50 + 30 + 17.5); members: 10,000 × 50 + 200,000 × 80.
    expect(payerIncomes(ningbo)).toEqual([
      { payer: 'employer', income: 102_375_000 },
      { payer: 'member', income: 16_500_000 },
    ]);
  });

  it('per share: 80% hold one share and 20% two, 30 a share → 36 a member; a flat 5 from one group only', () => {
    const s: Scenario = {
      ...base,
      format: 'huzhu-scenario/2',
      members: {
        groups: [
          {
            id: 'a',
            count: 1000,
            holdings: [
              { shares: 1, fraction: 0.8 },
              { shares: 2, fraction: 0.2 },
            ],
          },
          { id: 'b', count: 3000 },
        ],
      },
      contributions: [
        { payer: 'member', amount: 30, perShare: true, groups: ['a'] },
        { payer: 'union', amount: 5, groups: ['b'] },
      ],
    };
    // a: 1,000 × 30 × 1.2 = 36,000; b: 3,000 × 5 = 15,000; 51,000 over 4,000 members.
    expect(incomeOf(s).income).toBe(51_000);
    expect(incomePerMember(s)).toBe(12.75);
    expect(payerIncomes(s)).toEqual([
      { payer: 'member', income: 36_000 },
      { payer: 'union', income: 15_000 },
    ]);
  });
});
