/**
 * The oracle checked on its own, against derivations that owe nothing to the engine: the format's
 * worked benefit examples, closed-form moments of each sampler at a fixed seed, the verdict's
 * boundaries, and a whole period whose mean is known in closed form. Plus its independence: no
 * module of the oracle imports from src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bandsPay, dailyPay, lumpSumPay, stepsPay } from './benefits.ts';
import { oracleFund, oracleSample, oracleVerdict } from './period.ts';
import * as rnd from './random.ts';
import { periodOfYear, readOracleScenario } from './scenario.ts';
import { meanSe, shareAbove } from './stats.ts';

const hangzhou = {
  id: 'self-pay',
  risk: 'inpatient',
  type: 'bands' as const,
  deductible: 0,
  bands: [
    { upTo: 1000, rate: 0.2 },
    { upTo: 10000, rate: 0.5 },
    { upTo: 15000, rate: 0.9 },
    { upTo: 50000, rate: 0.6 },
  ],
  cap: 30200,
};

describe('the oracle’s benefits pay the format’s worked examples', () => {
  it('Hangzhou pays 6,500 at 12,000, 200.03 at 1,000.05 (half up after the cap) and its cap of 30,200 at 80,000', () => {
    expect(bandsPay(hangzhou, 12000)).toBe(6500);
    expect(bandsPay(hangzhou, 1000.05)).toBe(200.03);
    expect(bandsPay(hangzhou, 80000)).toBe(30200);
    expect(bandsPay({ ...hangzhou, deductible: 500 }, 1500)).toBe(200);
  });
  it('Jiaxing pays half the cost up to 30,000; Wenzhou 2,000 at 45,000 and nothing at 20,000', () => {
    const jiaxing = { ...hangzhou, bands: [{ upTo: null, rate: 0.5 }], cap: 30000 };
    expect(bandsPay(jiaxing, 1564)).toBe(782);
    expect(bandsPay(jiaxing, 90000)).toBe(30000);
    const wenzhou = {
      id: 'w',
      risk: 'r',
      type: 'steps' as const,
      from: 20000,
      step: 10000,
      perStep: 1000,
      cap: 50000,
    };
    expect(stepsPay(wenzhou, 45000)).toBe(2000);
    expect(stepsPay(wenzhou, 20000)).toBe(0);
    expect(stepsPay(wenzhou, 10_000_000)).toBe(50000);
  });
  it('a daily allowance stops at maxDays; a lump sum at its cap', () => {
    expect(dailyPay({ id: 'd', risk: 'r', type: 'daily', perDay: 30, maxDays: 15 }, 20)).toBe(450);
    expect(dailyPay({ id: 'd', risk: 'r', type: 'daily', perDay: 30, maxDays: Infinity }, 20)).toBe(600);
    const beijing = {
      id: 'l',
      risk: 'r',
      type: 'lump-sum' as const,
      amount: 4000,
      cap: 16000,
      waitingDays: 60,
    };
    expect(lumpSumPay(beijing, 3)).toBe(12000);
    expect(lumpSumPay(beijing, 5)).toBe(16000);
  });
});

describe('the oracle’s samplers have their closed-form moments (200,000 draws, fixed seed, 4 SE)', () => {
  const N = 200_000;
  const draws = (f: (u: rnd.Uniform) => number, seed: string) => {
    const u = rnd.uniformStream(seed);
    return Float64Array.from({ length: N }, () => f(u));
  };
  /** Mean within 4 SE of m, and the sample variance within 4 SE of v (SE of s² from the 4th moment). */
  const expectMoments = (xs: Float64Array, m: number, v: number) => {
    const { mean, sd } = meanSe(xs);
    expect(Math.abs(mean - m)).toBeLessThan(4 * Math.sqrt(v / N));
    let m4 = 0;
    for (const x of xs) m4 += (x - mean) ** 4;
    m4 /= N;
    expect(Math.abs(sd * sd - v)).toBeLessThan(4 * Math.sqrt((m4 - v * v) / N));
  };
  it('Poisson: mean = variance = λ, below and above the split at 30', () => {
    expectMoments(
      draws((u) => rnd.poisson(u, 3.7), 'p1'),
      3.7,
      3.7,
    );
    expectMoments(
      draws((u) => rnd.poisson(u, 95.5), 'p2'),
      95.5,
      95.5,
    );
  });
  it('gamma: mean kθ, variance kθ², for a shape below and above 1', () => {
    expectMoments(
      draws((u) => rnd.gamma(u, 0.5, 2), 'g1'),
      1,
      2,
    );
    expectMoments(
      draws((u) => rnd.gamma(u, 4, 3), 'g2'),
      12,
      36,
    );
  });
  it('negative binomial: the given mean and variance (cv·mean)²', () => {
    expectMoments(
      draws((u) => rnd.negativeBinomial(u, 9, 0.9), 'nb'),
      9,
      81 * 0.81,
    );
  });
  it('lognormal: ln X normal with mean ln(mean) − σ²/2 and variance σ² = ln(1 + cv²)', () => {
    const s2 = Math.log(1 + 4);
    expectMoments(
      draws((u) => Math.log(rnd.lognormal(u, 4000, 2)), 'ln'),
      Math.log(4000) - s2 / 2,
      s2,
    );
  });
  it('Lomax: P(X > x) = (s/(x + s))^α at three points', () => {
    const xs = draws((u) => rnd.lomax(u, 6000, 3), 'lomax');
    for (const x of [1000, 6000, 30000]) {
      const p = (6000 / (x + 6000)) ** 3;
      expect(Math.abs(shareAbove(xs, x) - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    }
  });
  it('empirical: each value with equal weight', () => {
    const xs = draws((u) => rnd.pick(u, [1, 2, 2, 7]), 'pick');
    expect(Math.abs(shareAbove(xs, 1.5) - 0.75)).toBeLessThan(4 * Math.sqrt(0.1875 / N));
    expect(Math.abs(shareAbove(xs, 5) - 0.25)).toBeLessThan(4 * Math.sqrt(0.1875 / N));
  });
});

describe('the oracle’s fund', () => {
  const s = readOracleScenario({
    members: { count: 1000 },
    contributions: [
      { payer: 'member', amount: 30 },
      { payer: 'employer', amount: 20 },
    ],
    fund: { reserve: 4000, backstop: 1000, expenseRate: 0.1 },
    risks: [{ id: 'critical', kind: 'event', rate: 0.03 }],
    benefits: [{ id: 'l', risk: 'critical', type: 'lump-sum', amount: 1000, waitingDays: 73 }],
  });
  it('income is count × Σ amounts, expenses expenseRate × income; the verdict’s boundaries belong to the lower verdict', () => {
    const f = oracleFund(periodOfYear(s, 1));
    expect(f).toEqual({ income: 50000, expenses: 5000, net: 45000, threshold: 50000 });
    expect(oracleVerdict(f, 45000)).toBe('breaks-even');
    expect(oracleVerdict(f, 45000.01)).toBe('deficit-within-backstop');
    expect(oracleVerdict(f, 50000)).toBe('deficit-within-backstop');
    expect(oracleVerdict(f, 50000.01)).toBe('deficit-beyond-backstop');
  });
  it('an uncapped lump sum’s period has mean members × rate × (1 − newShare·w/365) × amount', () => {
    const withNew = { ...s, newShare: 0.5 };
    const { totals } = oracleSample(periodOfYear(withNew, 1), 4000, 'closed form');
    const { mean, se } = meanSe(totals);
    expect(Math.abs(mean - 1000 * 0.03 * 0.9 * 1000)).toBeLessThan(4 * se);
  });
  it('the trend grows members (rounded), contributions, rates and every cost scale by (1 + g)^(t − 1)', () => {
    const t = readOracleScenario({
      members: { count: 1000 },
      contributions: [{ payer: 'member', amount: 10 }],
      risks: [
        { id: 'a', kind: 'cost', rate: 0.1, cost: { dist: 'empirical', values: [100, 300] } },
        { id: 'b', kind: 'cost', rate: 0.1, cost: { dist: 'pareto', scale: 50, shape: 2 } },
      ],
      benefits: [],
      trend: { members: 0.1, contribution: 0.5, rate: 1, cost: -0.5 },
    });
    const y3 = periodOfYear(t, 3);
    expect(y3.members).toBe(1210);
    expect(y3.perMember).toBe(22.5);
    expect(y3.risks.map((r) => r.rate)).toEqual([0.4, 0.4]);
    expect(y3.risks[0].cost).toEqual({ dist: 'empirical', values: [25, 75] });
    expect(y3.risks[1].cost).toEqual({ dist: 'pareto', scale: 12.5, shape: 2 });
  });
});

describe('the oracle is independent of the engine', () => {
  it('no module of the oracle imports from src/', () => {
    const here = import.meta.dirname;
    const modules = readdirSync(here).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'fixtures.ts',
    );
    expect(modules.sort()).toEqual([
      'benefits.ts',
      'period.ts',
      'project.ts',
      'random.ts',
      'scenario.ts',
      'stats.ts',
    ]);
    for (const m of modules) {
      const imports = [...readFileSync(join(here, m), 'utf8').matchAll(/from\s+'([^']+)'/g)].map((x) => x[1]);
      for (const spec of imports)
        expect(spec, `${m} imports ${spec}`).toMatch(/^(\.\/[a-z]+\.ts|seedrandom)$/);
    }
  });
});
