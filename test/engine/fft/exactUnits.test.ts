/**
 * Direct tests of src/engine/fft/exactAggregate.ts on small schemes whose total is known exactly,
 * each figure derived in this file:
 *
 * - a lump sum of 1,000 on Poisson(λ) events: S = 1,000·N, so P(S = 1,000n) = e^{−λ}λⁿ/n!, mean
 *   1,000λ, sd 1,000√λ; the grid is the lattice (h = 1,000) and its window comes from the Chernoff
 *   bound of the Poisson, P(N ≥ t) ≤ e^{−I(t)} (and P(N ≤ t) for t < λ), I(t) = t·ln(t/λ) − t + λ:
 *   the window is [λ_lo, λ_hi] with I = ln(16/ε) (solved here by bisection), the origin the
 *   lattice point below, M the power of two ≥ width/h + 2 (at least 64), and the reported aliased
 *   mass e^{−I} at the half-points outside the window;
 * - with Gamma-mixed counts the negative binomial, p(n + 1) = p(n)·(n + r)/(n + 1)·λ/(r + λ);
 * - two lump sums on separate risks: the convolution of 1,000·Poisson and 1,500·Poisson on the
 *   common lattice 500;
 * - exponential claims (gamma, cv 1, paid in full), mean θ: split on span h, the claim masses are
 *   f_0 = 1 − (θ/h)(1 − q), f_j = (θ/h)(1 − q)²·q^{j−1}, q = e^{−h/θ} (from the stop-loss
 *   θe^{−y/θ}), and S by Panjer's recursion; rounded down / up the claim's mean is
 *   h·q/(1 − q) / h/(1 − q) (E⌊X/h⌋ = Σ_{j≥1} qʲ); the variance rule compares λ·h²/6 with
 *   Var S = λ·2θ² + (λ·cv·θ)²; the reported truncation is the budget ε/4; the true quantiles of
 *   S, an Erlang mixture (P(Erlang(n, θ) ≤ x) = P(Poisson(x/θ) ≥ n)), solved by bisection, lie
 *   within each rounding's reported bracket of the computed quantile;
 * - a cap that never binds: the neglected mass Σ members·P(K ≥ 4), K ~ Poisson(rate);
 * - capped lump sums with a rate cv: when the grid holds every possible total, the aliased and
 *   neglected masses are the capped component's own window tail and quadrature distance
 *   (cappedEventPmf.ts, tested against its own derivations in cappedEventPmfUnits.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../../src/domain/defaults.ts';
import { QUANTILE_LEVELS } from '../../../src/domain/report.ts';
import type { Scenario } from '../../../src/domain/scenario.ts';
import { buildComponents, type CappedEventComponent } from '../../../src/engine/fft/buildComponents.ts';
import { cappedEventPmf } from '../../../src/engine/fft/cappedEventPmf.ts';
import { exactAggregate, type ExactAggregate } from '../../../src/engine/fft/exactAggregate.ts';
import { quantileAt } from '../../../src/engine/fft/latticeDistribution.ts';

const scenario = (over: Partial<Scenario>): Scenario => ({
  format: 'huzhu-scenario/1',
  name: 'exact units',
  members: { count: 100 },
  contributions: [{ payer: 'member', amount: 50 }],
  risks: [{ id: 'e', kind: 'event', rate: 0.05 }],
  benefits: [{ id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000 }],
  ...over,
});

/** Exponential claims of mean 1,000 paid in full: `members` × 0.1 claims a year, rate cv `cv`. */
const exponentialScheme = (members: number, cv = 0) =>
  scenario({
    members: { count: members },
    risks: [{ id: 'c', kind: 'cost', rate: 0.1, rateCv: cv, cost: { dist: 'gamma', mean: 1000, cv: 1 } }],
    benefits: [{ id: 'all', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 1 }] }],
  });

const poisson = (lambda: number, n: number) => {
  const out = [Math.exp(-lambda)];
  for (let k = 1; k <= n; k++) out.push((out[k - 1] * lambda) / k);
  return out;
};

/** I(t) = t·ln(t/λ) − t + λ: the Poisson's Chernoff exponent. */
const rate = (t: number, lambda: number) => t * Math.log(t / lambda) - t + lambda;

/** The root of f in [a, b] by bisection (f(a), f(b) of opposite signs). */
const root = (f: (t: number) => number, a: number, b: number) => {
  for (let i = 0; i < 200; i++) {
    const m = (a + b) / 2;
    if (f(a) * f(m) <= 0) b = m;
    else a = m;
  }
  return (a + b) / 2;
};

const EPS = 1e-10;

/** P(S = x) read off the grid (0 off it). */
const massAt = (agg: ExactAggregate, x: number) => {
  const i = Math.round((x - agg.origin) / agg.h);
  return Math.abs(agg.origin + i * agg.h - x) < 1e-6 && i >= 0 && i < agg.pmf.length ? agg.pmf[i] : 0;
};

/** The interpolated quantile of a non-lattice grid distribution: cell i is [x_i − h/2, x_i + h/2). */
const cellQuantile = (origin: number, h: number, pmf: Float64Array, p: number) => {
  let before = 0;
  for (let i = 0; i < pmf.length; i++) {
    if (before + pmf[i] >= p) return Math.max(0, origin + (i - 0.5 + (p - before) / pmf[i]) * h);
    before += pmf[i];
  }
  return origin + (pmf.length - 0.5) * h;
};

describe('a lump sum on Poisson events: S = 1,000·Poisson(λ) on its lattice', () => {
  it('λ = 5: the Poisson pmf, h = 1,000 from 0, M = 64, mean 5,000, sd 1,000√5, nothing rounded', () => {
    const agg = exactAggregate(resolveScheme(scenario({})));
    expect(agg.h).toBe(1000);
    expect(agg.origin).toBe(0);
    expect(agg.gridSize).toBe(64);
    expect(agg.pmf.length).toBe(64);
    expect(agg.lattice).toBe(true);
    const p = poisson(5, 63);
    for (let n = 0; n < 64; n++) expect(agg.pmf[n], `P(N = ${n})`).toBeCloseTo(p[n], 15);
    let c = 0;
    for (let n = 0; n < 64; n++) expect(agg.cdf[n]).toBeCloseTo((c += p[n]), 14);
    expect(agg.mean).toBeCloseTo(5000, 9);
    expect(agg.sd / (1000 * Math.sqrt(5))).toBeCloseTo(1, 12);
    expect(agg.expected).toBe(5000);
    expect(agg.benefits).toEqual([{ id: 'lump', expected: 5000 }]);
    expect(agg.neglectedMass).toBe(0);
    expect(agg.coarse).toBeNull();
    expect(agg.discretisationError.estimated).toBeNull();
    for (const [key] of QUANTILE_LEVELS) expect(agg.discretisationError.quantiles[key]).toBe(0);
    // round-off leaves some negative values (set to 0 and counted), far below 1e-14
    expect(agg.negativeMass).toBeGreaterThan(0);
    expect(agg.negativeMass).toBeLessThan(1e-14);
  });
  it('λ = 5: the aliased mass is the Chernoff bound at 63.5 events, e^{−I(63.5)}', () => {
    const agg = exactAggregate(resolveScheme(scenario({})));
    expect(agg.aliasedMass / Math.exp(-rate(63.5, 5))).toBeCloseTo(1, 6);
  });
  it.each([
    [1200, 60],
    [2000, 100],
  ])(
    '%i members (λ = %i): the window [t_lo, t_hi] with I(t) = ln(16/ε), its origin, M and both tails',
    (members, lambda) => {
      const agg = exactAggregate(resolveScheme(scenario({ members: { count: members } })));
      const L = Math.log(16 / EPS);
      const lo = root((t) => rate(t, lambda) - L, 1e-9, lambda),
        hi = root((t) => rate(t, lambda) - L, lambda, 10 * lambda);
      const origin = 1000 * Math.floor(lo);
      const M = 2 ** Math.ceil(Math.log2(hi - lo + 2));
      expect(agg.origin).toBe(origin);
      expect(agg.gridSize).toBe(M);
      expect(agg.h).toBe(1000);
      // The window misses S ≤ origin − h and S ≥ origin + M·h: bounds at the half-points.
      const below = Math.exp(-rate(origin / 1000 - 0.5, lambda)),
        above = Math.exp(-rate(origin / 1000 + M - 0.5, lambda));
      expect(agg.aliasedMass / (below + above)).toBeCloseTo(1, 6);
      const p = poisson(lambda, 400);
      for (const n of [origin / 1000, lambda - 7, lambda, lambda + 11])
        expect(massAt(agg, 1000 * n), `P(N = ${n})`).toBeCloseTo(p[n], 15);
      expect(agg.mean / (1000 * lambda)).toBeCloseTo(1, 12);
      expect(agg.sd / (1000 * Math.sqrt(lambda))).toBeCloseTo(1, 10);
    },
  );
  it('Gamma-mixed counts (cv 0.4): the negative binomial with r = 6.25, mean 5', () => {
    const agg = exactAggregate(
      resolveScheme(scenario({ risks: [{ id: 'e', kind: 'event', rate: 0.05, rateCv: 0.4 }] })),
    );
    const r = 1 / 0.16,
      lambda = 5;
    const p = [Math.pow(r / (r + lambda), r)];
    for (let n = 1; n < 40; n++) p.push((p[n - 1] * (n - 1 + r) * lambda) / (n * (r + lambda)));
    for (let n = 0; n < 40; n++) expect(massAt(agg, 1000 * n), `P(N = ${n})`).toBeCloseTo(p[n], 14);
    // Var S = 1,000²·(λ + λ²cv²)
    expect(agg.sd / (1000 * Math.sqrt(lambda + lambda * lambda * 0.16))).toBeCloseTo(1, 10);
  });
  it('two risks of 1,000 and 1,500: the common lattice 500, and the convolution of the two', () => {
    const agg = exactAggregate(
      resolveScheme(
        scenario({
          risks: [
            { id: 'e', kind: 'event', rate: 0.02 },
            { id: 'f', kind: 'event', rate: 0.01 },
          ],
          benefits: [
            { id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000 },
            { id: 'other', risk: 'f', type: 'lump-sum', amount: 1500 },
          ],
        }),
      ),
    );
    expect(agg.h).toBe(500);
    expect(agg.lattice).toBe(true);
    const a = poisson(2, 40),
      b = poisson(1, 40);
    const want = (x: number) => {
      let sum = 0;
      for (let i = 0; 1000 * i <= x; i++)
        if ((x - 1000 * i) % 1500 === 0) sum += a[i] * b[(x - 1000 * i) / 1500];
      return sum;
    };
    for (const x of [0, 500, 1000, 1500, 2500, 3000, 4000, 6500])
      expect(massAt(agg, x), `P(S = ${x})`).toBeCloseTo(want(x), 15);
    expect(agg.benefits).toEqual([
      { id: 'lump', expected: 2000 },
      { id: 'other', expected: 1500 },
    ]);
  });
  it('a cap that never binds is ignored and its neglected mass reported: 10,000·P(K ≥ 4), K ~ Poisson(0.001)', () => {
    const agg = exactAggregate(
      resolveScheme(
        scenario({
          members: { count: 10_000 },
          risks: [{ id: 'e', kind: 'event', rate: 0.001 }],
          benefits: [{ id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000, cap: 3000 }],
        }),
      ),
    );
    const k = poisson(0.001, 12);
    const tail = k.slice(4).reduce((x, y) => x + y, 0);
    expect(agg.neglectedMass / (10_000 * tail)).toBeCloseTo(1, 6);
    expect(massAt(agg, 10_000)).toBeCloseTo(poisson(10, 10)[10], 14);
  });
  it('no benefits: no components, all the mass at 0 on a grid of span 1 and 1,024 points', () => {
    const agg = exactAggregate(resolveScheme(scenario({ benefits: [] })));
    expect([agg.h, agg.gridSize, agg.origin, agg.mean, agg.sd, agg.aliasedMass]).toEqual([
      1, 1024, 0, 0, 0, 0,
    ]);
    expect(agg.pmf[0]).toBeCloseTo(1, 15);
    expect(agg.lattice).toBe(true);
  });
});

/** Per member min(K, 2), K ~ Poisson(rate): P(0), P(1), P(≥ 2). */
const cappedMember = (rate: number) => {
  const p0 = Math.exp(-rate),
    p1 = rate * p0;
  return [p0, p1, 1 - p0 - p1];
};

describe('a lump sum of 1,000 capped at 2,000 a member (a binding cap): S/1,000 = Σ_members min(K, 2)', () => {
  const capped = (members: number) =>
    scenario({
      members: { count: members },
      benefits: [{ id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000, cap: 2000 }],
    });
  it('60 members at 0.05: the 60th convolution power of (P(K = 0), P(K = 1), P(K ≥ 2)) on the lattice 1,000', () => {
    const agg = exactAggregate(resolveScheme(capped(60)));
    const one = cappedMember(0.05);
    let total = [1];
    for (let m = 0; m < 60; m++) {
      const next = new Array<number>(total.length + 2).fill(0);
      total.forEach((t, i) => one.forEach((o, j) => (next[i + j] += t * o)));
      total = next;
    }
    expect(agg.h).toBe(1000);
    expect(agg.lattice).toBe(true);
    for (let n = 0; n <= 20; n++) expect(massAt(agg, 1000 * n), `P(S = ${n},000)`).toBeCloseTo(total[n], 13);
    const mean = 60 * 1000 * (one[1] + 2 * one[2]);
    expect(agg.mean / mean).toBeCloseTo(1, 10);
    expect(agg.expected / mean).toBeCloseTo(1, 12);
    expect(agg.aliasedMass).toBeLessThan(EPS / 2);
    expect(agg.neglectedMass).toBeLessThan(1e-12);
  });
  it('beside exponential claims: the grid rule counts the capped total’s variance 100·1,000²·Var min(K, 2) in Var S', () => {
    const s = resolveScheme(
      scenario({
        members: { count: 100 },
        risks: [
          { id: 'e', kind: 'event', rate: 0.05 },
          { id: 'c', kind: 'cost', rate: 0.02, cost: { dist: 'gamma', mean: 1000, cv: 1 } },
        ],
        benefits: [
          { id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000, cap: 2000 },
          { id: 'all', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 1 }] },
        ],
      }),
    );
    const [, p1, p2] = cappedMember(0.05);
    const variance = 2 * 2 * 1000 ** 2 + 100 * 1000 ** 2 * (p1 + 4 * p2 - (p1 + 2 * p2) ** 2);
    const at1024 = exactAggregate(s, { gridSize: 1024, maxVarianceInflation: 0 });
    expect(at1024.lattice).toBe(false);
    expect(1000 / at1024.h).toBe(Math.round(1000 / at1024.h)); // the capped lump sums stay on the grid
    const share = (2 * at1024.h ** 2) / 6 / variance;
    expect(exactAggregate(s, { maxVarianceInflation: share * 1.01 }).gridSize).toBe(1024);
    expect(exactAggregate(s, { maxVarianceInflation: share * 0.99 }).gridSize).toBe(2048);
  });
  it('3 members with rate cv 0.3: S ≤ 6,000 lies wholly in the grid, so the aliased mass is the events’ own window tail and the neglected mass their Θ quadrature’s distance, both above 0', () => {
    // The capped component's own error terms, computed as exactAggregate computes it (its
    // options: truncation ε/4, quadrature tolerance 1e-12 on at most 4,096 nodes); what is
    // checked here is that the aggregate adds them up, with their signs.
    const s = resolveScheme(
      scenario({
        members: { count: 3 },
        risks: [{ id: 'e', kind: 'event', rate: 0.05, rateCv: 0.3 }],
        benefits: [{ id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000, cap: 2000 }],
      }),
    );
    const [component] = buildComponents(s, { truncationBudget: EPS / 4, maxNeglectedMass: 1e-8 });
    expect(component.kind).toBe('capped-event');
    const own = cappedEventPmf(component as CappedEventComponent, { tolerance: 1e-12, maxNodes: 4096 });
    expect(own.outside).toBeGreaterThan(0);
    expect(own.quadrature).toBeGreaterThan(0);
    const agg = exactAggregate(s);
    expect(agg.origin).toBe(0);
    expect(agg.origin + (agg.gridSize - 1) * agg.h).toBeGreaterThanOrEqual(6000);
    expect(agg.aliasedMass).toBe(own.outside);
    expect(agg.neglectedMass).toBe(own.neglected + own.quadrature);
  });
});

describe('exponential claims (θ = 1,000), Poisson counts, split on the grid', () => {
  const theta = 1000;
  /** Panjer's recursion on the split exponential claim on span h, to n. */
  const panjerSplit = (lambda: number, h: number, n: number) => {
    const q = Math.exp(-h / theta);
    const f = [1 - (theta / h) * (1 - q)];
    for (let j = 1; j <= n; j++) f.push((theta / h) * (1 - q) ** 2 * q ** (j - 1));
    const g = [Math.exp(-lambda * (1 - f[0]))];
    for (let k = 1; k <= n; k++) {
      let sum = 0;
      for (let j = 1; j <= k; j++) sum += j * f[j] * g[k - j];
      g.push((lambda / k) * sum);
    }
    return g;
  };
  it('λ = 2: the pmf is Panjer’s on the split claims, the mean kept, the truncation budget reported', () => {
    const agg = exactAggregate(resolveScheme(exponentialScheme(20)));
    expect(agg.lattice).toBe(false);
    expect(agg.origin).toBe(0);
    const g = panjerSplit(2, agg.h, agg.gridSize - 1);
    let worst = 0;
    for (let k = 0; k < agg.gridSize; k++) worst = Math.max(worst, Math.abs(agg.pmf[k] - g[k]));
    expect(worst).toBeLessThan(1e-10);
    expect(agg.mean / 2000).toBeCloseTo(1, 9);
    expect(agg.expected).toBe(2000);
    // the window's own bound is positive and below ε/2; the truncated claims add the budget ε/4
    // (the window holds all but ε/16 each side of the provisional claims: well within ε/8 here)
    expect(agg.aliasedMass).toBeGreaterThan(EPS / 4);
    expect(agg.aliasedMass).toBeLessThanOrEqual(EPS / 4 + EPS / 8);
    // Var S_h = λE[Y_h²] = λ(2θ² + h²/6·(…)): within the rounding's h²/4 a claim of λ·2θ²
    expect(agg.sd ** 2).toBeGreaterThan(2 * 2 * theta ** 2);
    expect(agg.sd ** 2).toBeLessThan(2 * 2 * theta ** 2 + (2 * agg.h ** 2) / 4);
  });
  it('the Richardson estimate compares with the same claims on span 2h, M/2 points: |Q_2h − Q_h|/3', () => {
    const agg = exactAggregate(resolveScheme(exponentialScheme(20)));
    const coarse = agg.coarse!;
    expect(coarse.h).toBe(2 * agg.h);
    expect(coarse.pmf.length).toBe(agg.gridSize / 2);
    expect(coarse.origin).toBe(0);
    expect(coarse.lattice).toBe(false);
    const g2 = panjerSplit(2, 2 * agg.h, agg.gridSize / 2 - 1);
    let worst = 0;
    for (let k = 0; k < agg.gridSize / 2; k++) worst = Math.max(worst, Math.abs(coarse.pmf[k] - g2[k]));
    expect(worst).toBeLessThan(1e-10);
    let c = 0;
    for (let k = 0; k < 40; k++) expect(coarse.cdf[k]).toBeCloseTo((c += coarse.pmf[k]), 14);
    const est = agg.discretisationError.estimated!;
    for (const [key, p] of QUANTILE_LEVELS) {
      const q1 = cellQuantile(agg.origin, agg.h, agg.pmf, p),
        q2 = cellQuantile(coarse.origin, coarse.h, coarse.pmf, p);
      expect(est[key], key).toBeCloseTo(Math.abs(q2 - q1) / 3, 6);
      // the guaranteed bracket is wider than the rounding alone could move a quantile: some h
      expect(agg.discretisationError.quantiles[key]).toBeGreaterThan(agg.h);
    }
  });
  it('no estimate when asked not to, or when rounding down or up', () => {
    for (const options of [{ estimate: false }, { rounding: 'down' as const }, { rounding: 'up' as const }]) {
      const agg = exactAggregate(resolveScheme(exponentialScheme(20)), options);
      expect(agg.coarse).toBeNull();
      expect(agg.discretisationError.estimated).toBeNull();
    }
  });
  it('rounded down / up: the mean is λ·h·q/(1 − q) / λ·h/(1 − q), q = e^{−h/θ}', () => {
    const down = exactAggregate(resolveScheme(exponentialScheme(20)), { rounding: 'down' });
    const qd = Math.exp(-down.h / theta);
    expect(down.mean / ((2 * down.h * qd) / (1 - qd))).toBeCloseTo(1, 8);
    const up = exactAggregate(resolveScheme(exponentialScheme(20)), { rounding: 'up' });
    const qu = Math.exp(-up.h / theta);
    expect(up.mean / ((2 * up.h) / (1 - qu))).toBeCloseTo(1, 8);
  });
  it('rounded up on 1,024 points with λ = 100, the window is widened until it holds S_h: mean λh/(1 − q), aliased mass within ε/2 + ε/4', () => {
    // every claim moves up by < h, the total by about λh/2 beyond the provisional window
    const agg = exactAggregate(resolveScheme(exponentialScheme(1000)), { rounding: 'up', gridSize: 1024 });
    const q = Math.exp(-agg.h / theta);
    expect(agg.mean / ((100 * agg.h) / (1 - q))).toBeCloseTo(1, 9);
    expect(agg.aliasedMass).toBeLessThanOrEqual(EPS / 2 + EPS / 4);
  });
  it('λ = 200 on 1,024 points: the true quantiles (an Erlang mixture) lie in each rounding’s reported bracket, split’s being the narrowest', () => {
    // P(S ≤ x) = e^{−λ} + Σ_n P(N = n)·P(Erlang(n, θ) ≤ x), P(Erlang(n, θ) ≤ x) = P(Poisson(x/θ) ≥ n)
    const lambda = 200;
    const cdf = (x: number) => {
      const y = x / theta;
      let pn = Math.exp(-lambda),
        total = pn,
        below = 0,
        term = Math.exp(-y);
      for (let n = 1; n <= 1000; n++) {
        pn *= lambda / n;
        below += term; // Σ_{k<n} e^{−y}·y^k/k!
        term *= y / n;
        total += pn * Math.max(0, 1 - below);
      }
      return total;
    };
    const truth = QUANTILE_LEVELS.map(([, p]) => root((x) => cdf(x) - p, 0, 10 * lambda * theta));
    const width = { split: 0, down: 0, up: 0 };
    for (const rounding of ['split', 'down', 'up'] as const) {
      const agg = exactAggregate(resolveScheme(exponentialScheme(10 * lambda)), { rounding, gridSize: 1024 });
      QUANTILE_LEVELS.forEach(([key, p], i) => {
        const w = agg.discretisationError.quantiles[key];
        // rounding every claim down (up) moves the total by about λh/2 = 30,000 or more, and the
        // bracket of a biased rounding must hold that; the split's is about √λ·h wide
        expect(Math.abs(truth[i] - quantileAt(agg, p)), `${rounding} ${key}`).toBeLessThanOrEqual(w);
        width[rounding] = Math.max(width[rounding], w);
      });
    }
    expect(width.split).toBeLessThan(width.down / 4);
    expect(width.split).toBeLessThan(width.up / 4);
  });
  it('λ = 100: the window starts above 0, and the coarse twin’s origin is the multiple of 2h at or below it', () => {
    const agg = exactAggregate(resolveScheme(exponentialScheme(1000)));
    expect(agg.origin).toBeGreaterThan(0);
    expect(agg.origin / agg.h).toBeCloseTo(Math.round(agg.origin / agg.h), 9);
    expect(agg.coarse!.origin).toBe(2 * agg.h * Math.floor(agg.origin / (2 * agg.h)));
    expect(agg.mean / 100_000).toBeCloseTo(1, 9);
  });
  it('the grid: the smallest M whose rounding variance λh²/6 is within the share of Var S = 2λθ² + (λ·cv·θ)²', () => {
    // λ = 2, cv = 0.5: Var S = 4e6 + 1e6. At M = 1,024 the noise is 2h²/6.
    const s = resolveScheme(exponentialScheme(20, 0.5));
    const at1024 = exactAggregate(s, { gridSize: 1024, maxVarianceInflation: 0 });
    expect(at1024.gridSize).toBe(1024);
    const share = (2 * at1024.h ** 2) / 6 / 5e6;
    expect(exactAggregate(s, { maxVarianceInflation: share * 1.01 }).gridSize).toBe(1024);
    expect(exactAggregate(s, { maxVarianceInflation: share * 0.99 }).gridSize).toBe(2048);
    expect(exactAggregate(s, { gridSize: 2048, maxVarianceInflation: 0 }).gridSize).toBe(2048);
    const tiny = exactAggregate(s, { gridSize: 4096, maxVarianceInflation: share / 4 / 1.01 });
    expect(tiny.gridSize).toBe(4096);
  });
  it('by default the share is 2.5e-4: λ = 10 needs 2,048 points, its rounding share h²/(12θ²) at 1,024 being above it', () => {
    // noise / Var S = (λh²/6) / (2λθ²) = h²/(12θ²): above 2.5e-4 at M = 1,024, a quarter of that at 2,048
    const s = resolveScheme(exponentialScheme(100));
    const h = exactAggregate(s, { gridSize: 1024, maxVarianceInflation: 0 }).h;
    const share = h ** 2 / (12 * theta ** 2);
    expect(share).toBeGreaterThan(2.5e-4);
    expect(share / 4).toBeLessThan(2.5e-4);
    expect(exactAggregate(s).gridSize).toBe(2048);
  });
  it('timings: each step non-negative, adding up to the total', () => {
    const t = exactAggregate(resolveScheme(exponentialScheme(20))).timings;
    for (const v of [t.setup, t.window, t.transform, t.bounds]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(t.total + 1e-9);
    }
    expect(t.setup + t.window + t.transform + t.bounds).toBeCloseTo(t.total, 6);
  });
});
