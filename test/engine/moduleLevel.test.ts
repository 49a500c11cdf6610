/**
 * The engine's small functions defined when their module loads (`const f = (…) => …`): the fund's
 * net income and threshold, the net income a contribution per member brings, a per-share
 * multiplier, amounts to the fen. Each test imports its module afresh (`vi.resetModules()`, then
 * `import()`), so that a mutation-testing run, which switches a mutant of such a definition on
 * only once the tests run, sees it (docs/mutation.md, "Code run at load"). Figures by hand.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { CostDist, DaysDist, Scenario } from '../../src/domain/scenario.ts';
import type * as ExpectedLimit from '../../src/engine/expectedLimit.ts';
import type * as Exposure from '../../src/engine/exposure.ts';
import type * as Fund from '../../src/engine/fund.ts';
import type * as ScaleContributions from '../../src/engine/scaleContributions.ts';

/**
 * The modules, imported afresh by each test. They are imported statically too (their types): a
 * mutation run counts a test file's tests for a module only when the file imports it statically.
 */
const fresh = {
  expectedLimit: (): Promise<typeof ExpectedLimit> => import('../../src/engine/expectedLimit.ts'),
  exposure: (): Promise<typeof Exposure> => import('../../src/engine/exposure.ts'),
  fund: (): Promise<typeof Fund> => import('../../src/engine/fund.ts'),
  scaleContributions: (): Promise<typeof ScaleContributions> =>
    import('../../src/engine/scaleContributions.ts'),
};

beforeEach(() => {
  vi.resetModules();
});

// 3,000 members paying 40 + 10; 6% of income to expenses; a reserve of 20,000 and a backstop of 50,000
const scenario: Scenario = {
  format: 'huzhu-scenario/2',
  name: 'fund',
  members: {
    groups: [
      { id: 'a', count: 1000 },
      { id: 'b', count: 2000 },
    ],
  },
  contributions: [
    { payer: 'member', amount: 40 },
    { payer: 'employer', amount: 10 },
  ],
  fund: { reserve: 20000, backstop: 50000, expenseRate: 0.06 },
  risks: [{ id: 'e', kind: 'event', rate: 0.01 }],
  benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 1000 }],
};

describe('fund.ts', () => {
  it('net income is income less expenses; the threshold adds the reserve and the backstop', async () => {
    const { netIncome, threshold } = await fresh.fund();
    expect(netIncome({ income: 150000, expenses: 9000 })).toBe(141000);
    expect(threshold({ income: 150000, expenses: 9000, reserve: 20000, backstop: 50000 })).toBe(211000);
  });
  it('a scenario file and its resolved scheme give the same fund: income 150,000, expenses 9,000', async () => {
    const { fundOf } = await fresh.fund();
    const want = {
      income: 150000,
      expenses: 9000,
      reserve: 20000,
      backstop: 50000,
      net: 141000,
      threshold: 211000,
    };
    expect(fundOf(scenario)).toEqual(want);
    expect(fundOf(resolveScheme(scenario))).toEqual(want);
  });
  it('a file without a fund has no expenses, reserve or backstop: its defaults', async () => {
    const { fundOf } = await fresh.fund();
    const bare = { ...scenario, fund: undefined };
    expect(fundOf(bare)).toEqual({
      income: 150000,
      expenses: 0,
      reserve: 0,
      backstop: 0,
      net: 150000,
      threshold: 150000,
    });
  });
  it('a contribution of 1 a member brings 3,000 × 0.94 = 2,820 net of expenses', async () => {
    const { netPerMemberContribution } = await fresh.fund();
    expect(netPerMemberContribution(resolveScheme(scenario))).toBeCloseTo(2820, 9);
  });
});

describe('expectedLimit.ts', () => {
  it('a limit over a daily allowance alone: 50 a day for 3 days, under a cap of 1,000, is 150', async () => {
    const { expectedCostLimit } = await fresh.expectedLimit();
    const daily = { id: 'd', risk: 'r', type: 'daily', perDay: 50, maxDays: 10, perShare: false } as const;
    const cost: CostDist = { dist: 'empirical', values: [1000] };
    const days: DaysDist = { dist: 'fixed', value: 3 };
    expect(expectedCostLimit(cost, 1, [], days, [{ b: daily, c: 1 }], 1000)).toBe(150);
    // twice the allowance (two shares), capped at 250
    expect(expectedCostLimit(cost, 1, [], days, [{ b: daily, c: 2 }], 250)).toBe(250);
  });
});

describe('exposure.ts and scaleContributions.ts', () => {
  it('a per-share benefit pays k times for k shares, another once', async () => {
    const { shareFactor } = await fresh.exposure();
    expect(shareFactor(true, 3)).toBe(3);
    expect(shareFactor(false, 3)).toBe(1);
  });
  it('amounts compare to the fen, and scale in whole fen', async () => {
    const { sameFen, scaleContributions } = await fresh.scaleContributions();
    expect(sameFen(25.79, 25.790000000000003)).toBe(true);
    expect(sameFen(25.79, 25.8)).toBe(false);
    expect(sameFen(0.1 + 0.2, 0.3)).toBe(true);
    expect(scaleContributions([50, 10, 10, 30], 80)).toEqual([40, 8, 8, 24]);
  });
});
