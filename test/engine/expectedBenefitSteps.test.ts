/**
 * Steps paid by their survival sum (src/engine/expectedBenefit.ts, `expectedStepsBySurvival`) and the
 * stop-loss E[(X − t)+] it closes the sum with, against closed forms written here.
 *
 * Lomax, scale θ and shape α: S(x) = (1 + x/θ)^−α and E[(X − t)+] = ∫_t^∞ S = θ/(α − 1)·(1 + t/θ)^(1−α).
 * With θ = step and from = 0 (or from + θ a whole multiple of the step), S(from + k·step) = c·(n + k)^−α,
 * so the uncapped sum Σ_{k≥1} S(from + k·step) is a tail of ζ(α): ζ(2) = π²/6, ζ(3/2) = 2.6123753486854883.
 * The capped sum to F stops at ψ'(F + 2) short of it (α = 2, ψ' the trigamma function, whose asymptotic
 * series 1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) is exact to double precision at x = 3·10⁶).
 */
import { describe, expect, it } from 'vitest';
import type { CostDist } from '../../src/domain/scenario.ts';
import { continuousCost } from '../../src/engine/costDistribution.ts';
import { expectedCostBenefit, expectedStepsBySurvival, stopLoss } from '../../src/engine/expectedBenefit.ts';
import { stepsBenefit } from '../helpers/benefits.ts';

const steps = (from: number, step: number, perStep: number, cap?: number) =>
  stepsBenefit(from, step, perStep, cap);
const lomax = (scale: number, shape: number) => continuousCost({ dist: 'pareto', scale, shape });
const ZETA_3_2 = 2.612375348685488; // ζ(3/2) = 2.61237534868548834…
const trigamma = (x: number) => 1 / x + 1 / (2 * x * x) + 1 / (6 * x ** 3) - 1 / (30 * x ** 5);

describe('the stop-loss E[(X − t)+]', () => {
  it('Lomax (2,000, 2.5): 2000/1.5·(1 + t/2000)^−1.5, the mean at t = 0', () => {
    const X = lomax(2000, 2.5);
    for (const t of [0, 500, 10000, 1e7]) {
      const exact = (2000 / 1.5) * (1 + t / 2000) ** -1.5;
      expect(stopLoss(X, t) / exact).toBeCloseTo(1, 12);
    }
  });
  it('exponential (gamma with cv 1) of mean 1,000: 1000·e^{−t/1000}', () => {
    const X = continuousCost({ dist: 'gamma', mean: 1000, cv: 1 });
    for (const t of [0, 300, 2000, 30000])
      expect(stopLoss(X, t) / (1000 * Math.exp(-t / 1000))).toBeCloseTo(1, 10);
  });
});

describe('steps by their survival sum, past a million terms closed by Euler–Maclaurin', () => {
  it('uncapped, Lomax of scale = step = 1,000, shape 2: 7·(π²/6 − 1)', () => {
    const got = expectedStepsBySurvival(steps(0, 1000, 7), lomax(1000, 2));
    expect(got / (7 * (Math.PI ** 2 / 6 - 1))).toBeCloseTo(1, 12);
  });
  it('uncapped, shape 1.5 (a tail of a millionth beyond the millionth term): 7·(ζ(3/2) − 1)', () => {
    const got = expectedStepsBySurvival(steps(0, 1000, 7), lomax(1000, 1.5));
    expect(got / (7 * (ZETA_3_2 - 1))).toBeCloseTo(1, 12);
  });
  it('far in the tail (from + θ = 10⁸ = step, S(from + step) = 2.5e-11): 7·10⁻¹⁰·(π²/6 − 1)', () => {
    const got = expectedStepsBySurvival(steps(1e8 - 1000, 1e8, 7), lomax(1000, 2));
    expect(got / (7e-10 * (Math.PI ** 2 / 6 - 1))).toBeCloseTo(1, 12);
  });
  it('capped at 3·10⁶ steps and 0.25: 7·(ψ′(2) − ψ′(3·10⁶ + 2)) + 0.25·(3·10⁶ + 2)^−2', () => {
    const F = 3_000_000;
    const got = expectedStepsBySurvival(steps(0, 1000, 7, 7 * F + 0.25), lomax(1000, 2));
    const exact = 7 * (Math.PI ** 2 / 6 - 1 - trigamma(F + 2)) + 0.25 * (F + 2) ** -2;
    expect(got / exact).toBeCloseTo(1, 12);
  });
  it('capped at 2 steps and a half (100 a step, cap 250): 100·(S(1,000) + S(2,000)) + 50·S(3,000) = 100·(1/4 + 1/9) + 50/16', () => {
    const got = expectedStepsBySurvival(steps(0, 1000, 100, 250), lomax(1000, 2));
    expect(got / (100 * (1 / 4 + 1 / 9) + 50 / 16)).toBeCloseTo(1, 12);
  });
});

describe('uncapped steps of a cost that is not Pareto go by the survival sum', () => {
  it('exponential of mean 1,000, 10 per 100 above 500: 10·e^{−0.6}/(1 − e^{−0.1})', () => {
    const cost: CostDist = { dist: 'gamma', mean: 1000, cv: 1 };
    const exact = (10 * Math.exp(-0.6)) / -Math.expm1(-0.1);
    expect(expectedCostBenefit(steps(500, 100, 10), cost) / exact).toBeCloseTo(1, 11);
    // A cost scale of 2 is an exponential of mean 2,000.
    const scaled = (10 * Math.exp(-0.3)) / -Math.expm1(-0.05);
    expect(expectedCostBenefit(steps(500, 100, 10), cost, 2) / scaled).toBeCloseTo(1, 11);
  });
});
