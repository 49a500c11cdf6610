import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/scenario.ts';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { planBlocks } from '../../src/engine/blocks.ts';
import { compilePlan } from '../../src/engine/plan.ts';
import { assemble, simulate } from '../../src/engine/simulate.ts';
import { hydrate, simulateBlock } from '../../src/engine/simulateBlock.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import { nodeThreadsRunner } from '../../src/runners/nodeThreads.ts';
import { meanSd } from '../../src/stats/moments.ts';
import { beijing, hangzhou, jiaxing, jiaxingDaily, wenzhou } from '../helpers/fixtures.ts';
import { oracleSample } from '../oracle/period.ts';
import { periodOfYear, readOracleScenario } from '../oracle/scenario.ts';
import { ksCritical, ksTwoSample, readScenarioFile, scenarioFiles } from '../helpers/scenarios.ts';

const base = (over: Partial<Scenario>): Scenario => ({
  format: 'huzhu-scenario/1',
  name: 'test',
  members: { count: 2000 },
  contributions: [{ payer: 'member', amount: 50 }],
  risks: [{ id: 'inpatient', kind: 'cost', rate: 0.05, cost: { dist: 'lognormal', mean: 4000, cv: 2 } }],
  benefits: [hangzhou],
  ...over,
});

describe('the Monte Carlo mean lies within 4 standard errors of the exact expectation', () => {
  for (const file of scenarioFiles()) {
    it(`for ${file} at 4,000 iterations`, async () => {
      const { report } = await simulate(readScenarioFile(file), inlineRunner(), { iterations: 4000 });
      expect(Math.abs(report.simulated.mean - report.expected.payout)).toBeLessThan(
        4 * report.simulated.standardError,
      );
      for (const b of report.benefits) expect(Number.isFinite(b.simulated)).toBe(true);
    });
  }
  it('for Hangzhou without rate uncertainty, where the standard error is small enough to show a table bias', async () => {
    const s = readScenarioFile('hangzhou-2016.json');
    for (const r of s.risks) r.rateCv = 0; // the merged scheme's three risks
    const { report } = await simulate(s, inlineRunner(), { iterations: 3000, seed: 'no-mixing' });
    expect(report.simulated.standardError / report.expected.payout).toBeLessThan(1e-3);
    expect(Math.abs(report.simulated.mean - report.expected.payout)).toBeLessThan(
      4 * report.simulated.standardError,
    );
  });
});

describe('the engine agrees in distribution with the oracle, a slow direct simulator sharing no code with src (two-sample KS, α = 0.001)', () => {
  const cases: [string, Scenario][] = [
    [
      'bands on lognormal costs with Gamma-mixed rates',
      base({
        risks: [
          {
            id: 'inpatient',
            kind: 'cost',
            rate: 0.05,
            rateCv: 0.3,
            cost: { dist: 'lognormal', mean: 4000, cv: 2 },
          },
        ],
      }),
    ],
    [
      'bands and an allowance on gamma costs and negative-binomial days',
      base({
        risks: [
          {
            id: 'inpatient',
            kind: 'cost',
            rate: 0.04,
            cost: { dist: 'gamma', mean: 9000, cv: 1.2 },
            days: { dist: 'negative-binomial', mean: 9, cv: 0.9 },
          },
        ],
        benefits: [jiaxing, jiaxingDaily],
      }),
    ],
    [
      'uncapped steps on a heavy Pareto tail (the tail drawn exactly)',
      base({
        risks: [
          { id: 'inpatient', kind: 'cost', rate: 0.05, cost: { dist: 'pareto', scale: 6000, shape: 1.6 } },
        ],
        benefits: [
          { ...wenzhou, cap: undefined },
          {
            ...hangzhou,
            id: 'h',
            cap: undefined,
            bands: [
              { upTo: 1000, rate: 0.2 },
              { upTo: null, rate: 0.5 },
            ],
          },
        ],
      }),
    ],
    [
      'empirical costs and Poisson days',
      base({
        risks: [
          {
            id: 'inpatient',
            kind: 'cost',
            rate: 0.1,
            cost: { dist: 'empirical', values: [300, 1200, 8000, 25000, 90000] },
            days: { dist: 'poisson', mean: 6 },
          },
        ],
        benefits: [hangzhou, { ...jiaxingDaily, maxDays: undefined }],
      }),
    ],
    [
      'a capped lump sum with a waiting period and mixing, against members simulated one by one',
      base({
        members: { count: 1500, newShare: 0.3 },
        risks: [{ id: 'light-illness', kind: 'event', rate: 0.4, rateCv: 0.2 }],
        benefits: [beijing],
      }),
    ],
  ];
  for (const [name, scenario] of cases) {
    it(name, async () => {
      const n = 1500;
      const { totals } = await simulate(scenario, inlineRunner(), { iterations: n, seed: 'engine' });
      const reference = oracleSample(periodOfYear(readOracleScenario(scenario), 1), n, 'reference').totals;
      expect(ksTwoSample(Float64Array.from(totals), reference)).toBeLessThan(ksCritical(n, n));
    });
  }
});

describe('runs are replayable', () => {
  const scenario = readScenarioFile('jiaxing-2015.json');
  it('blocks run in any order give identical totals', () => {
    const plan = compilePlan(resolveScheme(scenario));
    const blocks = planBlocks(1000);
    const h = hydrate(plan);
    const forward = assemble(
      blocks.map((b) => simulateBlock(h, 'order', b)),
      1000,
      2,
    );
    const backward = assemble(
      [...blocks].reverse().map((b) => simulateBlock(h, 'order', b)),
      1000,
      2,
    );
    expect(backward.totals).toEqual(forward.totals);
    expect(backward.byBenefit).toEqual(forward.byBenefit);
  });
  it('one worker thread, two worker threads and the inline runner give identical reports', async () => {
    const opts = { iterations: 1000, seed: 'threads' };
    const inline = await simulate(scenario, inlineRunner(), opts);
    const one = nodeThreadsRunner(1),
      two = nodeThreadsRunner(2);
    try {
      const r1 = await simulate(scenario, one, opts);
      const r2 = await simulate(scenario, two, opts);
      expect(JSON.stringify(r1.report)).toBe(JSON.stringify(inline.report));
      expect(JSON.stringify(r2.report)).toBe(JSON.stringify(inline.report));
      expect(r2.totals).toEqual(inline.totals);
    } finally {
      await one.close();
      await two.close();
    }
  });
  it('a different seed gives different totals with the same mean to within sampling error', async () => {
    const a = await simulate(scenario, inlineRunner(), { iterations: 1000, seed: 'a' });
    const b = await simulate(scenario, inlineRunner(), { iterations: 1000, seed: 'b' });
    expect(a.totals).not.toEqual(b.totals);
    const sa = meanSd(a.totals),
      sb = meanSd(b.totals);
    expect(Math.abs(sa.mean - sb.mean)).toBeLessThan((4 * Math.hypot(sa.sd, sb.sd)) / Math.sqrt(1000));
  });
  it('cancelling through an AbortSignal rejects the run', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      simulate(scenario, inlineRunner(), { iterations: 1000, signal: controller.signal }),
    ).rejects.toThrow(/cancelled/);
  });
});

describe('the report warns where the Monte Carlo cannot be trusted', () => {
  it('a heavy Pareto tail under an uncapped benefit raises heavy-tail; very few claims raise few-claims', async () => {
    const heavy = base({
      risks: [
        { id: 'inpatient', kind: 'cost', rate: 0.05, cost: { dist: 'pareto', scale: 3000, shape: 1.5 } },
      ],
      benefits: [{ ...hangzhou, cap: undefined, bands: [{ upTo: null, rate: 0.5 }] }],
    });
    const { report } = await simulate(heavy, inlineRunner(), { iterations: 200, seed: 'heavy' });
    expect(report.flags.map((f) => f.code)).toContain('heavy-tail');
    const rare = base({
      members: { count: 100 },
      risks: [{ id: 'inpatient', kind: 'cost', rate: 0.01, cost: { dist: 'lognormal', mean: 4000, cv: 2 } }],
    });
    const r2 = await simulate(rare, inlineRunner(), { iterations: 200, seed: 'rare' });
    expect(r2.report.flags.map((f) => f.code)).toContain('few-claims');
    for (const x of [report, r2.report]) expect(JSON.stringify(x)).not.toMatch(/NaN|Infinity|null,"sd"/);
  });
});
