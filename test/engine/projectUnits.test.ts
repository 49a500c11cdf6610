/**
 * The projection (src/engine/project.ts) part by part, each figure worked out here from the
 * scenario's own numbers and the rules in the module's header:
 * - members_t = Σ_g round(count_g·1.1^(t−1)), income_t = Σ_g members_g,t × (what a member of g pays:
 *   amounts, × its mean shares when per share) × 1.5^(t−1), to the fen; the exact expected payout
 *   of lump sums and of bands on a cost of one value: members × rate·1.2^(t−1) × amount
 *   (× cost·1.3^(t−1)); the loss ratio μ / income;
 * - the fund, run by run: B_0 = reserve, A_t = B_{t−1} + income_t − expenses_t − S_t,
 *   use = min(backstop, max(0, −A_t)), B_t = A_t + use, depleted when A_t + backstop < 0; the
 *   year's payouts S_t are those one period of the scheme draws from the stream "<seed>/year-t"
 *   (`simulate` with that seed gives them run by run, without trends), and the reported balance
 *   quantiles, means, P(depleted), backstop use and standard error are computed from them here;
 * - the first year whose loss ratio passes 1, and the first whose P(depleted) passes 1 − confidence,
 *   each at its edge (exactly 1; exactly k/128 of 128 runs) and one step beyond.
 * Runs are small (100 to 600 iterations, the inline runner); the whole file takes a few seconds.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { lossRatio, project, yearScale } from '../../src/engine/project.ts';
import { CancelledError } from '../../src/engine/runner.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { RunRefusedError } from '../../src/engine/workBudget.ts';
import { inlineRunner } from '../../src/runners/inline.ts';

const fen = (x: number) => Math.round(x * 100) / 100;

/** Type-7 quantile of a sorted sample. */
function q7(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

describe('lossRatio', () => {
  it('is μ / income when there is income: 50 / 200 = 0.25', () => {
    expect(lossRatio(50, 200, 200.004)).toBe(0.25);
  });
  it('against the income before rounding when that rounds to 0 fen: 5 / 0.004 = 1,250', () => {
    expect(lossRatio(5, 0, 0.004)).toBeCloseTo(1250, 9);
    expect(lossRatio(0, 0, 0.004)).toBe(0);
  });
  it('infinite with a payout and no income at all; 0 with neither (no members)', () => {
    expect(lossRatio(5, 0, 0)).toBe(Infinity);
    expect(lossRatio(0, 0, 0)).toBe(0);
  });
});

describe('yearScale', () => {
  it('year 3 multiplies by (1 + g)²: members 1.1 → 1.21, rate 1.2 → 1.44, cost 1.3 → 1.69, contribution 1.5 → 2.25', () => {
    const s = resolveScheme({
      ...fundScenario(),
      trend: { members: 0.1, rate: 0.2, cost: 0.3, contribution: 0.5 },
    });
    const y = yearScale(s, 3);
    expect(y.members).toBeCloseTo(1.21, 12);
    expect(y.rate).toBeCloseTo(1.44, 12);
    expect(y.cost).toBeCloseTo(1.69, 12);
    expect(y.contribution).toBeCloseTo(2.25, 12);
    expect(Object.keys(y).sort()).toEqual(['contribution', 'cost', 'members', 'rate']);
  });
  it('year 1 is 1 for every trend', () => {
    const s = resolveScheme({
      ...fundScenario(),
      trend: { members: 0.1, rate: 0.2, cost: 0.3, contribution: 0.5 },
    });
    expect(yearScale(s, 1)).toEqual({ members: 1, rate: 1, cost: 1, contribution: 1 });
  });
});

/**
 * 1,000 members paying 10.5; 4% of income to expenses: I = 10,500, E = 420, I − E = 10,080;
 * a reserve of 500 and a backstop of 1,000; events at 0.1 a member paying 100 each: S = 100 × N,
 * N ~ Poisson(100), μ = 10,000 with a standard deviation of 1,000, so the runs spread over surplus,
 * backstop use and depletion.
 */
function fundScenario(): Scenario {
  return {
    format: 'huzhu-scenario/2',
    name: 'fund by hand',
    members: { count: 1000 },
    contributions: [{ payer: 'member', amount: 10.5 }],
    fund: { reserve: 500, backstop: 1000, expenseRate: 0.04 },
    risks: [{ id: 'e', kind: 'event', rate: 0.1 }],
    benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 100 }],
    simulation: { confidence: 0.75 },
  };
}

describe('the fund year by year, run by run (no trends: each year draws the same scheme from its own stream)', () => {
  it('balances, their quantiles and mean, P(depleted), backstop use, the mean payout and its standard error', async () => {
    const s = fundScenario();
    const n = 600;
    const T = 3;
    const p = await project(s, inlineRunner(), { years: T, iterations: n, seed: 'fund' });
    const net = 10500 - 420;
    const backstop = 1000;
    const balance = new Array<number>(n).fill(500);
    const firstAbove: number[] = [];
    expect(p.years).toHaveLength(T);
    for (let t = 1; t <= T; t++) {
      const { totals } = await simulate(s, inlineRunner(), { iterations: n, seed: `fund/year-${t}` });
      let depleted = 0,
        used = 0,
        sum = 0,
        paid = 0;
      for (let i = 0; i < n; i++) {
        const a = balance[i] + net - totals[i];
        const use = Math.min(backstop, Math.max(0, -a));
        if (a + backstop < 0) depleted++;
        used += use;
        balance[i] = a + use;
        sum += balance[i];
        paid += totals[i];
      }
      const mean = paid / n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (totals[i] - mean) ** 2;
      const sorted = balance.slice().sort((x, y) => x - y);
      const y = p.years[t - 1];
      expect(y.year).toBe(t);
      expect(y.members).toBe(1000);
      expect(y.income).toBe(10500);
      expect(y.expectedPayout).toBe(10000);
      expect(y.expectedLossRatio).toBeCloseTo(10000 / 10500, 12);
      expect(y.simulatedPayout).toBeCloseTo(fen(mean), 6);
      expect(y.payoutStandardError).toBeCloseTo(Math.sqrt(ss / (n * (n - 1))), 6);
      expect(y.meanBalance).toBeCloseTo(fen(sum / n), 6);
      expect(y.balance.p5).toBeCloseTo(fen(q7(sorted, 0.05)), 6);
      expect(y.balance.p50).toBeCloseTo(fen(q7(sorted, 0.5)), 6);
      expect(y.balance.p95).toBeCloseTo(fen(q7(sorted, 0.95)), 6);
      expect(y.probDepleted).toBe(depleted / n);
      expect(y.expectedBackstopUse).toBeCloseTo(fen(used / n), 6);
      if (depleted / n > 1 - 0.75) firstAbove.push(t);
      // the runs do spread: some depleted, some drawing on the backstop, the quantiles apart
      expect(depleted).toBeGreaterThan(0);
      expect(used).toBeGreaterThan(0);
      expect(sorted[0]).toBeLessThan(sorted[n - 1]);
      // the mean payout within 4 standard errors of μ = 10,000 (sd 1,000: SE ≈ 40.8)
      expect(Math.abs(y.simulatedPayout - 10000)).toBeLessThan(4 * (1000 / Math.sqrt(n)));
    }
    expect(p.firstYearLossRatioAboveOne).toBeNull();
    expect(p.firstYearBackstopInsufficient).toBe(firstAbove[0] ?? null);
    expect(p).toMatchObject({
      format: 'huzhu-projection/1',
      name: 'fund by hand',
      iterations: n,
      seed: 'fund',
    });
  });

  it('each year has its own stream: years 1 and 2 of one scheme pay differently; another seed differs again', async () => {
    const a = await project(fundScenario(), inlineRunner(), { years: 2, iterations: 100, seed: 'a' });
    const b = await project(fundScenario(), inlineRunner(), { years: 2, iterations: 100, seed: 'b' });
    expect(a.years[0].simulatedPayout).not.toBe(a.years[1].simulatedPayout);
    expect(a.years[0].simulatedPayout).not.toBe(b.years[0].simulatedPayout);
  });

  it('a payout far beyond every run’s means: all runs depleted from year 1, the whole backstop used, the shortfall carried', async () => {
    // income 1 × 1,000 = 1,000, no expenses; S = 100 × Poisson(100) is above 1,000 + 500 + 1,000 in
    // every run (N ≤ 25 has a probability below 1e-20)
    const s: Scenario = {
      ...fundScenario(),
      contributions: [{ payer: 'member', amount: 1 }],
      fund: { reserve: 500, backstop: 1000 },
    };
    const p = await project(s, inlineRunner(), { years: 2, iterations: 100, seed: 'deep' });
    for (const y of p.years) {
      expect(y.probDepleted).toBe(1);
      expect(y.expectedBackstopUse).toBe(1000);
    }
    // B_1 = 500 + 1,000 − S_1 + 1,000: its mean is 2,500 less the mean payout; B_2 = B_1 + 2,000 − S_2
    expect(Math.abs(p.years[0].meanBalance - (2500 - p.years[0].simulatedPayout))).toBeLessThanOrEqual(0.011);
    expect(
      Math.abs(p.years[1].meanBalance - (p.years[0].meanBalance + 2000 - p.years[1].simulatedPayout)),
    ).toBeLessThanOrEqual(0.021);
    expect(p.firstYearBackstopInsufficient).toBe(1);
    expect(p.firstYearLossRatioAboveOne).toBe(1);
  });
});

describe('members, income and the expected payout under every trend (two groups, shares, contributions by group)', () => {
  /**
   * Group a: 1,000 members, half holding 1 share and half 3 (mean 2); group b: 2,000 holding one.
   * Contributions: 10 from everyone, 5 a share from a only, 2 a share from everyone: a member of a
   * pays 10 + 5 × 2 + 2 × 2 = 24, one of b 10 + 2 = 12. Events at 0.01 paying 100; a cost of
   * exactly 1,000 at 0.02, half of it paid. Trends: members 10%, contributions 50%, rates 20%,
   * costs 30%; expenses 10%.
   */
  const grouped = (): Scenario => ({
    format: 'huzhu-scenario/2',
    name: 'grouped',
    members: {
      groups: [
        {
          id: 'a',
          count: 1000,
          holdings: [
            { shares: 1, fraction: 0.5 },
            { shares: 3, fraction: 0.5 },
          ],
        },
        { id: 'b', count: 2000 },
      ],
    },
    contributions: [
      { payer: 'member', amount: 10 },
      { payer: 'employer', amount: 5, perShare: true, groups: ['a'] },
      { payer: 'union', amount: 2, perShare: true },
    ],
    fund: { expenseRate: 0.1 },
    risks: [
      { id: 'e', kind: 'event', rate: 0.01 },
      { id: 'c', kind: 'cost', rate: 0.02, cost: { dist: 'empirical', values: [1000] } },
    ],
    benefits: [
      { id: 'l', risk: 'e', type: 'lump-sum', amount: 100 },
      { id: 'h', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 0.5 }] },
    ],
    trend: { members: 0.1, contribution: 0.5, rate: 0.2, cost: 0.3 },
  });

  it('year by year, for four years', async () => {
    const p = await project(grouped(), inlineRunner(), { years: 4, iterations: 100, seed: 'trend' });
    expect(p.years.map((y) => y.year)).toEqual([1, 2, 3, 4]);
    for (let t = 1; t <= 4; t++) {
      const ma = Math.round(1000 * 1.1 ** (t - 1));
      const mb = Math.round(2000 * 1.1 ** (t - 1));
      const members = ma + mb;
      const raw = (ma * 24 + mb * 12) * 1.5 ** (t - 1);
      const mu =
        members * 0.01 * 1.2 ** (t - 1) * 100 + members * 0.02 * 1.2 ** (t - 1) * 500 * 1.3 ** (t - 1);
      const y = p.years[t - 1];
      expect(y.members, `year ${t}`).toBe(members);
      expect(y.income, `year ${t}`).toBeCloseTo(fen(raw), 6);
      // to the fen: year 4's μ = 6,899.904 + 151,590.89088 = 158,490.79488 is reported as 158,490.79
      expect(Math.abs(y.expectedPayout - fen(mu)), `year ${t}`).toBeLessThan(1e-6);
      expect(y.expectedLossRatio, `year ${t}`).toBeCloseTo(mu / fen(raw), 9);
    }
    expect(p.years[3].expectedPayout).toBe(158490.79);
    // year 3 by hand: 1,210 + 2,420 members; (1,210 × 24 + 2,420 × 12) × 2.25 = 130,680
    expect(p.years[2].members).toBe(3630);
    expect(p.years[2].income).toBeCloseTo(130680, 6);
  });

  it('the balance carries the year’s net income: with no payout to speak of the mean balance is Σ (I − 10%)', async () => {
    // rates of 1e-9: no run pays anything (1e-5 events expected in all 100 runs of four years)
    const s = grouped();
    s.risks = [
      { id: 'e', kind: 'event', rate: 1e-9 },
      { id: 'c', kind: 'cost', rate: 1e-9, cost: { dist: 'empirical', values: [1000] } },
    ];
    s.fund = { expenseRate: 0.1, reserve: 1000 };
    const p = await project(s, inlineRunner(), { years: 3, iterations: 100, seed: 'carry' });
    let b = 1000;
    for (let t = 1; t <= 3; t++) {
      const ma = Math.round(1000 * 1.1 ** (t - 1));
      const mb = Math.round(2000 * 1.1 ** (t - 1));
      const income = fen((ma * 24 + mb * 12) * 1.5 ** (t - 1));
      b += income - fen(income * 0.1);
      const y = p.years[t - 1];
      expect(y.simulatedPayout).toBe(0);
      expect(y.payoutStandardError).toBe(0);
      expect(y.meanBalance, `year ${t}`).toBeCloseTo(b, 6);
      expect(y.balance).toEqual({ p5: y.meanBalance, p50: y.meanBalance, p95: y.meanBalance });
      expect(y.probDepleted).toBe(0);
      expect(y.expectedBackstopUse).toBe(0);
    }
    expect(p.firstYearBackstopInsufficient).toBeNull();
  });

  it('a contribution trend near −100%: year 2’s income rounds to 0 fen, the loss ratio is μ over the unrounded income', async () => {
    // one member paying 1, then 1 × (1 − 0.999) = 0.001; μ = 0.5 × 2 = 1 each year
    const s: Scenario = {
      format: 'huzhu-scenario/2',
      name: 'vanishing',
      members: { count: 1 },
      contributions: [{ payer: 'member', amount: 1 }],
      risks: [{ id: 'e', kind: 'event', rate: 0.5 }],
      benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 2 }],
      trend: { contribution: -0.999 },
    };
    const p = await project(s, inlineRunner(), { years: 2, iterations: 100, seed: 'v' });
    expect(p.years[0].expectedLossRatio).toBe(1);
    expect(p.years[1].income).toBe(0);
    expect(p.years[1].expectedLossRatio).toBeCloseTo(1 / (1 - 0.999), 6);
  });
});

describe('the first year the expected loss ratio passes 100%', () => {
  // 1,000 members paying 1; events at 0.5 paying 2: μ = 1,000 = income exactly in year 1
  const even = (rate = 0): Scenario => ({
    format: 'huzhu-scenario/2',
    name: 'even',
    members: { count: 1000 },
    contributions: [{ payer: 'member', amount: 1 }],
    risks: [{ id: 'e', kind: 'event', rate: 0.5 }],
    benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 2 }],
    trend: { rate },
  });
  it('a loss ratio of exactly 1 does not pass it: none in three years without trends', async () => {
    const p = await project(even(), inlineRunner(), { years: 3, iterations: 100, seed: 'even' });
    expect(p.years.map((y) => y.expectedLossRatio)).toEqual([1, 1, 1]);
    expect(p.firstYearLossRatioAboveOne).toBeNull();
  });
  it('rates up 50% a year: 1, then 1.5 — year 2', async () => {
    const p = await project(even(0.5), inlineRunner(), { years: 3, iterations: 100, seed: 'even' });
    expect(p.years[1].expectedLossRatio).toBeCloseTo(1.5, 12);
    expect(p.firstYearLossRatioAboveOne).toBe(2);
  });
  it('rates down 50% a year: 1, then 0.5 — none', async () => {
    const p = await project(even(-0.5), inlineRunner(), { years: 2, iterations: 100, seed: 'even' });
    expect(p.years[1].expectedLossRatio).toBeCloseTo(0.5, 12);
    expect(p.firstYearLossRatioAboveOne).toBeNull();
  });
});

describe('the first year P(depleted) passes 1 − confidence, at its edge: k of 128 runs', () => {
  // μ = 10,000, net income 10,080, no reserve, a backstop of 500: some runs of the first year
  // (S > 10,580) are depleted; 1 − confidence set to exactly k/128, then to (k − 1)/128.
  const edge = (confidence: number): Scenario => ({
    ...fundScenario(),
    fund: { backstop: 500, expenseRate: 0.04 },
    simulation: { confidence },
  });
  it('is none at exactly k/128, year 1 one run below', async () => {
    const first = await project(edge(0.5), inlineRunner(), { years: 1, iterations: 128, seed: 'edge' });
    const k = first.years[0].probDepleted * 128;
    expect(Number.isInteger(k)).toBe(true);
    expect(k).toBeGreaterThan(1);
    expect(k).toBeLessThan(64);
    const at = await project(edge(1 - k / 128), inlineRunner(), { years: 1, iterations: 128, seed: 'edge' });
    expect(at.years[0].probDepleted).toBe(k / 128);
    expect(at.firstYearBackstopInsufficient).toBeNull();
    const below = await project(edge(1 - (k - 1) / 128), inlineRunner(), {
      years: 1,
      iterations: 128,
      seed: 'edge',
    });
    expect(below.firstYearBackstopInsufficient).toBe(1);
  });
});

describe('the run’s settings, progress, cancellation and refusal', () => {
  it('years, iterations and seed come from the scenario when not given', async () => {
    const s: Scenario = { ...fundScenario(), simulation: { iterations: 200, seed: 'own', years: 2 } };
    const p = await project(s, inlineRunner());
    expect(p).toMatchObject({ iterations: 200, seed: 'own' });
    expect(p.years).toHaveLength(2);
    const { totals } = await simulate(s, inlineRunner(), { iterations: 200, seed: 'own/year-1' });
    expect(p.years[0].simulatedPayout).toBeCloseTo(fen(totals.reduce((a, x) => a + x, 0) / 200), 6);
  });
  it('and the options override the scenario’s', async () => {
    const s: Scenario = { ...fundScenario(), simulation: { iterations: 200, seed: 'own', years: 2 } };
    const p = await project(s, inlineRunner(), { years: 1, iterations: 100, seed: 'given' });
    expect(p).toMatchObject({ iterations: 100, seed: 'given' });
    expect(p.years).toHaveLength(1);
  });
  it('reports progress across all years: 600 iterations are 3 blocks of ≤ 250, so 2 years count 1…6 of 6', async () => {
    const calls: [number, number][] = [];
    await project(fundScenario(), inlineRunner(), {
      years: 2,
      iterations: 600,
      seed: 'progress',
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([1, 2, 3, 4, 5, 6].map((d) => [d, 6]));
  });
  it('stops when its signal is aborted', async () => {
    const c = new AbortController();
    c.abort();
    await expect(
      project(fundScenario(), inlineRunner(), { years: 1, iterations: 100, signal: c.signal }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
  it('refuses more than 1,000,000 iterations before running anything', async () => {
    let ran = false;
    const runner = { ...inlineRunner(), run: async () => ((ran = true), []) };
    await expect(project(fundScenario(), runner, { years: 1, iterations: 1_000_001 })).rejects.toBeInstanceOf(
      RunRefusedError,
    );
    expect(ran).toBe(false);
  });
});
