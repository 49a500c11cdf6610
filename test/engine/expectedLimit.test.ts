/**
 * A limit over a benefit of very fine steps (src/engine/expectedLimit.ts): the limit's exact
 * expectation sums every piece of its benefits below the cap, hundreds of thousands here, against
 * an integral written in this file; a cap that would need a hundred million pieces is refused before
 * anything is computed, naming the limit's cap (it used to throw `RangeError: Set maximum size
 * exceeded`, on a file the validator accepts).
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { CostDist, DailyBenefit, Scenario } from '../../src/domain/scenario.ts';
import type { SchemeBenefit } from '../../src/domain/scheme.ts';
import { expectedCostLimit } from '../../src/engine/expectedLimit.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { checkWork, runWork } from '../../src/engine/workBudget.ts';
import { validateScenario } from '../../src/io/validate.ts';
import { problemLines } from '../helpers/worded.ts';

// X ~ Pareto II (Lomax), scale 4,000, shape 1.1: P(X > x) = (1 + x/4000)^−1.1.
const cost: CostDist = { dist: 'pareto', scale: 4000, shape: 1.1 };
const sf = (x: number) => (1 + x / 4000) ** -1.1;
const half: SchemeBenefit = {
  perShare: false,
  id: 'half',
  risk: 'r',
  type: 'bands',
  bands: [{ upTo: null, rate: 0.5 }],
};
// one yuan for every whole yuan of cost above 10,000, no cap
const fine: SchemeBenefit = {
  perShare: false,
  id: 'fine',
  risk: 'r',
  type: 'steps',
  from: 10000,
  step: 1,
  perStep: 1,
};

/**
 * F(x) = 0.5·x + ⌊x − 10,000⌋⁺, and the least x with F(x) > y: below 10,000, 2y; above, with
 * z = y − 5,000, k = ⌊z/1.5⌋ whole steps and F = 5,000 + 1.5k + 0.5f on x = 10,000 + k + f:
 * F > y within that step when z − 1.5k < 0.5 (at f = 2(z − 1.5k)), else at the next step.
 */
function threshold(y: number): number {
  if (y < 5000) return 2 * y;
  const z = y - 5000;
  const k = Math.floor(z / 1.5);
  const r = z - 1.5 * k;
  return r < 0.5 ? 10000 + k + 2 * r : 10000 + k + 1;
}

/** E[min(F(X), c)] = ∫_0^c P(F(X) > y) dy, by the midpoint rule (the integrand is continuous in y). */
function limitedIntegral(c: number, n = 1_000_000): number {
  if (c <= 0) return 0;
  const h = c / n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sf(threshold((i + 0.5) * h));
  return sum * h;
}

describe('a limit over half the cost and one yuan a yuan above 10,000 (190,000 one-yuan steps under the cap)', () => {
  const C = 200_000;
  it('E[min(F(X), C)] agrees with the integral of P(F(X) > y) to 1e-7', () => {
    const exact = expectedCostLimit(
      cost,
      1,
      [
        { b: half, c: 1 },
        { b: fine, c: 1 },
      ],
      undefined,
      [],
      C,
    );
    const integral = limitedIntegral(C);
    expect(integral).toBeGreaterThan(1000);
    expect(Math.abs(exact - integral) / integral).toBeLessThan(1e-7);
  });
  it('with 100 a day for up to 10 days in the limit: Σ_d P(D = d)·(g(d) + E[min(F, C − g(d))])', () => {
    const daily: DailyBenefit & { perShare: boolean } = {
      perShare: false,
      id: 'day',
      risk: 'r',
      type: 'daily',
      perDay: 100,
      maxDays: 10,
    };
    const exact = expectedCostLimit(
      cost,
      1,
      [
        { b: half, c: 1 },
        { b: fine, c: 1 },
      ],
      { dist: 'poisson', mean: 5 },
      [{ b: daily, c: 1 }],
      C,
    );
    let hand = 0,
      p = Math.exp(-5),
      below = 0;
    for (let d = 0; d < 10; d++) {
      hand += p * (100 * d + limitedIntegral(C - 100 * d, 200_000));
      below += p;
      p *= 5 / (d + 1);
    }
    hand += (1 - below) * (1000 + limitedIntegral(C - 1000, 200_000));
    expect(Math.abs(exact - hand) / hand).toBeLessThan(1e-6);
  });
});

describe('the work of a limit over fine steps is bounded where it is decided', () => {
  const file = (cap: number): Scenario => {
    const r = validateScenario({
      format: 'huzhu-scenario/2',
      name: 'fine steps under a limit',
      members: { count: 20000 },
      contributions: [{ payer: 'member', amount: 1900 }],
      risks: [{ id: 'r', kind: 'cost', rate: 0.05, cost }],
      benefits: [half, fine],
      limits: [{ id: 'all', benefits: ['half', 'fine'], cap }],
      simulation: { iterations: 1000, seed: 'fine' },
    });
    if (!r.ok) throw new Error(problemLines(r.problems));
    return r.scenario;
  };
  it('a cap of 100,000,000 yuan over one-yuan steps is refused at limits[0].cap before anything runs', () => {
    const s = resolveScheme(file(1e8));
    const refusal = checkWork([runWork(s)], 1000);
    expect(refusal?.path).toBe('limits[0].cap');
    expect(refusal?.code).toBe('period');
  });
  it('a cap of 200,000 is accepted, and the payout is E[F] less E[(F − C)⁺], both by hand', () => {
    const s = resolveScheme(file(2e5));
    expect(checkWork([runWork(s)], 1000)).toBeNull();
    const e = expectedPayout(s);
    const claimants = 0.05 * 20000;
    // E[F] = 0.5·E[X] + Σ_{k≥1} P(X ≥ 10,000 + k), E[X] = 4000/0.1; the sum to K, then its tail by
    // Euler–Maclaurin: ∫_K^∞ P(X > 10,000 + t) dt − P(X > 10,000 + K)/2, ∫ = 40,000·(1 + (10,000 + K)/4000)^−0.1
    const K = 2_000_000;
    let steps = 0;
    for (let k = 1; k <= K; k++) steps += sf(10000 + k);
    steps += 40000 * (1 + (10000 + K) / 4000) ** -0.1 - sf(10000 + K) / 2;
    const payout = claimants * limitedIntegral(2e5);
    expect(Math.abs(e.benefits[0].expected / claimants - 20000)).toBeLessThan(1e-6);
    expect(Math.abs(e.benefits[1].expected / claimants - steps) / steps).toBeLessThan(1e-7);
    expect(
      Math.abs(e.limits[0].reduction / claimants - (20000 + steps - payout / claimants)) / (20000 + steps),
    ).toBeLessThan(1e-7);
    expect(Math.abs(e.payout - payout) / payout).toBeLessThan(1e-7);
  });
});
