/**
 * Every threshold of the engine tested on both sides, with figures at which `>` and `>=` (or
 * `<` and `<=`) give different answers: exactly representable values (integers, powers of two)
 * at the threshold itself, and the neighbouring double (test/helpers/nextUp.ts) or the next fen
 * on the other side. Each expected side is the one the written rule gives (docs/scenario-format.md,
 * "Results and the verdict"; the table of src/engine/warnings.ts; docs/cli.md for `project`).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Report } from '../../src/domain/report.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { flagsOf, fundOf, fundStep, verdictOf } from '../../src/engine/fund.ts';
import { simulateExact, summarise } from '../../src/engine/simulate.ts';
import { monteCarloWarnings } from '../../src/engine/warnings.ts';
import { nextDown, nextUp } from '../helpers/nextUp.ts';

/**
 * A fund with exact figures: I = 1024 × 1 = 1024, E = 0.25 × 1024 = 256, I − E = 768, reserve 128,
 * backstop 64, so I − E + reserve + backstop = 960.
 */
const fundScenario: Scenario = {
  format: 'huzhu-scenario/1',
  name: 'exact fund',
  members: { count: 1024 },
  contributions: [{ payer: 'member', amount: 1 }],
  fund: { reserve: 128, backstop: 64, expenseRate: 0.25 },
  risks: [{ id: 'r', kind: 'event', rate: 0.5 }],
  benefits: [{ id: 'b', risk: 'r', type: 'lump-sum', amount: 1.5 }],
};

describe('the verdict at its two edges, I − E = 768 and I − E + reserve + backstop = 960', () => {
  let fund: ReturnType<typeof fundOf>;
  beforeEach(() => {
    fund = fundOf(fundScenario);
  });
  const at = (mu: number) => verdictOf({ mu, ...fund });

  it('the fund is I = 1024, E = 256, I − E = 768, threshold 960, all exact', () => {
    expect(fund).toEqual({
      income: 1024,
      expenses: 256,
      reserve: 128,
      backstop: 64,
      net: 768,
      threshold: 960,
    });
  });
  it('μ = I − E exactly breaks even (μ ≤ I − E); one double more is a deficit within the backstop', () => {
    expect(at(nextDown(768))).toBe('breaks-even');
    expect(at(768)).toBe('breaks-even');
    expect(at(nextUp(768))).toBe('deficit-within-backstop');
  });
  it('μ = I − E + reserve + backstop exactly is still covered; one double more is beyond the backstop', () => {
    expect(at(nextDown(960))).toBe('deficit-within-backstop');
    expect(at(960)).toBe('deficit-within-backstop');
    expect(at(nextUp(960))).toBe('deficit-beyond-backstop');
  });
  it('with no reserve and no backstop the two edges meet: μ = I − E breaks even, one double more is beyond', () => {
    const bare = { ...fund, reserve: 0, backstop: 0 };
    expect(verdictOf({ mu: 768, ...bare })).toBe('breaks-even');
    expect(verdictOf({ mu: nextUp(768), ...bare })).toBe('deficit-beyond-backstop');
  });
});

describe('the verdict of whole scenarios whose exact μ lands on an edge', () => {
  // μ = members × rate × amount = 1024 × 0.5 × 1.5 = 768 (a lump sum without a cap).
  const withFund = (contribution: number, fund: Scenario['fund']): Scenario => ({
    ...fundScenario,
    contributions: [{ payer: 'member', amount: contribution }],
    fund,
  });
  it('μ = 1024 × 0.5 × 1.5 = 768 exactly', () => {
    expect(expectedPayout(resolveScheme(fundScenario)).payout).toBe(768);
  });
  it('income 768 (0.75 a member) against μ = 768 breaks even; at 0.74 a member (10.24 short) a backstop of 10.24 covers it, 10.23 does not', () => {
    expect(simulateExact(withFund(0.75, {})).report.verdict).toBe('breaks-even');
    expect(simulateExact(withFund(0.74, { backstop: 10.24 })).report.verdict).toBe('deficit-within-backstop');
    expect(simulateExact(withFund(0.74, { backstop: 10.23 })).report.verdict).toBe('deficit-beyond-backstop');
  });
  it('a reserve counts like the backstop: I = 512, reserve 128 + backstop 128 cover μ = 768 exactly', () => {
    expect(simulateExact(withFund(0.5, { reserve: 128, backstop: 128 })).report.verdict).toBe(
      'deficit-within-backstop',
    );
    expect(simulateExact(withFund(0.5, { reserve: 127.99, backstop: 128 })).report.verdict).toBe(
      'deficit-beyond-backstop',
    );
  });
  it('expenses count against income: at expenseRate 0.25, I = 1024 nets 768 = μ and breaks even', () => {
    expect(simulateExact(withFund(1, { expenseRate: 0.25 })).report.verdict).toBe('breaks-even');
    expect(simulateExact(withFund(1, { expenseRate: 0.26 })).report.verdict).toBe('deficit-beyond-backstop');
  });
});

describe('the flags at their thresholds', () => {
  const v = (mu: number, over: Partial<Parameters<typeof flagsOf>[0]> = {}) => ({
    mu,
    income: 1280,
    expenses: 0,
    reserve: 0,
    backstop: 0,
    confidence: 0.75,
    probBeyondBackstop: 0,
    ...over,
  });
  const codes = (x: ReturnType<typeof v>) => flagsOf(x).map((f) => f.code);

  it('large-surplus when μ < 0.8 × (I − E): not at μ = 0.8 × 1280 = 1024 exactly, but one double below', () => {
    expect(codes(v(1024))).toEqual([]);
    expect(codes(v(nextDown(1024)))).toEqual(['large-surplus']);
  });
  it('backstop-at-risk when P(beyond) > 1 − confidence: not at exactly 1 − 0.75 = 0.25, but one double above', () => {
    expect(codes(v(1280, { probBeyondBackstop: 0.25 }))).toEqual([]);
    expect(codes(v(1280, { probBeyondBackstop: nextUp(0.25) }))).toEqual(['backstop-at-risk']);
  });
});

describe('P(S > x) counts only the periods strictly above x', () => {
  // I − E = 2 × 1 = 2, threshold 2 + reserve 1 = 3; totals 1, 2, 3, 4.
  const scenario = resolveScheme({
    ...fundScenario,
    members: { count: 2 },
    contributions: [{ payer: 'member', amount: 1 }],
    fund: { reserve: 1 },
    simulation: { confidence: 0.75 },
  });
  const totals = Float64Array.from([3, 1, 4, 2]);
  // built as the tests run, not while they are collected (a mutation run sees only the former)
  let report: Report;
  beforeEach(() => {
    report = summarise(scenario, { payout: 1, benefits: [{ id: 'b', expected: 1 }] }, totals, totals, {
      iterations: 4,
      seed: 'x',
      method: 'mc',
    });
  });
  it('P(S > I − E = 2) = 2/4: the period paying exactly 2 is not a deficit', () => {
    expect(report.simulated.probDeficit).toBe(0.5);
  });
  it('P(S > 3) = 1/4 = 1 − confidence exactly: the backstop-at-risk flag stays off', () => {
    expect(report.simulated.probBeyondBackstop).toBe(0.25);
    expect(report.flags.map((f) => f.code)).not.toContain('backstop-at-risk');
  });
});

describe('the backstop in a projection year: depleted only when balance + net − payout + backstop < 0', () => {
  it('a shortfall of exactly the backstop is covered: balance 0, not depleted', () => {
    expect(fundStep(0, 256, 512, 256)).toEqual({ balance: 0, backstopUse: 256, depleted: false });
  });
  it('one double more is not covered: depleted, the shortfall carried forward', () => {
    const step = fundStep(0, 256, nextUp(512), 256);
    expect(step.depleted).toBe(true);
    expect(step.backstopUse).toBe(256);
    expect(step.balance).toBeLessThan(0);
  });
});

describe('the Monte Carlo warnings at their thresholds (src/engine/warnings.ts)', () => {
  const base: Scenario = {
    format: 'huzhu-scenario/1',
    name: 'warnings',
    members: { count: 1000 },
    contributions: [{ payer: 'member', amount: 1 }],
    risks: [{ id: 'r', kind: 'event', rate: 0.5 }],
    benefits: [{ id: 'b', risk: 'r', type: 'lump-sum', amount: 1 }],
  };
  const report = (over: { mean?: number; standardError?: number; expected?: number; iterations?: number }) =>
    ({
      method: 'mc',
      iterations: over.iterations ?? 10_000,
      expected: { payout: over.expected ?? over.mean ?? 100, lossRatio: 0 },
      simulated: { mean: over.mean ?? 100, standardError: over.standardError ?? 0 },
    }) as unknown as Report;
  const codes = (r: Report, s: Scenario = base) => monteCarloWarnings(r, s).map((w) => w.code);

  it('mc-standard-error-large when the standard error is more than 1% of the mean: not at 1 of 100, but one double above', () => {
    expect(codes(report({ mean: 100, standardError: 1 }))).toEqual([]);
    expect(codes(report({ mean: 100, standardError: nextUp(1) }))).toEqual(['mc-standard-error-large']);
  });
  it('mc-standard-error-large when the mean is 0 while μ is not (0.01), not when both are 0', () => {
    expect(codes(report({ mean: 0, expected: 0 }))).toEqual([]);
    expect(codes(report({ mean: 0, expected: 0.01 }))).toContain('mc-standard-error-large');
  });
  it('mc-mean-off when |mean − μ| is more than 4 standard errors + one fen: not at 4 × 0.25 + 0.01 = 1.01, but one double above', () => {
    // μ = 0, so the slack is exactly one fen; 1 + 0.01 is the double 1.01.
    const off = (mean: number) => codes(report({ mean, expected: 0, standardError: 0.25 }));
    expect(off(1.01)).not.toContain('mc-mean-off');
    expect(off(nextUp(1.01))).toContain('mc-mean-off');
  });
  it('heavy-tail by iterations when fewer than 10 periods lie above p99.5: not at 2,000 (exactly 10), but at 1,999', () => {
    expect(codes(report({ iterations: 2000 }))).toEqual([]);
    expect(codes(report({ iterations: 1999 }))).toEqual(['heavy-tail']);
  });
  it('heavy-tail for an uncapped benefit when the Pareto shape is at most 2: at exactly 2, not one double above', () => {
    const pareto = (shape: number): Scenario => ({
      ...base,
      risks: [{ id: 'r', kind: 'cost', rate: 0.5, cost: { dist: 'pareto', scale: 1000, shape } }],
      benefits: [{ id: 'b', risk: 'r', type: 'bands', bands: [{ upTo: null, rate: 0.5 }] }],
    });
    expect(codes(report({}), pareto(2))).toEqual(['heavy-tail']);
    expect(codes(report({}), pareto(nextUp(2)))).toEqual([]);
  });
  it('few-claims when fewer than 30 claims are expected: not at 60 × 0.5 = 30, but at 59 × 0.5 = 29.5', () => {
    const members = (count: number): Scenario => ({ ...base, members: { count } });
    expect(codes(report({}), members(60))).toEqual([]);
    expect(codes(report({}), members(59))).toEqual(['few-claims']);
  });
});
