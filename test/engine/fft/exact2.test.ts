/**
 * The exact distribution of format `/2` schemes: member groups with their own rates, risks that
 * expose some groups, holdings of one and two shares with per-share benefits and contributions,
 * waiting amounts and limits (per share and not), on cost and event risks. Checked two ways,
 * neither of them the FFT against itself:
 *
 * - its mean against the exact expectation (expected.ts, expectedLimit.ts: closed forms and finite
 *   sums, no distribution), to 1e-6 relative;
 * - its distribution against the Monte Carlo engine (simulateBlock.ts draws the same model claimant
 *   by claimant and member by member): the means within 4 standard errors, and each quantile
 *   p50–p99.5 bracketed by the Monte Carlo (type-7) quantiles at p ± 2.5·√(p(1−p)/n), a
 *   distribution-free binomial interval for an order statistic (as fftMonteCarlo.test.ts does for
 *   every bundled file, at 4).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveScheme } from '../../../src/domain/defaults.ts';
import { QUANTILE_LEVELS } from '../../../src/domain/report.ts';
import type { Scenario } from '../../../src/domain/scenario.ts';
import { expectedPayout } from '../../../src/engine/expected.ts';
import { limitedPieces } from '../../../src/engine/fft/buildComponents.ts';
import { exactAggregate } from '../../../src/engine/fft/exactAggregate.ts';
import { quantileAt } from '../../../src/engine/fft/latticeDistribution.ts';
import { simulate, simulateExact } from '../../../src/engine/simulate.ts';
import { validateScenario } from '../../../src/io/validate.ts';
import { nodeThreadsRunner } from '../../../src/runners/nodeThreads.ts';
import { quantileSorted } from '../../../src/stats/quantile.ts';
import { readScenarioFile } from '../../helpers/scenarios.ts';
import { bandsPiecewise, piecewiseAt, stepsPiecewise } from '../../../src/benefits/piecewise.ts';
import { payFast } from '../../../src/benefits/fast.ts';
import type { BandsBenefit, StepsBenefit } from '../../../src/domain/scenario.ts';

const runner = nodeThreadsRunner(2);
afterAll(() => runner.close());

/**
 * Two groups (in-service holding one or two shares, retirees one) on an inpatient risk whose
 * per-share co-payment and daily allowance are limited together per share, and a critical-illness
 * lump sum per share for in-service members only, paying 1,000 in the waiting period.
 */
const SHARES_AND_LIMIT: Scenario = {
  format: 'huzhu-scenario/2',
  name: 'shares, a waiting amount and a limit per share',
  members: {
    groups: [
      {
        id: 'in-service',
        count: 3000,
        femaleShare: 0.5,
        newShare: 0.2,
        holdings: [
          { shares: 1, fraction: 0.6 },
          { shares: 2, fraction: 0.4 },
        ],
      },
      { id: 'retired', count: 1000, femaleShare: 0.5, newShare: 0.05 },
    ],
  },
  contributions: [
    { payer: 'member', amount: 60, perShare: true, groups: ['in-service'] },
    { payer: 'member', amount: 150, groups: ['retired'] },
  ],
  risks: [
    {
      id: 'inpatient',
      kind: 'cost',
      rate: { 'in-service': 0.05, retired: 0.12 },
      rateCv: 0.15,
      cost: { dist: 'lognormal', mean: 3000, cv: 1.5 },
      days: { dist: 'negative-binomial', mean: 8, cv: 0.8 },
    },
    { id: 'critical', kind: 'event', groups: ['in-service'], rate: 0.01, rateCv: 0.2 },
  ],
  benefits: [
    {
      id: 'self-pay',
      risk: 'inpatient',
      type: 'bands',
      perShare: true,
      deductible: 500,
      bands: [
        { upTo: 5000, rate: 0.5 },
        { upTo: null, rate: 0.7 },
      ],
      cap: 20000,
    },
    { id: 'allowance', risk: 'inpatient', type: 'daily', perDay: 40, maxDays: 20 },
    {
      id: 'critical',
      risk: 'critical',
      type: 'lump-sum',
      amount: 10000,
      perShare: true,
      waitingDays: 90,
      waitingAmount: 1000,
    },
  ],
  limits: [{ id: 'inpatient-total', benefits: ['self-pay', 'allowance'], cap: 2500, perShare: true }],
  simulation: { seed: 'exact2-shares' },
};

/**
 * Three groups with their own rates; steps on an empirical cost and a daily allowance under one
 * limit (not per share), a second bands benefit outside it; an event risk with two capped lump
 * sums under a limit per share, one of them with a waiting amount.
 */
const EVENT_LIMIT: Scenario = {
  format: 'huzhu-scenario/2',
  name: 'limits on an empirical cost and on lump sums',
  members: {
    groups: [
      {
        id: 'a',
        count: 2000,
        newShare: 0.3,
        holdings: [
          { shares: 1, fraction: 0.5 },
          { shares: 2, fraction: 0.5 },
        ],
      },
      { id: 'b', count: 1500, newShare: 0.1 },
      { id: 'c', count: 500, newShare: 0.5, holdings: [{ shares: 2, fraction: 1 }] },
    ],
  },
  contributions: [{ payer: 'member', amount: 80, perShare: true }],
  risks: [
    {
      id: 'clinic',
      kind: 'cost',
      rate: { a: 0.1, b: 0.2, c: 0.15 },
      rateCv: 0.1,
      cost: { dist: 'empirical', values: [200, 800, 1500, 2600, 4000, 9000] },
      days: { dist: 'poisson', mean: 4 },
    },
    { id: 'illness', kind: 'event', rate: { a: 0.03, b: 0.05, c: 0.02 }, rateCv: 0.3 },
  ],
  benefits: [
    { id: 'steps', risk: 'clinic', type: 'steps', from: 500, step: 1000, perStep: 300, cap: 1500 },
    { id: 'allowance', risk: 'clinic', type: 'daily', perDay: 100, maxDays: 10, perShare: true },
    { id: 'extra', risk: 'clinic', type: 'bands', bands: [{ upTo: null, rate: 0.1 }], cap: 600 },
    {
      id: 'grant',
      risk: 'illness',
      type: 'lump-sum',
      amount: 3000,
      cap: 6000,
      perShare: true,
      waitingDays: 120,
      waitingAmount: 500,
    },
    { id: 'visit', risk: 'illness', type: 'lump-sum', amount: 800, cap: 1600 },
  ],
  limits: [
    { id: 'clinic-total', benefits: ['steps', 'allowance'], cap: 1800 },
    { id: 'illness-total', benefits: ['grant', 'visit'], cap: 4000, perShare: true },
  ],
  simulation: { seed: 'exact2-events' },
};

/** Uncapped lump sums with a waiting amount on two groups (the compound path: no cap, no limit), and a cost risk without limits paid per share. */
const COMPOUND: Scenario = {
  format: 'huzhu-scenario/2',
  name: 'waiting amounts without caps; per-share bands',
  members: {
    groups: [
      {
        id: 'x',
        count: 4000,
        newShare: 0.25,
        holdings: [
          { shares: 1, fraction: 0.75 },
          { shares: 3, fraction: 0.25 },
        ],
      },
      { id: 'y', count: 2000, newShare: 0.05 },
    ],
  },
  contributions: [{ payer: 'member', amount: 40, perShare: true }],
  risks: [
    {
      id: 'hospital',
      kind: 'cost',
      rate: { x: 0.04, y: 0.06 },
      rateCv: 0.2,
      cost: { dist: 'gamma', mean: 5000, cv: 1.2 },
    },
    { id: 'cancer', kind: 'event', rate: { x: 0.004, y: 0.008 }, rateCv: 0.2 },
  ],
  benefits: [
    {
      id: 'co-pay',
      risk: 'hospital',
      type: 'bands',
      perShare: true,
      bands: [{ upTo: null, rate: 0.3 }],
      cap: 8000,
    },
    {
      id: 'cancer',
      risk: 'cancer',
      type: 'lump-sum',
      amount: 20000,
      perShare: true,
      waitingDays: 180,
      waitingAmount: 2000,
    },
  ],
  simulation: { seed: 'exact2-compound' },
};

const CASES: { name: string; scenario: () => Scenario; n: number }[] = [
  {
    name: 'groups, 1- and 2-share holdings, a per-share limit and a waiting amount',
    scenario: () => SHARES_AND_LIMIT,
    n: 40_000,
  },
  { name: 'limits on an empirical cost and on capped lump sums', scenario: () => EVENT_LIMIT, n: 20_000 },
  { name: 'uncapped lump sums with a waiting amount, per-share bands', scenario: () => COMPOUND, n: 40_000 },
  {
    name: 'Ningbo 2015 (four groups, risks for some groups, waiting amounts)',
    scenario: () => readScenarioFile('ningbo-2015.json'),
    n: 2_000,
  },
];

describe('a claimant under limits, given the days', () => {
  // Two limits over bands and steps (× 2 shares for the first), a free bands benefit, and the days'
  // allowances g (inside each limit) and free: Y(x) checked at 4,001 costs against each benefit
  // evaluated on its own (payFast) and capped by hand.
  const a: BandsBenefit = {
    id: 'a',
    risk: 'r',
    type: 'bands',
    deductible: 300,
    bands: [
      { upTo: 2000, rate: 0.4 },
      { upTo: null, rate: 0.8 },
    ],
    cap: 9000,
  };
  const b: StepsBenefit = {
    id: 'b',
    risk: 'r',
    type: 'steps',
    from: 1000,
    step: 700,
    perStep: 250,
    cap: 2000,
  };
  const c: BandsBenefit = { id: 'c', risk: 'r', type: 'bands', bands: [{ upTo: null, rate: 0.1 }], cap: 700 };
  const d: StepsBenefit = { id: 'd', risk: 'r', type: 'steps', from: 0, step: 1500, perStep: 400, cap: 4000 };
  const factors = [2, 2, 1, 1];
  const pws = [bandsPiecewise(a), stepsPiecewise(b), bandsPiecewise(c), stepsPiecewise(d)].map((p, i) => ({
    ...p,
    a: p.a.map((v) => v * factors[i]),
    s: p.s.map((v) => v * factors[i]),
  }));
  const limitOf = [0, 0, -1, 1];
  const caps = [7000, 2500];
  const pays = [payFast(a), payFast(b), payFast(c), payFast(d)];
  for (const [g, free] of [
    [[0, 0], 0],
    [[600, 300], 150],
    [[7500, 0], 40],
  ] as [number[], number][]) {
    it(`pays free + Σ min(limit's benefits + g, cap) at every cost (g = ${g}, free ${free})`, () => {
      const pieces = limitedPieces(pws, limitOf, caps)(g, free);
      let last = -Infinity;
      for (let x = 0; x <= 40_000; x += 10) {
        const each = pays.map((pay, i) => factors[i] * pay(x));
        const want =
          free + each[2] + Math.min(each[0] + each[1] + g[0], caps[0]) + Math.min(each[3] + g[1], caps[1]);
        const got = piecewiseAt({ ...pieces, end: Infinity }, x);
        expect(got, `x = ${x}`).toBeCloseTo(want, 6);
        expect(got).toBeGreaterThanOrEqual(last - 1e-9);
        last = got;
      }
    });
  }
});

describe('the exact distribution of /2 schemes', () => {
  it('uses valid scenarios that exercise every /2 feature', () => {
    for (const s of [SHARES_AND_LIMIT, EVENT_LIMIT, COMPOUND])
      expect(validateScenario(s), s.name).toMatchObject({ ok: true });
    const r = resolveScheme(SHARES_AND_LIMIT);
    expect(r.groups[0].holdings.map((h) => h.shares)).toEqual([1, 2]);
    expect(r.limits[0].perShare).toBe(true);
  });

  for (const c of CASES) {
    it(`has the exact expectation as its mean (1e-6): ${c.name}`, () => {
      const s = resolveScheme(c.scenario());
      const agg = exactAggregate(s);
      const mu = expectedPayout(s).payout;
      expect(Math.abs(agg.mean - mu) / mu).toBeLessThan(1e-6);
    });

    it(`agrees with the Monte Carlo: ${c.name}`, async () => {
      const scenario = c.scenario();
      const { n } = c;
      const mc = await simulate(scenario, runner, { iterations: n, seed: 'exact2', workLimit: Infinity });
      const { report, aggregate } = simulateExact(scenario);
      const mean = report.simulated.mean;
      expect(Math.abs(mc.report.simulated.mean - mean)).toBeLessThan(4 * mc.report.simulated.standardError);
      const sorted = Float64Array.from(mc.totals).sort();
      for (const [key, p] of QUANTILE_LEVELS) {
        const d = 2.5 * Math.sqrt((p * (1 - p)) / n);
        const q = quantileAt(aggregate, p);
        expect(quantileSorted(sorted, p - d), `${key} above`).toBeLessThanOrEqual(q);
        expect(quantileSorted(sorted, Math.min(1, p + d)), `${key} below`).toBeGreaterThanOrEqual(q);
      }
    }, 120_000);
  }
});
