import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { continuousCost } from '../../src/engine/costDistribution.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { claimPmf } from '../../src/engine/fft/claimPmf.ts';
import { buildComponents, type CompoundComponent } from '../../src/engine/fft/buildComponents.ts';
import { exactAggregate, type ExactAggregate } from '../../src/engine/fft/exactAggregate.ts';
import { quantileAt, survivalAt } from '../../src/engine/fft/latticeDistribution.ts';
import { realFft } from '../../src/engine/fft/realFft.ts';
import { simulateExact } from '../../src/engine/simulate.ts';
import { QUANTILE_LEVELS } from '../../src/domain/report.ts';
import { gammaP, logGamma } from '../../src/stats/special.ts';
import { hangzhou, jiaxingDaily } from '../helpers/fixtures.ts';
import { integratePieces } from '../helpers/integrate.ts';

const scenario = (over: Partial<Scenario>): Scenario => ({
  format: 'huzhu-scenario/1',
  name: 'fft test',
  members: { count: 100 },
  contributions: [{ payer: 'member', amount: 50 }],
  risks: [{ id: 'e', kind: 'event', rate: 0.05 }],
  benefits: [{ id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000 }],
  ...over,
});

/** P(S = origin + i·h) as a function of the payout value x (0 off the grid or outside the window). */
const massAt = (agg: ExactAggregate, x: number) => {
  const i = Math.round((x - agg.origin) / agg.h);
  return Math.abs(agg.origin + i * agg.h - x) < 1e-6 && i >= 0 && i < agg.pmf.length ? agg.pmf[i] : 0;
};

/** Poisson(λ) pmf by the recursion p(n+1) = p(n)·λ/(n+1). */
const poissonPmf = (lambda: number, n: number) => {
  const out = [Math.exp(-lambda)];
  for (let k = 1; k <= n; k++) out.push((out[k - 1] * lambda) / k);
  return out;
};

/** Negative binomial pmf with r = 1/cv², mean λ: p(0) = (r/(r+λ))^r, p(n+1) = p(n)·(n+r)/(n+1)·λ/(r+λ). */
const negativeBinomialPmf = (lambda: number, cv: number, n: number) => {
  const r = 1 / (cv * cv),
    q = lambda / (r + lambda);
  const out = [Math.pow(r / (r + lambda), r)];
  for (let k = 1; k <= n; k++) out.push((out[k - 1] * (k - 1 + r) * q) / k);
  return out;
};

describe('the real FFT round trip', () => {
  it('inverse(forward(x)) = x, and forward matches the DFT definition Σ x[n]·e^{−2πikn/M}', () => {
    const M = 64;
    const x = Float64Array.from({ length: M }, (_, n) => Math.sin(n * 1.3) + (n % 5) * 0.1);
    const spec = new Float64Array(2 * M);
    realFft(M).forward(x, spec);
    for (const k of [0, 1, 7, 31, 32]) {
      let re = 0,
        im = 0;
      for (let n = 0; n < M; n++) {
        re += x[n] * Math.cos((2 * Math.PI * k * n) / M);
        im -= x[n] * Math.sin((2 * Math.PI * k * n) / M);
      }
      expect(spec[2 * k]).toBeCloseTo(re, 10);
      expect(spec[2 * k + 1]).toBeCloseTo(im, 10);
    }
    const back = new Float64Array(M);
    realFft(M).inverse(spec, back);
    for (let n = 0; n < M; n++) expect(back[n]).toBeCloseTo(x[n], 12);
  });
});

describe('compound distributions with a degenerate claim are the count distribution, scaled', () => {
  it('Poisson: an uncapped lump sum of 1,000 at 0.05 per member, 100 members, is 1,000 × Poisson(5)', () => {
    const agg = exactAggregate(resolveScheme(scenario({})));
    expect(agg.lattice).toBe(true);
    expect(agg.h).toBe(1000);
    const p = poissonPmf(5, 30);
    for (let n = 0; n <= 30; n++) expect(massAt(agg, 1000 * n)).toBeCloseTo(p[n], 14);
  });
  it("Poisson: a single-value cost (12,000 on Hangzhou's table pays 6,500) is 6,500 × Poisson(λ)", () => {
    const s = scenario({
      members: { count: 400 },
      risks: [{ id: 'c', kind: 'cost', rate: 0.03, cost: { dist: 'empirical', values: [12000] } }],
      benefits: [{ ...hangzhou, risk: 'c' }],
    });
    const agg = exactAggregate(resolveScheme(s));
    const p = poissonPmf(12, 60);
    for (let n = 0; n <= 60; n++) expect(massAt(agg, 6500 * n)).toBeCloseTo(p[n], 14);
  });
  it('negative binomial: with rate uncertainty cv 0.4, the lump sum is 1,000 × NB(mean 5, r = 1/0.4²)', () => {
    const agg = exactAggregate(
      resolveScheme(scenario({ risks: [{ id: 'e', kind: 'event', rate: 0.05, rateCv: 0.4 }] })),
    );
    const p = negativeBinomialPmf(5, 0.4, 40);
    for (let n = 0; n <= 40; n++) expect(massAt(agg, 1000 * n)).toBeCloseTo(p[n], 13);
  });
  it('negative binomial on a large scheme, where the grid starts far from 0: 4,000 × NB(mean 4,000, cv 0.1)', () => {
    const s = scenario({
      members: { count: 800_000 },
      risks: [{ id: 'e', kind: 'event', rate: 0.005, rateCv: 0.1 }],
      benefits: [{ id: 'lump', risk: 'e', type: 'lump-sum', amount: 4000 }],
    });
    const agg = exactAggregate(resolveScheme(s));
    expect(agg.origin).toBeGreaterThan(0);
    const p = negativeBinomialPmf(4000, 0.1, 9000);
    let worst = 0;
    for (let n = 0; n <= 9000; n++) worst = Math.max(worst, Math.abs(massAt(agg, 4000 * n) - p[n]));
    expect(worst).toBeLessThan(1e-13);
  });
});

describe('exponential claims with Poisson counts', () => {
  // Y = X ~ Exp(θ) (gamma with cv 1, an open band at 100%); N ~ Poisson(λ):
  // F(x) = e^{−λ} + Σ_{n≥1} Poisson(n; λ)·P(Gamma(n, θ) ≤ x).
  const theta = 2000,
    lambda = 20;
  const s = scenario({
    members: { count: 200 },
    risks: [{ id: 'c', kind: 'cost', rate: 0.1, cost: { dist: 'gamma', mean: theta, cv: 1 } }],
    benefits: [{ id: 'all', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 1 }] }],
  });
  const exactCdf = (x: number) => {
    const p = poissonPmf(lambda, 150);
    let F = p[0];
    for (let n = 1; n <= 150; n++) F += p[n] * gammaP(n, x / theta);
    return F;
  };
  const exactQuantile = (q: number) => {
    let lo = 0,
      hi = 400_000;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (exactCdf(mid) < q) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  const agg = exactAggregate(resolveScheme(s));
  const fine = exactAggregate(resolveScheme(s), { maxVarianceInflation: 1e-7 });

  it('the distribution function agrees with the series to 1e-5 on a fine grid, 1e-4 on the default one', () => {
    for (const x of [0.5, 10_000, 25_000, 40_000, 60_000, 90_000]) {
      expect(Math.abs(1 - survivalAt(fine, x) - exactCdf(x))).toBeLessThan(1e-5);
      expect(Math.abs(1 - survivalAt(agg, x) - exactCdf(x))).toBeLessThan(1e-4);
    }
  });
  it('each reported quantile lies within its guaranteed bracket of the exact one, and within 4 yuan of it', () => {
    for (const [key, p] of QUANTILE_LEVELS) {
      const q = exactQuantile(p),
        got = quantileAt(agg, p);
      expect(Math.abs(got - q)).toBeLessThanOrEqual(agg.discretisationError.quantiles[key]);
      expect(Math.abs(got - q)).toBeLessThan(4);
    }
  });
  it("the FFT pipeline reproduces Panjer's recursion on the same discretised claims to 1e-12", () => {
    const c = buildComponents(resolveScheme(s), {
      truncationBudget: 1e-11 / 4,
      maxNeglectedMass: 1e-8,
    })[0] as CompoundComponent;
    const f = claimPmf(c, agg.h, 'split').pmf;
    expect(agg.origin).toBe(0);
    // Panjer for the Poisson: g(0) = e^{−λ(1 − f0)}, g(k) = (λ/k)·Σ_{j=1}^{k} j·f_j·g(k − j).
    const n = agg.pmf.length;
    const g = new Float64Array(n);
    g[0] = Math.exp(-lambda * (1 - f[0]));
    for (let k = 1; k < n; k++) {
      let sum = 0;
      for (let j = 1; j <= Math.min(k, f.length - 1); j++) sum += j * f[j] * g[k - j];
      g[k] = (lambda / k) * sum;
    }
    let worst = 0;
    for (let k = 0; k < n; k++) worst = Math.max(worst, Math.abs(g[k] - agg.pmf[k]));
    expect(worst).toBeLessThan(1e-12);
  });
});

describe('moments of S against the exact moments of a compound mixed Poisson', () => {
  // E[S] = λE[Y], Var S = λE[Y²] + λ²cv²E[Y]², with Y = Hangzhou's table on gamma costs plus
  // Jiaxing's allowance on Poisson days (independent): E[Y²] = E[Y_X²] + 2E[Y_X]E[Y_D] + E[Y_D²].
  const cv = 0.2,
    members = 50_000,
    rate = 0.04,
    lambda = members * rate;
  const s = scenario({
    members: { count: members },
    risks: [
      {
        id: 'c',
        kind: 'cost',
        rate,
        rateCv: cv,
        cost: { dist: 'gamma', mean: 6000, cv: 1.5 },
        days: { dist: 'poisson', mean: 8 },
      },
    ],
    benefits: [
      { ...hangzhou, risk: 'c' },
      { ...jiaxingDaily, risk: 'c' },
    ],
  });
  const X = continuousCost({ dist: 'gamma', mean: 6000, cv: 1.5 });
  const k = 1 / 1.5 ** 2,
    scale = 6000 * 1.5 ** 2;
  const density = (x: number) =>
    Math.exp((k - 1) * Math.log(x) - x / scale - logGamma(k) - k * Math.log(scale));
  const pay = (x: number) => {
    const edges = [0, 1000, 10000, 15000, 50000],
      rates = [0.2, 0.5, 0.9, 0.6];
    let sum = 0;
    for (let i = 0; i < 4; i++) sum += rates[i] * Math.max(0, Math.min(x, edges[i + 1]) - edges[i]);
    return Math.min(sum, 30200);
  };
  const kinks = [1e-12, 1000, 10000, 15000, 40000, 50000, 200000, 2e6];
  const m1X = integratePieces((x) => pay(x) * density(x), kinks, 1e-9) + 30200 * X.sf(2e6);
  const m2X = integratePieces((x) => pay(x) ** 2 * density(x), kinks, 1e-4) + 30200 ** 2 * X.sf(2e6);
  const days = poissonPmf(8, 200);
  let m1D = 0,
    m2D = 0;
  days.forEach((p, n) => {
    const v = 30 * Math.min(n, 15);
    m1D += v * p;
    m2D += v * v * p;
  });
  const EY = m1X + m1D,
    EY2 = m2X + 2 * m1X * m1D + m2D;
  const variance = lambda * EY2 + lambda * lambda * cv * cv * EY * EY;
  const agg = exactAggregate(resolveScheme(s));

  it('the mean is λE[Y] (the discretisation preserves it): to 1e-9 of the exact expectation, 1e-6 of the quadrature', () => {
    expect(agg.mean / (lambda * EY)).toBeCloseTo(1, 6);
    expect(agg.mean / expectedPayout(resolveScheme(s)).payout).toBeCloseTo(1, 9);
  });
  it('the variance is λE[Y²] + λ²cv²E[Y]², up to the rounding variance λ·2·h²/4 it may add', () => {
    const got = agg.sd ** 2;
    expect(got).toBeGreaterThanOrEqual(variance * (1 - 1e-9));
    expect(got - variance).toBeLessThanOrEqual((lambda * 2 * agg.h ** 2) / 4);
  });
});

describe('event risks with a binding per-member cap (Θ quadrature)', () => {
  // 300 members, 0.25 events each, 1,000 per event, at most 2,000: given θ a member pays
  // 0, 1,000 or 2,000 with Poisson(0.25θ) probabilities; the total in thousands, given θ, is the
  // multinomial sum Σ_{i+2j=k} m!/(i! j! (m−i−j)!) p1^i p2^j p0^{m−i−j}; mixed over Θ ~ Gamma(cv 0.3)
  // by Simpson's rule on 500 panels of [0.01, 4] (1,000 and 2,000 give the same to 1e-18).
  const m = 300,
    rate = 0.25,
    cv = 0.3;
  const s = scenario({
    members: { count: m },
    risks: [{ id: 'e', kind: 'event', rate, rateCv: cv }],
    benefits: [{ id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000, cap: 2000 }],
  });
  const reference = () => {
    const r = 1 / (cv * cv);
    const logFact = Float64Array.from({ length: m + 1 }, (_, n) => logGamma(n + 1));
    const out = new Float64Array(2 * m + 1);
    const panels = 500,
      a = 0.01,
      b = 4,
      step = (b - a) / panels;
    for (let q = 0; q <= panels; q++) {
      const theta = a + q * step;
      const w =
        (q === 0 || q === panels ? 1 : q % 2 ? 4 : 2) *
        (step / 3) *
        Math.exp(r * Math.log(r) - logGamma(r) + (r - 1) * Math.log(theta) - r * theta);
      const nu = rate * theta;
      const p0 = Math.exp(-nu),
        p1 = nu * p0,
        p2 = -Math.expm1(-nu) - p1;
      const l0 = Math.log(p0),
        l1 = Math.log(p1),
        l2 = Math.log(p2);
      for (let j = 0; j <= m; j++)
        for (let i = 0; i + j <= m; i++) {
          out[i + 2 * j] +=
            w *
            Math.exp(
              logFact[m] - logFact[i] - logFact[j] - logFact[m - i - j] + i * l1 + j * l2 + (m - i - j) * l0,
            );
        }
    }
    return out;
  };
  it("the pmf agrees with a direct multinomial computation mixed by Simpson's rule, to 1e-9", () => {
    const agg = exactAggregate(resolveScheme(s));
    expect(agg.lattice).toBe(true);
    expect(agg.neglectedMass).toBeLessThan(1e-10);
    const ref = reference();
    let worst = 0;
    for (let k = 0; k <= 2 * m; k++) worst = Math.max(worst, Math.abs(massAt(agg, 1000 * k) - ref[k]));
    expect(worst).toBeLessThan(1e-9);
  });
  it('a cap that essentially never binds is ignored, and the bound on doing so is reported', () => {
    const rare = scenario({
      members: { count: 10_000 },
      risks: [{ id: 'e', kind: 'event', rate: 0.001 }],
      benefits: [{ id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000, cap: 3000 }],
    });
    const agg = exactAggregate(resolveScheme(rare));
    // P(K ≥ 4) ≈ 0.001⁴/24 per member, × 10,000 members.
    expect(agg.neglectedMass).toBeGreaterThan(0);
    expect(agg.neglectedMass).toBeLessThan(1e-9);
    const p = poissonPmf(10, 40);
    for (let n = 0; n <= 40; n++) expect(massAt(agg, 1000 * n)).toBeCloseTo(p[n], 9);
  });
});

describe('every kind of payment keeps the exact mean (mean-preserving discretisation)', () => {
  const cost = (c: Partial<Scenario['risks'][number]> & object) => ({
    id: 'c',
    kind: 'cost' as const,
    rate: 0.04,
    rateCv: 0.1,
    cost: { dist: 'lognormal' as const, mean: 1564, cv: 3 },
    ...c,
  });
  const cases: [string, Partial<Scenario>, number][] = [
    [
      'days fixed at 7, uncapped allowance of 33.33 a day',
      {
        risks: [cost({ days: { dist: 'fixed', value: 7 } })],
        benefits: [{ id: 'a', risk: 'c', type: 'daily', perDay: 33.33 }],
      },
      1e-9,
    ],
    [
      'empirical days with gaps (1, 2, 2, 30), at most 10 days',
      {
        risks: [cost({ days: { dist: 'empirical', values: [1, 2, 2, 30] } })],
        benefits: [{ id: 'a', risk: 'c', type: 'daily', perDay: 50, maxDays: 10 }],
      },
      1e-9,
    ],
    [
      'empirical costs on a banded table with a deductible',
      {
        risks: [cost({ cost: { dist: 'empirical', values: [120, 800, 2500, 9000, 47000] } })],
        benefits: [{ ...hangzhou, risk: 'c', deductible: 500 }],
      },
      1e-9,
    ],
    [
      'gamma costs for women only, deductible and cap',
      {
        risks: [cost({ who: 'female', cost: { dist: 'gamma', mean: 5000, cv: 2 } })],
        benefits: [
          {
            id: 'b',
            risk: 'c',
            type: 'bands',
            deductible: 2000,
            bands: [{ upTo: 10000, rate: 0.5 }],
            cap: 4000,
          },
        ],
      },
      1e-9,
    ],
    [
      'uncapped bands on lognormal costs (claims truncated at λ·P(X > x) = 2.5e-11)',
      {
        risks: [cost({})],
        benefits: [{ id: 'b', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 0.5 }] }],
      },
      1e-8,
    ],
    [
      'uncapped steps on a Pareto tail (shape 2.5: truncation costs a little mean)',
      {
        risks: [cost({ rateCv: 0, cost: { dist: 'pareto', scale: 3000, shape: 2.5 } })],
        benefits: [{ id: 's', risk: 'c', type: 'steps', from: 20000, step: 10000, perStep: 1000 }],
      },
      1e-5,
    ],
    [
      'two lump sums on one event risk, one capped',
      {
        risks: [{ id: 'e', kind: 'event', rate: 0.3, rateCv: 0.2 }],
        benefits: [
          { id: 'l', risk: 'e', type: 'lump-sum', amount: 4000, cap: 8000 },
          { id: 'm', risk: 'e', type: 'lump-sum', amount: 500 },
        ],
      },
      1e-9,
    ],
    [
      'a cap that is no multiple of the amount (payments split onto a coarser span)',
      {
        risks: [{ id: 'e', kind: 'event', rate: 0.3, rateCv: 0.2 }],
        benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 4000, cap: 10000.01 }],
      },
      1e-9,
    ],
  ];
  for (const [name, over, tolerance] of cases) {
    it(name, () => {
      const agg = exactAggregate(resolveScheme(scenario({ members: { count: 5000 }, ...over })));
      expect(Math.abs(agg.mean / agg.expected - 1)).toBeLessThan(tolerance);
    });
  }
});

describe('rounding: the stochastic lower and upper discretisations bracket the mean-preserving one', () => {
  const s = resolveScheme(
    scenario({
      members: { count: 20_000 },
      risks: [
        { id: 'c', kind: 'cost', rate: 0.04, rateCv: 0.1, cost: { dist: 'lognormal', mean: 1564, cv: 3 } },
      ],
      benefits: [{ ...hangzhou, risk: 'c' }],
    }),
  );
  const split = exactAggregate(s),
    down = exactAggregate(s, { rounding: 'down' }),
    up = exactAggregate(s, { rounding: 'up' });
  it('q_down ≤ q_split ≤ q_up at every report level, and the gap is about E[N]·h', () => {
    for (const [, p] of QUANTILE_LEVELS) {
      const qd = quantileAt(down, p),
        qs = quantileAt(split, p),
        qu = quantileAt(up, p);
      expect(qd).toBeLessThanOrEqual(qs);
      expect(qs).toBeLessThanOrEqual(qu);
      expect((qu - qd) / (800 * split.h)).toBeGreaterThan(0.5);
    }
  });
  it('the guaranteed bracket of the mean-preserving quantile is much narrower than the rounding bracket', () => {
    for (const [key, p] of QUANTILE_LEVELS) {
      expect(split.discretisationError.quantiles[key]).toBeLessThan(quantileAt(up, p) - quantileAt(down, p));
    }
  });
  it('means: down < exact < up, and split equals the exact mean', () => {
    expect(down.mean).toBeLessThan(split.expected);
    expect(up.mean).toBeGreaterThan(split.expected);
    expect(split.mean / split.expected).toBeCloseTo(1, 9);
  });
});

describe('the grid', () => {
  it('a finer grid moves the quantiles by less than the estimated error of the coarser one (+ a fen)', () => {
    const s = resolveScheme(
      scenario({
        members: { count: 100_000 },
        risks: [
          { id: 'c', kind: 'cost', rate: 0.04, rateCv: 0.1, cost: { dist: 'lognormal', mean: 1564, cv: 3 } },
        ],
        benefits: [{ ...hangzhou, risk: 'c' }],
      }),
    );
    const coarse = exactAggregate(s, { gridSize: 1 << 14 }),
      fine = exactAggregate(s, { gridSize: 1 << 17 });
    for (const [key, p] of QUANTILE_LEVELS) {
      expect(Math.abs(quantileAt(coarse, p) - quantileAt(fine, p))).toBeLessThanOrEqual(
        1.5 * coarse.discretisationError.estimated![key] + 0.01,
      );
    }
  });
  it('the aliased mass stays below its target, on small grids too', () => {
    const s = resolveScheme(
      scenario({
        risks: [{ id: 'c', kind: 'cost', rate: 0.05, cost: { dist: 'pareto', scale: 3000, shape: 2.5 } }],
        benefits: [{ id: 'b', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 0.5 }] }],
      }),
    );
    for (const gridSize of [1 << 10, 1 << 16]) {
      const agg = exactAggregate(s, { gridSize });
      expect(agg.aliasedMass).toBeLessThan(1e-10);
      let mass = 0;
      for (const p of agg.pmf) mass += p;
      expect(mass).toBeCloseTo(1, 9);
    }
  });
});

describe('simulateExact: the report of the exact method', () => {
  const s = scenario({
    members: { count: 2000 },
    risks: [{ id: 'e', kind: 'event', rate: 0.02, rateCv: 0.2 }],
    fund: { backstop: 4000 },
  });
  const { report } = simulateExact(s);
  it("has the Monte Carlo report's fields, method fft, no sampling, and the exact block", () => {
    const mc = [
      'format',
      'name',
      'iterations',
      'seed',
      'method',
      'income',
      'expenses',
      'expected',
      'simulated',
      'benefits',
      'groups',
      'limits',
      'breakEvenContribution',
      'contributionAtConfidence',
      'verdict',
      'flags',
    ];
    expect(Object.keys(report)).toEqual([...mc, 'exact']);
    expect(report.method).toBe('fft');
    expect(report.iterations).toBe(0);
    expect(report.simulated.standardError).toBe(0);
    expect(report.exact!.gridSize).toBeGreaterThan(0);
  });
  it('reads P(S > I − E) and the quantiles from the lattice distribution (1,000 × NB(40, cv 0.2))', () => {
    // I = 2,000 × 50 = 100,000 = 100 events: P(S > I) = P(T > 100); backstop 4,000 = 4 events.
    const p = negativeBinomialPmf(40, 0.2, 400);
    const above = (n: number) => p.slice(n + 1).reduce((a, b) => a + b, 0);
    expect(report.simulated.probDeficit).toBeCloseTo(above(100), 12);
    expect(report.simulated.probBeyondBackstop).toBeCloseTo(above(104), 12);
    let cdf = 0,
      n = 0;
    for (; cdf + p[n] < 0.5; n++) cdf += p[n];
    expect(report.simulated.quantiles.p50).toBe(1000 * n);
  });
});
