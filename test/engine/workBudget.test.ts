/**
 * The work budget (src/engine/workBudget.ts): the claimants it counts are the claimants the engine
 * draws (measured, not recomputed), a run at the limit is accepted and one unit above it refused,
 * each refusal names a field of the file and the run that it stops, and the known hang (a 50-year
 * projection with trends at their maximum asked for ~10^107 units) is refused in well under a second.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { planBlocks } from '../../src/engine/blocks.ts';
import { compareVersions } from '../../src/engine/compare.ts';
import { compilePlan, planCache } from '../../src/engine/plan.ts';
import { project, yearScale } from '../../src/engine/project.ts';
import { simulate, simulateExact } from '../../src/engine/simulate.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { hydrate, simulateBlock } from '../../src/engine/simulateBlock.ts';
import { affordableCap } from '../../src/engine/solve.ts';
import {
  checkExactWork,
  checkWork,
  periodWork,
  RunRefusedError,
  runWork,
  WORK_LIMITS,
} from '../../src/engine/workBudget.ts';
import { validateScenario } from '../../src/io/validate.ts';
import { refusalLine } from '../../src/messages/refusals.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import type { Runner } from '../../src/engine/runner.ts';
import { problemLines } from '../helpers/worded.ts';
import { totalMembers } from '../../src/domain/defaults.ts';

const bands = {
  type: 'bands',
  bands: [
    { upTo: 1000, rate: 0.2 },
    { upTo: 10000, rate: 0.5 },
    { upTo: null, rate: 0.9 },
  ],
  cap: 30200,
};

function scenario(doc: Record<string, unknown>): Scenario {
  const r = validateScenario({
    format: 'huzhu-scenario/1',
    name: 'budget',
    members: { count: 1000 },
    contributions: [{ payer: 'member', amount: 36 }],
    risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: { dist: 'lognormal', mean: 4000, cv: 3 } }],
    benefits: [{ id: 'b', risk: 'r', ...bands }],
    ...doc,
  });
  if (!r.ok) throw new Error(problemLines(r.problems));
  return r.scenario;
}

/** The known case of issue 10: trends at their maximum (×11 a year) over 50 years. */
const trend50 = scenario({
  trend: { members: 10, contribution: 10, rate: 10, cost: 10 },
  simulation: { years: 50, iterations: 10000 },
});

describe('the claimants the budget counts are those the engine draws', () => {
  // Measured by the engine itself (BlockResult.claimants), 400 iterations a period.
  const cases: [string, Scenario, number][] = [
    ['one period', scenario({}), 1],
    [
      'women only, femaleShare 0.3, rate cv 0.5',
      scenario({
        members: { count: 20000, femaleShare: 0.3 },
        risks: [
          {
            id: 'r',
            kind: 'cost',
            who: 'female',
            rate: 0.05,
            rateCv: 0.5,
            cost: { dist: 'gamma', mean: 3000, cv: 1 },
          },
        ],
      }),
      1,
    ],
    [
      'five years of growing members, rates and costs',
      scenario({ trend: { members: 0.5, rate: 0.3, cost: 0.2 }, simulation: { years: 5 } }),
      5,
    ],
  ];
  it.each(cases)('%s', (_, sc, years) => {
    const s = resolveScheme(sc);
    const work = runWork(s, years);
    const n = 400;
    for (let t = 1; t <= years; t++) {
      const h = hydrate(compilePlan(s, yearScale(s, t)));
      let drawn = 0;
      for (const block of planBlocks(n)) drawn += simulateBlock(h, `budget/${t}`, block).claimants;
      const counted = work[t - 1].parts.perIteration.find((p) => p.what === 'claimants' && p.count > 0)!;
      // By hand: rate × f_rate(t) × members(who) at year t.
      const f = (g: number) => (1 + g) ** (t - 1);
      const count = Math.round(totalMembers(sc.members) * f(s.trend.members));
      const exposed = sc.risks[0].who === 'female' ? Math.round(count * s.groups[0].femaleShare) : count;
      expect(counted.count).toBeCloseTo((sc.risks[0].rate as number) * f(s.trend.rate) * exposed, 6);
      // The draws: mean λ, variance λ + (λ·cv)² per iteration; within 5 standard errors.
      const lambda = counted.count;
      const se = Math.sqrt((lambda + (lambda * (sc.risks[0].rateCv ?? 0)) ** 2) / n);
      expect(Math.abs(drawn / n - lambda)).toBeLessThan(5 * se);
    }
  });
});

describe('the limit, on both sides', () => {
  const s = resolveScheme(scenario({}));
  const work = runWork(s);
  const units = work[0].once + 1000 * work[0].perIteration;
  it('a run of exactly the limit is accepted', () => {
    expect(checkWork([work], 1000, units)).toBeNull();
  });
  it('one unit less of limit refuses it, suggesting fewer iterations', () => {
    const r = checkWork([work], 1000, units - 1);
    expect(r?.path).toBe('simulation.iterations');
    expect(r?.code === 'iterations' && r.params.maxIterations).toBeLessThan(1000);
  });
  it('the iterations suggested are accepted (and rounded down to two digits)', () => {
    const r = checkWork([work], 1_000_000, 1e7);
    expect(r?.code).toBe('iterations');
    const max = r!.code === 'iterations' ? r!.params.maxIterations : 0;
    expect(checkWork([work], max, 1e7)).toBeNull();
    expect(String(max)).toMatch(/^[1-9]\d?0*$/);
  });
  it('more than 1,000,000 iterations or 50 years (the workbench does not validate them) are refused', () => {
    expect(checkWork([work], 2_000_000)?.path).toBe('simulation.iterations');
    expect(checkWork([runWork(s, 51)], 100)?.path).toBe('simulation.years');
  });
});

/**
 * The inline runner, which fails instead of drawing more than `limit` claimants (10^7, a few
 * seconds): the claimants a plan draws (its λ per iteration, as the engine's own plan says) counted
 * over every run it is given. A refused run draws none; without the refusal the test fails, not hangs.
 */
function watchdogRunner(limit = 1e7): Runner {
  const inner = inlineRunner();
  let claimants = 0;
  return {
    run(plan, seed, blocks, options) {
      const n = blocks.reduce((a, b) => a + b.count, 0);
      for (const r of plan.risks) if (r.kind === 'cost') for (const c of r.classes) claimants += c.lambda * n;
      if (claimants > limit) throw new Error(`asked to draw ${claimants} claimants`);
      return inner.run(plan, seed, blocks, options);
    },
    close: () => inner.close(),
  };
}

describe('the known case: a 50-year projection with trends at their maximum', () => {
  it('is refused at once, naming simulation.years with the most years that fit', async () => {
    const t0 = performance.now();
    const e = await project(trend50, watchdogRunner()).catch((x: unknown) => x);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(e).toBeInstanceOf(RunRefusedError);
    const r = (e as RunRefusedError).refusal;
    expect(r.path).toBe('simulation.years');
    if (r.code !== 'years') throw new Error(r.code);
    // By hand: claimants of year t at 10,000 iterations are 10,000 × 0.04 × 11^(t−1) × 1000·11^(t−1)
    // (one bands benefit: one unit each); the first years that exceed the limit on their own:
    let claimants = 0,
      fits = 0;
    for (let t = 1; t <= 50; t++) {
      claimants += 10000 * 0.04 * 11 ** (t - 1) * Math.round(1000 * 11 ** (t - 1));
      if (claimants <= WORK_LIMITS.units) fits = t;
    }
    expect(r.params.maxYears).toBeLessThanOrEqual(fits);
    expect(r.params.maxYears).toBeGreaterThanOrEqual(fits - 1);
    expect(r.params.units).toBeGreaterThan(1e100);
  });
  it('runs at fewer years (2, at 100 iterations)', async () => {
    const p = await project(trend50, inlineRunner(), { years: 2, iterations: 100 });
    expect(p.years.map((y) => y.members)).toEqual([1000, 11000]);
  });
});

describe('refusals name a field and stop the run', () => {
  const huge = scenario({
    members: { count: 100_000_000 },
    risks: [{ id: 'r', kind: 'cost', rate: 1, cost: { dist: 'lognormal', mean: 4000, cv: 3 } }],
  });
  it('100,000,000 claimants a period: simulate refuses naming risks[0].rate, in both languages', async () => {
    const e = await simulate(huge, watchdogRunner()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RunRefusedError);
    const r = (e as RunRefusedError).refusal;
    expect(r.path).toBe('risks[0].rate');
    expect(refusalLine('en', r)).toMatch(/^risks\[0\]\.rate: too large to compute: 100,000,000 claimants/);
    expect(refusalLine('zh', r)).toMatch(/^risks\[0\]\.rate: 规模过大/);
    expect(refusalLine('en', r)).not.toMatch(/[\u4e00-\u9fff]/);
  });
  it('a comparison refuses when all its versions together are too much, naming the version', async () => {
    const e = await compareVersions([scenario({}), huge], watchdogRunner()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RunRefusedError);
    expect((e as RunRefusedError).version).toBe(1);
  });
  it('the exact method refuses uncapped steps of a fen under a Pareto tail, naming the step', () => {
    const fen = scenario({
      risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: { dist: 'pareto', scale: 4000, shape: 1.01 } }],
      benefits: [{ id: 'b', risk: 'r', type: 'steps', from: 0, step: 0.01, perStep: 0.01 }],
    });
    const t0 = performance.now();
    expect(() => simulateExact(fen)).toThrow(RunRefusedError);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(checkExactWork(resolveScheme(fen))).toMatchObject({
      path: 'benefits[0].step',
      code: 'exact',
    });
  });
  it('the exact method refuses 50 risks of negative-binomial days (mean 366, cv 20), naming the days', () => {
    const many = scenario({
      risks: Array.from({ length: 50 }, (_, i) => ({
        id: `r${i}`,
        kind: 'cost',
        rate: 0.04,
        cost: { dist: 'lognormal', mean: 4000, cv: 3 },
        days: { dist: 'negative-binomial', mean: 366, cv: 20 },
      })),
      benefits: Array.from({ length: 50 }, (_, i) => ({
        id: `d${i}`,
        risk: `r${i}`,
        type: 'daily',
        perDay: 30,
      })),
    });
    expect(checkExactWork(resolveScheme(many))?.path).toMatch(/^risks\[\d+\]\.days$/);
    expect(checkWork([runWork(resolveScheme(many))], 10000)?.path).toMatch(/^risks\[\d+\]\.days$/);
  });
  it('a limit over bands and an allowance without a maximum, negative-binomial days (mean 9, cv 1): the exact method runs, one branch a day count below 8,000 / 50 = 160 days; with the allowance outside the limit each of its 675 day counts is a branch, refused at the days', () => {
    const doc = (limited: string[]) => {
      const r = validateScenario({
        format: 'huzhu-scenario/2',
        name: 'negative-binomial days under a limit',
        members: { count: 100000 },
        contributions: [{ payer: 'member', amount: 400 }],
        risks: [
          {
            id: 'r',
            kind: 'cost',
            rate: 0.05,
            cost: { dist: 'lognormal', mean: 6000, cv: 1.5 },
            days: { dist: 'negative-binomial', mean: 9, cv: 1 },
          },
        ],
        benefits: [
          { id: 'b', risk: 'r', ...bands },
          { id: 'day', risk: 'r', type: 'daily', perDay: 50 },
        ],
        limits: [{ id: 'total', benefits: limited, cap: 8000 }],
      });
      if (!r.ok) throw new Error(problemLines(r.problems));
      return r.scenario;
    };
    const both = doc(['b', 'day']);
    expect(checkExactWork(resolveScheme(both))).toBeNull();
    const { aggregate } = simulateExact(both);
    const mu = expectedPayout(resolveScheme(both)).payout;
    expect(Math.abs(aggregate.mean - mu) / mu).toBeLessThan(1e-6);
    expect(checkExactWork(resolveScheme(doc(['b'])))).toMatchObject({ path: 'risks[0].days', code: 'exact' });
  });
  it('the solver refuses a cap it would have to sum a million terms for 133 times, naming the cap', () => {
    const fine = scenario({
      risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: { dist: 'gamma', mean: 4000, cv: 0.01 } }],
      benefits: [{ id: 'b', risk: 'r', type: 'steps', from: 0, step: 0.01, perStep: 0.01 }],
    });
    expect(() => affordableCap(fine, 'b')).toThrow(RunRefusedError);
    // Hangzhou-like bands: a few pieces, far inside the budget.
    expect(() => affordableCap(scenario({ contributions: [{ payer: 'm', amount: 1 }] }), 'b')).not.toThrow();
  });
});

describe('tables a projection reuses', () => {
  it('without a cost trend, every year gets the same sampling table (built once), and the same figures', () => {
    const s = resolveScheme(scenario({ trend: { members: 0.1, rate: 0.1 } }));
    const cache = planCache();
    const y1 = compilePlan(s, yearScale(s, 1), undefined, cache);
    const y2 = compilePlan(s, yearScale(s, 2), undefined, cache);
    expect(y2.risks[0].kind === 'cost' && y2.risks[0].cost).toBe(
      y1.risks[0].kind === 'cost' && y1.risks[0].cost,
    );
    // Built afresh, year 2's table holds the same numbers.
    expect(compilePlan(s, yearScale(s, 2))).toEqual(y2);
    // And the budget counts that table once.
    const [w1, w2] = runWork(s, 2);
    expect(w2.once).toBeLessThan(w1.once);
    expect(periodWork(s).once).toBe(w1.once);
  });
});
