import { beforeEach, describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { fundOf, flagsOf, incomeOf, verdictOf } from '../../src/engine/fund.ts';
import { summarise } from '../../src/engine/simulate.ts';

const v = (mu: number, over: Partial<Parameters<typeof flagsOf>[0]> = {}) => ({
  mu,
  income: 1200,
  expenses: 200,
  reserve: 50,
  backstop: 100,
  confidence: 0.95,
  probBeyondBackstop: 0,
  ...over,
});

/** One scheme with round figures: 1,000 members paying 0.7 + 0.4, expenses 10%, reserve 10, backstop 20. */
const roundScheme = (over: Partial<Scenario> = {}): Scenario => ({
  format: 'huzhu-scenario/1',
  name: 'round',
  members: { count: 1000 },
  contributions: [
    { payer: 'member', amount: 0.7 },
    { payer: 'employer', amount: 0.4 },
  ],
  fund: { reserve: 10, backstop: 20, expenseRate: 0.1 },
  risks: [{ id: 'r', kind: 'event', rate: 0.1 }],
  benefits: [{ id: 'b', risk: 'r', type: 'lump-sum', amount: 1 }],
  ...over,
});

// I − E = 1200 − 200 = 1000; I − E + reserve + backstop = 1000 + 50 + 100 = 1150.
describe('the verdict', () => {
  it.each([
    { mu: 999, verdict: 'breaks-even', rule: 'μ ≤ I − E' },
    { mu: 1000, verdict: 'breaks-even', rule: 'μ ≤ I − E, including equality' },
    { mu: 1000.01, verdict: 'deficit-within-backstop', rule: 'I − E < μ ≤ I − E + reserve + backstop' },
    {
      mu: 1150,
      verdict: 'deficit-within-backstop',
      rule: 'μ ≤ I − E + reserve + backstop, including equality',
    },
    { mu: 1150.01, verdict: 'deficit-beyond-backstop', rule: 'μ > I − E + reserve + backstop' },
  ])('is $verdict when $rule (μ = $mu)', ({ mu, verdict }) => {
    expect(verdictOf(v(mu))).toBe(verdict);
  });
});

describe('the flags', () => {
  it('large-surplus when μ < 0.8·(I − E), not at exactly 0.8', () => {
    expect(flagsOf(v(799)).map((f) => f.code)).toEqual(['large-surplus']);
    expect(flagsOf(v(800)).map((f) => f.code)).toEqual([]);
  });
  it('backstop-at-risk when P(S > I − E + reserve + backstop) > 1 − confidence', () => {
    expect(flagsOf(v(900, { probBeyondBackstop: 0.06 })).map((f) => f.code)).toEqual(['backstop-at-risk']);
    expect(flagsOf(v(900, { probBeyondBackstop: 0.05 })).map((f) => f.code)).toEqual([]);
  });
  it('carry their figures, not words: μ/(I − E) = 500/1000, and P(S > threshold) with its limit 1 − confidence', () => {
    expect(flagsOf(v(500))).toEqual([{ code: 'large-surplus', params: { ratio: 0.5 } }]);
    const [risk] = flagsOf(v(900, { probBeyondBackstop: 0.06 }));
    expect(risk.code).toBe('backstop-at-risk');
    expect(risk.params).toEqual({ prob: 0.06, limit: expect.closeTo(0.05, 12) });
  });
});

describe('the fund', () => {
  it('nets expenses from income and adds reserve and backstop: I − E = 990, threshold 990 + 10 + 20 = 1,020', () => {
    const scenario = roundScheme();
    expect(fundOf(scenario)).toEqual({
      income: 1100,
      expenses: 110,
      reserve: 10,
      backstop: 20,
      net: 990,
      threshold: 1020,
    });
    expect(verdictOf({ mu: 1020, ...fundOf(scenario) })).toBe('deficit-within-backstop');
    expect(verdictOf({ mu: 1020.01, ...fundOf(scenario) })).toBe('deficit-beyond-backstop');
  });
});

describe('the report figures from a known sample', () => {
  const s = resolveScheme(roundScheme({ simulation: { confidence: 0.9 } }));
  // totals 1, 2, …, 1000 (in a shuffled order): type-7 quantiles are 1 + 999p
  const totals = Float64Array.from({ length: 1000 }, (_, i) => ((i * 617) % 1000) + 1);
  // built for each test, not while the tests are collected, so that a mutation run sees it
  let report: ReturnType<typeof summarise>;
  beforeEach(() => {
    report = summarise(s, { payout: 900, benefits: [{ id: 'b', expected: 900 }] }, totals, totals, {
      iterations: 1000,
      seed: 'x',
      method: 'mc',
    });
  });
  it('income is count × Σ contributions exactly (0.7 + 0.4 = 1.1, not 1.1000000000000001)', () => {
    expect(incomeOf(s)).toEqual({ income: 1100, expenses: 110 });
    expect(report.income).toBe(1100);
  });
  it('quantiles are type 7: p50 = 500.5, p99 = 990.01, p99.5 = 995.005 → 995.01 (to the fen)', () => {
    expect(report.simulated.quantiles.p50).toBe(500.5);
    expect(report.simulated.quantiles.p99).toBe(990.01);
    expect(report.simulated.quantiles.p995).toBe(995.01);
  });
  it('mean, sd and standard error of 1..1000: 500.5, √(1000·1001/12) = 288.82, 9.13', () => {
    expect(report.simulated.mean).toBe(500.5);
    expect(report.simulated.sd).toBe(288.82);
    expect(report.simulated.standardError).toBe(9.13);
  });
  it('P(S > I − E = 990) = 10/1000 and P(S > 990 + 10 + 20) = 0 (no total exceeds 1,000)', () => {
    expect(report.simulated.probDeficit).toBe(0.01);
    expect(report.simulated.probBeyondBackstop).toBe(0);
  });
  it('break-even contribution μ/(count·(1 − e)) = 900/900 = 1.00; at 90% confidence (900.1 − 30)/900 = 0.97', () => {
    expect(report.breakEvenContribution).toBe(1);
    expect(report.contributionAtConfidence).toBe(0.97);
  });
  it('expected loss ratio μ/I = 900/1100 and the verdict breaks-even (900 ≤ 990)', () => {
    expect(report.expected.lossRatio).toBeCloseTo(900 / 1100, 12);
    expect(report.verdict).toBe('breaks-even');
  });
});
