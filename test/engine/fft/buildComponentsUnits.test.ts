/**
 * The exact method's components of cost risks (src/engine/fft/buildComponents.ts: `buildComponents`,
 * `costComponent`, `claimParts`, `scaled`, `continuousOrSteps`, `limitedClaim`, `limitedPieces`,
 * `stepAtoms`, `atoms`, `mixture`, `daysTable`), checked on small `/2` scenarios (1,000 members,
 * rate 0.04: λ = 40 claimants) against figures worked out here from the module's comment:
 * - claimants are Poisson(λΘ), λ = Σ_cells rate·members; with a benefit or limit per share, the
 *   claim is a mixture over share classes k (probability λ_k/λ) of the payment × k;
 * - parts: `continuous` (sloped cost-driven benefits: their pieces a + s·x), `atoms` (empirical
 *   costs, steps on a continuous cost: a_k with P(x_k ≤ X < x_{k+1}), days × perDay), `mixture`;
 * - an unbounded part is truncated at `top`, its payment at the cost quantile where λ·P(X > x) is the
 *   truncation budget shared by the risks with an unbounded benefit on a continuous cost (Pareto II:
 *   x = s·((budget/λ)^(−1/α) − 1)); `truncated` reports that share;
 * - days: n = 0, 1, … with P(D = n); P(D ≥ max) on the largest maxDays when every allowance has one;
 * - a limit: Y = U(X) + H(D) + Σ_l min(F_l(X) + G_l(D), cap_l·(k or 1)), the mixture over d of the
 *   pieces in x (`limitedPieces`), days giving the same pieces one branch.
 * Lattices are the gcd of the values in fen. See buildComponentsEvents.test.ts for event risks.
 */
import { describe, expect, it } from 'vitest';
import {
  buildComponents,
  limitedPieces,
  type Component,
  type CompoundComponent,
  type Part,
} from '../../../src/engine/fft/buildComponents.ts';
import type { Piecewise } from '../../../src/benefits/piecewise.ts';
import {
  asCompound,
  asMixture,
  expectAtoms,
  expectContinuous,
  near,
  nearAll,
  paretoSf,
  paretoTop,
  poissonPmfs,
  scheme,
  tailFrom,
} from '../../helpers/components.ts';

const T = 1e-6;
const O = { truncationBudget: T, maxNeglectedMass: 1e-3 };
const build = (doc: Record<string, unknown>): Component[] => buildComponents(scheme(doc), O);
const only = (doc: Record<string, unknown>): CompoundComponent => {
  const cs = build(doc);
  expect(cs.length).toBe(1);
  return asCompound(cs[0]);
};

const pareto3 = { dist: 'pareto', scale: 4000, shape: 3 };
const costRisk = (extra: Record<string, unknown> = {}) => ({
  id: 'r',
  kind: 'cost',
  rate: 0.04,
  cost: pareto3,
  ...extra,
});
const bands = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  risk: 'r',
  type: 'bands',
  bands: [{ upTo: null, rate: 0.5 }],
  ...extra,
});
const daily = (id: string, perDay: number, extra: Record<string, unknown> = {}) => ({
  id,
  risk: 'r',
  type: 'daily',
  perDay,
  ...extra,
});
/** 1,000 members, `fractions[k]` of them holding `k` shares. */
const holdings = (...h: [number, number][]) => ({
  groups: [{ id: 'g', count: 1000, holdings: h.map(([shares, fraction]) => ({ shares, fraction })) }],
});

describe('buildComponents: one component per risk that pays, the truncation budget shared', () => {
  it('splits the budget between the risks with an unbounded benefit on a continuous cost (2 of 4)', () => {
    const cs = build({
      risks: [
        costRisk({ id: 'r1', rateCv: 0.2 }),
        costRisk({ id: 'r2', rate: 0.02, cost: { dist: 'pareto', scale: 2000, shape: 2 } }),
        { id: 'ev', kind: 'event', rate: 0.01 },
        costRisk({ id: 'r3', rate: 0.1, cost: { dist: 'empirical', values: [100, 200] } }),
        costRisk({ id: 'r4', cost: { dist: 'lognormal', mean: 4000, cv: 1 } }),
      ],
      benefits: [
        bands('b1', { risk: 'r1' }),
        bands('b1b', {
          risk: 'r1',
          bands: [
            { upTo: 1000, rate: 0.2 },
            { upTo: null, rate: 0.1 },
          ],
        }),
        { id: 'b2', risk: 'r2', type: 'steps', from: 0, step: 100000, perStep: 100 },
        { id: 'L', risk: 'ev', type: 'lump-sum', amount: 50 },
        bands('b3', { risk: 'r3' }),
        bands('b4', { risk: 'r4', cap: 5000 }),
      ],
    });
    expect(cs.map((c) => `${c.kind} ${c.risk}`)).toEqual([
      'compound r1',
      'compound r2',
      'compound ev',
      'compound r3',
      'compound r4',
    ]);
    const [r1, r2, , r3, r4] = cs.map(asCompound);

    // r1: 0.5x + (0.2x below 1000, 100 + 0.1x above), truncated where 40·P(X > x) = T/2.
    const x1 = paretoTop(4000, 3, T / 2 / 40);
    near(r1.lambda, 40);
    near(r1.truncated, T / 2);
    expect(r1.neglected).toBe(0);
    expect(r1.rateCv).toBe(0.2);
    expect(r2.rateCv).toBe(0);
    expect(r1.parts.length).toBe(1);
    expectContinuous(r1.parts[0], {
      x: [0, 1000],
      a: [0, 100],
      s: [0.7, 0.6],
      top: 100 + 0.6 * x1,
      sup: Infinity,
    });

    // r2: uncapped steps on a continuous cost are atoms 100·k with P(10⁵k ≤ X < 10⁵(k + 1)), the
    // piece holding the truncation point taking the whole tail.
    const x2 = paretoTop(2000, 2, T / 2 / 20);
    const last = Math.floor(x2 / 100000);
    expect(last).toBe(126);
    near(r2.lambda, 20);
    near(r2.truncated, T / 2);
    const sf2 = (x: number) => paretoSf(2000, 2, x);
    expectAtoms(
      r2.parts[0],
      {
        values: Array.from({ length: last + 1 }, (_, k) => 100 * k),
        probs: Array.from({ length: last + 1 }, (_, k) =>
          k === last ? sf2(100000 * k) : sf2(100000 * k) - sf2(100000 * (k + 1)),
        ),
        top: 100 * last,
        lattice: 100,
      },
      1e-11,
    );

    // r3: an empirical cost is not truncated: 0.5 × 100 and 0.5 × 200, each with 1/2.
    near(r3.lambda, 100);
    expect(r3.truncated).toBe(0);
    expectAtoms(r3.parts[0], { values: [50, 100], probs: [0.5, 0.5], top: 100, lattice: 50 });

    // r4: a cap bounds the benefit: no truncation, top = sup = the cap.
    expect(r4.truncated).toBe(0);
    expectContinuous(r4.parts[0], { x: [0, 10000], a: [0, 5000], s: [0.5, 0], top: 5000, sup: 5000 });
  });

  it('one unbounded risk has the whole budget; two unbounded benefits and a bounded one on it count once', () => {
    const c = only({
      risks: [costRisk()],
      benefits: [
        bands('b'),
        bands('c', { bands: [{ upTo: null, rate: 0.25 }] }),
        bands('d', { bands: [{ upTo: null, rate: 0.25 }], cap: 1000 }),
      ],
    });
    near(c.truncated, T);
    // 0.5x + 0.25x + min(0.25x, 1000).
    expectContinuous(c.parts[0], {
      x: [0, 4000],
      a: [0, 1000],
      s: [1, 0.75],
      top: 1000 + 0.75 * paretoTop(4000, 3, T / 40),
      sup: Infinity,
    });
  });

  it('bands ending at a finite upTo without a cap are bounded: top = what the bands pay in all', () => {
    const c = only({ risks: [costRisk()], benefits: [bands('b', { bands: [{ upTo: 10000, rate: 0.5 }] })] });
    expect(c.truncated).toBe(0);
    expectContinuous(c.parts[0], { x: [0, 10000], a: [0, 5000], s: [0.5, 0], top: 5000, sup: 5000 });
  });

  it('a risk that pays nothing has no component (every cost below the deductible)', () => {
    const cs = build({
      risks: [costRisk({ cost: { dist: 'empirical', values: [100, 200] } }), costRisk({ id: 'q' })],
      benefits: [bands('b', { deductible: 500 }), bands('c', { risk: 'q', cap: 100 })],
    });
    expect(cs.map((c) => c.risk)).toEqual(['q']);
  });
});

describe('steps on a continuous cost: atoms a_k with P(x_k ≤ X < x_{k+1})', () => {
  const sf = (x: number) => paretoSf(4000, 2, x);
  const pareto2 = { dist: 'pareto', scale: 4000, shape: 2 };

  it('capped steps: 0, 100, 200, 300 on [0, 2000), [2000, 3000), [3000, 4000), [4000, ∞)', () => {
    const c = only({
      risks: [costRisk({ cost: pareto2 })],
      benefits: [{ id: 's', risk: 'r', type: 'steps', from: 1000, step: 1000, perStep: 100, cap: 300 }],
    });
    expect(c.truncated).toBe(0);
    expectAtoms(
      c.parts[0],
      {
        values: [0, 100, 200, 300],
        probs: [1 - sf(2000), sf(2000) - sf(3000), sf(3000) - sf(4000), sf(4000)],
        top: 300,
        lattice: 100,
      },
      1e-11,
    );
  });

  // Truncation point: 40·P(X > x) = 10⁻⁶, x = 4000·(1/√(2.5·10⁻⁸) − 1) = 25,294,221.28…
  const xTop = paretoTop(4000, 2, T / 40);
  const uncapped = (from: number) =>
    only({
      risks: [costRisk({ cost: pareto2 })],
      benefits: [{ id: 's', risk: 'r', type: 'steps', from, step: 1e6, perStep: 100 }],
    });
  const steps = (from: number, last: number) => ({
    values: Array.from({ length: last + 1 }, (_, k) => 100 * k),
    probs: Array.from({ length: last + 1 }, (_, k) => {
      const lo = k === 0 ? 0 : from + k * 1e6;
      return k === last ? sf(lo) : (k === 0 ? 1 : sf(lo)) - sf(from + (k + 1) * 1e6);
    }),
    top: 100 * last,
    lattice: 100,
  });

  it('uncapped steps with a step just above the truncation point: the piece below it takes the tail', () => {
    expect(xTop).toBeGreaterThan(25294221.28);
    expect(xTop).toBeLessThan(25294221.29);
    // from + 25·10⁶ = 25,294,221.78 lies in (xTop, xTop + 1): described, but past the truncation.
    const c = uncapped(294221.78);
    near(c.truncated, T);
    expectAtoms(c.parts[0], steps(294221.78, 24), 1e-11);
  });

  it('uncapped steps with a step just below the truncation point: that step is the last atom', () => {
    // from + 25·10⁶ = 25,294,220.78 lies in [xTop − 1, xTop].
    expectAtoms(uncapped(294220.78).parts[0], steps(294220.78, 25), 1e-11);
  });

  it('steps beside a sloped benefit make one continuous part', () => {
    const c = only({
      risks: [costRisk()],
      benefits: [
        { id: 's', risk: 'r', type: 'steps', from: 1000, step: 1000, perStep: 100, cap: 200 },
        bands('b', { cap: 1000 }),
      ],
    });
    expectContinuous(c.parts[0], {
      x: [0, 2000, 3000],
      a: [0, 1100, 1200],
      s: [0.5, 0, 0],
      top: 1200,
      sup: 1200,
    });
  });
});

describe('share classes of a cost risk', () => {
  it('a benefit per share: a mixture over classes, probabilities λ_k/λ, cells of equal shares merged', () => {
    // g: 600 with 1 share, 400 with 2; h: 500 with 1 share. λ = 0.04 × (600 + 500) = 44 and 16.
    const c = only({
      members: {
        groups: [
          {
            id: 'g',
            count: 1000,
            holdings: [
              { shares: 1, fraction: 0.6 },
              { shares: 2, fraction: 0.4 },
            ],
          },
          { id: 'h', count: 500 },
        ],
      },
      risks: [costRisk()],
      benefits: [bands('b', { cap: 10000, perShare: true })],
    });
    near(c.lambda, 60);
    expect(c.truncated).toBe(0);
    expect(c.parts.length).toBe(1);
    const m = asMixture(c.parts[0]);
    expect(m.top).toBe(20000);
    expect(m.lattice).toBeNull();
    nearAll(
      m.branches.map((b) => b.prob),
      [44 / 60, 16 / 60],
    );
    expect(m.branches.map((b) => b.parts.length)).toEqual([1, 1]);
    expectContinuous(m.branches[0].parts[0], {
      x: [0, 20000],
      a: [0, 10000],
      s: [0.5, 0],
      top: 10000,
      sup: 10000,
    });
    expectContinuous(m.branches[1].parts[0], {
      x: [0, 20000],
      a: [0, 20000],
      s: [1, 0],
      top: 20000,
      sup: 20000,
    });
  });

  it('without anything per share, holdings make one class', () => {
    const c = only({
      members: holdings([1, 0.6], [2, 0.4]),
      risks: [costRisk()],
      benefits: [bands('b', { cap: 10000 })],
    });
    near(c.lambda, 40);
    expectContinuous(c.parts[0], { x: [0, 20000], a: [0, 10000], s: [0.5, 0], top: 10000, sup: 10000 });
  });

  it('unbounded per share: every class truncated at the same cost, x where λ (all classes)·P(X > x) = T', () => {
    const x = paretoTop(4000, 3, T / 40);
    const c = only({
      members: holdings([1, 0.6], [2, 0.4]),
      risks: [costRisk()],
      benefits: [bands('b', { perShare: true })],
    });
    near(c.truncated, T);
    const m = asMixture(c.parts[0]);
    near(m.top, x);
    nearAll(
      m.branches.map((b) => b.prob),
      [0.6, 0.4],
    );
    expectContinuous(m.branches[0].parts[0], { x: [0], a: [0], s: [0.5], top: 0.5 * x, sup: Infinity });
    expectContinuous(m.branches[1].parts[0], { x: [0], a: [0], s: [1], top: x, sup: Infinity });
  });

  it('a per-share benefit beside one that is not: k·f + g on the union of breakpoints', () => {
    const c = only({
      members: holdings([1, 0.5], [2, 0.5]),
      risks: [costRisk({ cost: { dist: 'lognormal', mean: 4000, cv: 1 } })],
      benefits: [
        bands('per', { cap: 1000, perShare: true }),
        bands('one', { bands: [{ upTo: null, rate: 0.2 }], cap: 500 }),
      ],
    });
    const m = asMixture(c.parts[0]);
    expect(m.top).toBe(2500);
    // 1 share: min(0.5x, 1000) + min(0.2x, 500); 2 shares: min(x, 2000) + min(0.2x, 500).
    expectContinuous(m.branches[0].parts[0], {
      x: [0, 2000, 2500],
      a: [0, 1000, 1500],
      s: [0.7, 0.2, 0],
      top: 1500,
      sup: 1500,
    });
    expectContinuous(m.branches[1].parts[0], {
      x: [0, 2000, 2500],
      a: [0, 2000, 2500],
      s: [1.2, 0.2, 0],
      top: 2500,
      sup: 2500,
    });
  });

  it('uncapped steps per share beside uncapped bands: described up to the truncation point + 1', () => {
    // 40·P(X > x) = T: x ≈ 1,363,960, so one step (at 10⁶) below it.
    const x = paretoTop(4000, 3, T / 40);
    expect(Math.floor(x / 1e6)).toBe(1);
    const c = only({
      members: holdings([1, 0.5], [2, 0.5]),
      risks: [costRisk()],
      benefits: [
        { id: 's', risk: 'r', type: 'steps', from: 0, step: 1e6, perStep: 100, perShare: true },
        bands('b', { bands: [{ upTo: null, rate: 0.1 }] }),
      ],
    });
    const m = asMixture(c.parts[0]);
    expectContinuous(m.branches[0].parts[0], {
      x: [0, 1e6],
      a: [0, 100],
      s: [0.1, 0.1],
      top: 100 + 0.1 * x,
      sup: Infinity,
      end: x + 1,
    });
    expectContinuous(m.branches[1].parts[0], {
      x: [0, 1e6],
      a: [0, 200],
      s: [0.1, 0.1],
      top: 200 + 0.1 * x,
      sup: Infinity,
      end: x + 1,
    });
  });

  it('a class of no claimants is no branch (1 member: 1 with 1 share, 0 with 2)', () => {
    const c = only({
      members: {
        groups: [
          {
            id: 'g',
            count: 1,
            holdings: [
              { shares: 1, fraction: 0.5 },
              { shares: 2, fraction: 0.5 },
            ],
          },
        ],
      },
      risks: [costRisk({ rate: 1, cost: { dist: 'empirical', values: [1000] } })],
      benefits: [bands('b', { perShare: true })],
    });
    near(c.lambda, 1);
    const m = asMixture(c.parts[0]);
    expect(m.branches.length).toBe(1);
    expect(m.branches[0].prob).toBe(1);
    expectAtoms(m.branches[0].parts[0], { values: [500], probs: [1], top: 500, lattice: 500 });
  });

  it('per share, paying nothing in every class: no component', () => {
    const cs = build({
      members: holdings([1, 0.5], [2, 0.5]),
      risks: [costRisk({ cost: { dist: 'empirical', values: [100, 200] } })],
      benefits: [bands('b', { deductible: 500, perShare: true })],
    });
    expect(cs).toEqual([]);
  });
});

describe('empirical and point costs: atoms over the values, each 1/n', () => {
  // Bands (deductible 1000; 50% to 5000, 80% above; cap 4000) and steps (10 per 1000):
  // 500 → 0 + 0; 2000 → 500 + 20; 8000 → min(2500 + 1600, 4000) + 80.
  const benefits = [
    bands('b', {
      deductible: 1000,
      bands: [
        { upTo: 5000, rate: 0.5 },
        { upTo: null, rate: 0.8 },
      ],
      cap: 4000,
    }),
    { id: 's', risk: 'r', type: 'steps', from: 0, step: 1000, perStep: 10 },
  ];
  const empirical = { dist: 'empirical', values: [500, 2000, 8000] };

  it('pays Σ benefits at each value', () => {
    const c = only({ risks: [costRisk({ cost: empirical })], benefits });
    expect(c.truncated).toBe(0);
    expectAtoms(c.parts[0], { values: [0, 520, 4080], probs: [1 / 3, 1 / 3, 1 / 3], top: 4080, lattice: 40 });
  });

  it('a lognormal cost of cv 0 is one value, its mean', () => {
    const c = only({
      risks: [costRisk({ cost: { dist: 'lognormal', mean: 3000, cv: 0 } })],
      benefits: [bands('b')],
    });
    expectAtoms(c.parts[0], { values: [1500], probs: [1], top: 1500, lattice: 1500 });
  });

  it('per share with days: each branch the cost part then the days part; top the largest branch total, lattice common', () => {
    const c = only({
      members: holdings([1, 0.5], [3, 0.5]),
      risks: [costRisk({ cost: empirical, days: { dist: 'fixed', value: 2 } })],
      benefits: [{ ...benefits[0], perShare: true }, benefits[1], daily('d', 100)],
    });
    const m = asMixture(c.parts[0]);
    expect(m.top).toBe(12080 + 200);
    // lattices 40 (1 share), 100 (days), 80 (3 shares: 1520, 12080), 100: gcd 20.
    expect(m.lattice).toBe(20);
    nearAll(
      m.branches.map((b) => b.prob),
      [0.5, 0.5],
    );
    const days = { values: [0, 100, 200], probs: [0, 0, 1], top: 200, lattice: 100 };
    expect(m.branches.map((b) => b.parts.length)).toEqual([2, 2]);
    expectAtoms(m.branches[0].parts[0], {
      values: [0, 520, 4080],
      probs: [1 / 3, 1 / 3, 1 / 3],
      top: 4080,
      lattice: 40,
    });
    expectAtoms(m.branches[0].parts[1], days);
    expectAtoms(m.branches[1].parts[0], {
      values: [0, 1520, 12080],
      probs: [1 / 3, 1 / 3, 1 / 3],
      top: 12080,
      lattice: 80,
    });
    expectAtoms(m.branches[1].parts[1], days);
  });

  it('per share, a part that pays nothing is dropped from every branch', () => {
    const c = only({
      members: holdings([1, 0.5], [2, 0.5]),
      risks: [costRisk({ cost: { dist: 'empirical', values: [1000] }, days: { dist: 'fixed', value: 0 } })],
      benefits: [bands('b', { perShare: true }), daily('d', 100)],
    });
    const m = asMixture(c.parts[0]);
    expect(m.branches.map((b) => b.parts.length)).toEqual([1, 1]);
    expectAtoms(m.branches[0].parts[0], { values: [500], probs: [1], top: 500, lattice: 500 });
    expectAtoms(m.branches[1].parts[0], { values: [1000], probs: [1], top: 1000, lattice: 1000 });
    expect(m.top).toBe(1000);
  });

  it('a part that pays nothing is dropped (no days: fixed 0)', () => {
    const c = only({
      risks: [costRisk({ cost: { dist: 'empirical', values: [1000] }, days: { dist: 'fixed', value: 0 } })],
      benefits: [bands('b'), daily('d', 100)],
    });
    expect(c.parts.length).toBe(1);
    expectAtoms(c.parts[0], { values: [500], probs: [1], top: 500, lattice: 500 });
  });
});

describe('days tables: n = 0, 1, … with P(D = n)', () => {
  const days = (d: Record<string, unknown>, benefits: Record<string, unknown>[], members?: unknown) =>
    only({ ...(members ? { members } : {}), risks: [costRisk({ days: d })], benefits });

  it('every allowance with a maximum: P(D ≥ 5) on 5 (Poisson 2; 100 a day to 3 days, 50 to 5)', () => {
    const p = poissonPmfs(2, 4);
    const c = days({ dist: 'poisson', mean: 2 }, [
      daily('a', 100, { maxDays: 3 }),
      daily('b', 50, { maxDays: 5 }),
    ]);
    near(c.lambda, 40);
    expect(c.truncated).toBe(0);
    expect(c.parts.length).toBe(1);
    expectAtoms(c.parts[0], {
      values: [0, 150, 300, 450, 500, 550],
      probs: [...p, 1 - p.reduce((x, y) => x + y, 0)],
      top: 550,
      lattice: 50,
    });
  });

  it('an allowance without a maximum: Poisson days run to the first n past the mean with P < 1e-30', () => {
    const p = poissonPmfs(2, 60);
    const last = p.findIndex((q, n) => n > 2 && q < 1e-30);
    expect(last).toBe(35);
    const c = days({ dist: 'poisson', mean: 2 }, [daily('a', 100, { maxDays: 3 }), daily('b', 10)]);
    const part = c.parts[0];
    expect(part.kind).toBe('atoms');
    if (part.kind !== 'atoms') return;
    nearAll(
      part.values,
      Array.from({ length: last + 1 }, (_, n) => 100 * Math.min(n, 3) + 10 * n),
    );
    nearAll(part.probs.subarray(0, last), p.slice(0, last));
    // The last takes the rest, 1 − Σ: below double precision here.
    expect(Math.abs(part.probs[last] - p[last])).toBeLessThan(1e-15);
  });

  it('a mean far above 0 (Poisson 100, at most 150 days): the table starts at 0 although P(0) < 1e-30', () => {
    const p = poissonPmfs(100, 400);
    const c = days({ dist: 'poisson', mean: 100 }, [daily('a', 10, { maxDays: 150 })]);
    const part = c.parts[0];
    if (part.kind !== 'atoms') throw new Error(part.kind);
    expect(part.values.length).toBe(151);
    near(part.values[150], 1500);
    near(part.probs[0], Math.exp(-100));
    near(part.probs[100], p[100], 1e-10);
    near(part.probs[150], tailFrom(p, 150), 1e-8);
  });

  it('fixed days without a maximum: n = 0 … value, all the probability on the value', () => {
    const c = days({ dist: 'fixed', value: 5 }, [daily('a', 100)]);
    expectAtoms(c.parts[0], {
      values: [0, 100, 200, 300, 400, 500],
      probs: [0, 0, 0, 0, 0, 1],
      top: 500,
      lattice: 100,
    });
  });

  it('fixed days above the maximum: P(D ≥ 3) = 1 on 3', () => {
    const c = days({ dist: 'fixed', value: 5 }, [daily('a', 100, { maxDays: 3 })]);
    expectAtoms(c.parts[0], { values: [0, 100, 200, 300], probs: [0, 0, 0, 1], top: 300, lattice: 100 });
  });

  it('empirical days run to their largest value, past any gap of probability 0', () => {
    const c = days({ dist: 'empirical', values: [1, 2, 30] }, [daily('a', 100)]);
    const probs = Array.from({ length: 31 }, (_, n) => (n === 1 || n === 2 || n === 30 ? 1 / 3 : 0));
    expectAtoms(c.parts[0], {
      values: Array.from({ length: 31 }, (_, n) => 100 * n),
      probs,
      top: 3000,
      lattice: 100,
    });
  });

  it('empirical days with a maximum of 10: 1 − 2/3 on 10', () => {
    const c = days({ dist: 'empirical', values: [1, 2, 30] }, [daily('a', 100, { maxDays: 10 })]);
    const probs = Array.from({ length: 11 }, (_, n) => (n === 1 || n === 2 || n === 10 ? 1 / 3 : 0));
    expectAtoms(c.parts[0], {
      values: Array.from({ length: 11 }, (_, n) => 100 * n),
      probs,
      top: 1000,
      lattice: 100,
    });
  });

  it('an allowance per share pays k × perDay a day', () => {
    const c = days({ dist: 'fixed', value: 2 }, [daily('a', 100, { perShare: true })], holdings([2, 1]));
    expectAtoms(c.parts[0], { values: [0, 200, 400], probs: [0, 0, 1], top: 400, lattice: 200 });
  });
});

describe('limits on a cost risk: Y = U(X) + H(D) + Σ_l min(F_l(X) + G_l(D), cap_l)', () => {
  const empiricalCost = { dist: 'empirical', values: [1000, 5000] };
  // Under the limit (cap 2000): bands 50% and 100 a day; free: steps 10 per 1000 and 10 a day.
  const limited = [
    bands('B'),
    { id: 'S', risk: 'r', type: 'steps', from: 0, step: 1000, perStep: 10 },
    daily('Din', 100, { maxDays: 5 }),
    daily('Dfree', 10, { maxDays: 5 }),
  ];

  it('an empirical cost: atoms over (x, d), x outer, each P(D = d)/n', () => {
    // Days 1 or 4 (1/2 each), table 0 … 4 (the largest day, below maxDays). y = 10d + S(x) + min(B(x) + 100d, 2000):
    // x = 1000: 10 + 10d + 500 + 100d; x = 5000: 50 + 10d + 2000.
    const c = only({
      risks: [costRisk({ cost: empiricalCost, days: { dist: 'empirical', values: [1, 4] } })],
      benefits: limited,
      limits: [{ id: 'l', benefits: ['B', 'Din'], cap: 2000 }],
    });
    expect(c.truncated).toBe(0);
    expect(c.parts.length).toBe(1);
    expectAtoms(c.parts[0], {
      values: [510, 620, 730, 840, 950, 2050, 2060, 2070, 2080, 2090],
      probs: [0, 0.25, 0, 0, 0.25, 0, 0.25, 0, 0, 0.25],
      top: 2090,
      lattice: 10,
    });
  });

  it('an empirical cost, per share (2 shares each): benefits and limit × 2, the free ones not', () => {
    // x = 1000: 10 + 10d + min(1000 + 200d, 4000); x = 5000: 50 + 10d + min(5000 + 200d, 4000).
    const c = only({
      members: holdings([2, 1]),
      risks: [costRisk({ cost: empiricalCost, days: { dist: 'empirical', values: [1, 4] } })],
      benefits: [
        { ...limited[0], perShare: true },
        limited[1],
        { ...limited[2], perShare: true },
        limited[3],
      ],
      limits: [{ id: 'l', benefits: ['B', 'Din'], cap: 2000, perShare: true }],
    });
    expectAtoms(c.parts[0], {
      values: [1010, 1220, 1430, 1640, 1850, 4050, 4060, 4070, 4080, 4090],
      probs: [0, 0.25, 0, 0, 0.25, 0, 0.25, 0, 0, 0.25],
      top: 4090,
      lattice: 10,
    });
  });

  it('allowances only, under two limits: 20d + min(300d, 2000) + min(50d, 100)', () => {
    const c = only({
      risks: [costRisk({ days: { dist: 'fixed', value: 10 } })],
      benefits: [daily('a', 300, { maxDays: 10 }), daily('b', 50, { maxDays: 10 }), daily('f', 20)],
      limits: [
        { id: 'la', benefits: ['a'], cap: 2000 },
        { id: 'lb', benefits: ['b'], cap: 100 },
      ],
    });
    expect(c.truncated).toBe(0);
    expectAtoms(c.parts[0], {
      values: [0, 370, 740, 1060, 1380, 1700, 2020, 2240, 2260, 2280, 2300],
      probs: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      top: 2300,
      lattice: 10,
    });
  });

  it('a continuous cost: one branch per payment function of x, days giving the same one merged', () => {
    // min(0.5x + 1000d, 3000) (bands first capped at 3000): d = 0: 0.5x to 6000; d = 1: 1000 + 0.5x
    // to 4000; d = 2: 2000 + 0.5x to 2000; d ≥ 3: 3000 for every x (one atom: P(X ≥ 0) = 1).
    const c = only({
      risks: [costRisk({ days: { dist: 'empirical', values: [0, 1, 3, 4] } })],
      benefits: [bands('B'), daily('D', 1000)],
      limits: [{ id: 'l', benefits: ['B', 'D'], cap: 3000 }],
    });
    near(c.lambda, 40);
    expect(c.truncated).toBe(0);
    const m = asMixture(c.parts[0]);
    expect(m.top).toBe(3000);
    expect(m.lattice).toBeNull();
    expect(m.branches.map((b) => b.prob)).toEqual([0.25, 0.25, 0, 0.5]);
    expectContinuous(m.branches[0].parts[0], {
      x: [0, 6000],
      a: [0, 3000],
      s: [0.5, 0],
      top: 3000,
      sup: 3000,
    });
    expectContinuous(m.branches[1].parts[0], {
      x: [0, 4000],
      a: [1000, 3000],
      s: [0.5, 0],
      top: 3000,
      sup: 3000,
    });
    expectContinuous(m.branches[2].parts[0], {
      x: [0, 2000],
      a: [2000, 3000],
      s: [0.5, 0],
      top: 3000,
      sup: 3000,
    });
    expectAtoms(m.branches[3].parts[0], { values: [3000], probs: [1], top: 3000, lattice: 3000 });
  });

  it('a continuous cost with a free allowance: 10d added to every piece (days 3 and 4 no longer alike)', () => {
    const c = only({
      risks: [costRisk({ days: { dist: 'empirical', values: [2, 3, 4] } })],
      benefits: [bands('B'), daily('D', 1000), daily('F', 10)],
      limits: [{ id: 'l', benefits: ['B', 'D'], cap: 3000 }],
    });
    const m = asMixture(c.parts[0]);
    expect(m.top).toBe(3040);
    expect(m.lattice).toBeNull();
    nearAll(
      m.branches.map((b) => b.prob),
      [0, 0, 1 / 3, 1 / 3, 1 / 3],
    );
    expectContinuous(m.branches[0].parts[0], {
      x: [0, 6000],
      a: [0, 3000],
      s: [0.5, 0],
      top: 3000,
      sup: 3000,
    });
    expectContinuous(m.branches[1].parts[0], {
      x: [0, 4000],
      a: [1010, 3010],
      s: [0.5, 0],
      top: 3010,
      sup: 3010,
    });
    expectContinuous(m.branches[2].parts[0], {
      x: [0, 2000],
      a: [2020, 3020],
      s: [0.5, 0],
      top: 3020,
      sup: 3020,
    });
    expectAtoms(m.branches[3].parts[0], { values: [3030], probs: [1], top: 3030, lattice: 3030 });
    expectAtoms(m.branches[4].parts[0], { values: [3040], probs: [1], top: 3040, lattice: 3040 });
  });

  it('uncapped steps under a limit are capped at it first: finitely many steps, not truncated', () => {
    // min(100 per 1000, 250): 0, 100, 200, 250 from 0, 1000, 2000, 3000.
    const sf = (x: number) => paretoSf(4000, 3, x);
    const c = only({
      risks: [costRisk()],
      benefits: [{ id: 'S', risk: 'r', type: 'steps', from: 0, step: 1000, perStep: 100 }],
      limits: [{ id: 'l', benefits: ['S'], cap: 250 }],
    });
    expect(c.truncated).toBe(0);
    expectAtoms(
      c.parts[0],
      {
        values: [0, 100, 200, 250],
        probs: [1 - sf(1000), sf(1000) - sf(2000), sf(2000) - sf(3000), sf(3000)],
        top: 250,
        lattice: 50,
      },
      1e-11,
    );
  });

  it('an unbounded benefit outside the limit: truncated, top at the truncation point; one branch, no mixture', () => {
    const x = paretoTop(4000, 3, T / 40);
    const c = only({
      risks: [costRisk()],
      benefits: [bands('B'), bands('F', { bands: [{ upTo: null, rate: 0.1 }] })],
      limits: [{ id: 'l', benefits: ['B'], cap: 3000 }],
    });
    near(c.truncated, T);
    expectContinuous(c.parts[0], {
      x: [0, 6000],
      a: [0, 3000],
      s: [0.6, 0.1],
      top: 3000 + 0.1 * x,
      sup: Infinity,
    });
  });

  it('uncapped steps outside a limit: described to the truncation point + 1, the piece holding it taking the tail', () => {
    // Pareto (4000, 2), 40·P(X > x) = T at xTop = 25,294,221.28…; free steps of 100 at
    // 294,220.78 + 10⁶k (k = 1 … 25, the 25th in [xTop − 1, xTop]); under the limit (cap 15), steps of
    // 10 per 10⁷. Every piece is flat: atoms, each value on [x_i, x_{i+1}), the last on [x_last, ∞).
    const sf = (x: number) => paretoSf(4000, 2, x);
    const xTop = paretoTop(4000, 2, T / 40);
    const free = Array.from({ length: 25 }, (_, k) => 294220.78 + (k + 1) * 1e6);
    expect(free[24]).toBeGreaterThan(xTop - 1);
    expect(free[24]).toBeLessThan(xTop);
    const xs = [0, ...free, 1e7, 2e7].sort((u, v) => u - v);
    const pay = (x: number) =>
      100 * free.filter((b) => b <= x).length + Math.min(10 * Math.floor(x / 1e7), 15);
    const c = only({
      risks: [costRisk({ cost: { dist: 'pareto', scale: 4000, shape: 2 } })],
      benefits: [
        { id: 'F', risk: 'r', type: 'steps', from: 294220.78, step: 1e6, perStep: 100 },
        { id: 'S', risk: 'r', type: 'steps', from: 0, step: 1e7, perStep: 10 },
      ],
      limits: [{ id: 'l', benefits: ['S'], cap: 15 }],
    });
    near(c.truncated, T);
    expectAtoms(
      c.parts[0],
      {
        values: xs.map(pay),
        probs: xs.map((x, i) => (i + 1 < xs.length ? (i === 0 ? 1 : sf(x)) - sf(xs[i + 1]) : sf(x))),
        top: 2515,
        lattice: 5,
      },
      1e-11,
    );
  });

  const perShareLimit = (benefitPerShare: boolean, limitPerShare: boolean) =>
    asMixture(
      only({
        members: holdings([1, 0.5], [2, 0.5]),
        risks: [costRisk()],
        benefits: [bands('B', { perShare: benefitPerShare })],
        limits: [{ id: 'l', benefits: ['B'], cap: 3000, perShare: limitPerShare }],
      }).parts[0],
    );
  const oneShare = { x: [0, 6000], a: [0, 3000], s: [0.5, 0], top: 3000, sup: 3000 };

  it('benefit and limit per share: 2 shares pay min(x, 6000)', () => {
    const m = perShareLimit(true, true);
    expect(m.branches.map((b) => b.prob)).toEqual([0.5, 0.5]);
    expectContinuous(m.branches[0].parts[0], oneShare);
    expectContinuous(m.branches[1].parts[0], { x: [0, 6000], a: [0, 6000], s: [1, 0], top: 6000, sup: 6000 });
  });

  it('only the limit per share: share classes all the same, 2 shares pay min(0.5x, 6000)', () => {
    const m = perShareLimit(false, true);
    expect(m.branches.length).toBe(2);
    expectContinuous(m.branches[0].parts[0], oneShare);
    expectContinuous(m.branches[1].parts[0], {
      x: [0, 12000],
      a: [0, 6000],
      s: [0.5, 0],
      top: 6000,
      sup: 6000,
    });
  });

  it('only the benefit per share: 2 shares pay min(x, 3000)', () => {
    const m = perShareLimit(true, false);
    expectContinuous(m.branches[0].parts[0], oneShare);
    expectContinuous(m.branches[1].parts[0], { x: [0, 3000], a: [0, 3000], s: [1, 0], top: 3000, sup: 3000 });
  });
});

describe('limitedPieces: free + Σ_free f + Σ_l min(Σ_{b in l} f_b + g_l, cap_l) as pieces', () => {
  const pw = (x: number[], a: number[], s: number[], end = Infinity): Piecewise => ({
    x: Float64Array.from(x),
    a: Float64Array.from(a),
    s: Float64Array.from(s),
    end,
  });
  const expectPieces = (
    got: { x: Float64Array; a: Float64Array; s: Float64Array; end: number },
    want: { x: number[]; a: number[]; s: number[]; end: number },
  ) => {
    nearAll(got.x, want.x, 1e-12, 'x');
    nearAll(got.a, want.a, 1e-12, 'a');
    nearAll(got.s, want.s, 1e-12, 's');
    expect(got.end).toBe(want.end);
  };

  it('two limits and a free benefit, breakpoints out of lexical order, a cut in each limit', () => {
    // f0 = min(x, 500) (limit 0, cap 350, g 100): crosses at 250;
    // f1 = 2x from 300 (limit 1, cap 1500, g 300): crosses at 600;
    // f2 = 0.1x on [50, 1000), then 100 (free); free allowances 7.
    const f0 = pw([0, 500], [0, 500], [1, 0]);
    const f1 = pw([0, 300], [0, 0], [0, 2], 5000);
    const f2 = pw([0, 50, 1000], [0, 0, 100], [0, 0.1, 0]);
    const pieces = limitedPieces([f0, f1, f2], [0, 1, -1], [350, 1500])([100, 300], 7);
    expectPieces(pieces, {
      x: [0, 50, 250, 300, 600, 1000],
      a: [407, 407, 657, 657, 1857, 1957],
      s: [1, 1.1, 0.1, 2.1, 0.1, 0],
      end: 5000,
    });
    // The same figures from the definition, at a few costs.
    const y = (x: number) =>
      7 +
      (x < 50 ? 0 : x < 1000 ? 0.1 * x : 100) +
      Math.min(Math.min(x, 500) + 100, 350) +
      Math.min((x < 300 ? 0 : 2 * x) + 300, 1500);
    for (const x of [0, 49, 50, 200, 250, 299, 300, 450, 500, 599, 600, 999, 1000, 4000]) {
      const k = Array.from(pieces.x).filter((v) => v <= x).length - 1;
      near(pieces.a[k] + pieces.s[k] * x, y(x), 1e-12, `x = ${x}`);
    }
  });

  it('the same functions at other g and free: a limit that binds everywhere pays its cap', () => {
    const f0 = pw([0, 500], [0, 500], [1, 0]);
    const f1 = pw([0, 300], [0, 0], [0, 2]);
    const pieces = limitedPieces([f0, f1], [0, 1], [350, 1500])([400, 0], 0);
    // f0 + 400 ≥ 400 > 350 everywhere; 2x from 300 crosses 1500 at 750.
    expectPieces(pieces, { x: [0, 300, 750], a: [350, 350, 1850], s: [0, 2, 0], end: Infinity });
  });

  it("two cuts in one piece, the later limit's first: both kept, in order", () => {
    const f = pw([0], [0], [1]);
    const pieces = limitedPieces([f, f], [0, 1], [300, 200])([0, 0], 0);
    expectPieces(pieces, { x: [0, 200, 300], a: [0, 200, 500], s: [2, 1, 0], end: Infinity });
  });

  it('a line at its cap where the last piece starts binds: judged at x0 + max(1, x0)', () => {
    const pieces = limitedPieces([pw([0], [0], [1])], [0], [100])([100], 0);
    expectPieces(pieces, { x: [0], a: [100], s: [0], end: Infinity });
    // Starting at 40 (a free benefit breaks at 40): judged at 80.
    const later = limitedPieces(
      [pw([0, 40], [0, 60], [0, 1]), pw([0, 40], [0, 0], [0, 0.5])],
      [0, -1],
      [100],
    )([0], 0);
    expectPieces(later, { x: [0, 40], a: [0, 100], s: [0, 0.5], end: Infinity });
  });

  it('two sloped functions in one limit add their slopes; an intercept moves the crossing', () => {
    // x + 0.5x reaches 300 at 200.
    const same = limitedPieces([pw([0], [0], [1]), pw([0], [0], [0.5])], [0, 0], [300])([0], 0);
    expectPieces(same, { x: [0, 200], a: [0, 300], s: [1.5, 0], end: Infinity });
    // 0 below 100, then 50 + 0.5x (g 20): 70 + 0.5x reaches 300 at 460.
    const offset = limitedPieces([pw([0, 100], [0, 50], [0, 0.5])], [0], [300])([20], 0);
    expectPieces(offset, { x: [0, 100, 460], a: [20, 70, 300], s: [0, 0.5, 0], end: Infinity });
  });

  it('a function that starts after 0 pays nothing before its first piece', () => {
    const pieces = limitedPieces([pw([50], [10], [0]), pw([0], [0], [1])], [0, -1], [1000])([0], 0);
    expectPieces(pieces, { x: [0, 50], a: [0, 10], s: [1, 1], end: Infinity });
  });
});

describe('two cost risks: each component takes only its own benefits, allowances and limits', () => {
  /** The mean of a claimant's payment: the sum of its parts' means (a mixture: weighted by branch). */
  const meanOf = (p: Part): number => {
    if (p.kind === 'atoms') return Array.from(p.values).reduce((a, v, i) => a + v * p.probs[i], 0);
    if (p.kind === 'mixture')
      return p.branches.reduce((a, b) => a + b.prob * b.parts.reduce((s, q) => s + meanOf(q), 0), 0);
    throw new Error('a continuous part: not used here');
  };
  const claimMean = (c: Component) => asCompound(c).parts.reduce((s, q) => s + meanOf(q), 0);

  it('r1 (cost 1,000, half paid, limited to 300, 2 days at 50) pays 400; r2 (cost 2,000, a tenth, 3 days at 10) pays 230', () => {
    const cs = build({
      risks: [
        {
          id: 'r1',
          kind: 'cost',
          rate: 0.04,
          cost: { dist: 'empirical', values: [1000] },
          days: { dist: 'fixed', value: 2 },
        },
        {
          id: 'r2',
          kind: 'cost',
          rate: 0.02,
          cost: { dist: 'empirical', values: [2000] },
          days: { dist: 'fixed', value: 3 },
        },
      ],
      benefits: [
        { ...bands('b1'), risk: 'r1' },
        { ...daily('d1', 50), risk: 'r1' },
        { ...bands('b2', { bands: [{ upTo: null, rate: 0.1 }] }), risk: 'r2' },
        { ...daily('d2', 10), risk: 'r2' },
      ],
      limits: [{ id: 'm', benefits: ['b1'], cap: 300 }],
    });
    expect(cs.map((c) => c.risk)).toEqual(['r1', 'r2']);
    near(asCompound(cs[0]).lambda, 1000 * 0.04);
    near(asCompound(cs[1]).lambda, 1000 * 0.02);
    near(claimMean(cs[0]), Math.min(0.5 * 1000, 300) + 2 * 50);
    near(claimMean(cs[1]), 0.1 * 2000 + 3 * 10);
  });
});
