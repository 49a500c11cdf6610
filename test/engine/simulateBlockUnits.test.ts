/**
 * The Monte Carlo's claimant loop for cost risks (src/engine/simulateBlock.ts), against figures
 * derived here:
 * - exactly, where the inputs make every claimant's payment known (a point-mass cost, fixed days,
 *   caps and limits that always bind): each period's payout is then the claimants × the payment,
 *   and the claimants are read back from one column and checked against every other;
 * - statistically, where the payment varies: the mean per claimant within 4 standard errors of
 *   the closed form (Pareto II and Poisson moments written out below), with the cost table cut
 *   into 2^4 or 2^6 cells so that the exact tail (the last cell) carries a large share of the mean;
 * - the hydrated plan's day cells, the choice of claimant loop, and the blocks' independence.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { payFast } from '../../src/benefits/fast.ts';
import { planBlocks } from '../../src/engine/blocks.ts';
import { UNIT_SCALE } from '../../src/engine/expected.ts';
import { compilePlan, type PlanCostRisk } from '../../src/engine/plan.ts';
import { hydrate, simulateBlock } from '../../src/engine/simulateBlock.ts';
import {
  expectWithin,
  halves,
  oneGroup,
  moments,
  multiples,
  poissonDayMoments,
  poissonPmf,
  runScenario,
  scheme,
  sum,
} from '../helpers/loop.ts';

type Risk = Scenario['risks'][number];
type Benefit = Scenario['benefits'][number];

/** A cost of exactly 1,000 (lognormal of cv 0: a point mass) and 4 days in hospital. */
const fixedRisk = (rate: number, over: Partial<Extract<Risk, { kind: 'cost' }>> = {}): Risk => ({
  id: 'c',
  kind: 'cost',
  rate,
  cost: { dist: 'lognormal', mean: 1000, cv: 0 },
  days: { dist: 'fixed', value: 4 },
  ...over,
});
/** At a cost of 1,000: bands pay 500, steps 3 × 7 = 21; at 4 days the allowance pays 100. */
const half = (over: Partial<Benefit> = {}): Benefit =>
  ({ id: 'bands', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 0.5 }], ...over }) as Benefit;
const steps = (over: Partial<Benefit> = {}): Benefit =>
  ({ id: 'steps', risk: 'c', type: 'steps', from: 0, step: 300, perStep: 7, ...over }) as Benefit;
const daily = (over: Partial<Benefit> = {}): Benefit =>
  ({ id: 'daily', risk: 'c', type: 'daily', perDay: 25, ...over }) as Benefit;

describe('a point-mass cost and fixed days: each claimant is paid exactly 500, 21 and 100', () => {
  it('each period pays claimants × each payment, the claimants read back from the allowance', () => {
    const run = runScenario(scheme(oneGroup(1000), [fixedRisk(0.2)], [half(), steps(), daily()]), 400);
    const n = multiples(run.column(2), 100);
    expect(multiples(run.column(0), 500)).toEqual(n);
    expect(multiples(run.column(1), 21)).toEqual(n);
    expect(multiples(run.totals, 621)).toEqual(n);
    expect(run.claimants).toBe(sum(n));
  });
  it('claimants are Poisson(λ = 0.2 × 1,000 = 200) a period: mean within 4 SE, variance 200 within 30%', () => {
    const run = runScenario(scheme(oneGroup(1000), [fixedRisk(0.2)], [daily()]), 400);
    const { mean, variance } = moments(multiples(run.column(0), 100));
    expectWithin(mean, 200, Math.sqrt(200 / 400), 'claimants a period');
    expect(variance / 200).toBeGreaterThan(0.7);
    expect(variance / 200).toBeLessThan(1.3);
  });
  it('counts the claimants, each benefit’s beneficiaries (everyone is paid) and 受益人次 as the claimants', () => {
    const run = runScenario(scheme(oneGroup(1000), [fixedRisk(0.2)], [half(), steps(), daily()]), 300);
    expect(Array.from(run.counts)).toEqual(Array(5).fill(run.claimants));
    expect(run.claimants).toBeGreaterThan(0);
  });
  it('rate uncertainty: with rateCv 0.5 the claimants vary as λ + (λ·cv)² = 200 + 10,000 a period', () => {
    const run = runScenario(scheme(oneGroup(1000), [fixedRisk(0.2, { rateCv: 0.5 })], [daily()]), 1000);
    const n = multiples(run.column(0), 100);
    const { mean, variance } = moments(n);
    expectWithin(mean, 200, Math.sqrt(10200 / 1000), 'claimants a period');
    expect(variance / 10200).toBeGreaterThan(0.75);
    expect(variance / 10200).toBeLessThan(1.25);
    expect(run.counts[0]).toBe(sum(n));
  });
  it('a rate cv whose square underflows (1e-200) is Θ = 1, draw for draw the run of rate cv 0', () => {
    const fixed = runScenario(scheme(oneGroup(1000), [fixedRisk(0.2)], [daily()]), 300, 'tiny');
    const tiny = runScenario(
      scheme(oneGroup(1000), [fixedRisk(0.2, { rateCv: 1e-200 })], [daily()]),
      300,
      'tiny',
    );
    expect(tiny.totals).toEqual(fixed.totals);
    expect(Array.from(tiny.counts)).toEqual(Array.from(fixed.counts));
  });
  it('a benefit paying nothing (a rate of 0, a deductible above every cost) pays 0 and has no beneficiaries', () => {
    const run = runScenario(
      scheme(
        oneGroup(1000),
        [fixedRisk(0.2)],
        [half({ bands: [{ upTo: null, rate: 0 }] }), steps({ from: 1000 }), daily()],
      ),
      300,
    );
    expect(run.column(0).every((v) => v === 0)).toBe(true);
    expect(run.column(1).every((v) => v === 0)).toBe(true);
    // counts: claimants, bands 0, steps 0, daily all, 受益人次 all
    expect(Array.from(run.counts)).toEqual([run.claimants, 0, 0, run.claimants, run.claimants]);
  });
  it('days of 0 pay no allowance; beneficiaries and 受益人次 are claimants × P(paid) exactly', () => {
    // costs 50, 150, 250, 350: steps of 100 pay 0, 10, 20, 30 (P(paid) = ¾); 0 days pay nothing
    const risk = fixedRisk(0.3, {
      cost: { dist: 'empirical', values: [50, 150, 250, 350] },
      days: { dist: 'fixed', value: 0 },
    });
    const run = runScenario(
      scheme(oneGroup(1000), [risk], [steps({ step: 100, perStep: 10 }), daily()]),
      400,
    );
    expect(run.column(1).every((v) => v === 0)).toBe(true);
    expect(run.counts[0]).toBe(run.claimants);
    expect(run.counts[1]).toBe(0.75 * run.claimants);
    expect(run.counts[2]).toBe(0);
    expect(run.counts[3]).toBe(0.75 * run.claimants);
    // each value drawn with probability ¼: 15 a claimant, sd √125
    const paid = multiples(run.column(0), 10);
    expectWithin((sum(paid) * 10) / run.claimants, 15, Math.sqrt(125 / run.claimants), 'steps per claimant');
  });
});

describe('benefits paid per share: a claimant holding k shares is paid k × the one-share amount', () => {
  // 2,000 members at rate 0.1: 100 claimants expected with 1 share and 100 with 3
  it('bands per share, the allowance and steps per claimant: the 3-share claimants are (bands/500 − allowance/100)/2', () => {
    const run = runScenario(
      scheme(halves(2000, 3), [fixedRisk(0.1)], [half({ perShare: true }), steps(), daily()]),
      400,
    );
    const shares = multiples(run.column(0), 500);
    const n = multiples(run.column(2), 100);
    expect(multiples(run.column(1), 21)).toEqual(n);
    const three = shares.map((s, i) => (s - n[i]) / 2);
    three.forEach((t, i) => {
      expect(Number.isInteger(t) && t >= 0 && t <= n[i]).toBe(true);
    });
    expectWithin(sum(three) / 400, 100, Math.sqrt(100 / 400), '3-share claimants a period');
    expectWithin((sum(n) - sum(three)) / 400, 100, Math.sqrt(100 / 400), '1-share claimants a period');
    expect(run.claimants).toBe(sum(n));
    expect(run.counts[0]).toBe(sum(n));
  });
  it('the allowance alone per share: bands/500 counts claimants, allowance/100 counts shares', () => {
    const run = runScenario(
      scheme(halves(2000, 3), [fixedRisk(0.1)], [half(), daily({ perShare: true })]),
      300,
    );
    const n = multiples(run.column(0), 500);
    const shares = multiples(run.column(1), 100);
    const three = shares.map((s, i) => (s - n[i]) / 2);
    expect(three.every((t, i) => Number.isInteger(t) && t >= 0 && t <= n[i])).toBe(true);
    expectWithin(sum(three) / 300, 100, Math.sqrt(100 / 300), '3-share claimants a period');
  });
  it('steps per share only: steps/21 counts shares, the others claimants', () => {
    const run = runScenario(
      scheme(halves(2000, 3), [fixedRisk(0.1)], [half(), steps({ perShare: true }), daily()]),
      300,
    );
    const n = multiples(run.column(0), 500);
    expect(multiples(run.column(2), 100)).toEqual(n);
    const three = multiples(run.column(1), 21).map((s, i) => (s - n[i]) / 2);
    expect(three.every((t, i) => Number.isInteger(t) && t >= 0 && t <= n[i])).toBe(true);
    expectWithin(sum(three) / 300, 100, Math.sqrt(100 / 300), '3-share claimants a period');
  });
});

describe('limits that always bind, claimant by claimant (the general loop, a discrete cost)', () => {
  it('bands + allowance at most 450: 150 off each claimant of 621, an event risk beside it untouched', () => {
    const run = runScenario(
      scheme(
        oneGroup(1000),
        [fixedRisk(0.2), { id: 'e', kind: 'event', rate: 0.01 }],
        [half(), steps(), daily(), { id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000 }],
        [{ id: 'l', benefits: ['bands', 'daily'], cap: 450 }],
      ),
      300,
    );
    const n = multiples(run.column(2), 100);
    expect(multiples(run.column(0), 500)).toEqual(n);
    expect(multiples(run.column(1), 21)).toEqual(n);
    const events = multiples(run.column(3), 1000);
    run.totals.forEach((t, i) => expect(t).toBe(471 * n[i] + 1000 * events[i]));
    expect(sum(events)).toBeGreaterThan(0);
    // as many claimants paid as drawn
    expect(run.claimants).toBe(sum(n));
  });
  it('per share: 1-share claimants 500 + 100 − 450 = 150 off, 2-share 1,000 + 100 − 900 = 200 off', () => {
    const run = runScenario(
      scheme(
        halves(2000, 2),
        [fixedRisk(0.1)],
        [half({ perShare: true }), steps(), daily()],
        [{ id: 'l', benefits: ['daily', 'bands'], cap: 450, perShare: true }],
      ),
      300,
    );
    const n = multiples(run.column(2), 100);
    const two = multiples(run.column(0), 500).map((s, i) => s - n[i]);
    run.totals.forEach((t, i) => {
      const one = n[i] - two[i];
      expect(t).toBe(one * (621 - 150) + two[i] * (1121 - 200));
    });
    expect(sum(two)).toBeGreaterThan(0);
  });
  it('not per share: the 2-share claimants lose 1,100 − 450 = 650', () => {
    const run = runScenario(
      scheme(
        halves(2000, 2),
        [fixedRisk(0.1)],
        [half({ perShare: true }), steps(), daily()],
        [{ id: 'l', benefits: ['bands', 'daily'], cap: 450 }],
      ),
      300,
    );
    const n = multiples(run.column(2), 100);
    const two = multiples(run.column(0), 500).map((s, i) => s - n[i]);
    run.totals.forEach((t, i) => expect(t).toBe((n[i] - two[i]) * 471 + two[i] * (1121 - 650)));
  });
  it('two limits, over the bands (at most 400) and over the steps and the allowance (at most 100): 100 + 21 off', () => {
    const run = runScenario(
      scheme(
        oneGroup(1000),
        [fixedRisk(0.2)],
        [half(), steps(), daily()],
        [
          { id: 'a', benefits: ['bands'], cap: 400 },
          { id: 'b', benefits: ['steps', 'daily'], cap: 100 },
        ],
      ),
      300,
    );
    const n = multiples(run.column(2), 100);
    run.totals.forEach((t, i) => expect(t).toBe(500 * n[i]));
  });
  it('a limit over the steps alone (cost column 1) at 20: 1 off each claimant; one that never binds takes nothing', () => {
    const run = runScenario(
      scheme(
        oneGroup(1000),
        [fixedRisk(0.2)],
        [half(), steps(), daily()],
        [{ id: 'a', benefits: ['steps'], cap: 20 }],
      ),
      300,
    );
    const n = multiples(run.column(2), 100);
    run.totals.forEach((t, i) => expect(t).toBe(620 * n[i]));
    const never = runScenario(
      scheme(
        oneGroup(1000),
        [fixedRisk(0.2)],
        [half(), steps(), daily()],
        [{ id: 'a', benefits: ['steps'], cap: 21 }],
      ),
      300,
    );
    const m = multiples(never.column(2), 100);
    never.totals.forEach((t, i) => expect(t).toBe(621 * m[i]));
  });
  it('a limit over the second of two allowances (daily column 1) at 50: 100 − 50 off', () => {
    const run = runScenario(
      scheme(
        oneGroup(1000),
        [fixedRisk(0.2)],
        [half(), daily(), daily({ id: 'daily2', perDay: 25 })],
        [{ id: 'a', benefits: ['daily2'], cap: 50 }],
      ),
      300,
    );
    const n = multiples(run.column(1), 100);
    expect(multiples(run.column(2), 100)).toEqual(n);
    run.totals.forEach((t, i) => expect(t).toBe(650 * n[i]));
  });
  it('per-share factors of a limited risk: steps per share and the second allowance per share, 2 shares', () => {
    // one share: 500 + 21 + 100 + 100; two: 500 + 42 + 100 + 200; limit over steps + daily2 at 100 per share
    const run = runScenario(
      scheme(
        halves(2000, 2),
        [fixedRisk(0.1)],
        [half(), steps({ perShare: true }), daily(), daily({ id: 'daily2', perShare: true })],
        [{ id: 'a', benefits: ['steps', 'daily2'], cap: 100, perShare: true }],
      ),
      300,
    );
    const n = multiples(run.column(0), 500);
    expect(multiples(run.column(2), 100)).toEqual(n);
    const two = multiples(run.column(3), 100).map((s, i) => s - n[i]);
    expect(multiples(run.column(1), 21)).toEqual(n.map((m, i) => m + two[i]));
    run.totals.forEach((t, i) => expect(t).toBe((n[i] - two[i]) * 700 + two[i] * 800));
    expect(sum(two)).toBeGreaterThan(0);
  });
  it('… and with the bands per share instead of the steps: each benefit keeps its own factor', () => {
    // one share: 500 + 21 + 100 + 100 = 721, 21 off; two: 1,000 + 21 + 100 + 200 = 1,321, 21 off
    const run = runScenario(
      scheme(
        halves(2000, 2),
        [fixedRisk(0.1)],
        [half({ perShare: true }), steps(), daily(), daily({ id: 'daily2', perShare: true })],
        [{ id: 'a', benefits: ['steps', 'daily2'], cap: 100, perShare: true }],
      ),
      300,
    );
    const n = multiples(run.column(2), 100);
    expect(multiples(run.column(1), 21)).toEqual(n);
    const two = multiples(run.column(0), 500).map((s, i) => s - n[i]);
    expect(multiples(run.column(3), 100)).toEqual(n.map((m, i) => m + two[i]));
    run.totals.forEach((t, i) => expect(t).toBe((n[i] - two[i]) * 700 + two[i] * 1300));
    expect(sum(two)).toBeGreaterThan(0);
  });
  it('empirical costs 50, 150, 250, 350 under a limit, each drawn with probability ¼: bands, steps and the limit by hand', () => {
    // bands 25, 75, 125, 175 (mean 100); steps 0, 10, 20, 30 (mean 15); with 100 for 4 days, bands +
    // allowance over 150 loses 0, 25, 75, 125 (mean 56.25)
    const risk = fixedRisk(0.3, { cost: { dist: 'empirical', values: [50, 150, 250, 350] } });
    const run = runScenario(
      scheme(
        oneGroup(1000),
        [risk],
        [half(), steps({ step: 100, perStep: 10 }), daily()],
        [{ id: 'l', benefits: ['bands', 'daily'], cap: 150 }],
      ),
      400,
    );
    const N = sum(multiples(run.column(2), 100));
    const each = (vals: number[]) => ({
      m1: sum(vals) / 4,
      m2: sum(vals.map((v) => v * v)) / 4,
    });
    const check = (total: number, vals: number[], what: string) => {
      const m = each(vals);
      expectWithin(total / N, m.m1, Math.sqrt((m.m2 - m.m1 ** 2) / N), what);
    };
    check(sum(run.column(0)), [25, 75, 125, 175], 'bands');
    check(sum(run.column(1)), [0, 10, 20, 30], 'steps');
    check(sum(run.byBenefit) - sum(run.totals), [0, 25, 75, 125], 'the limit');
  });
});

// Pareto II costs, P(X > x) = (σ/(x + σ))^α with σ = 4,000 and α = 5 (mean 1,000):
// E[(X − c)⁺] = (c + σ)/(α − 1)·(σ/(c + σ))^α and E[((X − c)⁺)²] = 2σ^α(c + σ)^(2−α)/((α − 1)(α − 2)).
const SIGMA = 4000;
const ALPHA = 5;
const over = (c: number) => ((c + SIGMA) / (ALPHA - 1)) * (SIGMA / (c + SIGMA)) ** ALPHA;
const over2 = (c: number) => (2 * SIGMA ** ALPHA * (c + SIGMA) ** (2 - ALPHA)) / ((ALPHA - 1) * (ALPHA - 2));
/** Mean and second moment of min((X − c)⁺, L). */
const layer = (c: number, L: number) =>
  L === Infinity
    ? { m1: over(c), m2: over2(c) }
    : { m1: over(c) - over(c + L), m2: over2(c) - over2(c + L) - 2 * L * over(c + L) };
const pareto: Scenario['risks'][number] = {
  id: 'c',
  kind: 'cost',
  rate: 1,
  cost: { dist: 'pareto', scale: SIGMA, shape: ALPHA },
};
const all = (id = 'all', over: Partial<Benefit> = {}): Benefit =>
  half({ id, bands: [{ upTo: null, rate: 1 }], ...over });

/** Per claimant: the mean of a column over the claimants, within 4 SE of m1 (sd from m2). */
function perClaimant(values: number, claimants: number, m: { m1: number; m2: number }, what: string) {
  expectWithin(values / claimants, m.m1, Math.sqrt((m.m2 - m.m1 ** 2) / claimants), what);
}

describe('continuous costs from the sampling table and its exact tail (2^4 cells: the last one, 1/16, drawn exactly)', () => {
  it('one benefit: X itself, 1,000 a claimant', () => {
    const run = runScenario(scheme(oneGroup(50000), [pareto], [all()]), 20, 'one', 4);
    perClaimant(sum(run.totals), run.claimants, layer(0, Infinity), 'X');
    expect(run.claimants).toBe(run.counts[0]);
  });
  it('two benefits from the same draw: X, and half of X above 500 up to 2,000 (at most 1,000)', () => {
    const run = runScenario(
      scheme(oneGroup(50000), [pareto], [all(), half({ deductible: 500, cap: 1000 })]),
      20,
      'two',
      4,
    );
    perClaimant(sum(run.column(0)), run.claimants, layer(0, Infinity), 'X');
    const l = layer(500, 2000);
    perClaimant(sum(run.column(1)), run.claimants, { m1: l.m1 / 2, m2: l.m2 / 4 }, 'the layer');
  });
  it('the same with 2^6 cells (the tail 1/64)', () => {
    const run = runScenario(
      scheme(oneGroup(50000), [pareto], [all(), half({ deductible: 500, cap: 1000 })]),
      20,
      'six',
      6,
    );
    perClaimant(sum(run.column(0)), run.claimants, layer(0, Infinity), 'X');
    const l = layer(500, 2000);
    perClaimant(sum(run.column(1)), run.claimants, { m1: l.m1 / 2, m2: l.m2 / 4 }, 'the layer');
  });
  it('every cell paying exactly 100 (and 50): the payout is 100 (and 50) × the claimants, one benefit or two', () => {
    // a gamma cost of mean 10^6 and cv 0.01 is above 100 in every cell and in the tail (its 1/16
    // quantile is some 1.5% below the mean): bands of 100% capped at 100 (and at 50) pay exactly that
    const big: Risk = { id: 'c', kind: 'cost', rate: 0.2, cost: { dist: 'gamma', mean: 1e6, cv: 0.01 } };
    const one = runScenario(scheme(oneGroup(1000), [big], [all('all', { cap: 100 })]), 200, 'one', 4);
    expect(one.claimants).toBe(sum(multiples(one.totals, 100)));
    expect(one.claimants).toBeGreaterThan(0);
    const two = runScenario(
      scheme(oneGroup(1000), [big], [all('all', { cap: 100 }), all('fifty', { cap: 50 })]),
      200,
      'two',
      4,
    );
    const n = multiples(two.column(0), 100);
    expect(multiples(two.column(1), 50)).toEqual(n);
    expect(two.claimants).toBe(sum(n));
  });
  it('per share, 2 shares for half the claimants: X per share is 1.5 × 1,000 a claimant, the allowance per claimant', () => {
    const risk = { ...pareto, days: { dist: 'fixed', value: 2 } } as Risk;
    const run = runScenario(
      scheme(halves(100000, 2), [risk], [all('all', { perShare: true }), daily()]),
      20,
      'share',
      4,
    );
    const n = multiples(run.column(1), 50);
    const x = layer(0, Infinity);
    // a claimant pays X or 2X with probability ½ each: mean 1.5·E[X], second moment 2.5·E[X²]
    perClaimant(sum(run.column(0)), sum(n), { m1: 1.5 * x.m1, m2: 2.5 * x.m2 }, 'per share');
  });
});

describe('limits over continuous costs, claimant by claimant (the general loop)', () => {
  it('two benefits and a limit over X at 2,000: X, the layer, and E[(X − 2,000)⁺] taken off', () => {
    const run = runScenario(
      scheme(
        oneGroup(50000),
        [pareto],
        [all(), half({ deductible: 500, cap: 1000 })],
        [{ id: 'l', benefits: ['all'], cap: 2000 }],
      ),
      20,
      'limited',
      4,
    );
    perClaimant(sum(run.column(0)), run.claimants, layer(0, Infinity), 'X');
    const l = layer(500, 2000);
    perClaimant(sum(run.column(1)), run.claimants, { m1: l.m1 / 2, m2: l.m2 / 4 }, 'the layer');
    const reduction = sum(run.column(0)) + sum(run.column(1)) - sum(run.totals);
    perClaimant(reduction, run.claimants, layer(2000, Infinity), 'the limit');
  });
  it('per share: half the claimants hold 2 shares, X and the cap per share: 1.5 × E[(X − 2,000)⁺] off', () => {
    const run = runScenario(
      scheme(
        halves(100000, 2),
        [pareto],
        [all('all', { perShare: true }), steps({ step: 1e6 })],
        [{ id: 'l', benefits: ['all'], cap: 2000, perShare: true }],
      ),
      20,
      'limited share',
      4,
    );
    const x = layer(0, Infinity);
    perClaimant(sum(run.column(0)), run.claimants, { m1: 1.5 * x.m1, m2: 2.5 * x.m2 }, 'per share');
    const o = layer(2000, Infinity);
    const reduction = sum(run.byBenefit) - sum(run.totals);
    perClaimant(reduction, run.claimants, { m1: 1.5 * o.m1, m2: 2.5 * o.m2 }, 'the limit');
  });
  it('Poisson days of mean 2 drawn by inversion: 100 a day, at most 3 days, E = 100·E[min(D, 3)]', () => {
    const risk = { ...pareto, days: { dist: 'poisson', mean: 2 } } as Risk;
    const run = runScenario(
      scheme(
        oneGroup(100000),
        [risk],
        [all(), steps({ step: 1e6 }), daily({ perDay: 100, maxDays: 3 })],
        [{ id: 'l', benefits: ['all'], cap: 1e7 }],
      ),
      20,
      'days',
      4,
    );
    const { m1, m2 } = poissonDayMoments(2, 100, 3);
    perClaimant(sum(run.column(2)), run.claimants, { m1, m2 }, 'allowance');
    perClaimant(sum(run.column(0)), run.claimants, layer(0, Infinity), 'X');
  });
});

describe('the one-limit loop: one tabulated benefit and one allowance under one limit', () => {
  // a gamma cost of mean 10^6 and cv 0.01 is above 100 in every cell: bands of 100% capped at 100
  // pay exactly 100 from every cell of the table
  const hundred = (): Risk => ({
    id: 'c',
    kind: 'cost',
    rate: 0.2,
    cost: { dist: 'gamma', mean: 1e6, cv: 0.01 },
    days: { dist: 'fixed', value: 3 },
  });
  const capped = (over: Partial<Benefit> = {}) => all('all', { cap: 100, ...over });
  it('bands paying 100, 3 days at 50, at most 200: 50 off each claimant', () => {
    const run = runScenario(
      scheme(
        oneGroup(1000),
        [hundred()],
        [capped(), daily({ perDay: 50 })],
        [{ id: 'l', benefits: ['all', 'daily'], cap: 200 }],
      ),
      300,
      'one limit',
      4,
    );
    const n = multiples(run.column(0), 100);
    expect(multiples(run.column(1), 150)).toEqual(n);
    expect(multiples(run.totals, 200)).toEqual(n);
    expect(run.claimants).toBe(sum(n));
  });
  it('per share, 2 shares: the bands per share (200), the cap per share (400): nothing off; 1 share: 50 off', () => {
    const run = runScenario(
      scheme(
        halves(2000, 2),
        [hundred()],
        [capped({ perShare: true }), daily({ perDay: 50 })],
        [{ id: 'l', benefits: ['all', 'daily'], cap: 200, perShare: true }],
      ),
      300,
      'one limit',
      4,
    );
    const n = multiples(run.column(1), 150);
    const two = multiples(run.column(0), 100).map((s, i) => s - n[i]);
    run.totals.forEach((t, i) => expect(t).toBe((n[i] - two[i]) * 200 + two[i] * 350));
    expect(sum(two)).toBeGreaterThan(0);
  });
  it('the allowance per share and a cap not per share: 2 shares are paid 100 + 300, 200 off', () => {
    const run = runScenario(
      scheme(
        halves(2000, 2),
        [hundred()],
        [capped(), daily({ perDay: 50, perShare: true })],
        [{ id: 'l', benefits: ['all', 'daily'], cap: 200 }],
      ),
      300,
      'one limit',
      4,
    );
    const n = multiples(run.column(0), 100);
    const two = multiples(run.column(1), 150).map((s, i) => s - n[i]);
    run.totals.forEach((t, i) => expect(t).toBe((n[i] - two[i]) * 200 + two[i] * 200));
    expect(sum(two)).toBeGreaterThan(0);
  });
  it('Pareto costs and Poisson days (cells straddling two day counts): X, 100 a day and E[(X + 100D − 3,000)⁺]', () => {
    const risk = { ...pareto, days: { dist: 'poisson', mean: 2 } } as Risk;
    const run = runScenario(
      scheme(
        oneGroup(200000),
        [risk],
        [all(), daily({ perDay: 100 })],
        [{ id: 'l', benefits: ['all', 'daily'], cap: 3000 }],
      ),
      10,
      'one limit',
      4,
    );
    perClaimant(sum(run.column(0)), run.claimants, layer(0, Infinity), 'X');
    perClaimant(sum(run.column(1)), run.claimants, { m1: 200, m2: 100 ** 2 * (2 + 4) }, 'allowance');
    let m1 = 0,
      m2 = 0;
    for (let d = 0; d < 40; d++) {
      const c = 3000 - 100 * d;
      const p = poissonPmf(d, 2);
      const o =
        c >= 0 ? layer(c, Infinity) : { m1: 1000 - c, m2: layer(0, Infinity).m2 - 2 * c * 1000 + c * c };
      m1 += p * o.m1;
      m2 += p * o.m2;
    }
    const reduction = sum(run.column(0)) + sum(run.column(1)) - sum(run.totals);
    perClaimant(reduction, run.claimants, { m1, m2 }, 'the limit');
  });
  it('a longest stay of 3 days: 100·E[min(D, 3)], the cells past 3 days paid whole', () => {
    const risk = { ...pareto, days: { dist: 'poisson', mean: 2 } } as Risk;
    const run = runScenario(
      scheme(
        oneGroup(200000),
        [risk],
        [all(), daily({ perDay: 100, maxDays: 3 })],
        [{ id: 'l', benefits: ['all', 'daily'], cap: 1e7 }],
      ),
      10,
      'max days',
      6,
    );
    const { m1, m2 } = poissonDayMoments(2, 100, 3);
    perClaimant(sum(run.column(1)), run.claimants, { m1, m2 }, 'allowance');
    expect(sum(run.totals)).toBe(sum(run.byBenefit));
  });
  it('Poisson days of mean 9 at 30 a day, at most 12: the cells straddling two day counts placed exactly (10^7 claimants)', () => {
    // 30·E[min(D, 12)] with sd about 80: the standard error over 10^7 claimants is 0.025; paying
    // each straddling cell (about a dozen of the 1,024) as its first or its last day count would
    // move the mean by some 0.15 or more
    const risk = { ...hundred(), rate: 1, days: { dist: 'poisson', mean: 9 } } as Risk;
    const run = runScenario(
      scheme(
        oneGroup(1_000_000),
        [risk],
        [capped(), daily({ perDay: 30, maxDays: 12 })],
        [{ id: 'l', benefits: ['all', 'daily'], cap: 1e9 }],
      ),
      10,
      'straddle',
      4,
    );
    const { m1, m2 } = poissonDayMoments(9, 30, 12);
    expect(run.claimants).toBeGreaterThan(9.9e6);
    expect(sum(multiples(run.column(0), 100))).toBe(run.claimants);
    perClaimant(sum(run.column(1)), run.claimants, { m1, m2 }, 'allowance');
  });
});

describe('days drawn by inversion through the guide table (10^7 claimants)', () => {
  // 10^7 claimants paid 30 a day for Poisson(9) days, at most 12, under the given limits
  const allowanceRun = (limits: NonNullable<Scenario['limits']>, seed: string) =>
    runScenario(
      scheme(
        oneGroup(1_000_000),
        [
          {
            id: 'c',
            kind: 'cost',
            rate: 1,
            cost: { dist: 'lognormal', mean: 1, cv: 0 },
            days: { dist: 'poisson', mean: 9 },
          },
        ],
        [daily({ perDay: 30, maxDays: 12 })],
        limits,
      ),
      10,
      seed,
    );
  /** The mean allowance a claimant within 4 SE of 30·E[min(D, 12)]. */
  const expectAllowance = (run: ReturnType<typeof runScenario>) => {
    const { m1, m2 } = poissonDayMoments(9, 30, 12);
    expect(run.claimants).toBeGreaterThan(9.9e6);
    expectWithin(sum(run.totals) / run.claimants, m1, Math.sqrt((m2 - m1 * m1) / run.claimants), 'allowance');
  };
  it('an allowance alone, Poisson days of mean 9 at 30 a day, at most 12: 30·E[min(D, 12)]', () => {
    // 1,024 guide cells; about a dozen hold a step of P(D ≤ d), where the search past the guide's
    // entry places D: stopping at the entry would move the mean by some 0.15 (6 standard errors)
    expectAllowance(allowanceRun([], 'guide'));
  });
  it('the same allowance under a limit that never binds (the general loop, no cost-driven benefit): 30·E[min(D, 12)]', () => {
    // the limited loop draws days by the same guide table and its own search; with no cost-driven
    // benefit it draws no cost at all
    const run = allowanceRun([{ id: 'l', benefits: ['daily'], cap: 1e9 }], 'guide, limited');
    expect(sum(run.totals)).toBe(sum(run.byBenefit));
    expectAllowance(run);
  });
});

describe('the hydrated plan', () => {
  const withDays = (values: number[], maxDays?: number) =>
    hydrate(
      compilePlan(
        resolveScheme(
          scheme(
            oneGroup(1000),
            [
              { ...pareto, days: { dist: 'empirical', values } } as Risk,
              { id: 'e', kind: 'event', rate: 0.1 },
            ],
            [
              all(),
              daily({ perDay: 10, ...(maxDays ? { maxDays } : {}) }),
              { id: 'l', risk: 'e', type: 'lump-sum', amount: 1 },
            ],
          ),
        ),
        UNIT_SCALE,
        4,
      ),
    );
  it('day cells of 1, 2, 2 days: cells 0–340 are 1 day, 342–1,023 are 2, cell 341 (⅓ = 341.3/1,024) straddles both', () => {
    const h = withDays([1, 2, 2]);
    const cells = h.dayCells[0]!;
    expect(cells).toHaveLength(1024);
    for (let c = 0; c < 1024; c++) expect(cells[c], `cell ${c}`).toBe(c < 341 ? 1 : c === 341 ? -2 : 2);
    const pays = h.dayPays[0]!;
    for (let c = 0; c < 1024; c++) expect(pays[c], `cell ${c}`).toBe(c < 341 ? 10 : c === 341 ? -1 : 20);
    expect(h.dayCells[1]).toBeNull();
    expect(h.dayPays[1]).toBeNull();
  });
  it('a longest stay of 1 day: the straddling cell pays 10 at both ends, so 10 throughout', () => {
    const pays = withDays([1, 2, 2], 1).dayPays[0]!;
    expect(pays.every((p) => p === 10)).toBe(true);
  });
  it('days 0 and 3, half each: cells below 512 are 0 days, from 512 on 3 days (½ is a cell edge: none straddles)', () => {
    const h = withDays([0, 3]);
    const cells = h.dayCells[0]!;
    for (let c = 0; c < 1024; c++) expect(cells[c]).toBe(c < 512 ? 0 : 3);
    expect(h.dayPays[0]![0]).toBe(0);
    expect(h.dayPays[0]![1023]).toBe(30);
  });
  it('days 1, 5, 5, 5, 5, 5 (⅙ = 170.7/1,024): the straddling cell 170 starts at 1 day and reaches 5', () => {
    const h = withDays([1, 5, 5, 5, 5, 5]);
    const cells = h.dayCells[0]!;
    expect(cells[169]).toBe(1);
    expect(cells[170]).toBe(-2);
    expect(cells[171]).toBe(5);
    expect(h.dayPays[0]![170]).toBe(-1);
  });
  it('tails for a tabulated cost: its upper quantile and each benefit’s exact payment; none for an event risk', () => {
    const h = withDays([1]);
    const tail = h.tails[0]!;
    // Q(1 − q) = σ(q^(−1/α) − 1): at q = 1/32, 4,000·(2 − 1) = 4,000
    expect(tail.quantileUpper(1 / 32)).toBeCloseTo(4000, 8);
    expect(tail.pays).toHaveLength(1);
    expect(tail.pays[0](1234.5)).toBe(1234.5);
    expect(h.tails[1]).toBeNull();
    expect(h.limitDraws).toEqual([null, null]);
    expect(h.scratch).toHaveLength(3);
    expect(h.factors).toHaveLength(3);
  });
  it('no tail for a discrete cost', () => {
    const h = hydrate(compilePlan(resolveScheme(scheme(oneGroup(10), [fixedRisk(0.1)], [half(), daily()]))));
    expect(h.tails).toEqual([null]);
    expect(payFast(half())(1000)).toBe(500);
  });
  it('chooses the one-limit loop for one tabulated benefit and one allowance under one limit, else the general one', () => {
    const plan = (risk: Risk, benefits: Benefit[], limits: NonNullable<Scenario['limits']>) =>
      hydrate(compilePlan(resolveScheme(scheme(oneGroup(10), [risk], benefits, limits)), UNIT_SCALE, 4))
        .limitDraws[0];
    const risk = { ...pareto, days: { dist: 'fixed', value: 2 } } as Risk;
    const both = [{ id: 'l', benefits: ['all', 'daily'], cap: 10 }];
    const one = plan(risk, [all(), daily()], both);
    expect(one).not.toBeNull();
    expect(plan(risk, [daily(), all()], both)).toBe(one);
    const general = plan(risk, [all(), daily()], [{ id: 'l', benefits: ['all'], cap: 10 }]);
    expect(general).not.toBeNull();
    expect(general).not.toBe(one);
    expect(plan(risk, [all(), steps(), daily()], both)).toBe(general);
    expect(plan(risk, [all(), daily(), daily({ id: 'd2' })], both)).toBe(general);
    // a second limit, or a table of 22 bits (22 + 10 day bits leave none for the place in the cell)
    const twice = compilePlan(
      resolveScheme(scheme(oneGroup(10), [risk], [all(), daily()], both)),
      UNIT_SCALE,
      4,
    );
    (twice.risks[0] as PlanCostRisk).limits.push({ cost: [], daily: [], cap: 5, perShare: false });
    expect(hydrate(twice).limitDraws[0]).toBe(general);
    const wide = compilePlan(
      resolveScheme(scheme(oneGroup(10), [risk], [all(), daily()], both)),
      UNIT_SCALE,
      4,
    );
    const table = ((wide.risks[0] as PlanCostRisk).cost as { table: { bits: number } }).table;
    table.bits = 22;
    expect(hydrate(wide).limitDraws[0]).toBe(general);
    table.bits = 21;
    expect(hydrate(wide).limitDraws[0]).toBe(one);
    expect(
      plan(fixedRisk(0.1), [half(), daily()], [{ id: 'l', benefits: ['bands', 'daily'], cap: 10 }]),
    ).toBe(general);
    expect(plan(risk, [all(), daily()], [{ id: 'l', benefits: ['daily'], cap: 10 }])).toBe(general);
    expect(plan(risk, [all(), daily()], [])).toBeNull();
  });
});

describe('blocks', () => {
  const mixed = () =>
    scheme(
      halves(4000, 2),
      [
        { ...pareto, rate: 0.05, rateCv: 0.3, days: { dist: 'poisson', mean: 3 } } as Risk,
        { id: 'e', kind: 'event', rate: 0.05, rateCv: 0.2 },
      ],
      [
        all('all', { perShare: true }),
        daily(),
        { id: 'l1', risk: 'e', type: 'lump-sum', amount: 100, cap: 150 },
        { id: 'l2', risk: 'e', type: 'lump-sum', amount: 30 },
      ],
      [{ id: 'l', benefits: ['all', 'daily'], cap: 2000 }],
    );
  it('a block depends only on its stream: alone, after another block, or at another start, the same figures', () => {
    const plan = compilePlan(resolveScheme(mixed()), UNIT_SCALE, 6);
    const h = hydrate(plan);
    const [b0, b1] = planBlocks(500);
    simulateBlock(h, 'blocks', b0);
    const after = simulateBlock(h, 'blocks', b1);
    const alone = simulateBlock(hydrate(plan), 'blocks', b1);
    expect(after).toEqual(alone);
    const moved = simulateBlock(h, 'blocks', { stream: 1, start: 0, count: 250 });
    expect(moved.start).toBe(0);
    expect(moved.totals).toEqual(alone.totals);
    expect(moved.counts).toEqual(alone.counts);
    const other = simulateBlock(h, 'blocks', { stream: 2, start: 250, count: 250 });
    expect(other.totals).not.toEqual(alone.totals);
    const seed = simulateBlock(h, 'other seed', b1);
    expect(seed.totals).not.toEqual(alone.totals);
  });
  it('each period’s total is the sum of its benefits less what the limit takes', () => {
    const run = runScenario(mixed(), 250, 'totals', 6);
    for (let i = 0; i < 250; i++) {
      const row = Array.from(run.byBenefit.subarray(4 * i, 4 * i + 4));
      expect(run.totals[i]).toBeLessThanOrEqual(sum(row) + 1e-9);
    }
    expect(sum(run.totals)).toBeLessThan(sum(run.byBenefit));
  });
});
