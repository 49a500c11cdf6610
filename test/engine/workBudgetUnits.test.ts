/**
 * The Monte Carlo's work estimate (src/engine/workBudget.ts: periodWork, runWork, trendScale,
 * checkWork, refusedVersion), part by part. Every figure is worked by hand in this file from the
 * weights the module documents (its comment is the specification):
 *
 * - an iteration of one period: 10 + benefits; a risk in one period: 15;
 * - a claimant of a cost risk: 1 a bands/steps benefit (4 for lists above 65,536 values), + the
 *   share drawn beyond the table × (20 + 10/cv for a gamma); + 2 + daily benefits when days are
 *   drawn (+ 8 for negative-binomial days);
 * - a sampling table: 2^16 cells × q × (1 + 2·benefits), q = 40 (gamma 40 + 20/cv), steps'
 *   pieces × 2q; an empirical cost: 5 × values × benefits;
 * - a days table: 40 an entry, entries to the largest maxDays or where the pmf dies out;
 * - exact expectations: 2q a band piece, q a term of steps summed by their survival, 20 a count of
 *   a capped lump sum or a day;
 * - a lump sum: 25 × (1 + counts followed) × cells; under a limit, 25 a member with an event;
 * - a limit over a cost risk: (1000 + 2q × day counts × share classes) a piece.
 *
 * Quantiles are Pareto II's (S(x) = (s/(x + s))^α, so x_p = s(p^{−1/α} − 1)), written out here.
 * Module-level weights are evaluated when the module loads, so every test imports it afresh (a
 * mutation-testing run switches such a mutant on only once the tests run).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Benefit, Limit, Risk, Scenario } from '../../src/domain/scenario.ts';
import type { ResolvedScheme } from '../../src/domain/scheme.ts';
import type { PeriodWork } from '../../src/engine/workBudget.ts';
import { chernoffEntries, sizeOf, tableEntries } from '../helpers/negativeBinomial.ts';

type WorkBudget = typeof import('../../src/engine/workBudget.ts');
let wb: WorkBudget;
beforeEach(async () => {
  vi.resetModules();
  wb = await import('../../src/engine/workBudget.ts');
});

const T = 65536;
const lognormal = { dist: 'lognormal', mean: 4000, cv: 3 } as const;
const pareto = { dist: 'pareto', scale: 4000, shape: 2 } as const;
const threeBands: Benefit = {
  id: 'b',
  risk: 'r',
  type: 'bands',
  bands: [
    { upTo: 1000, rate: 0.2 },
    { upTo: 10000, rate: 0.5 },
    { upTo: null, rate: 0.9 },
  ],
};

/** A one-risk scheme of 1,000 members (or `members`), risk `r` at 0.04 unless given. */
function scheme(
  risk: Record<string, unknown>,
  benefits: Benefit[],
  extra: Partial<Scenario> = {},
): ResolvedScheme {
  return resolveScheme({
    format: 'huzhu-scenario/2',
    name: 'work',
    members: { count: 1000 },
    contributions: [{ payer: 'member', amount: 50 }],
    risks: [{ id: 'r', kind: 'cost', rate: 0.04, cost: lognormal, ...risk } as Risk],
    benefits,
    ...extra,
  });
}

/** One group of 1,000 members, half holding 1 share and half `k`. */
const halfAndHalf = (k: number): Scenario['members'] => ({
  groups: [
    {
      id: 'a',
      count: 1000,
      holdings: [
        { shares: 1, fraction: 0.5 },
        { shares: k, fraction: 0.5 },
      ],
    },
  ],
});

const part = (ps: PeriodWork['parts']['once'], path: string, what: string) => {
  const found = ps.filter((p) => p.path === path && p.what === what);
  expect(found, `${what} at ${path}`).toHaveLength(1);
  return found[0];
};
const near = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('a cost risk with bands', () => {
  it('lognormal, three bands, 40 claimants: each part by hand', () => {
    const w = wb.periodWork(scheme({}, [threeBands]));
    const per = w.parts.perIteration;
    expect(per).toHaveLength(3);
    expect(per[0]).toEqual({ path: 'simulation.iterations', units: 10 + 1, what: 'claimants', count: 0 });
    expect(per[1]).toEqual({ path: 'risks[0].rate', units: 15, what: 'claimants', count: 0 });
    // 0.04 × 1000 claimants, each one table read and the table's last cell (1/2^16) drawn exactly at 20
    expect(per[2].path).toBe('risks[0].rate');
    expect(per[2].what).toBe('claimants');
    near(per[2].count, 40);
    near(per[2].units, 40 * (1 + 20 / T));
    expect(w.parts.once).toHaveLength(2);
    expect(w.parts.once[0]).toEqual({ path: 'risks[0].cost', units: T * 40 * 3, what: 'table', count: T });
    expect(w.parts.once[1]).toEqual({
      path: 'benefits[0]',
      units: 2 * 40 * 5,
      what: 'expectation',
      count: 5,
    });
    near(w.perIteration, 11 + 15 + 40 * (1 + 20 / T));
    near(w.once, T * 40 * 3 + 400);
  });

  it('a gamma of cv 0.5 (shape 4): q = 40 + 20/0.5 = 80 a cell, 20 + 10/0.5 = 40 beyond the table', () => {
    const w = wb.periodWork(scheme({ cost: { dist: 'gamma', mean: 3000, cv: 0.5 } }, [threeBands]));
    near(part(w.parts.once, 'risks[0].cost', 'table').units, T * 80 * 3);
    near(part(w.parts.once, 'benefits[0]', 'expectation').units, 2 * 80 * 5);
    near(w.parts.perIteration[2].units, 40 * (1 + 40 / T));
  });

  it('two benefits: 10 + 2 an iteration, tables of 1 + 2 × 2 passes, two claimant reads', () => {
    const second: Benefit = {
      id: 'c',
      risk: 'r',
      type: 'bands',
      deductible: 500,
      bands: [{ upTo: null, rate: 0.5 }],
    };
    const w = wb.periodWork(scheme({}, [threeBands, second]));
    expect(w.parts.perIteration[0].units).toBe(12);
    near(w.parts.perIteration[2].units, 40 * (2 + 20 / T));
    near(part(w.parts.once, 'risks[0].cost', 'table').units, T * 40 * 5);
    near(part(w.parts.once, 'benefits[1]', 'expectation').units, 2 * 40 * 3);
  });

  it('the trend factors: members × 2, rate × 1.5 give 120 claimants; cost × 3 moves no weight', () => {
    const w = wb.periodWork(scheme({}, [threeBands]), { members: 2, rate: 1.5, cost: 3 });
    near(w.parts.perIteration[2].count, 0.04 * 1.5 * 2000);
    near(w.parts.perIteration[2].units, 120 * (1 + 20 / T));
  });

  it('women only (600 of 1,000) in one group at 0.05, another group at 0.1 not exposed', () => {
    const s = resolveScheme({
      format: 'huzhu-scenario/2',
      name: 'work',
      members: {
        groups: [
          { id: 'a', count: 1000, femaleShare: 0.6 },
          { id: 'b', count: 3000, femaleShare: 0.5 },
        ],
      },
      contributions: [{ payer: 'member', amount: 50 }],
      risks: [{ id: 'r', kind: 'cost', who: 'female', rate: { a: 0.05 }, groups: ['a'], cost: lognormal }],
      benefits: [threeBands],
    });
    near(wb.periodWork(s).parts.perIteration[2].count, 0.05 * 600);
  });

  it('tables already built (no cost trend) are not counted again; the expectations are', () => {
    const w = wb.periodWork(scheme({}, [threeBands]), undefined, { cost: false, days: false });
    expect(w.parts.once).toEqual([{ path: 'benefits[0]', units: 400, what: 'expectation', count: 5 }]);
  });
});

describe('a cost risk with a list of costs', () => {
  it('three values, two benefits: 5 × 3 × 2 a table and an expectation, one read a benefit', () => {
    const steps: Benefit = { id: 's', risk: 'r', type: 'steps', from: 0, step: 100, perStep: 10 };
    const w = wb.periodWork(
      scheme({ cost: { dist: 'empirical', values: [100, 200, 300] } }, [threeBands, steps]),
    );
    expect(w.parts.once).toEqual([
      { path: 'risks[0].cost', units: 30, what: 'table', count: 3 },
      { path: 'risks[0].cost', units: 30, what: 'expectation', count: 3 },
    ]);
    near(w.parts.perIteration[2].units, 40 * 2);
  });
  it('65,536 values are read once a benefit, 65,537 four times', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => 100 + i);
    const at = (n: number) =>
      wb.periodWork(scheme({ cost: { dist: 'empirical', values: list(n) } }, [threeBands])).parts
        .perIteration[2].units;
    near(at(65536), 40 * 1);
    near(at(65537), 40 * 4);
  });
  it('a cost of no spread (lognormal cv 0) is one value', () => {
    const w = wb.periodWork(scheme({ cost: { dist: 'lognormal', mean: 4000, cv: 0 } }, [threeBands]));
    expect(part(w.parts.once, 'risks[0].cost', 'table')).toMatchObject({ units: 5, count: 1 });
    near(w.parts.perIteration[2].units, 40);
  });
});

describe('a cost risk with steps', () => {
  const steps = (from: number, step: number, perStep: number, cap?: number): Benefit => ({
    id: 's',
    risk: 'r',
    type: 'steps',
    from,
    step,
    perStep,
    ...(cap === undefined ? {} : { cap }),
  });

  it('capped at 50.5 steps: ⌈50.5⌉ + 2 = 53 pieces in the table and in the expectation', () => {
    const w = wb.periodWork(scheme({}, [steps(1000, 100, 10, 505)]));
    expect(part(w.parts.once, 'benefits[0].step', 'table')).toEqual({
      path: 'benefits[0].step',
      units: 2 * 40 * 53,
      what: 'table',
      count: 53,
    });
    expect(part(w.parts.once, 'benefits[0].step', 'expectation')).toMatchObject({
      units: 2 * 40 * 53,
      count: 53,
    });
    // the cost table's own passes: 1 + 2 × 1
    near(part(w.parts.once, 'risks[0].cost', 'table').units, T * 40 * 3);
    near(w.parts.perIteration[2].units, 40 * (1 + 20 / T));
  });

  it('exactly 100,000 steps under the cap are still described one by one: 100,002 pieces', () => {
    // (described as many, they would stop at the table's last edge: 1,020,000/20 + 2 pieces)
    const w = wb.periodWork(scheme({ cost: pareto }, [steps(0, 20, 1, 100_000)]));
    expect(part(w.parts.once, 'benefits[0].step', 'table').count).toBe(100_002);
    expect(part(w.parts.once, 'benefits[0].step', 'expectation').count).toBe(100_002);
  });

  it('uncapped steps of 1 on a Pareto (4,000, 2): 100,000 steps described, the rest drawn beyond the table', () => {
    const w = wb.periodWork(scheme({ cost: pareto }, [steps(0, 1, 1)]));
    // the table's last edge x_{2^-16} = 4000 × 255 = 1,020,000 lies beyond 100,000 steps of 1
    const table = part(w.parts.once, 'benefits[0].step', 'table');
    near(table.count, 100_000 + 2);
    near(table.units, 2 * 40 * 100_002);
    // beyond 100,000: S = (4000/104000)² = 1/676 of claimants, at 20 each
    near(w.parts.perIteration[2].units, 40 * (1 + 20 / 676));
    // the survival sum reaches x_{1e-17} = 4000 × (10^{8.5} − 1): more than a million terms, so a million
    const sum = part(w.parts.once, 'benefits[0].step', 'expectation');
    expect(sum).toEqual({ path: 'benefits[0].step', units: 40 * 1e6, what: 'expectation', count: 1e6 });
  });

  it('uncapped steps of 10^7 from 0: pieces to the table’s last edge, terms to x_{1e-17}', () => {
    const w = wb.periodWork(scheme({ cost: pareto }, [steps(0, 1e7, 1)]));
    near(part(w.parts.once, 'benefits[0].step', 'table').count, 1_020_000 / 1e7 + 2);
    const reach = 4000 * (10 ** 8.5 - 1);
    near(part(w.parts.once, 'benefits[0].step', 'expectation').count, reach / 1e7 + 1);
    near(part(w.parts.once, 'benefits[0].step', 'expectation').units, 40 * (reach / 1e7 + 1));
    // the last edge's share of claimants is the table's own 1/2^16
    near(w.parts.perIteration[2].units, 40 * (1 + 20 / T));
  });

  it('starting at 2,000,000, past the table’s last edge: two pieces; terms from the start', () => {
    const w = wb.periodWork(scheme({ cost: pareto }, [steps(2e6, 1e7, 1)]));
    near(part(w.parts.once, 'benefits[0].step', 'table').count, 2);
    const reach = 4000 * (10 ** 8.5 - 1);
    near(part(w.parts.once, 'benefits[0].step', 'expectation').count, (reach - 2e6) / 1e7 + 1);
  });

  it('starting at 5,000 with steps of 1: 100,000 steps to 105,000', () => {
    const w = wb.periodWork(scheme({ cost: pareto }, [steps(5000, 1, 1)]));
    near(part(w.parts.once, 'benefits[0].step', 'table').count, 100_002);
    // S(105,000) = (4000/109000)²
    near(w.parts.perIteration[2].units, 40 * (1 + 20 * (4000 / 109000) ** 2));
  });

  it('50,000 yuan of steps of 10 is 5,000 steps: described one by one', () => {
    const w = wb.periodWork(scheme({ cost: pareto }, [steps(0, 100, 10, 50_000)]));
    expect(part(w.parts.once, 'benefits[0].step', 'table').count).toBe(5002);
  });
  it('400,000 yuan of steps of 2 is 200,000 steps: the survival sum stops there', () => {
    const w = wb.periodWork(scheme({ cost: pareto }, [steps(0, 1, 2, 400_000)]));
    expect(part(w.parts.once, 'benefits[0].step', 'expectation').count).toBe(200_000);
  });
  it('capped at 200,000 steps (more than 100,000): the survival sum stops at the cap’s 200,000 terms', () => {
    const w = wb.periodWork(scheme({ cost: pareto }, [steps(0, 1, 1, 200_000)]));
    expect(part(w.parts.once, 'benefits[0].step', 'expectation')).toMatchObject({
      count: 200_000,
      units: 40 * 2e5,
    });
    near(part(w.parts.once, 'benefits[0].step', 'table').count, 100_002);
  });
});

describe('daily allowances', () => {
  const daily = (id: string, perDay: number, maxDays?: number): Benefit => ({
    id,
    risk: 'r',
    type: 'daily',
    perDay,
    ...(maxDays === undefined ? {} : { maxDays }),
  });

  it('Poisson days of mean 10, at most 20 days: 21 entries; 2 + 1 reads a claimant', () => {
    const w = wb.periodWork(scheme({ days: { dist: 'poisson', mean: 10 } }, [daily('d', 50, 20)]));
    expect(w.parts.once).toEqual([
      { path: 'risks[0].days', units: 40 * 21, what: 'days', count: 21 },
      { path: 'risks[0].days', units: 20 * 21, what: 'expectation', count: 21 },
    ]);
    near(w.parts.perIteration[2].units, 40 * 3);
    expect(w.parts.perIteration[0].units).toBe(11);
  });
  it('without a maximum: to 10 + 10√10 + 50 days', () => {
    const w = wb.periodWork(scheme({ days: { dist: 'poisson', mean: 10 } }, [daily('d', 50)]));
    near(part(w.parts.once, 'risks[0].days', 'days').count, 60 + 10 * Math.sqrt(10));
  });
  it('two allowances (at most 20 and 30 days): 31 entries, each summed; 2 + 2 reads', () => {
    const w = wb.periodWork(
      scheme({ days: { dist: 'poisson', mean: 10 } }, [daily('d', 50, 20), daily('e', 30, 30)]),
    );
    expect(part(w.parts.once, 'risks[0].days', 'expectation')).toMatchObject({
      units: 20 * 31 * 2,
      count: 31,
    });
    near(w.parts.perIteration[2].units, 40 * 4);
  });
  it('one allowance without a maximum beside one of 20 days: to where the pmf dies out', () => {
    const w = wb.periodWork(
      scheme({ days: { dist: 'poisson', mean: 10 } }, [daily('d', 50, 20), daily('e', 30)]),
    );
    near(part(w.parts.once, 'risks[0].days', 'days').count, 60 + 10 * Math.sqrt(10));
  });
  it('negative-binomial days (mean 10, cv 1): r = 100/90, to the Chernoff point at 1e-18, + 2; 8 more a claimant', () => {
    const w = wb.periodWork(
      scheme({ days: { dist: 'negative-binomial', mean: 10, cv: 1 } }, [daily('d', 50)]),
    );
    const r = 100 / 90;
    expect(sizeOf(10, 1)).toBeCloseTo(r, 12);
    expect(part(w.parts.once, 'risks[0].days', 'days').count).toBe(chernoffEntries(10, r, -Math.log(1e-18)));
    near(w.parts.perIteration[2].units, 40 * (3 + 8));
  });
  it('negative-binomial days: never fewer entries than the table follows, nor twice as many', () => {
    // The table (plan.ts) stops past the mean where the pmf is below 1e-18, or where 1 − cdf is
    // below 1e-17. Near a Poisson the tail's geometric rate alone undercounted: at mean 366 and cv
    // 0.1 the table holds 760 entries, and 366 + 41.4/ln(1 + r/366) + 50 = 546.
    for (const m of [1, 9, 50, 100, 200, 366])
      for (const cv of [0.1, 0.2, 0.3, 0.5, 1, 3]) {
        if ((cv * m) ** 2 <= m) continue;
        const w = wb.periodWork(
          scheme({ days: { dist: 'negative-binomial', mean: m, cv } }, [daily('d', 50)]),
        );
        const count = part(w.parts.once, 'risks[0].days', 'days').count;
        const follows = tableEntries(m, sizeOf(m, cv), 1e-18, 1e-17);
        expect(count, `mean ${m}, cv ${cv}`).toBeGreaterThanOrEqual(follows);
        expect(count, `mean ${m}, cv ${cv}`).toBeLessThan(2 * follows);
      }
  });
  it('negative-binomial days no wider than Poisson (mean 10, cv 0.3): as a Poisson', () => {
    const w = wb.periodWork(
      scheme({ days: { dist: 'negative-binomial', mean: 10, cv: 0.3 } }, [daily('d', 50)]),
    );
    near(part(w.parts.once, 'risks[0].days', 'days').count, 60 + 10 * Math.sqrt(10));
  });
  it('negative-binomial days of mean 1,000 and cv 300 stop at 2^22 entries', () => {
    const w = wb.periodWork(
      scheme({ days: { dist: 'negative-binomial', mean: 1000, cv: 300 } }, [daily('d', 50)]),
    );
    // r = 10^6/(9·10^10 − 1000) ≈ 1.1e-5: 41.4/ln(1 + r/1000) ≈ 3.7e9 days
    expect(part(w.parts.once, 'risks[0].days', 'days').count).toBe(2 ** 22);
  });
  it('fixed stays of 7 days: 8 entries; a list of days: 367', () => {
    const fixed = wb.periodWork(scheme({ days: { dist: 'fixed', value: 7 } }, [daily('d', 50)]));
    expect(part(fixed.parts.once, 'risks[0].days', 'days').count).toBe(8);
    const list = wb.periodWork(scheme({ days: { dist: 'empirical', values: [1, 3, 30] } }, [daily('d', 50)]));
    expect(part(list.parts.once, 'risks[0].days', 'days').count).toBe(367);
  });
  it('days tables built once: a later year counts only the expectation', () => {
    const w = wb.periodWork(scheme({ days: { dist: 'fixed', value: 7 } }, [daily('d', 50)]), undefined, {
      cost: true,
      days: false,
    });
    expect(w.parts.once).toEqual([{ path: 'risks[0].days', units: 20 * 8, what: 'expectation', count: 8 }]);
  });
  it('days on the risk but no allowance: no days drawn, no days table', () => {
    const w = wb.periodWork(scheme({ days: { dist: 'fixed', value: 7 } }, [threeBands]));
    near(w.parts.perIteration[2].units, 40 * (1 + 20 / T));
    expect(w.parts.once.map((p) => p.what)).toEqual(['table', 'expectation']);
  });
  it('bands and an allowance: both reads a claimant, the table for the bands only', () => {
    const w = wb.periodWork(scheme({ days: { dist: 'fixed', value: 7 } }, [threeBands, daily('d', 50)]));
    near(w.parts.perIteration[2].units, 40 * (1 + 20 / T + 2 + 1));
    near(part(w.parts.once, 'risks[0].cost', 'table').units, T * 40 * 3);
  });
});

describe('an event risk', () => {
  const lump = (extra: Record<string, unknown> = {}): Benefit =>
    ({ id: 'l', risk: 'r', type: 'lump-sum', amount: 1000, ...extra }) as Benefit;
  const event = (extra: Record<string, unknown> = {}) => ({
    kind: 'event',
    rate: 0.01,
    cost: undefined,
    ...extra,
  });

  it('an uncapped lump sum: 25 a cell a period, no expectation to sum', () => {
    const w = wb.periodWork(scheme(event(), [lump()]));
    expect(w.parts.perIteration).toEqual([
      { path: 'simulation.iterations', units: 11, what: 'claimants', count: 0 },
      { path: 'risks[0].rate', units: 15, what: 'claimants', count: 0 },
      { path: 'risks[0].rate', units: 25, what: 'events', count: 0 },
    ]);
    expect(w.parts.once).toEqual([]);
  });
  it('capped at 3 events (3,000): counts followed min(3 − 1, ν + √(2ν ln m) + ln m) = 2; terms min(3, ν + 40√ν + 50)', () => {
    const w = wb.periodWork(scheme(event(), [lump({ cap: 3000 })]));
    expect(w.parts.perIteration[2]).toEqual({
      path: 'benefits[0].cap',
      units: 25 * 3,
      what: 'events',
      count: 2,
    });
    expect(w.parts.once).toEqual([{ path: 'benefits[0].cap', units: 20 * 3, what: 'expectation', count: 3 }]);
  });
  it('capped at 100 events: counts ν + √(2ν ln 1000) + ln 1000, terms ν + 40√ν + 50', () => {
    const w = wb.periodWork(scheme(event(), [lump({ cap: 100_000 })]));
    const k = 0.01 + Math.sqrt(2 * 0.01 * Math.log(1000)) + Math.log(1000);
    near(w.parts.perIteration[2].count, k);
    near(w.parts.perIteration[2].units, 25 * (1 + k));
    near(w.parts.once[0].count, 0.01 + 40 * 0.1 + 50);
    near(w.parts.once[0].units, 20 * 54.01);
  });
  it('capped at 3.5 events: ⌈3.5⌉ − 1 = 3 counts', () => {
    expect(wb.periodWork(scheme(event(), [lump({ cap: 3500 })])).parts.perIteration[2].count).toBe(3);
  });
  it('a capped lump sum over 50 members at 0.01 (0.5 events in all): one count', () => {
    const s = scheme(event(), [lump({ cap: 100_000 })], { members: { count: 50 } });
    expect(wb.periodWork(s).parts.perIteration[2]).toMatchObject({ units: 50, count: 1 });
    // 100 members: ν·m = 1, followed as usual
    const t = scheme(event(), [lump({ cap: 100_000 })], { members: { count: 100 } });
    near(
      wb.periodWork(t).parts.perIteration[2].count,
      0.01 + Math.sqrt(2 * 0.01 * Math.log(100)) + Math.log(100),
    );
  });
  it('one member: ln 2 stands for ln m', () => {
    const s = scheme(event({ rate: 2 }), [lump({ cap: 100_000 })], { members: { count: 1 } });
    near(wb.periodWork(s).parts.perIteration[2].count, 2 + Math.sqrt(2 * 2 * Math.log(2)) + Math.log(2));
  });
  it('a waiting period of 73 days for half the members: ν = 0.01 × 0.9, the highest group’s', () => {
    const s = resolveScheme({
      format: 'huzhu-scenario/2',
      name: 'work',
      members: {
        groups: [
          { id: 'a', count: 1000, newShare: 0.5 },
          { id: 'b', count: 1000, newShare: 0 },
        ],
      },
      contributions: [{ payer: 'member', amount: 50 }],
      risks: [{ id: 'r', kind: 'event', rate: { a: 0.01, b: 0.005 } }],
      benefits: [lump({ cap: 100_000, waitingDays: 73 })],
    });
    const nu = 0.009;
    const k = nu + Math.sqrt(2 * nu * Math.log(2000)) + Math.log(2000);
    const w = wb.periodWork(s);
    near(w.parts.perIteration[2].count, k);
    // two cells (one a group), each followed
    near(w.parts.perIteration[2].units, 25 * (1 + k) * 2);
    near(w.parts.once[0].count, nu + 40 * Math.sqrt(nu) + 50);
  });
  it('holdings of 1 and 2 shares: two cells; the rate factor scales ν, the members factor m', () => {
    const s = scheme(event(), [lump({ cap: 100_000 })], { members: halfAndHalf(2) });
    const w = wb.periodWork(s, { members: 3, rate: 2, cost: 1 });
    const k = 0.02 + Math.sqrt(2 * 0.02 * Math.log(3000)) + Math.log(3000);
    near(w.parts.perIteration[2].count, k);
    near(w.parts.perIteration[2].units, 25 * (1 + k) * 2);
    near(w.parts.once[0].count, 0.02 + 40 * Math.sqrt(0.02) + 50);
  });
  it('under a limit: 25 for each member with an event and each lump sum, m(1 − e^{−ν})', () => {
    const limits: Limit[] = [{ id: 'all', benefits: ['l', 'm'], cap: 5000 }];
    const s = scheme(event({ rate: 0.1 }), [lump(), lump({ id: 'm', amount: 300 })], { limits });
    const w = wb.periodWork(s, { members: 2, rate: 1.5, cost: 1 });
    const withEvents = 2000 * -Math.expm1(-0.15);
    const limited = w.parts.perIteration[4];
    expect(w.parts.perIteration).toHaveLength(5);
    expect(limited.path).toBe('risks[0].rate');
    expect(limited.what).toBe('events');
    near(limited.count, withEvents);
    near(limited.units, 25 * withEvents * 2);
  });
  it('a limit over another risk costs this one nothing', () => {
    const s = resolveScheme({
      format: 'huzhu-scenario/2',
      name: 'work',
      members: { count: 1000 },
      contributions: [{ payer: 'member', amount: 50 }],
      risks: [
        { id: 'r', kind: 'event', rate: 0.1 },
        { id: 'q', kind: 'event', rate: 0.1 },
      ],
      benefits: [lump(), lump({ id: 'm', risk: 'q' })],
      limits: [{ id: 'all', benefits: ['m'], cap: 5000 }],
    });
    const w = wb.periodWork(s);
    // iteration, then r: rate + lump; q: rate + lump + limit
    expect(w.parts.perIteration.map((p) => p.units)).toEqual([
      12,
      15,
      25,
      15,
      25,
      25 * 1000 * -Math.expm1(-0.1),
    ]);
  });
  it('women only: the members with an event are the women', () => {
    const s = scheme(event({ rate: 0.1, who: 'female' }), [lump()], {
      members: { count: 1000, femaleShare: 0.4 },
      limits: [{ id: 'all', benefits: ['l'], cap: 5000 }],
    });
    near(wb.periodWork(s).parts.perIteration[3].count, 400 * -Math.expm1(-0.1));
  });
});

describe('a limit over a cost risk', () => {
  const steps = (cap?: number): Benefit => ({
    id: 's',
    risk: 'r',
    type: 'steps',
    from: 0,
    step: 100,
    perStep: 10,
    ...(cap === undefined ? {} : { cap }),
  });

  it('over three bands and steps capped at 500: 5 + (50 + 2) pieces, each 1000 + 2 × 40', () => {
    const s = scheme({}, [threeBands, steps(500)], {
      limits: [{ id: 'L', benefits: ['b', 's'], cap: 2000 }],
    });
    expect(part(wb.periodWork(s).parts.once, 'limits[0].cap', 'expectation')).toEqual({
      path: 'limits[0].cap',
      units: (1000 + 80) * 57,
      what: 'expectation',
      count: 57,
    });
  });
  it('uncapped steps of 10 under a cap of 2,055: ⌈205.5⌉ + 2 pieces', () => {
    const s = scheme({}, [steps()], { limits: [{ id: 'L', benefits: ['s'], cap: 2055 }] });
    expect(part(wb.periodWork(s).parts.once, 'limits[0].cap', 'expectation').count).toBe(208);
  });
  it('steps capped above the limit: the limit decides', () => {
    const s = scheme({}, [steps(1e6)], { limits: [{ id: 'L', benefits: ['s'], cap: 2000 }] });
    expect(part(wb.periodWork(s).parts.once, 'limits[0].cap', 'expectation').count).toBe(202);
  });
  it('per share, holdings of 1 and 3 shares: the cap for 3 shares, two share classes', () => {
    const s = scheme({}, [steps()], {
      members: halfAndHalf(3),
      limits: [{ id: 'L', benefits: ['s'], cap: 1000, perShare: true }],
    });
    // C = 3 × 1000: 300 + 2 pieces, each 1000 + 80 × 1 day count × 2 classes
    expect(part(wb.periodWork(s).parts.once, 'limits[0].cap', 'expectation')).toMatchObject({
      units: (1000 + 160) * 302,
      count: 302,
    });
  });
  it('with a daily allowance of at most 9 days in it: 10 day counts', () => {
    const s = scheme(
      { days: { dist: 'poisson', mean: 5 } },
      [threeBands, { id: 'd', risk: 'r', type: 'daily', perDay: 50, maxDays: 9 }],
      { limits: [{ id: 'L', benefits: ['b', 'd'], cap: 2000 }] },
    );
    expect(part(wb.periodWork(s).parts.once, 'limits[0].cap', 'expectation')).toMatchObject({
      units: (1000 + 80 * 10) * 5,
      count: 5,
    });
  });
  it('on a gamma (cv 0.5): 2q = 160 a day count', () => {
    const s = scheme({ cost: { dist: 'gamma', mean: 3000, cv: 0.5 } }, [threeBands], {
      limits: [{ id: 'L', benefits: ['b'], cap: 2000 }],
    });
    near(part(wb.periodWork(s).parts.once, 'limits[0].cap', 'expectation').units, (1000 + 160) * 5);
  });
  it('on a list of 4 costs, two benefits in the limit: 5 a value, 4 × 2 values', () => {
    const s = scheme(
      { cost: { dist: 'empirical', values: [100, 200, 300, 400] } },
      [threeBands, steps(500)],
      {
        limits: [{ id: 'L', benefits: ['b', 's'], cap: 2000 }],
      },
    );
    expect(part(wb.periodWork(s).parts.once, 'limits[0].cap', 'expectation')).toMatchObject({
      units: (1000 + 5) * 8,
      count: 8,
    });
  });
  it('over a daily allowance alone: no pieces, no part', () => {
    const s = scheme(
      { days: { dist: 'fixed', value: 3 } },
      [threeBands, { id: 'd', risk: 'r', type: 'daily', perDay: 50 }],
      {
        limits: [{ id: 'L', benefits: ['d'], cap: 2000 }],
      },
    );
    expect(wb.periodWork(s).parts.once.filter((p) => p.path.startsWith('limits'))).toEqual([]);
  });
  it('a limit over bands, an allowance outside it: one day count', () => {
    const s = scheme(
      { days: { dist: 'fixed', value: 7 } },
      [threeBands, { id: 'd', risk: 'r', type: 'daily', perDay: 50 }],
      { limits: [{ id: 'L', benefits: ['b'], cap: 2000 }] },
    );
    expect(part(wb.periodWork(s).parts.once, 'limits[0].cap', 'expectation').units).toBe((1000 + 80) * 5);
  });
  it('a limit over another cost risk is counted on that risk only', () => {
    const s = resolveScheme({
      format: 'huzhu-scenario/2',
      name: 'work',
      members: { count: 1000 },
      contributions: [{ payer: 'member', amount: 50 }],
      risks: [
        { id: 'r', kind: 'cost', rate: 0.04, cost: lognormal },
        { id: 'q', kind: 'cost', rate: 0.04, cost: lognormal },
      ],
      benefits: [threeBands, { ...threeBands, id: 'c', risk: 'q' }],
      limits: [{ id: 'L', benefits: ['c'], cap: 2000 }],
    });
    const limitParts = wb.periodWork(s).parts.once.filter((p) => p.path === 'limits[0].cap');
    expect(limitParts).toEqual([
      { path: 'limits[0].cap', units: (1000 + 80) * 5, what: 'expectation', count: 5 },
    ]);
  });
  it('the second limit is named by its index', () => {
    const s = scheme({}, [threeBands, steps(500)], {
      limits: [
        { id: 'L', benefits: ['s'], cap: 2000 },
        { id: 'M', benefits: ['b'], cap: 3000 },
      ],
    });
    expect(part(wb.periodWork(s).parts.once, 'limits[1].cap', 'expectation').count).toBe(5);
    expect(part(wb.periodWork(s).parts.once, 'limits[0].cap', 'expectation').count).toBe(52);
  });
});

describe('a projection’s periods', () => {
  it('trendScale: year t multiplies by (1 + g)^(t − 1)', () => {
    const s = scheme({}, [threeBands], { trend: { members: 0.1, rate: 0.2, cost: -0.5 } });
    const y3 = wb.trendScale(s, 3);
    near(y3.members, 1.21);
    near(y3.rate, 1.44);
    near(y3.cost, 0.25);
    expect(wb.trendScale(s, 1)).toEqual({ members: 1, rate: 1, cost: 1 });
  });
  it('runWork: a table each year with a cost trend, once without; days tables once', () => {
    const daily: Benefit = { id: 'd', risk: 'r', type: 'daily', perDay: 50 };
    const withTrend = scheme({ days: { dist: 'fixed', value: 7 } }, [threeBands, daily], {
      trend: { cost: 0.1 },
    });
    const [a, b, c] = wb.runWork(withTrend, 3);
    expect(a.parts.once.map((p) => p.what)).toEqual(['table', 'expectation', 'days', 'expectation']);
    expect(b.parts.once.map((p) => p.what)).toEqual(['table', 'expectation', 'expectation']);
    expect(c.parts.once.map((p) => p.what)).toEqual(['table', 'expectation', 'expectation']);
    const flat = scheme({ days: { dist: 'fixed', value: 7 } }, [threeBands, daily], {
      trend: { members: 0.1 },
    });
    const years = wb.runWork(flat, 2);
    expect(years).toHaveLength(2);
    expect(years[1].parts.once.map((p) => p.what)).toEqual(['expectation', 'expectation']);
    // the members' trend reaches year 2's claimants: 0.04 × 1100
    near(years[1].parts.perIteration[2].count, 44);
    expect(wb.runWork(flat)).toHaveLength(1);
  });
});

/** A period of `perIteration` units an iteration and `once` once, as one part each. */
const period = (perIteration: number, once: number, path = 'p'): PeriodWork => ({
  perIteration,
  once,
  parts: {
    perIteration: [{ path: `${path}.draws`, units: perIteration, what: 'claimants', count: 7 }],
    once: [{ path: `${path}.table`, units: once, what: 'table', count: 9 }],
  },
});

describe('checkWork', () => {
  it('fits at exactly the limit; one unit over is refused with the iterations that fit', () => {
    expect(wb.checkWork([[period(10, 1000)]], 900, 10_000)).toBeNull();
    const r = wb.checkWork([[period(10, 1000)]], 901, 10_000);
    expect(r).toEqual({
      path: 'simulation.iterations',
      code: 'iterations',
      params: { units: 10_010, limit: 10_000, iterations: 901, years: 1, maxIterations: 900 },
    });
  });
  it('the iterations suggested are rounded down to two significant digits', () => {
    // (10^6 − 1000)/7 = 142,714.3 → 140,000; (1000 − 1)/1 = 999 → 990; 123 → 120; 100 → 100
    const max = (per: number, once: number, limit: number) => {
      const r = wb.checkWork([[period(per, once)]], 1_000_000, limit);
      return r?.code === 'iterations' ? r.params.maxIterations : r?.code;
    };
    expect(max(7, 1000, 1e6)).toBe(140_000);
    expect(max(1, 1, 1000)).toBe(990);
    expect(max(1, 0, 123)).toBe(120);
    expect(max(1, 0, 100)).toBe(100);
    expect(max(1, 0, 1099)).toBe(1000);
  });
  it('fewer than 100 iterations is no suggestion: a projection is asked for fewer years', () => {
    // 75 iterations of both years fit 150 units; 100 iterations of the first year do
    const r = wb.checkWork([[period(1, 0), period(1, 0)]], 100, 150);
    expect(r).toEqual({
      path: 'simulation.years',
      code: 'years',
      params: { units: 200, limit: 150, iterations: 100, years: 2, maxYears: 1 },
    });
    // at 99 units not even one year fits: the heaviest part
    expect(wb.checkWork([[period(1, 0), period(1, 0)]], 100, 99)).toMatchObject({
      code: 'period',
      path: 'p.draws',
    });
  });
  it('a projection whose first years fit at these iterations: the most years', () => {
    // each year 1,000 once + 100 × 10; years 1–3 are 6,000 ≤ 6,500, the fourth 8,000
    const years = [period(10, 1000), period(10, 1000), period(10, 1000), period(10, 1000)];
    const r = wb.checkWork([years], 100, 6500);
    expect(r).toMatchObject({
      code: 'years',
      path: 'simulation.years',
      params: { maxYears: 3, years: 4, units: 8000 },
    });
    // at 6,000: still 3 years
    expect(wb.checkWork([years], 100, 6000)).toMatchObject({ params: { maxYears: 3 } });
    // at 5,999: 2
    expect(wb.checkWork([years], 100, 5999)).toMatchObject({ params: { maxYears: 2 } });
  });
  it('iterations that fit with fewer years: the iterations are named first', () => {
    const r = wb.checkWork([[period(10, 0), period(10, 0)]], 1000, 10_000);
    expect(r).toMatchObject({ code: 'iterations', params: { maxIterations: 500 } });
  });
  it('over 1,000,000 iterations is refused even when the work fits; 1,000,000 is not', () => {
    expect(wb.checkWork([[period(0, 0)]], 1_000_000, 1)).toBeNull();
    expect(wb.checkWork([[period(0, 0)]], 1_000_001, 1)).toEqual({
      path: 'simulation.iterations',
      code: 'iterations',
      params: { units: 0, limit: 1, iterations: 1_000_001, years: 1, maxIterations: 1_000_000 },
    });
    // work per iteration: the fewer of 10^6 and what fits
    expect(wb.checkWork([[period(1, 0)]], 2_000_000, 1e9)).toMatchObject({
      params: { maxIterations: 1_000_000 },
    });
  });
  it('over 50 years is refused even when the work fits, with 50 years; 50 are not', () => {
    expect(wb.checkWork([Array.from({ length: 50 }, () => period(0, 1))], 1000, 1e9)).toBeNull();
    expect(wb.checkWork([Array.from({ length: 51 }, () => period(0, 1))], 1000, 1e9)).toMatchObject({
      path: 'simulation.years',
      code: 'years',
      params: { years: 51, maxYears: 50 },
    });
  });
  it('one period too large even for 100 iterations: its heaviest part, per iteration × 100 against once', () => {
    // draws 100 × 100 = 10,000 against a table of 9,999: the draws
    expect(wb.checkWork([[period(100, 9999)]], 1000, 5000)).toEqual({
      path: 'p.draws',
      code: 'period',
      params: { units: 109_999, limit: 5000, what: 'claimants', count: 7 },
    });
    // a table of 10,001: the table
    expect(wb.checkWork([[period(100, 10_001)]], 1000, 5000)).toMatchObject({
      path: 'p.table',
      params: { what: 'table', count: 9 },
    });
    // at 50 iterations the draws weigh 50 × 100
    expect(wb.checkWork([[period(100, 5001)]], 50, 5000)).toMatchObject({ path: 'p.table' });
    expect(wb.checkWork([[period(100, 4999)]], 60, 5000)).toMatchObject({ path: 'p.draws' });
  });
  it('a tie names the first part found: draws before tables, earlier periods before later', () => {
    // 100 × 100 draws against a table of 10,000
    expect(wb.checkWork([[period(100, 10_000)]], 1000, 5000)).toMatchObject({ path: 'p.draws' });
    // two years alike: the first year's draws
    const r = wb.checkWork([[period(100, 0, 'y1'), period(100, 0, 'y2')]], 1000, 5000);
    expect(r).toMatchObject({ code: 'period', path: 'y1.draws' });
    // two tables alike
    expect(wb.checkWork([[period(0, 9000, 'y1'), period(0, 9000, 'y2')]], 1000, 5000)).toMatchObject({
      path: 'y1.table',
    });
  });
  it('51 years that fit the work: the years are named, even where 120 of 123 iterations would fit', () => {
    // 51 years of 1 unit an iteration: 123 iterations are 6,273 units; the limit 6,298.5 and
    // exactly 6,273 both hold them (123.5 and 123 fit: two digits, 120)
    const years = Array.from({ length: 51 }, () => period(1, 0));
    for (const limit of [6298.5, 6273])
      expect(wb.checkWork([years], 123, limit)).toMatchObject({ code: 'years', params: { maxYears: 50 } });
  });
  it('parts of less than one unit: the heaviest is still named', () => {
    expect(wb.checkWork([[period(0.5, 0.25)]], 1, 0.4)).toMatchObject({ code: 'period', path: 'p.draws' });
  });
  it('a comparison: all versions count; too much is named by part, not by years', () => {
    const r = wb.checkWork([[period(10, 0, 'a')], [period(30, 0, 'b')]], 1000, 10_000);
    expect(r).toMatchObject({ code: 'iterations', params: { units: 40_000, maxIterations: 250 } });
    const big = wb.checkWork([[period(10, 0, 'a')], [period(300, 0, 'b')]], 1000, 10_000);
    expect(big).toMatchObject({ code: 'period', path: 'b.draws' });
  });
  it('the default limit is 6·10^9 units', () => {
    expect(wb.checkWork([[period(6e6, 0)]], 1000)).toBeNull();
    expect(wb.checkWork([[period(6e6, 1)]], 1000)).toMatchObject({ code: 'iterations' });
    expect(wb.WORK_LIMITS).toEqual({
      units: 6e9,
      minIterations: 100,
      maxIterations: 1_000_000,
      maxYears: 50,
    });
  });
});

describe('refusedVersion', () => {
  it('names the heaviest version at 100 iterations, for a part too large', () => {
    const versions = [[period(10, 5000, 'a')], [period(100, 0, 'b')], [period(1, 4000, 'c')]];
    const refusal = wb.checkWork(versions, 1000, 1000)!;
    expect(refusal.code).toBe('period');
    // at 100 iterations: 6,000, 10,000, 4,100
    expect(wb.refusedVersion(versions, refusal)).toBe(1);
    const versions2 = [[period(10, 5000, 'a')], [period(40, 0, 'b')], [period(1, 4000, 'c')]];
    expect(wb.refusedVersion(versions2, wb.checkWork(versions2, 1000, 1000)!)).toBe(0);
  });
  it('the heaviest of versions below one unit; a tie names the first', () => {
    const refusal = wb.checkWork([[period(100, 0)]], 1000, 1000)!;
    expect(wb.refusedVersion([[period(0, 0)], [period(0.005, 0)]], refusal)).toBe(1);
    expect(wb.refusedVersion([[period(1, 0)], [period(1, 0)]], refusal)).toBe(0);
  });
  it('no version for a single scenario, nor for a refusal of iterations', () => {
    const one = [[period(100, 0)]];
    expect(wb.refusedVersion(one, wb.checkWork(one, 1000, 1000)!)).toBeUndefined();
    const two = [[period(1, 0)], [period(1, 0)]];
    const r = wb.checkWork(two, 1000, 1000)!;
    expect(r.code).toBe('iterations');
    expect(wb.refusedVersion(two, r)).toBeUndefined();
  });
});

describe('RunRefusedError', () => {
  it('names the field and the units; carries the version', () => {
    const refusal = wb.checkWork([[period(100, 0)]], 1000, 1000)!;
    const e = new wb.RunRefusedError(refusal, 2);
    expect(e.message).toBe('p.draws: the run asks for 1.00e+5 units of work');
    expect(e.name).toBe('RunRefusedError');
    expect(e.version).toBe(2);
    expect(e.refusal).toBe(refusal);
  });
});
