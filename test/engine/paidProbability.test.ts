/**
 * The probability that a benefit pays more than 0 (src/engine/paidProbability.ts), which makes the
 * beneficiary counts (受益人数, 受益人次) of the exact expectation. Each figure is derived here
 * from the distribution's own formula: Pareto II's P(X > x) = (1 + x/θ)^−α, Poisson's P(0) = e^−m,
 * the negative binomial's P(0) = (r/(r + m))^r, an empirical cost's count of values that pay, and
 * a lump sum's thinned events. Boundaries sit on exactly representable costs, so that "pays from
 * x₀" and "pays above x₀" give different answers.
 */
import { describe, expect, it } from 'vitest';
import type { CostDist, DaysDist } from '../../src/domain/scenario.ts';
import type { SchemeBenefit } from '../../src/domain/scheme.ts';
import {
  costPaidProbabilities,
  eventPaidShare,
  paysAbove,
  probPositiveCount,
} from '../../src/engine/paidProbability.ts';
import { dailyBenefit } from '../helpers/benefits.ts';

const bands = (id: string, deductible: number, over: Partial<SchemeBenefit> = {}): SchemeBenefit =>
  ({
    id,
    risk: 'r',
    type: 'bands',
    perShare: false,
    deductible,
    bands: [
      { upTo: 2000, rate: 0 },
      { upTo: null, rate: 0.5 },
    ],
    ...over,
  }) as SchemeBenefit;
// 100 for every whole 500 above 1,000: the first payment is at a cost of exactly 1,500.
const steps = (over: Partial<SchemeBenefit> = {}): SchemeBenefit =>
  ({
    id: 'steps',
    risk: 'r',
    type: 'steps',
    perShare: false,
    from: 1000,
    step: 500,
    perStep: 100,
    ...over,
  }) as SchemeBenefit;
const daily = dailyBenefit;
const lump = (amount: number, waitingAmount: number, cap?: number) =>
  ({
    id: 'lump',
    risk: 'e',
    type: 'lump-sum',
    perShare: false,
    amount,
    waitingAmount,
    ...(cap === undefined ? {} : { cap }),
  }) as const;

describe('probPositiveCount: P(K > 0) for K mixed Poisson', () => {
  it('is 1 − e^−m without rate uncertainty', () => {
    expect(probPositiveCount(0.3, 0)).toBeCloseTo(1 - Math.exp(-0.3), 15);
    expect(probPositiveCount(1e-12, 0)).toBeCloseTo(1e-12, 22);
  });
  it('is 1 − (r/(r + m))^r for a gamma-mixed rate, r = 1/cv²', () => {
    // cv 0.5: r = 4; m = 0.3: 1 − (4/4.3)^4
    expect(probPositiveCount(0.3, 0.5)).toBeCloseTo(1 - (4 / 4.3) ** 4, 14);
    // a wider mixing gives fewer members with at least one event than Poisson at the same mean
    expect(probPositiveCount(0.3, 0.5)).toBeLessThan(1 - Math.exp(-0.3));
  });
  it('is 0 at a mean of 0 or below', () => {
    expect(probPositiveCount(0, 0)).toBe(0);
    expect(probPositiveCount(0, 0.5)).toBe(0);
    expect(probPositiveCount(-0.2, 0)).toBe(0);
    expect(probPositiveCount(-0.2, 0.5)).toBe(0);
  });
});

describe('paysAbove: the cost above which a bands or steps benefit pays', () => {
  it('steps pay from one whole step above `from`', () => {
    expect(paysAbove(steps())).toBe(1500);
    expect(paysAbove(steps({ from: 0, step: 250 }))).toBe(250);
    expect(paysAbove(steps({ cap: 50 }))).toBe(1500);
  });
  it('steps that pay nothing a step, or have a cap of 0, never pay', () => {
    expect(paysAbove(steps({ perStep: 0 }))).toBe(Infinity);
    expect(paysAbove(steps({ cap: 0 }))).toBe(Infinity);
  });
  it('bands pay above the deductible plus any bands at rate 0', () => {
    expect(paysAbove(bands('b', 1000))).toBe(3000);
    expect(paysAbove(bands('b', 0))).toBe(2000);
    expect(paysAbove(bands('b', 700, { bands: [{ upTo: null, rate: 0.3 }] }))).toBe(700);
  });
  it('bands at rate 0 everywhere, or capped at 0, never pay', () => {
    const zero = [
      { upTo: 5000, rate: 0 },
      { upTo: null, rate: 0 },
    ];
    expect(paysAbove(bands('b', 1000, { bands: zero }))).toBe(Infinity);
    expect(paysAbove(bands('b', 1000, { cap: 0 }))).toBe(Infinity);
  });
  it('refuses a benefit that is not driven by the cost, naming it', () => {
    expect(() => paysAbove(daily('allowance', 50))).toThrow('benefit allowance is not driven by the cost');
  });
});

describe('costPaidProbabilities on a Pareto II cost (θ 4,000, α 2) scaled by 1.5', () => {
  const cost: CostDist = { dist: 'pareto', scale: 4000, shape: 2 };
  // scaled by 1.5: θ = 6,000
  const S = (x: number) => (1 + x / 6000) ** -2;
  const days: DaysDist = { dist: 'poisson', mean: 2 };
  const noDay = Math.exp(-2);

  it('each benefit: S(x₀) for bands and steps, P(D ≥ 1) for a daily allowance that pays', () => {
    const r = costPaidProbabilities(cost, 1.5, days, [
      bands('b', 1000),
      steps(),
      daily('d1', 50, 1),
      daily('d0', 0, 30),
      daily('dNone', 50, 0),
      daily('dOpen', 50),
    ]);
    const want = [S(3000), S(1500), 1 - noDay, 0, 0, 1 - noDay];
    r.each.forEach((p, i) => expect(p).toBeCloseTo(want[i], 14));
  });
  it('any: 1 − P(X below the lowest x₀)·P(no daily pays), whatever the order of the benefits', () => {
    const want = 1 - (1 - S(1500)) * noDay;
    const a = costPaidProbabilities(cost, 1.5, days, [bands('b', 1000), steps(), daily('d', 50, 10)]);
    const b = costPaidProbabilities(cost, 1.5, days, [steps(), daily('d', 50, 10), bands('b', 1000)]);
    expect(a.any).toBeCloseTo(want, 14);
    expect(b.any).toBeCloseTo(want, 14);
  });
  it('days that no benefit pays on do not count: with bands alone, any = S(x₀)', () => {
    expect(costPaidProbabilities(cost, 1.5, days, [bands('b', 1000)]).any).toBeCloseTo(S(3000), 14);
    expect(costPaidProbabilities(cost, 1.5, days, [bands('b', 1000), daily('d0', 0)]).any).toBeCloseTo(
      S(3000),
      14,
    );
  });
  it('with only a daily allowance, any = P(D ≥ 1); with no benefit, 0', () => {
    expect(costPaidProbabilities(cost, 1.5, days, [daily('d', 50, 10)]).any).toBeCloseTo(1 - noDay, 14);
    expect(costPaidProbabilities(cost, 1.5, days, []).any).toBe(0);
  });
  it('a table that never pays has probability 0, on every continuous cost', () => {
    const never = bands('b', 0, { bands: [{ upTo: null, rate: 0 }] });
    for (const c of [
      cost,
      { dist: 'lognormal', mean: 5000, cv: 1.2 },
      { dist: 'gamma', mean: 5000, cv: 1.2 },
    ] as CostDist[]) {
      const r = costPaidProbabilities(c, 1, undefined, [never, steps({ perStep: 0 })]);
      expect(r.each).toEqual([0, 0]);
      expect(r.any).toBe(0);
    }
  });
  it('no days distribution: a daily allowance never pays', () => {
    const r = costPaidProbabilities(cost, 1.5, undefined, [bands('b', 1000), daily('d', 50, 10)]);
    expect(r.each[1]).toBe(0);
    expect(r.any).toBeCloseTo(S(3000), 14);
  });
});

describe('costPaidProbabilities on an empirical cost (eight equally likely values) scaled by 2', () => {
  // × 2: 400, 1,000, 1,500, 2,000, 3,000, 5,998, 6,000, 6,002
  const cost: CostDist = { dist: 'empirical', values: [200, 500, 750, 1000, 1500, 2999, 3000, 3001] };
  const bandsAbove2000 = bands('b', 2000, { bands: [{ upTo: null, rate: 0.5 }] });

  it('bands pay on the values above the deductible, not at it: 4 of 8', () => {
    expect(costPaidProbabilities(cost, 2, undefined, [bandsAbove2000]).each).toEqual([0.5]);
  });
  it('steps pay on the values from one whole step above `from`, that one included: 6 of 8', () => {
    expect(costPaidProbabilities(cost, 2, undefined, [steps()]).each).toEqual([0.75]);
  });
  it('bands whose first band pays nothing: above 2,000 + 2,000 → 3 of 8', () => {
    expect(costPaidProbabilities(cost, 2, undefined, [bands('b', 2000)]).each).toEqual([0.375]);
  });
  it('any of the two: the values either pays on, 6 of 8 (not the 4 both pay on)', () => {
    expect(costPaidProbabilities(cost, 2, undefined, [bandsAbove2000, steps()]).any).toBe(0.75);
  });
  it('with an allowance on empirical days (one in four stays ≥ 1 day): 1 − (2/8)(3/4)', () => {
    const days: DaysDist = { dist: 'empirical', values: [0, 0, 4, 0] };
    const r = costPaidProbabilities(cost, 2, days, [bandsAbove2000, daily('d', 30, 5), steps()]);
    expect(r.each).toEqual([0.5, 0.25, 0.75]);
    expect(r.any).toBeCloseTo(1 - (2 / 8) * (3 / 4), 15);
  });
  it('a table that never pays: 0', () => {
    const r = costPaidProbabilities(cost, 2, undefined, [steps({ perStep: 0 })]);
    expect(r.each).toEqual([0]);
    expect(r.any).toBe(0);
  });
});

describe('eventPaidShare: the share of a member’s events that a lump sum pays', () => {
  it('w outside the waiting period when only `amount` pays', () => {
    expect(eventPaidShare(lump(10000, 0), 0.75)).toBe(0.75);
  });
  it('1 − w when only the waiting amount pays', () => {
    expect(eventPaidShare(lump(0, 2000), 0.75)).toBe(0.25);
  });
  it('every event when both pay; none when neither does', () => {
    expect(eventPaidShare(lump(10000, 2000), 0.75)).toBe(1);
    expect(eventPaidShare(lump(0, 0), 0.75)).toBe(0);
  });
  it('none when the cap is 0; a positive cap changes nothing', () => {
    expect(eventPaidShare(lump(10000, 2000, 0), 0.75)).toBe(0);
    expect(eventPaidShare(lump(10000, 2000, 5000), 0.75)).toBe(1);
  });
});
