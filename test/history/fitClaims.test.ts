/**
 * Maximum-likelihood fits recover known parameters from simulated costs (src/random samplers,
 * fixed seeds, n = 5,000): each estimate within 4 asymptotic standard errors of the truth, the
 * standard errors from the Fisher information written out here:
 * - lognormal: sd(μ̂) = σ/√n, sd(σ̂) = σ/√(2n);
 * - gamma (shape k): var(k̂) = k / (n (k ψ'(k) − 1)); the mean's MLE is x̄, sd = mean·cv/√n;
 * - Lomax (shape α, scale s): per claim I = [[1/α², −1/(s(α+1))], [−1/(s(α+1)), α/(s²(α+2))]]
 *   (from E[s/(s+X)] = α/(α+1), E[(s/(s+X))²] = α/(α+2)), so var(α̂) = α²(α+1)²/n and
 *   var(ŝ) = s²(α+1)²(α+2)/(α n).
 */
import { describe, expect, it } from 'vitest';
import { fitClaims, type ClaimFit, type ClaimFits, type Family } from '../../src/history/fitClaims.ts';
import { gammaShapeMle } from '../../src/history/fitGamma.ts';
import { digamma, trigamma } from '../../src/history/digamma.ts';
import { historyMessageText } from '../../src/messages/history.ts';
import { fitClaims as fitClaimsWorded, parseClaims } from './worded.ts';
import { createStream, randomGammaMeanCv, randomLognormal, randomPareto } from '../../src/random/index.ts';
import { erfc } from '../helpers/erfc.ts';

const N = 5000;
const draw = (f: () => number, n = N) => Array.from({ length: n }, f);
const fitted = (r: ReturnType<typeof fitClaims>): ClaimFits => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};
const of = (r: ClaimFits, family: Family): ClaimFit => r.fits.find((f) => f.family === family)!;
const within = (estimate: number, truth: number, sd: number, k = 4) =>
  expect(Math.abs(estimate - truth)).toBeLessThan(k * sd);

describe('lognormal data (mean 4,000, cv 2)', () => {
  // Fitted inside each test, not here: code run while tests are collected is not seen under a
  // mutant that Stryker activates for the tests only (docs/mutation.md).
  const fit = () => fitted(fitClaims(draw(randomLognormal(createStream('fit-claims', 1).next)(4000, 2))));
  const sigma = Math.sqrt(Math.log(5)),
    mu = Math.log(4000) - Math.log(5) / 2;
  it('recovers μ and σ within 4 standard errors', () => {
    const r = fit();
    const f = of(r, 'lognormal');
    within(f.params.mu, mu, sigma / Math.sqrt(N));
    within(f.params.sigma, sigma, sigma / Math.sqrt(2 * N));
  });
  it("is expressed as the scenario's { dist: lognormal, mean, cv } with mean e^{μ+σ²/2}, cv √(e^{σ²} − 1)", () => {
    const r = fit();
    const f = of(r, 'lognormal');
    expect(f.dist).toEqual({
      dist: 'lognormal',
      mean: expect.closeTo(Math.exp(f.params.mu + f.params.sigma ** 2 / 2), 6),
      cv: expect.closeTo(Math.sqrt(Math.expm1(f.params.sigma ** 2)), 12),
    });
  });
  it('ranks lognormal first by AIC, with a KS distance below 1.36/√n and the others far worse', () => {
    const r = fit();
    expect(r.fits[0].family).toBe('lognormal');
    expect(r.fits[0].deltaAic).toBe(0);
    expect(r.fits[1].deltaAic).toBeGreaterThan(10);
    expect(r.fits[0].ks).toBeLessThan(r.ksReference);
    expect(of(r, 'gamma').ks).toBeGreaterThan(r.ksReference);
  });
});

describe('gamma data (mean 3,000, cv 0.8)', () => {
  const fit = () => fitted(fitClaims(draw(randomGammaMeanCv(createStream('fit-claims', 2).next)(3000, 0.8))));
  const k = 1 / 0.64;
  it('recovers the shape and the mean within 4 standard errors', () => {
    const r = fit();
    const f = of(r, 'gamma');
    within(f.params.shape, k, Math.sqrt(k / (N * (k * trigamma(k) - 1))));
    within((f.dist as { mean: number }).mean, 3000, (3000 * 0.8) / Math.sqrt(N));
    expect((f.dist as { cv: number }).cv).toBeCloseTo(1 / Math.sqrt(f.params.shape), 14);
  });
  it('solves ln k − ψ(k) = ln x̄ − mean(ln x) exactly at the estimate', () => {
    for (const s of [1e-6, 0.01, 0.1, 0.5, 1, 3, 10]) {
      const kk = gammaShapeMle(s);
      expect(Math.abs(Math.log(kk) - digamma(kk) - s)).toBeLessThan(1e-12 * Math.max(1, s));
    }
  });
  it('ranks gamma first by AIC with a small KS distance; the Lomax tends to its exponential limit', () => {
    const r = fit();
    expect(r.fits[0].family).toBe('gamma');
    expect(r.fits[0].ks).toBeLessThan(r.ksReference);
    expect(of(r, 'pareto').notes).toEqual([{ code: 'fitExponentialLimit', params: {} }]);
    expect(historyMessageText('en', of(r, 'pareto').notes[0])).toMatch(/exponential limit/);
  });
});

describe('Pareto II data (scale 6,000, shape 3)', () => {
  const fit = () => fitted(fitClaims(draw(randomPareto(createStream('fit-claims', 3).next)(6000, 3))));
  it('recovers shape and scale within 4 standard errors', () => {
    const r = fit();
    const f = of(r, 'pareto');
    const a = 3,
      s = 6000;
    within(f.params.shape, a, (a * (a + 1)) / Math.sqrt(N));
    within(f.params.scale, s, s * (a + 1) * Math.sqrt((a + 2) / (a * N)));
    expect(f.dist).toEqual({ dist: 'pareto', scale: f.params.scale, shape: f.params.shape });
    expect(f.meanExists).toBe(true);
  });
  it("sits at a maximum of the likelihood: the profile's α = n / Σ ln(1 + x/s) and no nearby (s, α) does better", () => {
    const r = fit();
    const xs = draw(randomPareto(createStream('fit-claims', 3).next)(6000, 3));
    const ll = (s: number, a: number) =>
      xs.reduce((t, x) => t + Math.log(a / s) - (a + 1) * Math.log1p(x / s), 0);
    const { scale, shape } = of(r, 'pareto').params;
    expect(shape).toBeCloseTo(N / xs.reduce((t, x) => t + Math.log1p(x / scale), 0), 10);
    const best = ll(scale, shape);
    expect(best).toBeCloseTo(of(r, 'pareto').logLik, 6);
    for (const [ds, da] of [
      [1.01, 1],
      [0.99, 1],
      [1, 1.01],
      [1, 0.99],
      [1.01, 1.01],
      [0.99, 0.99],
    ]) {
      expect(ll(scale * ds, shape * da)).toBeLessThan(best);
    }
  });
  it('ranks Pareto first by AIC with a small KS distance', () => {
    const r = fit();
    expect(r.fits[0].family).toBe('pareto');
    expect(r.fits[0].ks).toBeLessThan(r.ksReference);
  });
});

describe('a tail too heavy for a mean (shape 0.8)', () => {
  it('is fitted, ranked first, and said to have no mean', () => {
    const r = fitted(fitClaims(draw(randomPareto(createStream('fit-claims', 4).next)(6000, 0.8))));
    const f = of(r, 'pareto');
    expect(r.fits[0]).toBe(f);
    expect(f.meanExists).toBe(false);
    within(f.params.shape, 0.8, (0.8 * 1.8) / Math.sqrt(N));
    expect(f.notes).toEqual([{ code: 'fitNoMean', params: { shape: f.params.shape } }]);
    expect(f.notes.map((n) => historyMessageText('en', n))).toEqual([
      `shape ${f.params.shape.toFixed(3)} ≤ 1: this Pareto II has no mean (the expected cost is infinite), so it cannot be a scenario's cost distribution`,
    ]);
    expect(historyMessageText('zh', f.notes[0])).toMatch(/^形状参数 0\.\d{3} ≤ 1：此 Pareto II 分布没有均值/);
  });
});

describe('QQ points and KS distance', () => {
  const costs = draw(randomLognormal(createStream('fit-claims', 5).next)(2000, 1), 400);
  const fit = () => fitted(fitClaims(costs, { qqPoints: 50 }));
  it('gives m = min(n, points) points at p = (j − ½)/m, both quantiles increasing', () => {
    const r = fit();
    const qq = of(r, 'lognormal').qq;
    expect(qq).toHaveLength(50);
    expect(qq[0].p).toBeCloseTo(0.01, 15);
    expect(qq[49].p).toBeCloseTo(0.99, 15);
    for (let j = 1; j < qq.length; j++) {
      expect(qq[j].theoretical).toBeGreaterThan(qq[j - 1].theoretical);
      expect(qq[j].empirical).toBeGreaterThanOrEqual(qq[j - 1].empirical);
    }
  });
  it('computes D = sup |F_n − F| as a direct scan of the step function would', () => {
    const r = fit();
    const f = of(r, 'lognormal');
    const sorted = [...costs].sort((a, b) => a - b);
    const { mu, sigma } = f.params;
    const erfcCdf = (x: number) => 0.5 * erfc(-(Math.log(x) - mu) / (sigma * Math.SQRT2));
    let d = 0;
    sorted.forEach((x, i) => {
      d = Math.max(
        d,
        Math.abs((i + 1) / sorted.length - erfcCdf(x)),
        Math.abs(i / sorted.length - erfcCdf(x)),
      );
    });
    expect(f.ks).toBeCloseTo(d, 6);
  });
});

describe('fitClaims: input problems', () => {
  it('needs at least 10 costs, each finite and > 0, all problems at once', () => {
    const r = fitClaimsWorded([1, 0, -5, NaN, 3]);
    expect(!r.ok && r.problems).toEqual([
      { path: 'costs[1]', message: 'must be greater than 0' },
      { path: 'costs[2]', message: 'must be greater than 0' },
      { path: 'costs[3]', message: 'must be greater than 0' },
      { path: 'costs', message: 'needs at least 10 values, has 5' },
    ]);
  });
  it('lists the first 100 bad values and counts the rest', () => {
    const r = fitClaimsWorded(Array(250).fill(-1));
    expect(!r.ok && r.problems.length).toBe(101);
    expect(!r.ok && r.problems[100]).toEqual({ path: 'costs', message: 'and 150 more problems' });
  });
  it('refuses costs that are all equal', () => {
    expect(fitClaimsWorded(Array(20).fill(1000))).toEqual({
      ok: false,
      problems: [{ path: 'costs', message: 'all costs are equal: there is no spread to fit' }],
    });
  });
});

describe('parseClaims', () => {
  it('repeats its doc examples: a cost column, or a plain list', () => {
    expect(parseClaims('cost\n1200\n35000.5\n')).toEqual({ ok: true, costs: [1200, 35000.5] });
    expect(parseClaims('1200\n35000.5\n')).toEqual({ ok: true, costs: [1200, 35000.5] });
    expect(parseClaims('\uFEFFCost\r\n\r\n1200\r\n')).toEqual({ ok: true, costs: [1200] });
  });
  it('locates problems by line and column, in a plain list too', () => {
    expect(parseClaims('cost\n1200\n0\nabc\n"1,200"\n')).toEqual({
      ok: false,
      problems: [
        { path: 'line 3, cost', message: 'must be greater than 0' },
        { path: 'line 4, cost', message: 'must be a number, not "abc"' },
        {
          path: 'line 5, cost',
          message: 'must be written without thousands separators or units, not "1,200"',
        },
      ],
    });
    expect(parseClaims('1200\n-3\n5,6\n')).toEqual({
      ok: false,
      problems: [
        { path: 'line 2, cost', message: 'must be greater than 0' },
        { path: 'line 3', message: 'has 2 fields, the header has 1' },
      ],
    });
  });
  it('refuses other columns', () => {
    const r = parseClaims('cost,year\n1,2\n');
    expect(!r.ok && r.problems[0]).toEqual({
      path: 'line 1, year',
      message: 'unknown column "year" (allowed: cost)',
    });
  });
  it('feeds fitClaims', () => {
    const costs = draw(randomLognormal(createStream('fit-claims', 6).next)(3000, 1.5), 200).map(
      (x) => Math.round(x * 100) / 100,
    );
    const r = parseClaims(`cost\n${costs.join('\n')}\n`);
    expect(r.ok && fitClaims(r.costs).ok).toBe(true);
  });
});
