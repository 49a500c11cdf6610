/**
 * For the Monte Carlo loop's unit tests (test/engine/simulateBlock*.test.ts): a plan run block by
 * block (planBlocks, then simulateBlock on one hydrated plan, the results laid end to end here
 * rather than by simulate.ts's `assemble`), a scheme builder for `/2` files, and the Poisson pmf by
 * its product.
 */
import { expect } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { planBlocks } from '../../src/engine/blocks.ts';
import { UNIT_SCALE } from '../../src/engine/expected.ts';
import { compilePlan, type Plan } from '../../src/engine/plan.ts';
import { hydrate, simulateBlock } from '../../src/engine/simulateBlock.ts';

export interface Run {
  plan: Plan;
  iterations: number;
  nb: number;
  totals: Float64Array;
  byBenefit: Float64Array;
  counts: Float64Array;
  claimants: number;
  /** Benefit j's payout in each iteration. */
  column: (j: number) => number[];
}

/** `iterations` periods of the scenario (its table at `bits`), from seed `seed`. */
export function runScenario(s: Scenario, iterations: number, seed = 'loop', bits = 16): Run {
  return runPlan(compilePlan(resolveScheme(s), UNIT_SCALE, bits), iterations, seed);
}

export function runPlan(plan: Plan, iterations: number, seed = 'loop'): Run {
  const h = hydrate(plan);
  const nb = plan.benefitIds.length;
  const totals = new Float64Array(iterations);
  const byBenefit = new Float64Array(iterations * nb);
  const counts = new Float64Array(plan.countColumns);
  let claimants = 0;
  for (const block of planBlocks(iterations)) {
    const r = simulateBlock(h, seed, block);
    expect(r.start).toBe(block.start);
    expect(r.count).toBe(block.count);
    expect(r.totals).toHaveLength(block.count);
    expect(r.byBenefit).toHaveLength(block.count * nb);
    expect(r.counts).toHaveLength(plan.countColumns);
    for (let i = 0; i < block.count; i++) {
      totals[block.start + i] = r.totals[i];
      for (let j = 0; j < nb; j++) byBenefit[(block.start + i) * nb + j] = r.byBenefit[i * nb + j];
    }
    for (let j = 0; j < counts.length; j++) counts[j] += r.counts[j];
    claimants += r.claimants;
  }
  const column = (j: number) => Array.from({ length: iterations }, (_, i) => byBenefit[i * nb + j]);
  return { plan, iterations, nb, totals, byBenefit, counts, claimants, column };
}

/** A `/2` scheme of one contribution of 10 a member, with the given members, risks, benefits and limits. */
export function scheme(
  members: Scenario['members'],
  risks: Scenario['risks'],
  benefits: Scenario['benefits'],
  limits: NonNullable<Scenario['limits']> = [],
): Scenario {
  return {
    format: 'huzhu-scenario/2',
    name: 'loop unit',
    members,
    contributions: [{ payer: 'member', amount: 10 }],
    risks,
    benefits,
    limits,
  };
}

export const oneGroup = (count: number, newShare = 0): Scenario['members'] => ({
  groups: [{ id: 'g', count, newShare }],
});

/** Half the members hold 1 share, half `k`. */
export const halves = (count: number, k: number, newShare = 0): Scenario['members'] => ({
  groups: [
    {
      id: 'g',
      count,
      newShare,
      holdings: [
        { shares: 1, fraction: 0.5 },
        { shares: k, fraction: 0.5 },
      ],
    },
  ],
});

/** P(K = k) for K ~ Poisson(m), by the product e^{−m}·m/1·m/2⋯m/k. */
export function poissonPmf(k: number, m: number): number {
  let p = Math.exp(-m);
  for (let i = 1; i <= k; i++) p *= m / i;
  return p;
}

/**
 * The first two moments of perDay·min(D, maxDays) for D ~ Poisson(mean), summed over
 * D < 10·mean + 20 (the terms past it are below 1e-30 of the total for the means used here).
 */
export function poissonDayMoments(mean: number, perDay: number, maxDays: number): { m1: number; m2: number } {
  let m1 = 0,
    m2 = 0;
  for (let d = 0; d < 10 * mean + 20; d++) {
    const pay = perDay * Math.min(d, maxDays);
    m1 += poissonPmf(d, mean) * pay;
    m2 += poissonPmf(d, mean) * pay * pay;
  }
  return { m1, m2 };
}

export const sum = (xs: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
};

/** Sample mean and the sample variance (n − 1). */
export function moments(xs: ArrayLike<number>): { mean: number; variance: number } {
  const n = xs.length;
  const mean = sum(xs) / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - mean) ** 2;
  return { mean, variance: ss / (n - 1) };
}

/** |actual − expected| within `k` standard errors `se`, with both in the message. */
export function expectWithin(actual: number, expected: number, se: number, what = '', k = 4): void {
  expect(
    Math.abs(actual - expected),
    `${what}: ${actual} against ${expected}, ${(Math.abs(actual - expected) / se).toFixed(2)} standard errors`,
  ).toBeLessThanOrEqual(k * se);
}

/** Every value a whole multiple of `unit` (to 1e-9 of it), returned as the multiples. */
export function multiples(xs: ArrayLike<number>, unit: number): number[] {
  return Array.from(xs, (x) => {
    const k = Math.round(x / unit);
    expect(Math.abs(x - k * unit), `${x} is not a multiple of ${unit}`).toBeLessThanOrEqual(1e-9 * unit);
    return k;
  });
}
