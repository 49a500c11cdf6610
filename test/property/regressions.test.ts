/**
 * What the property suite and the extreme cases found, one test per fix (each failed, hung or
 * crashed before it). The reproducer is the test.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { stepsPiecewise } from '../../src/benefits/piecewise.ts';
import { continuousCost } from '../../src/engine/costDistribution.ts';
import {
  expectedMinCount,
  mixedPoissonCount,
  negativeBinomialBySize,
  poissonCount,
} from '../../src/engine/countDistribution.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import {
  expectedCostBenefit,
  expectedLumpSum,
  expectedPiecewise,
  expectedStepsBySurvival,
} from '../../src/engine/expectedBenefit.ts';
import { compilePlan } from '../../src/engine/plan.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { project } from '../../src/engine/project.ts';
import { affordableCap } from '../../src/engine/solve.ts';
import { validateScenario } from '../../src/io/validate.ts';
import { scenarioProblemLine } from '../../src/messages/validation.ts';
import { randomGammaMeanCv } from '../../src/random/gamma.ts';
import { createStream } from '../../src/random/source.ts';
import { inlineRunner } from '../../src/runners/inline.ts';
import { gammaQ, gammaQuantile, gammaQuantileUpper } from '../../src/stats/special.ts';

function scenario(risk: object, benefits: object[], members = 1000): Scenario {
  return {
    format: 'huzhu-scenario/1',
    name: 'x',
    members: { count: members },
    contributions: [{ payer: 'member', amount: 36 }],
    risks: [{ id: 'r', ...risk }],
    benefits: benefits.map((b, i) => ({ id: `b${i}`, risk: 'r', ...b })),
  } as Scenario;
}

const problems = (value: unknown) => {
  const r = validateScenario(value);
  return r.ok ? [] : r.problems.map((p) => scenarioProblemLine('en', p));
};

describe('gamma quantiles of a small shape (a gamma cost of cv 100: shape 1e-4)', () => {
  it('the upper quantile whose root underflows is 0, not the 1.5e-244 where 200 bisection steps from 1e-3 stopped', () => {
    // Q(1e-4, x) = 0.4 at x = e^{−5108}: far below the smallest double.
    expect(gammaQuantileUpper(0.4, 1e-4)).toBe(0);
    expect(gammaQuantile(0.6, 1e-4)).toBe(0);
  });

  it('the upper quantile whose root is tiny but representable solves Q = q (it returned a point where Q = 0.0545 for q = 0.06)', () => {
    for (const [q, a] of [
      [0.06, 1e-4],
      [0.5, 0.0025],
      [0.3, 0.0025],
      [0.5, 0.01],
    ]) {
      const x = gammaQuantileUpper(q, a);
      expect(x).toBeGreaterThan(0);
      expect(Math.abs(gammaQ(a, x) / q - 1)).toBeLessThan(1e-12);
    }
  });
});

describe('capped lump sums', () => {
  it('a cap of 1e12 on lump sums of 0.01 takes no 1e14-term loop (it hung)', () => {
    const b = { id: 'l', risk: 'e', type: 'lump-sum' as const, amount: 0.01, cap: 1e12 };
    const t = performance.now();
    expect(expectedLumpSum(b, 0.02, 0, 0)).toBeCloseTo(0.01 * 0.02, 15);
    expect(expectedLumpSum(b, 0.02, 10, 0)).toBeCloseTo(0.01 * 0.02, 15);
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('keeps its precision at tiny rates: 1e-12 (17% off with a rate cv of 0.01), 1e-200 (was 0), 1e-310 (was NaN)', () => {
    const b = { id: 'l', risk: 'e', type: 'lump-sum' as const, amount: 100, cap: 300 };
    for (const rate of [1e-12, 1e-200]) {
      for (const cv of [0, 0.01, 10])
        expect(Math.abs(expectedLumpSum(b, rate, cv, 0) / (100 * rate) - 1)).toBeLessThan(1e-9);
    }
    for (const cv of [0.01, 10]) {
      const v = expectedLumpSum(b, 1e-310, cv, 0);
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  it('E[min(K, m)] sums the pmf, so a rarely positive count keeps its digits', () => {
    expect(expectedMinCount(poissonCount(1e-12), 3) / 1e-12).toBeCloseTo(1, 12);
    expect(expectedMinCount(mixedPoissonCount(1e-12, 0.01), 3) / 1e-12).toBeCloseTo(1, 12);
    // Finite support: every count is summed, whatever the mean (mass at 0 and 366 only).
    const lumpy = { mean: 91.5, max: 366, pmf: (k: number) => (k === 0 ? 0.75 : k === 366 ? 0.25 : 0) };
    expect(expectedMinCount(lumpy, 200)).toBe(50);
  });
});

describe('the negative binomial pmf (Loader form)', () => {
  it('has full precision where r is far above the mean (rate cv 1e-4: r = 1e8), where ln Γ(k + r) − ln Γ(r) lost it', () => {
    const K = negativeBinomialBySize(1e-12, 1e8);
    // P(1) = r·(m/(r + m))·p^r ≈ m for r ≫ m.
    expect(Math.abs(K.pmf(1) / 1e-12 - 1)).toBeLessThan(1e-11);
    expect(Math.abs(K.pmf(0) - Math.exp(-1e-12))).toBeLessThan(1e-16);
  });

  it('a rate cv below 1e-154 (1/cv² overflows) is the Poisson limit, not NaN', () => {
    const K = mixedPoissonCount(0.5, 1e-160);
    for (let k = 0; k < 5; k++) expect(K.pmf(k)).toBeCloseTo(poissonCount(0.5).pmf(k), 15);
  });
});

describe('a rate cv below 1e-154 in the simulation', () => {
  it('draws Θ = 1 (the limit): it drew Θ = ∞, and the Poisson draw of ∞ claimants never ended', async () => {
    const base = scenario({ kind: 'cost', rate: 0.04, cost: { dist: 'lognormal', mean: 4000, cv: 2 } }, [
      { type: 'bands', bands: [{ upTo: null, rate: 0.5 }] },
    ]);
    const tiny = { ...base, risks: [{ ...base.risks[0], rateCv: 1e-158 }] } as Scenario;
    const zero = { ...base, risks: [{ ...base.risks[0], rateCv: 0 }] } as Scenario;
    const a = await simulate(tiny, inlineRunner(), { iterations: 100 });
    const b = await simulate(zero, inlineRunner(), { iterations: 100 });
    expect(a.totals).toEqual(b.totals);
  });

  it('randomGammaMeanCv of such a cv is the mean (it drew ∞, or 0 where cv² underflows)', () => {
    const source = createStream('huzhu', 0).next;
    expect(randomGammaMeanCv(source)(5, 1e-158)()).toBe(5);
    expect(randomGammaMeanCv(source)(5, 1e-170)()).toBe(5);
  });
});

describe('steps with very many steps below the cap', () => {
  it('a cap of 451,617,177 on steps of a fen: the expectation takes no 4.5e10 pieces (it ran out of memory)', () => {
    const b = {
      id: 's',
      risk: 'r',
      type: 'steps' as const,
      from: 0.25,
      step: 1e12,
      perStep: 0.01,
      cap: 451617177,
    };
    expect(expectedCostBenefit(b, { dist: 'pareto', scale: 4000, shape: 9.87 })).toBeLessThan(1e-80);
    const s = resolveScheme(
      scenario({ kind: 'cost', rate: 0.1, cost: { dist: 'pareto', scale: 4000, shape: 9.87 } }, [b]),
    );
    expect(compilePlan(s).risks).toHaveLength(1);
    expect(Number.isFinite(expectedPayout(s).payout)).toBe(true);
  });

  it('the survival sum agrees with the pieces where both can be computed', () => {
    for (const cost of [
      { dist: 'lognormal', mean: 40000, cv: 2 },
      { dist: 'gamma', mean: 40000, cv: 1 },
      { dist: 'pareto', scale: 40000, shape: 1.5 },
    ] as const) {
      const X = continuousCost(cost);
      for (const b of [
        { from: 20000, step: 10, perStep: 1, cap: 99999 },
        { from: 0, step: 100, perStep: 7, cap: 700000.5 },
        { from: 5, step: 0.01, perStep: 0.01, cap: 999.99 },
      ]) {
        const steps = { id: 's', risk: 'r', type: 'steps' as const, ...b };
        expect(
          Math.abs(expectedStepsBySurvival(steps, X) / expectedPiecewise(stepsPiecewise(steps), X) - 1),
        ).toBeLessThan(1e-12);
      }
    }
  });

  it('a cap of 1e12 on steps of a fen under Pareto 1.01 is E[min(X, 1e12)] less the fen lost per step, by Euler–Maclaurin', () => {
    const b = { id: 's', risk: 'r', type: 'steps' as const, from: 0, step: 0.01, perStep: 0.01, cap: 1e12 };
    // E[min(X, u)] = s/(α − 1)·(1 − (s/(u + s))^(α−1)) for the Lomax; flooring to the fen takes off about 0.005.
    const limited = (4000 / 0.01) * (1 - Math.pow(4000 / (1e12 + 4000), 0.01));
    expect(expectedCostBenefit(b, { dist: 'pareto', scale: 4000, shape: 1.01 })).toBeCloseTo(
      limited - 0.005,
      2,
    );
  });

  it('the solver brackets a cap on steps of a fen by doubling to 6.6e7 without building billions of pieces (it ran out of memory)', () => {
    // One claimant a year, Pareto(4,000, 1.01): E[min(X, c)] reaches the income of 36,000 only at c ≈ 5e7.
    const s = scenario({ kind: 'cost', rate: 0.001, cost: { dist: 'pareto', scale: 4000, shape: 1.01 } }, [
      { type: 'steps', from: 0, step: 0.01, perStep: 0.01 },
    ]);
    const cap = affordableCap(s, 'b0')!;
    const limited = (c: number) => 400_000 * (1 - Math.pow(4000 / (c + 4000), 0.01)) - 0.005;
    expect(limited(cap) / 36_000).toBeCloseTo(1, 4);
  });
});

describe('the validator refuses what the engine cannot compute', () => {
  const base = () =>
    scenario({ kind: 'cost', rate: 0.04, cost: { dist: 'lognormal', mean: 4000, cv: 2 } }, [
      { type: 'bands', bands: [{ upTo: null, rate: 0.5 }] },
    ]);
  const withCost = (cost: object) => ({ ...base(), risks: [{ ...base().risks[0], cost }] });
  const withDays = (days: object) => ({ ...base(), risks: [{ ...base().risks[0], days }] });

  it('a Pareto scale above 1e9 (at 1e300 the totals’ squares overflow: sd NaN)', () => {
    expect(problems(withCost({ dist: 'pareto', scale: 1e300, shape: 1.01 }))).toEqual([
      'risks[0].cost.scale: must be at most 1000000000',
    ]);
    expect(problems(withCost({ dist: 'pareto', scale: 1e9, shape: 1.01 }))).toEqual([]);
  });

  it('an empirical cost above 1e12 yuan', () => {
    expect(problems(withCost({ dist: 'empirical', values: [1000, 1e300] }))).toEqual([
      'risks[0].cost.values[1]: must be at most 1000000000000',
    ]);
  });

  it('a gamma cv between 0 and 0.01 (cv 1e-4 took a minute per table; 1e-160 gave a wrong mean)', () => {
    expect(problems(withCost({ dist: 'gamma', mean: 4000, cv: 0.005 }))).toEqual([
      'risks[0].cost.cv: must be at least 0.01',
    ]);
    expect(problems(withCost({ dist: 'gamma', mean: 4000, cv: 1e-160 }))).toEqual([
      'risks[0].cost.cv: must be at least 0.01',
    ]);
    expect(problems(withCost({ dist: 'gamma', mean: 4000, cv: 0 }))).toEqual([]);
    expect(problems(withCost({ dist: 'gamma', mean: 4000, cv: 0.01 }))).toEqual([]);
    expect(problems(withCost({ dist: 'lognormal', mean: 4000, cv: 1e-160 }))).toEqual([]);
  });

  it('a negative-binomial days cv above 20 (cv 1e300 made the expectation NaN; past cv ~50 the days table loses part of the mean)', () => {
    expect(problems(withDays({ dist: 'negative-binomial', mean: 1, cv: 1e300 }))).toEqual([
      'risks[0].days.cv: must be at most 20',
    ]);
    expect(problems(withDays({ dist: 'negative-binomial', mean: 366, cv: 20 }))).toEqual([]);
  });

  it('a negative-binomial days mean at or below 1/20² (no cv in range has cv² > 1/mean): the mean is flagged', () => {
    expect(problems(withDays({ dist: 'negative-binomial', mean: 0.002, cv: 20 }))).toEqual([
      'risks[0].days.mean: must be greater than 0.0025',
    ]);
    expect(problems(withDays({ dist: 'negative-binomial', mean: 0.003, cv: 19 }))).toEqual([]);
  });
});

describe('messages that name ids', () => {
  it('stay on one line whatever the id holds (a line break split a CLI problem over two lines)', () => {
    const s = scenario({ kind: 'cost', rate: 0.04, cost: { dist: 'lognormal', mean: 4000, cv: 2 } }, [
      { type: 'bands', bands: [{ upTo: null, rate: 0.5 }] },
    ]);
    const doc = {
      ...s,
      risks: [
        { ...s.risks[0], id: 'in\npatient' },
        { ...s.risks[0], id: 'in\npatient' },
      ],
    };
    expect(problems(doc)).toEqual([
      'risks[1].id: duplicate id "in\\npatient" (also risks[0])',
      'benefits[0].risk: names no risk in risks[] (known: in\\npatient)',
    ]);
  });
});

describe('the projection’s expected loss ratio', () => {
  const lumps = (trend: object): Scenario =>
    ({
      ...scenario({ kind: 'event', rate: 0.04 }, [{ type: 'lump-sum', amount: 0.01 }], 1),
      trend,
    }) as Scenario;

  it('is finite when the year’s income rounds to 0 fen (36 × (1 − 0.99986) = 0.005: it was Infinity)', async () => {
    const p = await project(lumps({ contribution: -0.9998611111111112 }), inlineRunner(), {
      years: 2,
      iterations: 100,
    });
    expect(p.years[1].income).toBe(0);
    expect(p.years[1].expectedLossRatio).toBeCloseTo((0.01 * 0.04) / (36 * (1 - 0.9998611111111112)), 10);
  });

  it('is 0 when the year has no members, so neither income nor payout (it was 0/0 = NaN)', async () => {
    const p = await project(lumps({ members: -0.9 }), inlineRunner(), { years: 2, iterations: 100 });
    expect(p.years[1].members).toBe(0);
    expect(p.years[1].expectedLossRatio).toBe(0);
  });
});

describe('a lognormal cost whose cv² underflows (cv 7e-323: σ = 0)', () => {
  it('is a point mass at its mean, as cv 0: a finite expectation and simulation, a cost exactly at a step edge paid its full steps (the expectation was NaN)', async () => {
    // At cost 4,000 exactly, steps of 1,000 from 0 pay 4 × 10 = 40 per claimant; 1,000 members at
    // rate 0.04 give 40 claimants: E[S] = 1,600. The same with cv 0.
    for (const cv of [7e-323, 1e-200, 0]) {
      const s = scenario({ kind: 'cost', rate: 0.04, cost: { dist: 'lognormal', mean: 4000, cv } }, [
        { type: 'steps', from: 0, step: 1000, perStep: 10 },
      ]);
      expect(problems(s)).toEqual([]);
      expect(expectedPayout(resolveScheme(s)).payout).toBeCloseTo(1600, 6);
      const { report } = await simulate(s, inlineRunner(), { iterations: 200, seed: 'point' });
      expect(Number.isFinite(report.simulated.mean)).toBe(true);
    }
  });
});
