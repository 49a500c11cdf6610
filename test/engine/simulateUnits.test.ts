/**
 * src/engine/simulate.ts on hand-made inputs: `fen`, `assemble` (block results in any order),
 * `summarise` (a sample of ten totals, a full set of exact expectations and counts, every report
 * field worked by hand), `simulate` through a runner that returns chosen block results (what it
 * asks the runner for, the refusal before any work, the warnings), and `simulateExact` on a
 * scheme whose payout is 100 × Poisson(2), every quantile and probability read off the Poisson
 * distribution by hand.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { planBlocks } from '../../src/engine/blocks.ts';
import type { Expected } from '../../src/engine/expected.ts';
import { ExactRefusedError } from '../../src/engine/fft/exactAccuracy.ts';
import { compilePlan } from '../../src/engine/plan.ts';
import type { Block } from '../../src/engine/blocks.ts';
import type { Runner, RunOptions } from '../../src/engine/runner.ts';
import { CancelledError } from '../../src/engine/runner.ts';
import { assemble, fen, simulate, simulateExact, summarise } from '../../src/engine/simulate.ts';
import type { BlockResult } from '../../src/engine/simulateBlock.ts';
import { RunRefusedError } from '../../src/engine/workBudget.ts';

describe('fen', () => {
  it('rounds to the fen, halves away from zero upward (Math.round): 0.125 → 0.13, −0.125 → −0.12', () => {
    expect(fen(0.125)).toBe(0.13);
    expect(fen(-0.125)).toBe(-0.12);
    expect(fen(1.006)).toBe(1.01);
    expect(fen(1.004)).toBe(1);
    expect(fen(1234.5)).toBe(1234.5);
  });
});

const block = (start: number, totals: number[], byBenefit: number[], counts: number[]): BlockResult => ({
  start,
  count: totals.length,
  totals: Float64Array.from(totals),
  byBenefit: Float64Array.from(byBenefit),
  claimants: 0,
  counts: Float64Array.from(counts),
});

describe('assemble', () => {
  it('puts each block at its start, whatever order they come in, and adds the counts', () => {
    const results = [
      block(3, [30, 40], [3, 0.3, 4, 0.4], [1, 2, 3]),
      block(0, [0, 10, 20], [0, 0, 1, 0.1, 2, 0.2], [10, 20, 30]),
      block(5, [50], [5, 0.5], [100, 200, 300]),
    ];
    const before = results.map((r) => r.start);
    const a = assemble(results, 6, 2);
    expect(Array.from(a.totals)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(Array.from(a.byBenefit)).toEqual([0, 0, 1, 0.1, 2, 0.2, 3, 0.3, 4, 0.4, 5, 0.5]);
    expect(Array.from(a.counts)).toEqual([111, 222, 333]);
    expect(results.map((r) => r.start)).toEqual(before);
  });
  it('adds the counts in iteration order, whatever order the blocks arrive in: 1 + 1e-16 + 1e-16 is 1, not 1 + 2e-16', () => {
    const results = [block(250, [0], [0], [1e-16]), block(500, [0], [0], [1e-16]), block(0, [0], [0], [1])];
    expect(1e-16 + 1e-16 + 1).toBe(1 + 2 ** -52);
    expect(assemble(results, 501, 1).counts[0]).toBe(1);
    expect(assemble(results.slice().reverse(), 501, 1).counts[0]).toBe(1);
  });
  it('a block without counts adds none', () => {
    const r = block(1, [2], [2], []);
    delete (r as Partial<BlockResult>).counts;
    const a = assemble([block(0, [1], [1], [5, 6]), r], 2, 1);
    expect(Array.from(a.counts)).toEqual([5, 6]);
    expect(Array.from(a.totals)).toEqual([1, 2]);
  });
  it('no results: empty totals and no counts; results without counts: no counts', () => {
    const a = assemble([], 0, 2);
    expect(a.totals).toHaveLength(0);
    expect(a.counts).toHaveLength(0);
    const r = block(0, [1, 2], [1, 2], []);
    delete (r as Partial<BlockResult>).counts;
    const b = assemble([r], 2, 1);
    expect(Array.from(b.totals)).toEqual([1, 2]);
    expect(b.counts).toHaveLength(0);
  });
});

/**
 * Three groups: g1 of 500 paying 1 (member) + 0.25 (union), g2 of 300 paying 0.25, g3 of 100
 * paying nothing. Income 500 + 200 = 700, expenses 10% = 70, I − E = 630; reserve 50 and backstop
 * 100: the threshold is 780. Members net of expenses: 900 × 0.9 = 810. Confidence 0.9.
 */
const three = (): Scenario => ({
  format: 'huzhu-scenario/2',
  name: 'three groups',
  members: {
    groups: [
      { id: 'g1', count: 500 },
      { id: 'g2', count: 300 },
      { id: 'g3', count: 100 },
    ],
  },
  contributions: [
    { payer: 'member', amount: 1, groups: ['g1'] },
    { payer: 'union', amount: 0.25, groups: ['g1', 'g2'] },
  ],
  fund: { reserve: 50, backstop: 100, expenseRate: 0.1 },
  risks: [
    { id: 'c', kind: 'cost', rate: 0.01, cost: { dist: 'lognormal', mean: 100, cv: 0 } },
    { id: 'e', kind: 'event', rate: 0.01 },
  ],
  benefits: [
    { id: 'b1', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 1 }] },
    { id: 'b2', risk: 'e', type: 'lump-sum', amount: 10 },
  ],
  limits: [{ id: 'l', benefits: ['b1'], cap: 50 }],
  simulation: { confidence: 0.9, iterations: 500, seed: 'three' },
});

/** Exact expectations made up for the test, so that every report figure is traceable to one of them. */
const made = (): Expected => ({
  payout: 405,
  benefits: [
    { id: 'b1', expected: 300.004 },
    { id: 'b2', expected: 105.5 },
  ],
  claimants: [
    { id: 'c', expected: 2.5 },
    { id: 'e', expected: 4.5 },
  ],
  beneficiaries: [
    { id: 'b1', expected: 1.5 },
    { id: 'b2', expected: 3.5 },
  ],
  beneficiaryTimes: 5,
  groups: [
    { id: 'g1', payout: 300 },
    { id: 'g2', payout: 105 },
    { id: 'g3', payout: 0 },
  ],
  limits: [{ id: 'l', reduction: 12.3456 }],
});

// totals 0, 100, …, 900 in a shuffled order; benefit 1 is ¾ of each, benefit 2 ¼
const TOTALS = [300, 0, 700, 900, 100, 500, 200, 800, 400, 600];
const BY = TOTALS.flatMap((t) => [0.75 * t, 0.25 * t]);
const RUN = { iterations: 10, seed: 'hand', method: 'mc' as const };

describe('summarise: a report from ten totals, worked by hand', () => {
  const report = (counts?: number[], expected: Parameters<typeof summarise>[1] = made()) =>
    summarise(
      resolveScheme(three()),
      expected,
      Float64Array.from(TOTALS),
      Float64Array.from(BY),
      RUN,
      counts && Float64Array.from(counts),
    );
  it('the run, the scheme’s name, income 700 and expenses 70', () => {
    const r = report();
    expect(r.format).toBe('huzhu-report/1');
    expect(r.name).toBe('three groups');
    expect([r.iterations, r.seed, r.method]).toEqual([10, 'hand', 'mc']);
    expect([r.income, r.expenses]).toEqual([700, 70]);
    expect(r.exact).toBeUndefined();
  });
  it('mean 450, sd √(825,000/9) = 302.77, standard error 302.765/√10 = 95.74', () => {
    const s = report().simulated;
    expect(s.mean).toBe(450);
    expect(s.sd).toBe(302.77);
    expect(s.standardError).toBe(95.74);
  });
  it('type-7 quantiles of 0, 100, …, 900: 100·9p, i.e. 450, 675, 810, 855, 891, 895.5', () => {
    expect(report().simulated.quantiles).toEqual({
      p50: 450,
      p75: 675,
      p90: 810,
      p95: 855,
      p99: 891,
      p995: 895.5,
    });
  });
  it('P(S > I − E = 630) = 3/10, P(S > 780) = 2/10', () => {
    const s = report().simulated;
    expect(s.probDeficit).toBe(0.3);
    expect(s.probBeyondBackstop).toBe(0.2);
  });
  it('each benefit’s simulated mean from its own column: 337.5 and 112.5; expected to the fen', () => {
    expect(report().benefits).toEqual([
      { id: 'b1', expected: 300, simulated: 337.5 },
      { id: 'b2', expected: 105.5, simulated: 112.5 },
    ]);
  });
  it('the expected figures: μ = 405, μ/I, the given counts, average benefit 405/5 = 81', () => {
    expect(report().expected).toEqual({
      payout: 405,
      lossRatio: 405 / 700,
      claimants: [
        { id: 'c', count: 2.5 },
        { id: 'e', count: 4.5 },
      ],
      beneficiaries: [
        { id: 'b1', count: 1.5 },
        { id: 'b2', count: 3.5 },
      ],
      beneficiaryTimes: 5,
      averageBenefit: 81,
    });
  });
  it('the simulated counts are the run’s sums over 10 periods; average benefit 450/6 = 75', () => {
    const s = report([30, 50, 20, 40, 60]).simulated;
    expect(s.claimants).toEqual([
      { id: 'c', count: 3 },
      { id: 'e', count: 5 },
    ]);
    expect(s.beneficiaries).toEqual([
      { id: 'b1', count: 2 },
      { id: 'b2', count: 4 },
    ]);
    expect(s.beneficiaryTimes).toBe(6);
    expect(s.averageBenefit).toBe(75);
  });
  it('no one paid in the run: no average benefit', () => {
    const s = report([30, 50, 0, 0, 0]).simulated;
    expect(s.beneficiaryTimes).toBe(0);
    expect(s.averageBenefit).toBeNull();
  });
  it('without the run’s counts the simulated counts are the expected ones, averaged over the sample mean: 450/5 = 90', () => {
    const s = report().simulated;
    expect(s.claimants).toEqual([
      { id: 'c', count: 2.5 },
      { id: 'e', count: 4.5 },
    ]);
    expect(s.beneficiaryTimes).toBe(5);
    expect(s.averageBenefit).toBe(90);
  });
  it('no expected beneficiary: no expected average benefit', () => {
    const r = report(undefined, { ...made(), beneficiaryTimes: 0 });
    expect(r.expected.averageBenefit).toBeNull();
  });
  it('groups: members, income (625, 75, 0), the payout to the fen and its loss ratio; none without income', () => {
    expect(report().groups).toEqual([
      { id: 'g1', members: 500, income: 625, expectedPayout: 300, lossRatio: 300 / 625 },
      { id: 'g2', members: 300, income: 75, expectedPayout: 105, lossRatio: 105 / 75 },
      { id: 'g3', members: 100, income: 0, expectedPayout: 0, lossRatio: null },
    ]);
  });
  it('limits: the expected reduction to the fen, 12.35', () => {
    expect(report().limits).toEqual([{ id: 'l', expectedReduction: 12.35 }]);
  });
  it('break-even μ/810 = 0.5; at confidence (810 − 150)/810 = 0.81', () => {
    const r = report();
    expect(r.breakEvenContribution).toBe(0.5);
    expect(r.contributionAtConfidence).toBe(0.81);
  });
  it('a reserve above the confidence quantile: the contribution at confidence is 0, not negative', () => {
    const s = resolveScheme(three());
    s.fund.reserve = 10000;
    const r = summarise(s, made(), Float64Array.from(TOTALS), Float64Array.from(BY), RUN);
    expect(r.contributionAtConfidence).toBe(0);
  });
  it('verdict breaks-even (405 ≤ 630), flags: P(beyond) 0.2 > 0.1, and 405 < 0.8 × 630', () => {
    const r = report();
    expect(r.verdict).toBe('breaks-even');
    expect(r.flags.map((f) => f.code)).toEqual(['backstop-at-risk', 'large-surplus']);
    expect(r.flags[1].params).toEqual({ ratio: 405 / 630 });
  });
  it('given only the payout and the benefits, the counts, groups and limits are the scheme’s own expectations', () => {
    const r = report(undefined, { payout: 405, benefits: made().benefits });
    // 500 + 300 + 100 members at 0.01: 9 claimants and 9 events expected, the lump sum pays all 9
    expect(r.expected.payout).toBe(405);
    expect(r.expected.claimants.map((c) => c.id)).toEqual(['c', 'e']);
    expect(r.expected.claimants[0].count).toBeCloseTo(9, 12);
    expect(r.expected.claimants[1].count).toBeCloseTo(9, 12);
    expect(r.groups.map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
    // a cost of 100 under a limit of 50: 50 off each of 9 claimants
    expect(r.limits).toEqual([{ id: 'l', expectedReduction: 450 }]);
  });
});

/** A runner that records what it was asked and returns chosen results: iteration i of block b totals i. */
function recordingRunner(nb: number) {
  const calls: { seed: string; blocks: Block[]; options?: RunOptions; benefits: number }[] = [];
  const runner: Runner = {
    async run(plan, seed, blocks, options) {
      calls.push({ seed, blocks, options, benefits: plan.benefitIds.length });
      return blocks
        .map((b) => {
          const totals = Array.from({ length: b.count }, (_, i) => b.start + i);
          const by = totals.flatMap((t) => Array.from({ length: nb }, (_, j) => (j === 0 ? t : 0)));
          return block(b.start, totals, by, [b.count, 0, 0, 0, b.count]);
        })
        .reverse();
    },
    close() {},
  };
  return { runner, calls };
}

describe('simulate, through a runner that returns chosen results', () => {
  it('runs the compiled plan in blocks of 250 with the given seed and options, and reports the results in iteration order', async () => {
    const { runner, calls } = recordingRunner(2);
    const onProgress = () => {};
    const options = { iterations: 600, seed: 'given', onProgress };
    const sim = await simulate(three(), runner, options);
    expect(calls).toHaveLength(1);
    expect(calls[0].seed).toBe('given');
    expect(calls[0].blocks).toEqual(planBlocks(600));
    expect(calls[0].options).toBe(options);
    expect(calls[0].benefits).toBe(2);
    expect(Array.from(sim.totals)).toEqual(Array.from({ length: 600 }, (_, i) => i));
    expect(sim.byBenefit[2 * 599]).toBe(599);
    expect(sim.byBenefit[2 * 599 + 1]).toBe(0);
    expect(Array.from(sim.counts)).toEqual([600, 0, 0, 0, 600]);
    const r = sim.report;
    expect([r.iterations, r.seed, r.method]).toEqual([600, 'given', 'mc']);
    expect(r.simulated.mean).toBe(299.5);
    expect(r.simulated.claimants[0].count).toBe(1);
    expect(r.benefits.map((b) => b.simulated)).toEqual([299.5, 0]);
  });
  it('takes iterations and seed from the scenario when not given', async () => {
    const { runner, calls } = recordingRunner(2);
    const sim = await simulate(three(), runner);
    expect(calls[0].seed).toBe('three');
    expect(calls[0].blocks).toEqual(planBlocks(500));
    expect(sim.report.iterations).toBe(500);
    expect(sim.report.seed).toBe('three');
  });
  it('reports the exact expectation of the compiled scheme: 9 claimants at min(100, 50) and 9 events at 10', async () => {
    const { runner } = recordingRunner(2);
    const { report } = await simulate(three(), runner, { iterations: 100 });
    expect(report.expected.payout).toBeCloseTo(9 * 50 + 9 * 10, 9);
    expect(report.benefits.map((b) => b.expected)).toEqual([900, 90]);
  });
  it('adds the Monte Carlo warnings after the verdict’s flags: a mean of 299.5 against μ = 540 is off', async () => {
    const { runner } = recordingRunner(2);
    const { report } = await simulate(three(), runner, { iterations: 600 });
    const codes = report.flags.map((f) => f.code);
    expect(codes).toContain('mc-mean-off');
    expect(codes).toContain('few-claims');
    expect(codes.indexOf('mc-mean-off')).toBeGreaterThan(codes.indexOf('large-surplus'));
  });
  it('refuses before anything runs when the work is over the limit', async () => {
    const { runner, calls } = recordingRunner(2);
    await expect(simulate(three(), runner, { iterations: 600, workLimit: 1 })).rejects.toThrow(
      RunRefusedError,
    );
    expect(calls).toHaveLength(0);
    await expect(simulate(three(), runner, { iterations: 600, workLimit: Infinity })).resolves.toBeDefined();
    expect(calls).toHaveLength(1);
  });
  it('a cancelled run rejects with the runner’s CancelledError, named and worded', async () => {
    const runner: Runner = {
      run: () => Promise.reject(new CancelledError()),
      close() {},
    };
    const e = await simulate(three(), runner, { iterations: 100 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CancelledError);
    expect((e as Error).name).toBe('CancelledError');
    expect((e as Error).message).toBe('the simulation was cancelled');
  });
  it('the plan the runner receives is the scheme compiled', async () => {
    let received: unknown;
    const runner: Runner = {
      async run(plan, _seed, blocks) {
        received = plan;
        return blocks.map((b) =>
          block(b.start, Array(b.count).fill(0), Array(2 * b.count).fill(0), [0, 0, 0, 0, 0]),
        );
      },
      close() {},
    };
    await simulate(three(), runner, { iterations: 100 });
    expect(received).toEqual(compilePlan(resolveScheme(three())));
  });
});

/** The refusal simulateExact throws on a coarse grid of 64 points (failing the test if it does not refuse). */
function exactRefusal(s: Scenario, gridSize = 64): ExactRefusedError['refusal'] {
  try {
    simulateExact(s, { gridSize });
  } catch (x) {
    expect(x).toBeInstanceOf(ExactRefusedError);
    return (x as ExactRefusedError).refusal;
  }
  throw new Error('simulateExact did not refuse the coarse grid');
}

describe('simulateExact: 100 × Poisson(2) (1,000 members, events at 0.002, a lump sum of 100)', () => {
  // Poisson(2): P(K ≤ k) = 0.1353, 0.4060, 0.6767, 0.8571, 0.9473, 0.9834, 0.9955 for k = 0…6
  const poisson = (): Scenario => ({
    format: 'huzhu-scenario/1',
    name: 'poisson',
    members: { count: 1000 },
    contributions: [{ payer: 'member', amount: 0.3 }],
    fund: { reserve: 100 },
    risks: [{ id: 'e', kind: 'event', rate: 0.002 }],
    benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 100 }],
  });
  const cdf = (k: number) => {
    let p = Math.exp(-2),
      c = 0;
    for (let i = 0; i <= k; i++) {
      c += p;
      p *= 2 / (i + 1);
    }
    return c;
  };
  it('nothing sampled: iterations 0, seed empty, method fft, standard error 0, each benefit’s mean its expectation', () => {
    const { report } = simulateExact(poisson());
    expect([report.iterations, report.seed, report.method]).toEqual([0, '', 'fft']);
    expect(report.simulated.standardError).toBe(0);
    expect(report.simulated.mean).toBe(200);
    expect(report.simulated.sd).toBe(141.42);
    expect(report.benefits).toEqual([{ id: 'l', expected: 200, simulated: 200 }]);
  });
  it('quantiles are the Poisson’s, × 100: 200, 300, 400, 500, 600, 600', () => {
    expect(simulateExact(poisson()).report.simulated.quantiles).toEqual({
      p50: 200,
      p75: 300,
      p90: 400,
      p95: 500,
      p99: 600,
      p995: 600,
    });
  });
  it('P(S > 300) = 1 − P(K ≤ 3), P(S > 300 + 100) = 1 − P(K ≤ 4); at 95% confidence (500 − 100)/1,000 = 0.4', () => {
    const { report } = simulateExact(poisson());
    expect(report.simulated.probDeficit).toBeCloseTo(1 - cdf(3), 12);
    expect(report.simulated.probBeyondBackstop).toBeCloseTo(1 - cdf(4), 12);
    expect(report.contributionAtConfidence).toBe(0.4);
    expect(report.breakEvenContribution).toBe(0.2);
  });
  it('the counts are the expected ones: 2 events, 1,000·(1 − e^−0.002) members paid', () => {
    const { report } = simulateExact(poisson());
    expect(report.simulated.claimants).toEqual([{ id: 'e', count: 2 }]);
    expect(report.simulated.beneficiaryTimes).toBeCloseTo(1000 * -Math.expm1(-0.002), 12);
    expect(report.simulated.averageBenefit).toBe(100.1);
  });
  it('the grid: a span of 100, every payment on it, so no discretisation error and no estimate of one', () => {
    const { report, aggregate } = simulateExact(poisson());
    expect(report.exact?.h).toBe(100);
    expect(report.exact?.gridSize).toBe(aggregate.gridSize);
    expect(report.exact?.aliasedMass).toBe(aggregate.aliasedMass);
    expect(report.exact?.neglectedMass).toBe(0);
    expect(report.exact?.discretisationError).toEqual({
      quantiles: { p50: 0, p75: 0, p90: 0, p95: 0, p99: 0, p995: 0 },
      estimated: null,
    });
  });
  it('a continuous cost: the error bounds and their estimate to the fen, for every quantile', () => {
    const s = poisson();
    s.risks = [{ id: 'c', kind: 'cost', rate: 0.01, cost: { dist: 'lognormal', mean: 1000, cv: 1 } }];
    s.benefits = [{ id: 'b', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 0.5 }] }];
    const { report, aggregate } = simulateExact(s);
    const d = report.exact!.discretisationError;
    const keys = ['p50', 'p75', 'p90', 'p95', 'p99', 'p995'];
    expect(Object.keys(d.quantiles)).toEqual(keys);
    expect(Object.keys(d.estimated!)).toEqual(keys);
    const { quantiles, estimated } = aggregate.discretisationError;
    for (const k of keys as (keyof typeof quantiles)[]) {
      expect(d.quantiles[k]).toBe(Math.round(quantiles[k] * 100) / 100);
      expect(d.estimated![k]).toBe(Math.round(estimated![k] * 100) / 100);
    }
    expect(report.simulated.mean).toBe(Math.round(aggregate.mean * 100) / 100);
    expect(report.expected.payout).toBe(Math.round(aggregate.expected * 100) / 100);
  });
  it('checks the accuracy of P(S > I − E) at I − E: income 10,000 on a coarse grid is refused there, naming the deficit', () => {
    const s = poisson();
    s.contributions = [{ payer: 'member', amount: 10 }];
    s.risks = [{ id: 'c', kind: 'cost', rate: 0.01, cost: { dist: 'lognormal', mean: 1000, cv: 2 } }];
    s.benefits = [{ id: 'b', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 1 }] }];
    const refusal = exactRefusal(s);
    expect(refusal.code).toBe('coarse-probability');
    expect(refusal.params).toMatchObject({ which: 'deficit', at: 10000 });
  });
  it('… and of P(S > I − E + reserve + backstop) at that threshold: 250 + 751 = 1,001 is refused there, naming the backstop', () => {
    // 20 members: lump sums of 1,000 on events at 0.05, and exponential claims at 0.02 capped at
    // 500. On 1,024 points P(S > x) moves between h and 2h by some 1e-2 just above the atom S = 1,000
    // (error ≈ 3e-3 against 1e-4), and by some 1e-6 at 250, between the atoms 0 and 500.
    const s: Scenario = {
      ...poisson(),
      members: { count: 20 },
      contributions: [{ payer: 'member', amount: 12.5 }],
      fund: { reserve: 751 },
      risks: [
        { id: 'e', kind: 'event', rate: 0.05 },
        { id: 'c', kind: 'cost', rate: 0.02, cost: { dist: 'gamma', mean: 1000, cv: 1 } },
      ],
      benefits: [
        { id: 'l', risk: 'e', type: 'lump-sum', amount: 1000 },
        { id: 'b', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 1 }], cap: 500 },
      ],
    };
    const refusal = exactRefusal(s, 1024);
    expect(refusal.code).toBe('coarse-probability');
    expect(refusal.params).toMatchObject({ which: 'beyond-backstop', at: 1001 });
  });
  it('… and of every reported quantile: with income far above every payout the median is the first refused', () => {
    const s = poisson();
    s.contributions = [{ payer: 'member', amount: 1000 }];
    s.risks = [{ id: 'c', kind: 'cost', rate: 0.01, cost: { dist: 'lognormal', mean: 1000, cv: 2 } }];
    s.benefits = [{ id: 'b', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 1 }] }];
    const refusal = exactRefusal(s);
    expect(refusal).toMatchObject({
      code: 'coarse-quantile',
      params: { level: 0.5 },
    });
  });
  it('… the confidence level’s quantile too: at confidence 0.9999 the coarse grid is refused there, at 0.95 it is not', () => {
    const at = (confidence: number) => {
      const s = poisson();
      s.members = { count: 1000 };
      s.contributions = [{ payer: 'member', amount: 1e6 }];
      s.risks = [{ id: 'c', kind: 'cost', rate: 0.1, cost: { dist: 'gamma', mean: 1000, cv: 1 } }];
      s.benefits = [{ id: 'b', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 1 }] }];
      s.simulation = { confidence };
      return s;
    };
    expect(() => simulateExact(at(0.95), { gridSize: 64 })).not.toThrow();
    const refusal = exactRefusal(at(0.9999));
    expect(refusal).toMatchObject({
      code: 'coarse-quantile',
      params: { level: 0.9999 },
    });
  });
  it('refuses before computing a set-up that is too much work: uncapped steps of a fen under a Pareto tail', () => {
    const s = poisson();
    s.risks = [{ id: 'r', kind: 'cost', rate: 0.04, cost: { dist: 'pareto', scale: 4000, shape: 1.01 } }];
    s.benefits = [{ id: 'b', risk: 'r', type: 'steps', from: 0, step: 0.01, perStep: 0.01 }];
    expect(() => simulateExact(s)).toThrow(RunRefusedError);
  });
});
