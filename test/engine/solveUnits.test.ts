/**
 * The solver (src/engine/solve.ts) part by part, on schemes whose expected payout has a closed form:
 * - a cost of exactly 4,000 (an empirical cost of one value) at rate 0.3 (or 0.5) among 1,000
 *   members, paid in full by bands stopping at 3,000: every claimant is paid min(3,000, cap), so
 *   μ(cap) = 1,000 × rate × min(3,000, cap) and the affordable cap is net income ÷ (1,000 × rate);
 * - a lump sum of 10,000 without a cap on an event risk at 0.5: a member with K ~ Poisson(0.5)
 *   events is paid min(10,000·K, cap), so for 10,000 ≤ cap ≤ 20,000,
 *   μ(cap) = 1,000 × (10,000·P(K ≥ 1) + (cap − 10,000)·P(K ≥ 2));
 * - the break-even contribution μ ÷ (members × (1 − expense rate)), with μ = members × rate × amount.
 * Each answer is worked out here from those figures; the solver's is checked to the fen it rounds
 * down to. The module is imported afresh in each test (`vi.resetModules()`): its constant
 * `SOLVER_EVALUATIONS` is defined when it loads.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Benefit, Scenario } from '../../src/domain/scenario.ts';
import { periodWork } from '../../src/engine/workBudget.ts';

// Imported statically too (its type): a mutation run counts a test file's tests for a module only
// when the file imports that module statically; the tests use the fresh import below.
import type * as Solve from '../../src/engine/solve.ts';

type Module = typeof Solve;
let m: Module;

beforeEach(async () => {
  vi.resetModules();
  m = await import('../../src/engine/solve.ts');
});

/** 1,000 members paying `c` each; a cost of exactly 4,000 at `rate`, bands paying it in full up to 3,000. */
const bands = (c: number, rate = 0.3, expenseRate = 0): Scenario => ({
  format: 'huzhu-scenario/2',
  name: 'bands',
  members: { count: 1000 },
  contributions: [{ payer: 'member', amount: c }],
  fund: { expenseRate },
  risks: [{ id: 'r', kind: 'cost', rate, cost: { dist: 'empirical', values: [4000] } }],
  benefits: [{ id: 'b', risk: 'r', type: 'bands', bands: [{ upTo: 3000, rate: 1 }] }],
});

/** 1,000 members paying `c` each; events at 0.5 a member, a lump sum of 10,000 each without a cap. */
const lump = (c: number): Scenario => ({
  format: 'huzhu-scenario/2',
  name: 'lump',
  members: { count: 1000 },
  contributions: [{ payer: 'member', amount: c }],
  risks: [{ id: 'e', kind: 'event', rate: 0.5 }],
  benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 10000 }],
});

describe('isCappable', () => {
  it('bands, steps and lump sums have a cap; a daily allowance has not', () => {
    const b = { id: 'x', risk: 'r' };
    expect(m.isCappable({ ...b, type: 'bands', bands: [{ upTo: null, rate: 1 }] })).toBe(true);
    expect(m.isCappable({ ...b, type: 'steps', from: 0, step: 1, perStep: 1 })).toBe(true);
    expect(m.isCappable({ ...b, type: 'lump-sum', amount: 1 })).toBe(true);
    expect(m.isCappable({ ...b, type: 'daily', perDay: 1 } as Benefit)).toBe(false);
  });
});

describe('breakEvenContribution', () => {
  it('μ ÷ (members × (1 − expense rate)): 1,000 × 0.5 × 100 = 50,000 over 1,000 × 0.8 is 62.5', () => {
    const s = resolveScheme({
      ...lump(1),
      fund: { expenseRate: 0.2 },
      benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 100 }],
    });
    expect(m.breakEvenContribution(s)).toBeCloseTo(62.5, 9);
  });
  it('counts every group’s members: 1,000 + 3,000 at rates 0.5 and 0.25, a lump sum of 64: μ = 80,000 over 4,000 = 20', () => {
    const s = resolveScheme({
      format: 'huzhu-scenario/2',
      name: 'groups',
      members: {
        groups: [
          { id: 'a', count: 1000 },
          { id: 'b', count: 3000 },
        ],
      },
      contributions: [{ payer: 'member', amount: 1 }],
      risks: [{ id: 'e', kind: 'event', rate: { a: 0.5, b: 0.25 } }],
      benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 64 }],
    });
    expect(m.breakEvenContribution(s)).toBeCloseTo((1000 * 0.5 * 64 + 3000 * 0.25 * 64) / 4000, 9);
  });
});

describe('affordableCap on bands paid in full up to 3,000 (μ(cap) = 1,000 × rate × min(3,000, cap))', () => {
  it('is null when even no cap breaks even: 300 × 3,000 = 900,000 against 900 × 1,000 exactly', () => {
    expect(m.affordableCap(bands(900), 'b')).toBeNull();
    expect(m.affordableCap(bands(1000), 'b')).toBeNull();
  });
  it('is 2,999.96 at 899.99 a member: 899,990 ÷ 300 = 2,999.966…, rounded down to the fen', () => {
    expect(m.affordableCap(bands(899.99), 'b')).toBe(2999.96);
  });
  it('is 2,666.66 at 800 a member: 800,000 ÷ 300 = 2,666.666…, rounded down to the fen', () => {
    const cap = m.affordableCap(bands(800), 'b')!;
    expect(cap).toBe(Math.floor((800_000 / 300) * 100) / 100);
    expect(cap).toBe(2666.66);
  });
  it('is 1,500 exactly at 750 a member and rate 0.5: 750,000 ÷ 500, where μ(1,500) equals net income', () => {
    expect(m.affordableCap(bands(750, 0.5), 'b')).toBe(1500);
  });
  it('counts expenses against income: 1,000 × 1,000 less 25% = 750,000, the same 1,500', () => {
    expect(m.affordableCap(bands(1000, 0.5, 0.25), 'b')).toBe(1500);
  });
  it('is 1,024.09 exactly where the bisection lands on it: bands stopping at 2,048.18, rate 1, 1,024.09 a member', () => {
    // 1,000 claimants: μ(cap) = 1,000 × min(2,048.18, cap) = 1,024,090 at cap 1,024.09, the first
    // midpoint of [0, 2,048.18]; 1,024.09 × 100 is 102,408.99999999999 in doubles, still 1,024.09
    const s = bands(1024.09, 1);
    s.benefits = [{ id: 'b', risk: 'r', type: 'bands', bands: [{ upTo: 2048.18, rate: 1 }] }];
    expect(m.affordableCap(s, 'b')).toBe(1024.09);
  });
  it('is the largest fen that breaks even where the root lies just above a fen: 1,980.01 to 1,980.60 a member at rate 0.99', () => {
    // μ(cap) = 990 × cap against 1,000 × c: the root c/0.99 is m/99 yuan for c = m fen, so the
    // largest fen is ⌊100m/99⌋ fen (integers, exact); skipped where the root is a whole fen
    for (let m0 = 198_001; m0 <= 198_060; m0++) {
      if (m0 % 99 === 0) continue;
      expect(m.affordableCap(bands(m0 / 100, 0.99), 'b'), `at ${m0 / 100}`).toBe(
        Math.floor((100 * m0) / 99) / 100,
      );
    }
  });
  it('takes the resolved scheme as well as the file, and leaves the scheme it is given as it was', () => {
    const s = resolveScheme(bands(800));
    const before = structuredClone(s);
    expect(m.affordableCap(s, 'b')).toBe(2666.66);
    expect(s).toEqual(before);
  });
  it('is 0 when the other benefits alone exceed net income (they pay 300 × 3,000 = 900,000 against 800,000)', () => {
    const s = bands(800);
    s.benefits = [
      { id: 'other', risk: 'r', type: 'bands', bands: [{ upTo: 3000, rate: 1 }] },
      { id: 'b', risk: 'r', type: 'bands', bands: [{ upTo: 3000, rate: 1 }] },
    ];
    expect(m.affordableCap(s, 'b')).toBe(0);
  });
  it('solves the benefit named, wherever it stands: the other pays 300 × 1,000 (capped), leaving 500,000 for it', () => {
    const first = bands(800);
    first.benefits = [
      { id: 'b', risk: 'r', type: 'bands', bands: [{ upTo: 3000, rate: 1 }] },
      { id: 'other', risk: 'r', type: 'bands', bands: [{ upTo: 3000, rate: 1 }], cap: 1000 },
    ];
    // 500,000 ÷ 300 = 1,666.666…
    expect(m.affordableCap(first, 'b')).toBe(1666.66);
    const second = { ...first, benefits: [first.benefits[1], first.benefits[0]] };
    expect(m.affordableCap(second, 'b')).toBe(1666.66);
  });
});

describe('affordableCap on an uncapped lump sum (no maximum of its own: the bracket doubles from 1,000)', () => {
  it('at 4,000 a member: μ(cap) = 1,000 × (10,000·P(K ≥ 1) + (cap − 10,000)·P(K ≥ 2)) = 4,000,000', () => {
    const p1 = 1 - Math.exp(-0.5);
    const p2 = 1 - Math.exp(-0.5) * 1.5;
    const cap = 10000 + (4000 - 10000 * p1) / p2;
    expect(cap).toBeGreaterThan(10000);
    expect(cap).toBeLessThan(20000);
    const got = m.affordableCap(lump(4000), 'l')!;
    expect(got).toBeLessThanOrEqual(cap);
    expect(got).toBeGreaterThan(cap - 0.015);
  });
  it('below the amount: at 20 a member, 1,000 × cap × P(K ≥ 1) = 20,000', () => {
    const cap = 20 / (1 - Math.exp(-0.5));
    const got = m.affordableCap(lump(20), 'l')!;
    expect(got).toBeLessThanOrEqual(cap);
    expect(got).toBeGreaterThan(cap - 0.015);
  });
  it('bands without an end (no maximum): μ(cap) = 500 × min(4,000, cap) = 1,500,000 at exactly 3,000, which doubling from 1,000 to 4,000 and halving reach', () => {
    const s = bands(1500, 0.5);
    s.benefits = [{ id: 'b', risk: 'r', type: 'bands', bands: [{ upTo: null, rate: 1 }] }];
    expect(m.affordableCap(s, 'b')).toBe(3000);
  });
  it('is null when 5,000 a member pays for 1,000 × 0.5 × 10,000 uncapped', () => {
    expect(m.affordableCap(lump(5000), 'l')).toBeNull();
  });
});

describe('what affordableCap refuses', () => {
  it('a benefit it does not know, or one without a cap, with its name', () => {
    const s = bands(800);
    expect(() => m.affordableCap(s, 'nobody')).toThrow(
      new RangeError('benefit nobody has no cap to solve for'),
    );
    const daily: Scenario = {
      ...s,
      risks: [{ ...s.risks[0], days: { dist: 'fixed', value: 2 } } as Scenario['risks'][number]],
      benefits: [...s.benefits, { id: 'd', risk: 'r', type: 'daily', perDay: 10 }],
    };
    expect(() => m.affordableCap(daily, 'd')).toThrow(new RangeError('benefit d has no cap to solve for'));
    expect(m.affordableCap(daily, 'b')).not.toBeNull();
  });
});

describe('the solver’s work', () => {
  /** Steps of a fen under a gamma cost of cv 0.01: a million terms in each expectation. */
  const heavy = (cap?: number): Scenario => ({
    ...bands(800),
    risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: { dist: 'gamma', mean: 4000, cv: 0.01 } }],
    benefits: [
      { id: 'first', risk: 'r', type: 'bands', bands: [{ upTo: 3000, rate: 1 }] },
      { id: 'fine', risk: 'r', type: 'steps', from: 0, step: 0.01, perStep: 0.01, cap },
    ],
  });

  it('makes 133 evaluations at most: 30 doublings, 100 bisection steps and three more', () => {
    expect(m.SOLVER_EVALUATIONS).toBe(30 + 100 + 3);
  });
  it('is 133 expectations of the uncapped benefit: refused above the work limit, naming the cap', async () => {
    const s = resolveScheme(heavy(1));
    const uncapped = resolveScheme(heavy());
    const each = periodWork(uncapped, undefined, { cost: false, days: false })
      .parts.once.filter((p) => p.what === 'expectation')
      .reduce((a, p) => a + p.units, 0);
    expect(133 * each).toBeGreaterThan(6e9);
    const want = {
      path: 'benefits[1].cap',
      code: 'period',
      params: { units: 133 * each, limit: 6e9, what: 'expectation', count: 133 },
    };
    expect(m.checkSolveWork(s, 1)).toEqual(want);
    expect(m.checkSolveWork(uncapped, 1)).toEqual(want);
    // the class of the module loaded afresh with solve.ts
    const fresh = await import('../../src/engine/workBudget.ts');
    let e: unknown;
    try {
      m.affordableCap(heavy(1), 'fine');
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(fresh.RunRefusedError);
    expect((e as InstanceType<typeof fresh.RunRefusedError>).refusal).toEqual(want);
  });
  it('of a few pieces of bands is far inside the limit, the steps of a fen capped at 1 (100 steps) beside them', () => {
    expect(m.checkSolveWork(resolveScheme(heavy(1)), 0)).toBeNull();
    expect(m.checkSolveWork(resolveScheme(bands(800)), 0)).toBeNull();
  });
});
