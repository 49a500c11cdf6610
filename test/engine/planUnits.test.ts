/**
 * The Monte Carlo's plan (src/engine/plan.ts) and block plan (blocks.ts), field by field, against
 * figures worked by hand from docs/scenario-format.md: λ per share class, each cell's members and
 * rate, each lump sum's thinning, each empirical cost's payments, the days' distribution function
 * and its guide table, the limits' indices, the cost table's tail, and the tables a projection
 * reuses. Every scenario is built inside its test (not while the tests are collected), so that a
 * mutation run sees it.
 */
import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { BLOCK_SIZE, planBlocks } from '../../src/engine/blocks.ts';
import { compilePlan, planCache, type PlanCostRisk, type PlanEventRisk } from '../../src/engine/plan.ts';

const costRisk = (s: Scenario, r = 0, scale = { members: 1, rate: 1, cost: 1 }, bits = 16) =>
  compilePlan(resolveScheme(s), scale, bits).risks[r] as PlanCostRisk;
const eventRisk = (s: Scenario, r = 0, scale = { members: 1, rate: 1, cost: 1 }) =>
  compilePlan(resolveScheme(s), scale).risks[r] as PlanEventRisk;

const poisson = (k: number, m: number) => {
  let p = Math.exp(-m);
  for (let i = 1; i <= k; i++) p *= m / i;
  return p;
};

describe('planBlocks', () => {
  it('cuts iterations into blocks of 250, the last one short, each drawing from the stream of its index', () => {
    expect(BLOCK_SIZE).toBe(250);
    expect(planBlocks(251)).toEqual([
      { stream: 0, start: 0, count: 250 },
      { stream: 1, start: 250, count: 1 },
    ]);
    expect(planBlocks(1000).map((b) => [b.stream, b.start, b.count])).toEqual([
      [0, 0, 250],
      [1, 250, 250],
      [2, 500, 250],
      [3, 750, 250],
    ]);
  });
  it('exactly one block at the block size, none for no iterations, one short block below it', () => {
    expect(planBlocks(250)).toEqual([{ stream: 0, start: 0, count: 250 }]);
    expect(planBlocks(0)).toEqual([]);
    expect(planBlocks(1)).toEqual([{ stream: 0, start: 0, count: 1 }]);
  });
  it('takes another block size: 7 iterations in blocks of 3 are 3 + 3 + 1', () => {
    expect(planBlocks(7, 3)).toEqual([
      { stream: 0, start: 0, count: 3 },
      { stream: 1, start: 3, count: 3 },
      { stream: 2, start: 6, count: 1 },
    ]);
  });
});

/**
 * A /1 scheme of 1,000 members (40% women, 20% new): a cost risk (rate 0.05, cv 0.1) with empirical
 * costs 50 and 300 and fixed days of 5, paid by bands (half, cap 120), steps (10 per 100) and an
 * allowance (20 a day, at most 3 days); an event risk of women (rate 0.01) with a lump sum of 1,000,
 * cap 2,500, waiting 73 days.
 */
const oneFile = (): Scenario => ({
  format: 'huzhu-scenario/1',
  name: 'plan by hand',
  members: { count: 1000, femaleShare: 0.4, newShare: 0.2 },
  contributions: [{ payer: 'member', amount: 10 }],
  risks: [
    {
      id: 'c',
      kind: 'cost',
      rate: 0.05,
      rateCv: 0.1,
      cost: { dist: 'empirical', values: [50, 300] },
      days: { dist: 'fixed', value: 5 },
    },
    { id: 'e', kind: 'event', who: 'female', rate: 0.01, rateCv: 0.25 },
  ],
  benefits: [
    { id: 'bands', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 0.5 }], cap: 120 },
    { id: 'steps', risk: 'c', type: 'steps', from: 0, step: 100, perStep: 10 },
    { id: 'daily', risk: 'c', type: 'daily', perDay: 20, maxDays: 3 },
    { id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000, cap: 2500, waitingDays: 73 },
  ],
});

describe('compilePlan of a /1 scheme, worked by hand', () => {
  it('names the benefits in file order and counts 2 risks + 4 benefits + 受益人次 = 7 count columns', () => {
    const plan = compilePlan(resolveScheme(oneFile()));
    expect(plan.benefitIds).toEqual(['bands', 'steps', 'daily', 'lump']);
    expect(plan.countColumns).toBe(7);
    expect(plan.risks.map((r) => r.kind)).toEqual(['cost', 'event']);
  });
  it('the cost risk: one class of λ = 0.05 × 1,000 = 50, its cv, its columns, no share factors', () => {
    const r = costRisk(oneFile());
    expect(r.rateCv).toBe(0.1);
    expect(r.classes).toEqual([{ shares: 1, lambda: 50 }]);
    expect(r.costColumns).toEqual([0, 1]);
    expect(r.costPerShare).toEqual([false, false]);
    expect(r.dailyColumns).toEqual([2]);
    expect(r.dailyPerShare).toEqual([false]);
    expect(r.limits).toEqual([]);
  });
  it('empirical costs are paid value by value: bands 25 and min(150, 120) = 120, steps 0 and 30', () => {
    const r = costRisk(oneFile());
    expect(r.cost?.mode).toBe('discrete');
    const pays = (r.cost as { pays: Float64Array[] }).pays.map((p) => Array.from(p));
    expect(pays).toEqual([
      [25, 120],
      [0, 30],
    ]);
  });
  it('fixed days of 5 under a maximum of 3: the table stops at 3 days, which carry all the mass', () => {
    const days = costRisk(oneFile()).days!;
    expect(Array.from(days.cdf)).toEqual([0, 0, 0, 1]);
    expect(Array.from(days.pays[0])).toEqual([0, 20, 40, 60]);
    expect(days.guide).toHaveLength(1024);
    expect(days.guide.every((k) => k === 3)).toBe(true);
  });
  it('P(paid > 0): bands 1, steps ½ (the cost of 50 pays nothing), allowance 1; any 1', () => {
    const r = costRisk(oneFile());
    expect(r.paid).toEqual([
      { column: 0, p: 1 },
      { column: 1, p: 0.5 },
      { column: 2, p: 1 },
    ]);
    expect(r.paidAny).toBe(1);
  });
  it('the event risk: 400 women, rate 0.01, w = 1 − 0.2 × 73/365 = 0.96, thinned rate 0.0096', () => {
    const r = eventRisk(oneFile(), 1);
    expect(r.kind).toBe('event');
    expect(r.rateCv).toBe(0.25);
    expect(r.limits).toEqual([]);
    expect(r.cells).toHaveLength(1);
    const [cell] = r.cells;
    expect(cell.members).toBe(400);
    expect(cell.rate).toBe(0.01);
    expect(cell.shares).toBe(1);
    expect(cell.lumps).toHaveLength(1);
    const [l] = cell.lumps;
    expect(l.column).toBe(3);
    expect(l.paid).toBeCloseTo(0.96, 15);
    expect(l.lambda).toBeCloseTo(0.0096, 17);
    expect(l.amount).toBe(1000);
    expect(l.waitingAmount).toBe(0);
    expect(l.cap).toBe(2500);
    expect(l.factor).toBe(1);
    expect(l.q).toBeCloseTo(0.96, 15);
  });
  it('a lump sum without a cap has cap ∞; without a waiting period w = 1 and q = 1', () => {
    const s = oneFile();
    s.benefits[3] = { id: 'lump', risk: 'e', type: 'lump-sum', amount: 1000 };
    const l = eventRisk(s, 1).cells[0].lumps[0];
    expect(l.cap).toBe(Infinity);
    expect(l.paid).toBe(1);
    expect(l.lambda).toBe(0.01);
    expect(l.q).toBe(1);
  });
});

describe('compilePlan under a projection year’s scale', () => {
  it('members × 2 (800 women), rates × 1.5, costs × 2: λ = 0.075 × 2,000 = 150, payments of 100 and 600', () => {
    const scale = { members: 2, rate: 1.5, cost: 2 };
    const r = costRisk(oneFile(), 0, scale);
    expect(r.classes).toHaveLength(1);
    expect(r.classes[0].shares).toBe(1);
    expect(r.classes[0].lambda).toBeCloseTo(150, 12);
    const pays = (r.cost as { pays: Float64Array[] }).pays.map((p) => Array.from(p));
    // bands: half of 100 = 50, half of 600 = 300 capped at 120; steps: 10 × 1 and 10 × 6
    expect(pays).toEqual([
      [50, 120],
      [10, 60],
    ]);
    const e = eventRisk(oneFile(), 1, scale);
    expect(e.cells[0].members).toBe(800);
    expect(e.cells[0].rate).toBeCloseTo(0.015, 17);
    expect(e.cells[0].lumps[0].lambda).toBeCloseTo(0.015 * 0.96, 17);
  });
  it('a cost table keeps the scale and the cost, and P(paid) reads the scaled cost: P(X > 100) of exponential(2 × 50)', () => {
    const s = oneFile();
    s.risks[0] = { id: 'c', kind: 'cost', rate: 0.05, cost: { dist: 'gamma', mean: 50, cv: 1 } };
    s.benefits = [{ id: 'steps', risk: 'c', type: 'steps', from: 0, step: 100, perStep: 10 }];
    const r = costRisk(s, 0, { members: 1, rate: 1, cost: 2 }, 8);
    expect(r.cost?.mode).toBe('table');
    const cost = r.cost as Extract<PlanCostRisk['cost'], { mode: 'table' }>;
    expect(cost.scale).toBe(2);
    expect(cost.dist).toEqual({ dist: 'gamma', mean: 50, cv: 1 });
    expect(cost.benefits.map((b) => b.id)).toEqual(['steps']);
    expect(cost.table.bits).toBe(8);
    expect(r.paid[0].p).toBeCloseTo(Math.exp(-1), 12);
    expect(r.paidAny).toBeCloseTo(Math.exp(-1), 12);
  });
});

/**
 * A /2 scheme: group g1 of 1,000 members (half new) holding 1 share (30%) or 2 (70%), group g2 of 10
 * holding 1. A cost risk at 0.1 (g1) and 0.2 (g2) paid by per-share bands, steps, and two
 * allowances, the second per share, with a limit over the steps and the second allowance; an event
 * risk of g1 at 0.02 with two lump sums (one per share with a waiting amount, one capped) and a limit
 * over the first.
 */
const twoFile = (): Scenario => ({
  format: 'huzhu-scenario/2',
  name: 'plan of groups by hand',
  members: {
    groups: [
      {
        id: 'g1',
        count: 1000,
        newShare: 0.5,
        holdings: [
          { shares: 1, fraction: 0.3 },
          { shares: 2, fraction: 0.7 },
        ],
      },
      { id: 'g2', count: 10 },
    ],
  },
  contributions: [{ payer: 'member', amount: 10 }],
  risks: [
    {
      id: 'c',
      kind: 'cost',
      rate: { g1: 0.1, g2: 0.2 },
      cost: { dist: 'empirical', values: [1000] },
      days: { dist: 'poisson', mean: 2 },
    },
    { id: 'e', kind: 'event', groups: ['g1'], rate: 0.02 },
  ],
  benefits: [
    { id: 'bands', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 0.5 }], perShare: true },
    { id: 'steps', risk: 'c', type: 'steps', from: 0, step: 100, perStep: 1 },
    { id: 'day1', risk: 'c', type: 'daily', perDay: 10, maxDays: 2 },
    { id: 'day2', risk: 'c', type: 'daily', perDay: 5, maxDays: 4, perShare: true },
    {
      id: 'l1',
      risk: 'e',
      type: 'lump-sum',
      amount: 100,
      waitingDays: 365,
      waitingAmount: 30,
      perShare: true,
    },
    { id: 'l2', risk: 'e', type: 'lump-sum', amount: 50, cap: 80 },
  ],
  limits: [
    { id: 'cl', benefits: ['steps', 'day2'], cap: 500, perShare: true },
    { id: 'el', benefits: ['l1'], cap: 90 },
  ],
});

describe('compilePlan of a /2 scheme, worked by hand', () => {
  it('claimants by share count in order of first appearance: 1 share 0.1 × 300 + 0.2 × 10 = 32, 2 shares 0.1 × 700 = 70', () => {
    const r = costRisk(twoFile());
    expect(r.classes).toEqual([
      { shares: 1, lambda: 32 },
      { shares: 2, lambda: 70 },
    ]);
  });
  it('which benefits pay per share, and the limit’s indices into the cost and daily columns', () => {
    const r = costRisk(twoFile());
    expect(r.costColumns).toEqual([0, 1]);
    expect(r.costPerShare).toEqual([true, false]);
    expect(r.dailyColumns).toEqual([2, 3]);
    expect(r.dailyPerShare).toEqual([false, true]);
    expect(r.limits).toEqual([{ cost: [1], daily: [1], cap: 500, perShare: true }]);
  });
  it('two allowances: the days table runs to the larger maximum, 4 days, each allowance paid by its own', () => {
    const days = costRisk(twoFile()).days!;
    const cdf = Array.from(days.cdf);
    expect(cdf).toHaveLength(5);
    let c = 0;
    for (let k = 0; k < 4; k++) {
      c += poisson(k, 2);
      expect(cdf[k]).toBeCloseTo(c, 15);
    }
    expect(cdf[4]).toBe(1);
    expect(Array.from(days.pays[0])).toEqual([0, 10, 20, 20, 20]);
    expect(Array.from(days.pays[1])).toEqual([0, 5, 10, 15, 20]);
  });
  it('the guide table: entry g is the first day count whose P(D ≤ d) exceeds g/1,024', () => {
    const days = costRisk(twoFile()).days!;
    const p0 = Math.exp(-2); // 0.1353: 138.6 of 1,024
    const p01 = 3 * Math.exp(-2); // 0.4060: 415.8
    const p012 = 5 * Math.exp(-2); // 0.6767: 692.9
    const p0123 = (19 / 3) * Math.exp(-2); // 0.8571: 877.7
    for (let g = 0; g < 1024; g++) {
      const u = g / 1024;
      const want = u < p0 ? 0 : u < p01 ? 1 : u < p012 ? 2 : u < p0123 ? 3 : 4;
      expect(days.guide[g], `guide[${g}]`).toBe(want);
    }
  });
  it('P(paid > 0): bands and steps 1, each allowance P(D > 0) = 1 − e⁻²; any 1', () => {
    const r = costRisk(twoFile());
    expect(r.paid.map((p) => p.column)).toEqual([0, 1, 2, 3]);
    expect(r.paid[0].p).toBe(1);
    expect(r.paid[1].p).toBe(1);
    expect(r.paid[2].p).toBeCloseTo(1 - Math.exp(-2), 15);
    expect(r.paid[3].p).toBeCloseTo(1 - Math.exp(-2), 15);
    expect(r.paidAny).toBe(1);
  });
  it('event cells: g1 only, 300 members with 1 share and 700 with 2, each at rate 0.02', () => {
    const r = eventRisk(twoFile(), 1);
    expect(r.cells.map((c) => [c.members, c.rate, c.shares])).toEqual([
      [300, 0.02, 1],
      [700, 0.02, 2],
    ]);
  });
  it('lump sums: a wait of a whole year for half new members gives w = ½, the waiting amount keeps q = 1; factors by shares', () => {
    const r = eventRisk(twoFile(), 1);
    const [one, two] = r.cells;
    expect(one.lumps[0]).toEqual({
      column: 4,
      lambda: 0.01,
      paid: 0.5,
      amount: 100,
      waitingAmount: 30,
      cap: Infinity,
      factor: 1,
      q: 1,
    });
    expect(two.lumps[0].factor).toBe(2);
    expect(one.lumps[1]).toEqual({
      column: 5,
      lambda: 0.02,
      paid: 1,
      amount: 50,
      waitingAmount: 0,
      cap: 80,
      factor: 1,
      q: 1,
    });
    expect(two.lumps[1].factor).toBe(1);
  });
  it('the event limit indexes the cell’s lump sums: l1 is lump 0; its cap and per-share flag as given', () => {
    expect(eventRisk(twoFile(), 1).limits).toEqual([{ cost: [0], daily: [], cap: 90, perShare: false }]);
    const s = twoFile();
    s.limits = [{ id: 'el', benefits: ['l2'], cap: 70, perShare: true }];
    expect(eventRisk(s, 1).limits).toEqual([{ cost: [1], daily: [], cap: 70, perShare: true }]);
  });
  it('a limit over the bands and the first allowance indexes them [0] and [0]', () => {
    const s = twoFile();
    s.limits = [{ id: 'cl', benefits: ['day1', 'bands'], cap: 50 }];
    expect(costRisk(s).limits).toEqual([{ cost: [0], daily: [0], cap: 50, perShare: false }]);
  });
  it('limit indices count within each kind: with the allowance first, the steps are cost column 0 and the second allowance daily column 1', () => {
    const s = twoFile();
    const [bands, steps, day1, day2, l1, l2] = s.benefits;
    s.benefits = [day1, steps, bands, day2, l1, l2];
    const r = costRisk(s);
    expect(r.costColumns).toEqual([1, 2]);
    expect(r.dailyColumns).toEqual([0, 3]);
    expect(r.limits).toEqual([{ cost: [0], daily: [1], cap: 500, perShare: true }]);
  });
  it('refuses a benefit that is not a lump sum on an event risk, naming both', () => {
    const s = resolveScheme(twoFile());
    s.benefits[1] = { ...s.benefits[1], risk: 'e' };
    expect(() => compilePlan(s)).toThrow(new TypeError('benefit steps cannot apply to event risk e'));
  });
});

describe('the days table', () => {
  const withDays = (
    days: Extract<Scenario['risks'][number], { kind: 'cost' }>['days'],
    maxDays?: number[],
  ) => {
    const s = oneFile();
    s.risks = [{ id: 'c', kind: 'cost', rate: 0.05, cost: { dist: 'empirical', values: [50] }, days }];
    s.benefits = (maxDays ?? [undefined as number | undefined]).map((m, i) => ({
      id: `d${i}`,
      risk: 'c',
      type: 'daily' as const,
      perDay: 1,
      ...(m === undefined ? {} : { maxDays: m }),
    }));
    return costRisk(s).days!;
  };
  it('empirical days run to their largest value, gaps past the mean included: 0, 2 and 5 days, each ⅓', () => {
    // mean 7/3: the days 3 and 4 have probability 0, and 5 days must keep its third
    const days = withDays({ dist: 'empirical', values: [0, 2, 5] });
    expect(Array.from(days.pays[0])).toEqual([0, 1, 2, 3, 4, 5]);
    const third = 1 / 3;
    expect(Array.from(days.cdf)).toEqual([third, third, third + third, third + third, third + third, 1]);
  });
  it('empirical days 0, 1, …, 9 (ten tenths add up to 1 − 2⁻⁵³): the table ends at the largest, 9 days', () => {
    const days = withDays({ dist: 'empirical', values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    expect(days.cdf).toHaveLength(10);
    expect(days.cdf[9]).toBe(1);
    expect(days.cdf[4]).toBeCloseTo(0.5, 15);
  });
  it('stops at the largest maximum of the allowances; an allowance without a maximum lets it run on', () => {
    expect(withDays({ dist: 'poisson', mean: 2 }, [3, 1]).cdf).toHaveLength(4);
    expect(withDays({ dist: 'poisson', mean: 2 }, [1, 3]).cdf).toHaveLength(4);
    const open = withDays({ dist: 'empirical', values: [1, 9] }, [3, undefined as unknown as number]);
    expect(open.cdf).toHaveLength(10);
    expect(Array.from(open.pays[1])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(open.pays[0])).toEqual([0, 1, 2, 3, 3, 3, 3, 3, 3, 3]);
  });
  it('fixed days of 0: one entry of probability 1, a guide of zeros', () => {
    const days = withDays({ dist: 'fixed', value: 0 }, [5]);
    expect(Array.from(days.cdf)).toEqual([1]);
    expect(days.guide.every((k) => k === 0)).toBe(true);
  });
  it('unbounded days stop where P(D ≤ k) rounds to 1: Poisson(2) at 22 days (P(D > 22) = 4.8e-17 is below 2⁻⁵⁴, P(D > 21) = 5.5e-16 is not), before its pmf falls below 1e-18 at 25', () => {
    const tail = (k: number) => {
      let t = 0;
      for (let j = 60; j > k; j--) t += poisson(j, 2);
      return t;
    };
    expect(tail(22)).toBeLessThan(2 ** -54);
    expect(tail(21)).toBeGreaterThan(2 ** -53);
    expect(poisson(24, 2)).toBeGreaterThan(1e-18);
    expect(poisson(25, 2)).toBeLessThan(1e-18);
    const days = withDays({ dist: 'poisson', mean: 2 });
    expect(days.cdf).toHaveLength(23);
    let c = 0;
    for (let k = 0; k <= 10; k++) c += poisson(k, 2);
    expect(days.cdf[10]).toBeCloseTo(c, 15);
    expect(days.cdf[22]).toBe(1);
  });
  it('Poisson(9) runs until its pmf falls below 1e-18, past the mean: P(D = 46) > 1e-18 > P(D = 47), so 48 entries', () => {
    expect(poisson(46, 9)).toBeGreaterThan(1e-18);
    expect(poisson(47, 9)).toBeLessThan(1e-18);
    expect(withDays({ dist: 'poisson', mean: 9 }).cdf).toHaveLength(48);
  });
  it('Poisson(60): the days below the mean whose pmf is under 1e-18 (P(D = 0) = e⁻⁶⁰ ≈ 8.8e-27) do not stop the table', () => {
    expect(poisson(0, 60)).toBeLessThan(1e-18);
    const days = withDays({ dist: 'poisson', mean: 60 });
    expect(days.cdf.length).toBeGreaterThan(100);
    let c = 0;
    for (let k = 0; k <= 60; k++) c += poisson(k, 60);
    expect(days.cdf[60]).toBeCloseTo(c, 12);
    // the table's mean, Σ_k P(D > k), is the Poisson's 60
    let mean = 0;
    for (let k = 0; k < days.cdf.length; k++) mean += 1 - days.cdf[k];
    expect(mean).toBeCloseTo(60, 9);
  });
  it('a negative binomial of mean 9 and cv 1 keeps its tail far past the mean (P(D = 60) ≈ 4e-4 of P(D = 9))', () => {
    const days = withDays({ dist: 'negative-binomial', mean: 9, cv: 1 });
    expect(days.cdf.length).toBeGreaterThan(150);
  });
});

describe('the cost table of a continuous cost', () => {
  // Exponential costs of mean 10,000 (gamma, cv 1) in 2^8 cells: cell c spans Q(c/256) to
  // Q((c + 1)/256), Q(p) = −10,000·ln(1 − p); the last cell's lower edge is 10,000·ln 256 = 55,452.
  const table = (benefit: Scenario['benefits'][number]) => {
    const s = oneFile();
    s.risks = [{ id: 'c', kind: 'cost', rate: 0.05, cost: { dist: 'gamma', mean: 10000, cv: 1 } }];
    s.benefits = [benefit];
    const r = costRisk(s, 0, undefined, 8);
    return (r.cost as Extract<PlanCostRisk['cost'], { mode: 'table' }>).table;
  };
  it('uncapped steps are described up to the last cell, which is sampled exactly: tail from cell 255', () => {
    const t = table({ id: 's', risk: 'c', type: 'steps', from: 0, step: 10, perStep: 1 });
    expect(t.bits).toBe(8);
    expect(t.tailStart).toBe(255);
    expect(t.tables[0]).toHaveLength(2 * 255);
  });
  it('uncapped steps of a fen are described for 100,000 steps (to 1,000), the cells above sampled exactly: Q(24/256) ≤ 1,000 < Q(25/256)', () => {
    const t = table({ id: 's', risk: 'c', type: 'steps', from: 0, step: 0.01, perStep: 0.01 });
    expect(Math.floor(256 * (1 - Math.exp(-0.1)))).toBe(24);
    expect(t.tailStart).toBe(24);
  });
  it('steps that reach their cap within 100,000 steps are described whole: constant above 1,000, no tail drawn', () => {
    // the cap of 1,000 is 100,000 steps of 0.01 exactly
    const t = table({ id: 's', risk: 'c', type: 'steps', from: 0, step: 0.01, perStep: 0.01, cap: 1000 });
    expect(t.tailStart).toBe(256);
    const last = t.tables[0];
    expect(last[2 * 255]).toBe(1000);
    expect(last[2 * 255 + 1]).toBe(0);
  });
  it('steps with more than 100,000 steps below the cap are described to 100,000 steps only', () => {
    const t = table({ id: 's', risk: 'c', type: 'steps', from: 0, step: 0.01, perStep: 0.01, cap: 1000.01 });
    expect(t.tailStart).toBe(24);
  });
  it('capped bands are constant above the cap: the whole table, no tail', () => {
    const t = table({ id: 'b', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 1 }], cap: 100 });
    expect(t.tailStart).toBe(256);
  });
});

describe('the tables a projection reuses (planCache)', () => {
  it('the same cost scale gives the same cost sampling object; the days table is kept whatever the scale', () => {
    const s = resolveScheme(oneFile());
    const cache = planCache();
    const a = compilePlan(s, { members: 1, rate: 1, cost: 1 }, 16, cache).risks[0] as PlanCostRisk;
    const b = compilePlan(s, { members: 2, rate: 3, cost: 1 }, 16, cache).risks[0] as PlanCostRisk;
    const c = compilePlan(s, { members: 1, rate: 1, cost: 2 }, 16, cache).risks[0] as PlanCostRisk;
    expect(b.cost).toBe(a.cost);
    expect(c.cost).not.toBe(a.cost);
    expect(Array.from((c.cost as { pays: Float64Array[] }).pays[0])).toEqual([50, 120]);
    expect(b.days).toBe(a.days);
    expect(c.days).toBe(a.days);
    expect(cache.cost.size).toBe(2);
    expect(cache.days.size).toBe(1);
    expect([...cache.cost.keys()]).toEqual(['0:1', '0:2']);
  });
  it('without a cache each plan builds its own tables', () => {
    const s = resolveScheme(oneFile());
    const a = compilePlan(s).risks[0] as PlanCostRisk;
    const b = compilePlan(s).risks[0] as PlanCostRisk;
    expect(b.cost).not.toBe(a.cost);
    expect(b.days).not.toBe(a.days);
    expect(b.cost).toEqual(a.cost);
  });
  it('a risk with no cost-driven benefit has no cost sampling, one with no allowance no days table', () => {
    const s = oneFile();
    s.benefits = [{ id: 'daily', risk: 'c', type: 'daily', perDay: 20 }];
    expect(costRisk(s).cost).toBeNull();
    const t = oneFile();
    t.benefits = [{ id: 'steps', risk: 'c', type: 'steps', from: 0, step: 100, perStep: 10 }];
    expect(costRisk(t).days).toBeNull();
    expect(costRisk(t).dailyColumns).toEqual([]);
  });
});
