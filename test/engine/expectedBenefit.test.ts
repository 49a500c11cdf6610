import { describe, expect, it } from 'vitest';
import type { BandsBenefit, CostDist, StepsBenefit } from '../../src/domain/scenario.ts';
import { continuousCost } from '../../src/engine/costDistribution.ts';
import {
  expectedCostBenefit,
  expectedDailyBenefit,
  expectedLumpSum,
  expectedStepsBySurvival,
} from '../../src/engine/expectedBenefit.ts';
import { beijing, hangzhou, jiaxing, jiaxingDaily, wenzhou } from '../helpers/fixtures.ts';
import { integratePieces } from '../helpers/integrate.ts';
import { stepsBenefit } from '../helpers/benefits.ts';

const band = (upTo: number | null, cap?: number): BandsBenefit => ({
  id: 'b',
  risk: 'r',
  type: 'bands',
  bands: [{ upTo, rate: 1 }],
  cap,
});
const exponential = (mean: number): CostDist => ({ dist: 'gamma', mean, cv: 1 });

describe('limited expected values E[min(X, u)] against independent derivations', () => {
  it('gamma with cv 1 is the exponential: E[min(X, u)] = θ(1 − e^{−u/θ})', () => {
    for (const [theta, u] of [
      [4000, 1000],
      [4000, 50000],
      [1200, 3000],
      [10, 1e6],
    ]) {
      expect(expectedCostBenefit(band(u), exponential(theta))).toBeCloseTo(
        theta * -Math.expm1(-u / theta),
        8,
      );
    }
  });
  it('Pareto II: E[min(X, u)] = s/(α−1)·[1 − (s/(u+s))^{α−1}]', () => {
    for (const [s, a, u] of [
      [3000, 2.5, 10000],
      [3000, 1.2, 50000],
      [500, 3, 200],
      [10000, 1.01, 1e7],
    ]) {
      const exact = (s / (a - 1)) * (1 - Math.pow(s / (u + s), a - 1));
      expect(expectedCostBenefit(band(u), { dist: 'pareto', scale: s, shape: a }) / exact).toBeCloseTo(1, 10);
    }
  });
  it('lognormal: E[min(X, u)] equals ∫_0^u S(x) dx by quadrature', () => {
    for (const [mean, cv, u] of [
      [4000, 2, 10000],
      [4000, 0.5, 3000],
      [1200, 5, 50000],
      [800, 0.05, 900],
    ]) {
      const dist: CostDist = { dist: 'lognormal', mean, cv };
      const X = continuousCost(dist);
      const pts = [0, ...[X.median / 4, X.median, 2 * X.median].filter((p) => p < u), u];
      const q = integratePieces((x) => X.sf(x), pts);
      expect(expectedCostBenefit(band(u), dist) / q).toBeCloseTo(1, 8);
    }
  });
  it('an open band at rate 1 returns the mean of every distribution', () => {
    expect(expectedCostBenefit(band(null), { dist: 'lognormal', mean: 4000, cv: 2 })).toBeCloseTo(4000, 6);
    expect(expectedCostBenefit(band(null), { dist: 'gamma', mean: 4000, cv: 0.3 })).toBeCloseTo(4000, 6);
    expect(expectedCostBenefit(band(null), { dist: 'pareto', scale: 6000, shape: 2.5 })).toBeCloseTo(4000, 6);
  });
});

describe('banded tables', () => {
  it('Hangzhou on exponential costs: Σ rate_i·θ(e^{−l_i/θ} − e^{−u_i/θ}), the cap binding exactly at 50,000', () => {
    for (const theta of [1500, 4000, 20000]) {
      const edges = [0, 1000, 10000, 15000, 50000];
      const rates = [0.2, 0.5, 0.9, 0.6];
      let exact = 0;
      for (let i = 0; i < 4; i++)
        exact += rates[i] * theta * (Math.exp(-edges[i] / theta) - Math.exp(-edges[i + 1] / theta));
      expect(expectedCostBenefit(hangzhou, exponential(theta))).toBeCloseTo(exact, 7);
    }
  });
  it('Jiaxing on lognormal costs equals ½·∫_0^{60,000} S(x) dx (the cap binds at 60,000)', () => {
    const dist: CostDist = { dist: 'lognormal', mean: 9000, cv: 1.5 };
    const X = continuousCost(dist);
    const q = 0.5 * integratePieces((x) => X.sf(x), [0, 2000, 6000, 15000, 60000]);
    expect(expectedCostBenefit(jiaxing, dist) / q).toBeCloseTo(1, 8);
  });
  it('Hangzhou on Pareto costs equals Σ rate_i ∫ S over each band by quadrature', () => {
    const dist: CostDist = { dist: 'pareto', scale: 6000, shape: 2.2 };
    const X = continuousCost(dist);
    const edges = [0, 1000, 10000, 15000, 50000];
    const rates = [0.2, 0.5, 0.9, 0.6];
    let q = 0;
    for (let i = 0; i < 4; i++) q += rates[i] * integratePieces((x) => X.sf(x), [edges[i], edges[i + 1]]);
    expect(expectedCostBenefit(hangzhou, dist) / q).toBeCloseTo(1, 8);
  });
  it('a deductible and a cap in the middle of a band: E = r·∫_{d}^{d + cap/r} S', () => {
    const b: BandsBenefit = {
      id: 'b',
      risk: 'r',
      type: 'bands',
      deductible: 800,
      bands: [{ upTo: null, rate: 0.7 }],
      cap: 7000,
    };
    const dist: CostDist = { dist: 'gamma', mean: 5000, cv: 1.3 };
    const X = continuousCost(dist);
    const q = 0.7 * integratePieces((x) => X.sf(x), [800, 3000, 6000, 800 + 10000]);
    expect(expectedCostBenefit(b, dist) / q).toBeCloseTo(1, 8);
  });
  it('empirical costs average the benefit over the values', () => {
    expect(
      expectedCostBenefit(hangzhou, { dist: 'empirical', values: [12000, 1000, 60000, 500] }),
    ).toBeCloseTo((6500 + 200 + 30200 + 100) / 4, 9);
  });
});

describe('stepped tables', () => {
  const geometric = (b: StepsBenefit, theta: number) => {
    // Σ_{k≥1} perStep·e^{−(from + k·step)/θ}, truncated at the cap's step count
    const kMax = b.cap === undefined ? Infinity : Math.ceil(b.cap / b.perStep);
    let sum = 0;
    for (let k = 1; k <= Math.min(kMax, 1e6); k++) {
      const pay = Math.min(b.perStep, (b.cap ?? Infinity) - b.perStep * (k - 1));
      sum += pay * Math.exp(-(b.from + k * b.step) / theta);
    }
    return sum;
  };
  it('Wenzhou on exponential costs equals the geometric sum Σ 1,000·P(X ≥ 20,000 + 10,000k), k ≤ 50', () => {
    for (const theta of [5000, 30000, 200000]) {
      expect(expectedCostBenefit(wenzhou, exponential(theta)) / geometric(wenzhou, theta)).toBeCloseTo(1, 9);
    }
  });
  it('uncapped steps on exponential costs: perStep·e^{−(from+step)/θ}/(1 − e^{−step/θ})', () => {
    const b: StepsBenefit = { ...wenzhou, cap: undefined };
    for (const theta of [5000, 30000]) {
      const exact = (1000 * Math.exp(-(20000 + 10000) / theta)) / -Math.expm1(-10000 / theta);
      expect(expectedCostBenefit(b, exponential(theta)) / exact).toBeCloseTo(1, 9);
    }
  });
  it('uncapped steps on a heavy Pareto tail lie between (perStep/step)·E[(X − from − step)+] and (perStep/step)·E[(X − from)+]', () => {
    const b: StepsBenefit = { ...wenzhou, cap: undefined };
    const s = 8000,
      a = 1.3;
    const stopLoss = (t: number) => (Math.pow(s, a) * Math.pow(t + s, 1 - a)) / (a - 1);
    const e = expectedCostBenefit(b, { dist: 'pareto', scale: s, shape: a });
    expect(e).toBeGreaterThan((1000 / 10000) * stopLoss(30000));
    expect(e).toBeLessThan((1000 / 10000) * stopLoss(20000));
  });
});

describe('uncapped steps under a Pareto tail, in closed form (Hurwitz zeta)', () => {
  const steps = (from: number, step: number, perStep: number, cap?: number) =>
    stepsBenefit(from, step, perStep, cap);
  it('shape 2 with (from + s)/step = n whole: perStep·(s/step)²·(π²/6 − Σ_{k=1}^{n} 1/k²)', () => {
    // S(from + k·step) = (s/(from + s + k·step))² = (s/step)²/(n + k)², and Σ_{k>n} 1/k² = π²/6 − Σ_{k≤n} 1/k².
    for (const [s, from, step, n] of [
      [4000, 6000, 10, 1000],
      [30000, 0, 1000, 30],
      [500, 1500, 0.5, 4000],
    ]) {
      let head = 0;
      for (let k = n; k >= 1; k--) head += 1 / (k * k);
      const exact = 7 * (s / step) ** 2 * (Math.PI ** 2 / 6 - head);
      expect(
        expectedCostBenefit(steps(from, step, 7), { dist: 'pareto', scale: s, shape: 2 }) / exact,
      ).toBeCloseTo(1, 11);
    }
  });
  it('the bench’s heavy tail (Pareto 4,000, shape 1.1; 5 yuan per 10 yuan from 10,000) pays 17,644.43200478361 per claimant, as mpmath gives', () => {
    // 5·400^1.1·ζ(1.1, 1401), mpmath 1.3 at 30 digits (shape: the double nearest 1.1).
    expect(
      expectedCostBenefit(steps(10000, 10, 5), { dist: 'pareto', scale: 4000, shape: 1.1 }) /
        17644.432004783608,
    ).toBeCloseTo(1, 13);
    // The same through the cost scale (a trend factor of 2 doubles the Pareto scale).
    expect(
      expectedCostBenefit(steps(10000, 10, 5), { dist: 'pareto', scale: 2000, shape: 1.1 }, 2) /
        17644.432004783608,
    ).toBeCloseTo(1, 13);
  });
  it('a Pareto shape of 1,000 with a scale of 10^9 (the limits) gives the survival sum, not NaN', () => {
    // S(k·1000) = (1 + k/10^6)^−1000: the direct survival sum stops within 50,000 terms.
    const b = steps(0, 1000, 1);
    const X = continuousCost({ dist: 'pareto', scale: 1e9, shape: 1000 });
    const bySurvival = expectedStepsBySurvival(b, X);
    expect(bySurvival).toBeGreaterThan(999);
    expect(expectedCostBenefit(b, { dist: 'pareto', scale: 1e9, shape: 1000 }) / bySurvival).toBeCloseTo(
      1,
      11,
    );
  });
  it('a cap above MAX_STEP_PIECES steps stops the sum at the cap, with the rest of the cap paid one step later', () => {
    // Cap 1,000,002.5: 200,000 full steps of 5, then 2.5. mpmath: 5·400^1.1·(ζ(1.1, 1401) − ζ(1.1, 201401))
    // + 2.5·(4000/(10000 + 200001·10 + 4000))^1.1.
    expect(
      expectedCostBenefit(steps(10000, 10, 5, 1_000_002.5), { dist: 'pareto', scale: 4000, shape: 1.1 }) /
        6908.745216724144,
    ).toBeCloseTo(1, 12);
  });
});

describe('daily allowances and lump sums', () => {
  const poissonPmf = (mean: number, n: number) => {
    const p = [Math.exp(-mean)];
    for (let k = 1; k <= n; k++) p.push((p[k - 1] * mean) / k);
    return p;
  };
  it('Jiaxing: 30·E[min(D, 15)] with D Poisson(9), by the pmf recurrence', () => {
    const p = poissonPmf(9, 200);
    const exact = 30 * p.reduce((s, pk, k) => s + pk * Math.min(k, 15), 0);
    expect(expectedDailyBenefit(jiaxingDaily, { dist: 'poisson', mean: 9 })).toBeCloseTo(exact, 9);
  });
  it('negative-binomial days: E[min(D, 15)] by the recurrence p_{k+1} = p_k·(k + r)/(k + 1)·(1 − p)', () => {
    const mean = 9,
      cv = 0.9;
    const r = (mean * mean) / ((cv * mean) ** 2 - mean),
      pr = r / (r + mean);
    let pk = Math.pow(pr, r),
      exact = 0;
    for (let k = 0; k < 2000; k++) {
      exact += pk * Math.min(k, 15);
      pk *= ((k + r) / (k + 1)) * (1 - pr);
    }
    expect(expectedDailyBenefit(jiaxingDaily, { dist: 'negative-binomial', mean, cv })).toBeCloseTo(
      30 * exact,
      8,
    );
  });
  it('fixed and empirical days, and no maximum', () => {
    expect(expectedDailyBenefit(jiaxingDaily, { dist: 'fixed', value: 20 })).toBe(450);
    expect(expectedDailyBenefit(jiaxingDaily, { dist: 'empirical', values: [1, 2, 30] })).toBeCloseTo(
      (30 + 60 + 450) / 3,
      9,
    );
    expect(
      expectedDailyBenefit({ ...jiaxingDaily, maxDays: undefined }, { dist: 'poisson', mean: 12.5 }),
    ).toBeCloseTo(375, 9);
  });
  it('Beijing: E[min(4,000·K, 16,000)] with K Poisson(rate × (1 − newShare·60/365))', () => {
    const rate = 0.3,
      newShare = 0.2;
    const lambda = rate * (1 - (newShare * 60) / 365);
    const p = poissonPmf(lambda, 60);
    const exact = p.reduce((s, pk, k) => s + pk * Math.min(4000 * k, 16000), 0);
    expect(expectedLumpSum(beijing, rate, 0, newShare)).toBeCloseTo(exact, 9);
  });
  it('a Gamma-mixed rate: the negative-binomial form equals quadrature of the Poisson result over Θ', () => {
    const rate = 0.8,
      cv = 0.5,
      k = 1 / (cv * cv),
      theta = cv * cv;
    const lgk = (() => {
      let s = 0;
      for (let i = 1; i < k; i++) s += Math.log(i);
      return s;
    })(); // Γ(4) = 3!
    const density = (t: number) => Math.exp((k - 1) * Math.log(t) - t / theta - lgk - k * Math.log(theta));
    const conditional = (t: number) =>
      poissonPmf(rate * t, 60).reduce((s, pk, j) => s + pk * Math.min(4000 * j, 16000), 0);
    const q = integratePieces(
      (t) => (t === 0 ? 0 : density(t) * conditional(t)),
      [0, 0.5, 1, 2, 4, 8, 20],
      1e-12,
    );
    expect(expectedLumpSum({ ...beijing, waitingDays: 0 }, rate, cv, 0) / q).toBeCloseTo(1, 8);
  });
  it('an uncapped lump sum pays amount × rate per member whatever the mixing', () => {
    expect(expectedLumpSum({ ...beijing, cap: undefined, waitingDays: 0 }, 0.02, 0.7, 0.1)).toBeCloseTo(
      80,
      9,
    );
  });
});
