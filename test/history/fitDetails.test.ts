/**
 * The claim fits (src/history/fitClaims.ts and the three family fits) on a sample of ten costs
 * small enough to work every figure out here: the log-likelihoods as sums of log densities
 * written out in this file, AIC = 2·2 − 2ℓ and ΔAIC, the KS yardstick 1.36/√10, the QQ points'
 * probabilities and empirical quantiles (type 7), the gamma scale x̄/k and the likelihood's
 * maximum in the shape; then the input rules at their ends (10 costs, 100 listed problems,
 * infinite costs) and the edges of the special functions and of the robust rule.
 */
import { describe, expect, it } from 'vitest';
import { fitClaims, type ClaimFits } from '../../src/history/index.ts';
import { trigamma } from '../../src/history/digamma.ts';
import { summarise } from '../../src/history/claimSample.ts';
import { fitLomax } from '../../src/history/fitLomax.ts';
import { ksDistance } from '../../src/history/goodnessOfFit.ts';
import { outOfLine, median } from '../../src/history/robust.ts';
import { credibility } from '../../src/history/index.ts';
import { logGamma, normalSf } from '../../src/stats/special.ts';
import Decimal from 'decimal.js';

// 100·2^i: the logarithms are evenly spaced, ln 100 + i·ln 2.
const costs = Array.from({ length: 10 }, (_, i) => 100 * 2 ** i);
const n = costs.length;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const logs = costs.map(Math.log);
const mu = sum(logs) / n;
const s2 = sum(logs.map((y) => (y - mu) ** 2)) / n;
const xbar = sum(costs) / n;
const fits = (): ClaimFits => {
  const r = fitClaims(costs);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};
const of = (r: ClaimFits, family: string) => r.fits.find((f) => f.family === family)!;

describe('ten costs 100, 200, …, 51,200, fitted', () => {
  it('lognormal: μ = mean of ln x, σ² = mean of (ln x − μ)² (divided by n), ℓ = Σ ln f(x)', () => {
    const f = of(fits(), 'lognormal');
    expect(mu).toBeCloseTo(Math.log(100) + 4.5 * Math.LN2, 12);
    expect(s2).toBeCloseTo((Math.LN2 ** 2 * 99) / 12, 12); // the variance of 0..9 is (n² − 1)/12
    expect(f.params.mu).toBeCloseTo(mu, 12);
    expect(f.params.sigma).toBeCloseTo(Math.sqrt(s2), 12);
    expect(f.dist).toEqual({
      dist: 'lognormal',
      mean: expect.closeTo(Math.exp(mu + s2 / 2), 6),
      cv: expect.closeTo(Math.sqrt(Math.exp(s2) - 1), 12),
    });
    const sigma = Math.sqrt(s2);
    const ll = sum(
      costs.map((x) => -Math.log(x * sigma * Math.sqrt(2 * Math.PI)) - (Math.log(x) - mu) ** 2 / (2 * s2)),
    );
    expect(f.logLik).toBeCloseTo(ll, 9);
    expect(f.notes).toEqual([]);
    expect(f.meanExists).toBe(true);
  });
  it('gamma: mean x̄ = 10,230, scale x̄/k, ℓ = Σ ln f(x), and ℓ falls either side of the shape found', () => {
    const f = of(fits(), 'gamma');
    const { shape: k, scale: theta } = f.params;
    expect(xbar).toBe(10230);
    expect((f.dist as { mean: number }).mean).toBeCloseTo(10230, 9);
    expect(k * theta).toBeCloseTo(10230, 8);
    expect((f.dist as { cv: number }).cv).toBeCloseTo(1 / Math.sqrt(k), 14);
    const ll = (k: number, theta: number) =>
      sum(costs.map((x) => (k - 1) * Math.log(x) - x / theta - k * Math.log(theta) - logGamma(k)));
    expect(f.logLik).toBeCloseTo(ll(k, theta), 9);
    for (const d of [0.999, 1.001]) expect(ll(k * d, xbar / (k * d))).toBeLessThan(ll(k, theta));
    expect(f.notes).toEqual([]);
    expect(f.meanExists).toBe(true);
  });
  it('Pareto II: ℓ = Σ ln f(x) at the scale and shape found', () => {
    const f = of(fits(), 'pareto');
    const { scale: s, shape: a } = f.params;
    const ll = (s: number, a: number) => sum(costs.map((x) => Math.log(a / s) - (a + 1) * Math.log1p(x / s)));
    expect(f.logLik).toBeCloseTo(ll(s, a), 8);
    // A maximum inside the search range: every nearby (s, α) does worse.
    for (const [ds, da] of [
      [1.01, 1],
      [0.99, 1],
      [1, 1.01],
      [1, 0.99],
    ])
      expect(ll(s * ds, a * da)).toBeLessThan(ll(s, a));
    expect(f.meanExists).toBe(a > 1);
  });
  it('Pareto II of ten costs from 100 to 109: lighter than any Lomax, so the exponential limit', () => {
    const costs = Array.from({ length: 10 }, (_, i) => 100 + i);
    expect(fitLomax(summarise(costs)).notes).toEqual(['fitExponentialLimit']);
  });
  it('KS distance where the gap lies below the fitted CDF: F(0.1) = 0.1736, F(0.2) = 0.3056 give D = 1/1.44', () => {
    // Pareto II scale 1, shape 2: F(x) = 1 − 1/(1 + x)²; the largest gap is 1 − F(0.2) = 1/1.44.
    expect(ksDistance(Float64Array.of(0.1, 0.2), { dist: 'pareto', scale: 1, shape: 2 })).toBeCloseTo(
      1 / 1.44,
      14,
    );
  });
  it('AIC = 4 − 2ℓ, ΔAIC from the smallest, ranked by AIC; the KS yardstick is 1.36/√10', () => {
    const r = fits();
    expect(r.n).toBe(10);
    expect(r.ksReference).toBeCloseTo(1.36 / Math.sqrt(10), 15);
    for (const f of r.fits) expect(f.aic).toBeCloseTo(4 - 2 * f.logLik, 9);
    const best = Math.min(...r.fits.map((f) => f.aic));
    expect(r.fits[0].aic).toBe(best);
    for (const f of r.fits) expect(f.deltaAic).toBeCloseTo(f.aic - best, 9);
    expect(r.fits.map((f) => f.aic)).toEqual([...r.fits.map((f) => f.aic)].sort((x, y) => x - y));
    expect(r.fits.map((f) => f.family).sort()).toEqual(['gamma', 'lognormal', 'pareto']);
  });
  it('KS distance of the lognormal: max over i of F(x_i) − (i−1)/n and i/n − F(x_i)', () => {
    const f = of(fits(), 'lognormal');
    const F = (x: number) => 1 - normalSf((Math.log(x) - mu) / Math.sqrt(s2));
    let d = 0;
    costs.forEach((x, i) => (d = Math.max(d, F(x) - i / n, (i + 1) / n - F(x))));
    expect(f.ks).toBeCloseTo(d, 12);
  });
  it('QQ points: m = min(10, 100) = 10 at p = 0.05, 0.15, …, 0.95, the empirical quantile of type 7', () => {
    const qq = of(fits(), 'lognormal').qq;
    expect(qq.map((q) => q.p)).toEqual(
      Array.from({ length: 10 }, (_, j) => expect.closeTo((j + 0.5) / 10, 15)),
    );
    // Type 7: h = (n − 1)p, x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋).
    qq.forEach((q) => {
      const h = (n - 1) * q.p;
      const lo = Math.floor(h);
      expect(q.empirical).toBeCloseTo(costs[lo] + (h - lo) * (costs[Math.min(lo + 1, n - 1)] - costs[lo]), 8);
    });
    // With one point, p = 0.5: the lognormal's median e^μ against the mean of the middle two costs.
    const one = fitClaims(costs, { qqPoints: 1 });
    expect(one.ok && one.fits.find((f) => f.family === 'lognormal')!.qq).toEqual([
      { p: 0.5, theoretical: expect.closeTo(Math.exp(mu), 6), empirical: (costs[4] + costs[5]) / 2 },
    ]);
  });
  it('sorts the costs it is given in any order', () => {
    const shuffled = [6400, 100, 51200, 800, 3200, 200, 25600, 400, 12800, 1600];
    const r = fitClaims(shuffled);
    expect(r.ok && of(r, 'lognormal').ks).toBeCloseTo(of(fits(), 'lognormal').ks, 12);
    expect(r.ok && of(r, 'lognormal').qq.map((q) => q.empirical)).toEqual(
      of(fits(), 'lognormal').qq.map((q) => q.empirical),
    );
  });
});

describe('fitClaims: input at the ends of its rules', () => {
  it('fits exactly 10 costs and refuses 9', () => {
    expect(fitClaims(costs).ok).toBe(true);
    expect(fitClaims(costs.slice(1))).toEqual({
      ok: false,
      problems: [{ at: { path: 'costs' }, code: 'tooFewValues', params: { min: 10, got: 9 } }],
    });
  });
  it('refuses an infinite cost', () => {
    expect(fitClaims([...costs, Infinity])).toEqual({
      ok: false,
      problems: [{ at: { path: 'costs[10]' }, code: 'positive', params: {} }],
    });
  });
  it('lists exactly 100 bad costs without a count, and 101 as 100 and one more', () => {
    const r100 = fitClaims(Array(100).fill(0));
    expect(!r100.ok && r100.problems.length).toBe(100);
    expect(!r100.ok && r100.problems.every((p) => p.code === 'positive')).toBe(true);
    const r101 = fitClaims(Array(101).fill(0));
    expect(!r101.ok && r101.problems[100]).toEqual({
      at: { path: 'costs' },
      code: 'moreProblems',
      params: { count: 1 },
    });
  });
});

describe('trigamma at its edges', () => {
  it('is NaN at 0, as at every x ≤ 0', () => {
    expect(trigamma(0)).toBeNaN();
  });
  it("ψ'(10) = π²/6 − Σ_{k=1}^{9} 1/k² to a few ulps (the sum worked to 40 digits)", () => {
    const D = Decimal.clone({ precision: 40 });
    const pi = new D('3.141592653589793238462643383279502884197');
    let s = new D(0);
    for (let k = 1; k <= 9; k++) s = s.plus(new D(1).div(k * k));
    const exact = pi.pow(2).div(6).minus(s).toNumber();
    expect(Math.abs(trigamma(10) / exact - 1)).toBeLessThan(4e-15);
  });
});

describe('the robust rule when the others have a median of 0', () => {
  it('judges nothing: a median of 0 has no ratio', () => {
    expect(median([0, 0, 5])).toBe(0);
    expect(outOfLine([5, 0, 0, 0])).toEqual([]);
  });
});

describe('credibility when the districts do not differ', () => {
  it('two districts at exactly 4% every year: between-variance 0, k infinite, weights 0, every rate the pooled 4%', () => {
    const d = (name: string) => ({
      name,
      years: [
        { year: 2020, members: 100, claimants: 4 },
        { year: 2021, members: 100, claimants: 4 },
      ],
    });
    const r = credibility([d('A'), d('B')]);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect([r.withinVariance, r.betweenVariance, r.k]).toEqual([0, 0, Infinity]);
    expect(r.districts.map((x) => [x.weight, x.credibilityRate])).toEqual([
      [0, 0.04],
      [0, 0.04],
    ]);
    expect(r.notes).toEqual([{ code: 'credNegativeBetween', params: {} }]);
  });
  it('asks for a district with two years only when the figures themselves are good', () => {
    const one = (name: string, members: number) => ({ name, years: [{ year: 2020, members, claimants: 1 }] });
    expect(credibility([one('A', 0), one('B', 10)])).toEqual({
      ok: false,
      problems: [
        { at: { path: 'districts[0].years[0].members' }, code: 'wholeRange', params: { min: 1, max: 1e9 } },
      ],
    });
    expect(credibility([one('A', 10), one('B', 10)])).toEqual({
      ok: false,
      problems: [{ at: { path: 'districts' }, code: 'credNoRepeatYears', params: {} }],
    });
  });
  it('names each problem with its figures', () => {
    const r = credibility([
      {
        name: 'A',
        years: [
          { year: 2019, members: 1, claimants: 0 },
          { year: 2019, members: 1, claimants: 0 },
        ],
      },
      { name: 'A', years: [] },
      { name: null as unknown as string, years: [{ year: 2019, members: 1, claimants: 0 }] },
    ]);
    expect(!r.ok && r.problems).toEqual([
      { at: { path: 'districts[0].years[1].year' }, code: 'duplicateYear', params: { year: 2019 } },
      { at: { path: 'districts[1].name' }, code: 'duplicateName', params: { name: 'A' } },
      { at: { path: 'districts[1].years' }, code: 'tooFewValues', params: { min: 1, got: 0 } },
      { at: { path: 'districts[2].name' }, code: 'blank', params: {} },
    ]);
  });
});
