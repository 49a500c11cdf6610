/**
 * The sensitivity's moves (src/engine/sensitivity.ts), one assumption and one form at a time: the
 * table of moves (keys, steps, where each applies), each cost distribution (lognormal, gamma,
 * Pareto, empirical), each days distribution (Poisson, negative binomial, fixed, empirical), a rate
 * as one number and by group, members as a count and in groups, the rate uncertainty from 0 and
 * from a value, and the loss ratios the tornado chart shows.
 *
 * Every expected figure is worked here from the scenario's own numbers: a moved figure is the
 * scenario's figure × (1 ± step) with the module's documented bounds (a rate at most 1, members
 * at least 1 and whole, whole days, an empirical value at least 1e-6, a Pareto shape at least
 * 1.0001 at the same mean s/(α − 1), a negative-binomial cv at least √(1/mean)·1.0001). A loss
 * ratio is payout/income of a one-risk scheme whose expected payout has a closed form: a lump sum
 * pays members × rate × amount; one band at 100% without a cap pays claimants × E[X]
 * (lognormal/gamma mean, Pareto II s/(α − 1), the empirical values' mean); a daily allowance
 * without a maximum pays claimants × perDay × E[D]. The probability function the module takes is
 * used as a probe: it receives each moved scenario and returns one of its figures.
 *
 * The module's table of moves is built when it loads, so every test imports it afresh.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CostDist, DaysDist, Members, Risk, Scenario } from '../../src/domain/scenario.ts';

// Imported statically too (its type): a mutation run counts a test file's tests for a module only
// when the file imports that module statically; the tests use the fresh import below.
import type * as SensitivityTypes from '../../src/engine/sensitivity.ts';

type SensitivityModule = typeof SensitivityTypes;
let m: SensitivityModule;
beforeEach(async () => {
  vi.resetModules();
  m = await import('../../src/engine/sensitivity.ts');
});

const UP = 1 + 0.1;
const DOWN = 1 - 0.1;

/** 1,000 members paying 40; an event at rate 0.02 paying 1,000: 20,000 against 40,000. */
function lumpScheme(over: Partial<Scenario> = {}): Scenario {
  return {
    format: 'huzhu-scenario/2',
    name: 'lump',
    members: { count: 1000 },
    contributions: [{ payer: 'member', amount: 40 }],
    risks: [{ id: 'e', kind: 'event', rate: 0.02 }],
    benefits: [{ id: 'l', risk: 'e', type: 'lump-sum', amount: 1000 }],
    ...over,
  };
}

/** 2,000 members paying 400 (income 800,000); a cost risk at rate 0.05, paid 100% of its cost, and 30 a day when it has days. */
function costScheme(cost: CostDist, days?: DaysDist): Scenario {
  return {
    format: 'huzhu-scenario/2',
    name: 'cost',
    members: { count: 2000 },
    contributions: [{ payer: 'member', amount: 400 }],
    risks: [{ id: 'r', kind: 'cost', rate: 0.05, cost, ...(days ? { days } : {}) }],
    benefits: [
      { id: 'b', risk: 'r', type: 'bands', bands: [{ upTo: null, rate: 1 }] },
      ...(days ? [{ id: 'd', risk: 'r', type: 'daily' as const, perDay: 30 }] : []),
    ],
  };
}

const move = (key: string) => m.MOVES.find((x) => x.key === key)!;
const risk0 = (s: Scenario) => s.risks[0];
const costOf = (s: Scenario) => (s.risks[0] as Risk & { kind: 'cost' }).cost;
const daysOf = (s: Scenario) => (s.risks[0] as Risk & { kind: 'cost' }).days;

describe('the table of moves', () => {
  it('lists six assumptions in order, each with its step: ±10%, the rate uncertainty ±50%', () => {
    expect(m.MOVES.map((x) => [x.key, x.step])).toEqual([
      ['rate', 0.1],
      ['cost-mean', 0.1],
      ['cost-spread', 0.1],
      ['rate-cv', 0.5],
      ['days', 0.1],
      ['members', 0.1],
    ]);
  });
  it('an event-only scheme has no cost to move and no days: rate, rate-cv and members', () => {
    const s = lumpScheme();
    expect(m.MOVES.filter((x) => x.applies(s)).map((x) => x.key)).toEqual(['rate', 'rate-cv', 'members']);
    expect(m.sensitivity(s).bars.map((b) => b.key)).toEqual(['rate', 'rate-cv', 'members']);
  });
  it('a cost risk without days: the cost moves apply, the days do not', () => {
    const s = costScheme({ dist: 'gamma', mean: 4000, cv: 1 });
    expect(m.sensitivity(s).bars.map((b) => b.key)).toEqual([
      'rate',
      'cost-mean',
      'cost-spread',
      'rate-cv',
      'members',
    ]);
  });
  it('a cost risk beside an event risk is enough for the cost moves; days on it bring the days', () => {
    const s = costScheme({ dist: 'gamma', mean: 4000, cv: 1 }, { dist: 'fixed', value: 4 });
    s.risks = [{ id: 'e', kind: 'event', rate: 0.01 }, ...s.risks];
    s.benefits.push({ id: 'l', risk: 'e', type: 'lump-sum', amount: 500 });
    expect(m.sensitivity(s).bars.map((b) => [b.key, b.step])).toEqual([
      ['rate', 0.1],
      ['cost-mean', 0.1],
      ['cost-spread', 0.1],
      ['rate-cv', 0.5],
      ['days', 0.1],
      ['members', 0.1],
    ]);
  });
});

describe('the loss ratios of a lump sum: members × rate × amount against members × contribution', () => {
  it('base 20,000/40,000 = 0.5 without a probability; the rate 0.018 and 0.022: 0.45 and 0.55', () => {
    const r = m.sensitivity(lumpScheme());
    expect(r.base).toEqual({ lossRatio: (1000 * 0.02 * 1000) / (1000 * 40), probDeficit: null });
    const rate = r.bars[0];
    expect(rate.key).toBe('rate');
    expect(rate.low.lossRatio).toBeCloseTo((1000 * 0.02 * DOWN * 1000) / 40000, 12);
    expect(rate.high.lossRatio).toBeCloseTo((1000 * 0.02 * UP * 1000) / 40000, 12);
    expect(rate.low.probDeficit).toBeNull();
    expect(rate.high.probDeficit).toBeNull();
  });
  it('members and the rate uncertainty leave an uncapped lump sum’s loss ratio at 0.5', () => {
    const r = m.sensitivity(lumpScheme());
    for (const b of r.bars.slice(1)) {
      expect(b.low.lossRatio).toBeCloseTo(0.5, 12);
      expect(b.high.lossRatio).toBeCloseTo(0.5, 12);
    }
  });
  it('a rate of 0.95 is moved to at most 1 (loss ratio 1,000,000/40,000 = 25) and down to 0.855', () => {
    const r = m.sensitivity(lumpScheme({ risks: [{ id: 'e', kind: 'event', rate: 0.95 }] }));
    expect(r.bars[0].high.lossRatio).toBeCloseTo((1000 * 1 * 1000) / 40000, 12);
    expect(r.bars[0].low.lossRatio).toBeCloseTo((1000 * 0.95 * DOWN * 1000) / 40000, 12);
  });
  it('a rate of 0.9 is moved up to 0.99, under the bound', () => {
    const r = m.sensitivity(lumpScheme({ risks: [{ id: 'e', kind: 'event', rate: 0.9 }] }));
    expect(r.bars[0].high.lossRatio).toBeCloseTo((1000 * 0.9 * UP * 1000) / 40000, 12);
  });
  it('rates by group: 600 at 0.95 and 400 at 0.5 pay 600 × 1 + 400 × 0.55 events up, 600 × 0.855 + 400 × 0.45 down', () => {
    const s = lumpScheme({
      members: {
        groups: [
          { id: 'a', count: 600 },
          { id: 'b', count: 400 },
        ],
      },
      risks: [{ id: 'e', kind: 'event', rate: { a: 0.95, b: 0.5 } }],
    });
    const r = m.sensitivity(s);
    expect(r.base.lossRatio).toBeCloseTo(((600 * 0.95 + 400 * 0.5) * 1000) / 40000, 12);
    expect(r.bars[0].high.lossRatio).toBeCloseTo(((600 * 1 + 400 * 0.5 * UP) * 1000) / 40000, 12);
    expect(r.bars[0].low.lossRatio).toBeCloseTo(((600 * 0.95 * DOWN + 400 * 0.5 * DOWN) * 1000) / 40000, 12);
  });
  it('hands each moved scenario to the probability function: members 900 and 1,100 about 1,000', () => {
    const r = m.sensitivity(lumpScheme(), (x) => (x.members as { count: number }).count);
    expect(r.base.probDeficit).toBe(1000);
    const members = r.bars.find((b) => b.key === 'members')!;
    expect([members.low.probDeficit, members.high.probDeficit]).toEqual([900, 1100]);
    const rateCv = r.bars.find((b) => b.key === 'rate-cv')!;
    expect([rateCv.low.probDeficit, rateCv.high.probDeficit]).toEqual([1000, 1000]);
  });
  it('leaves the scenario it is given as it was', () => {
    const s = lumpScheme({ risks: [{ id: 'e', kind: 'event', rate: 0.02, rateCv: 0.4 }] });
    const before = structuredClone(s);
    m.sensitivity(s, () => 0);
    expect(s).toEqual(before);
  });
});

describe('the loss ratios of a cost: claimants × (E[X] + 30·E[D]) against 800,000', () => {
  // 2,000 × 0.05 = 100 claimants
  const lr = (mean: number, days = 0) => (100 * (mean + 30 * days)) / 800000;
  it('a lognormal of mean 4,000 with Poisson days of mean 5: cost 3,600/4,400, days 4.5/5.5', () => {
    const r = m.sensitivity(
      costScheme({ dist: 'lognormal', mean: 4000, cv: 2 }, { dist: 'poisson', mean: 5 }),
      (x) => (risk0(x).rateCv ?? -1) + 10 * (x.risks[0].rate as number),
    );
    expect(r.base.lossRatio).toBeCloseTo(lr(4000, 5), 9);
    const bar = (k: string) => r.bars.find((b) => b.key === k)!;
    expect(bar('rate').low.lossRatio).toBeCloseTo(lr(4000, 5) * DOWN, 9);
    expect(bar('rate').high.lossRatio).toBeCloseTo(lr(4000, 5) * UP, 9);
    expect(bar('cost-mean').low.lossRatio).toBeCloseTo(lr(4000 * DOWN, 5), 9);
    expect(bar('cost-mean').high.lossRatio).toBeCloseTo(lr(4000 * UP, 5), 9);
    expect(bar('days').low.lossRatio).toBeCloseTo(lr(4000, 5 * DOWN), 9);
    expect(bar('days').high.lossRatio).toBeCloseTo(lr(4000, 5 * UP), 9);
    // no cap: the spread, the rate uncertainty and members leave the mean
    for (const k of ['cost-spread', 'rate-cv', 'members']) {
      expect(bar(k).low.lossRatio).toBeCloseTo(lr(4000, 5), 9);
      expect(bar(k).high.lossRatio).toBeCloseTo(lr(4000, 5), 9);
    }
    // the probe, rate uncertainty (−1 when left out) + 10 × rate: left out it moves to 0 and 0.1
    expect(r.base.probDeficit).toBeCloseTo(-1 + 10 * 0.05, 12);
    expect(bar('rate-cv').low.probDeficit).toBeCloseTo(0 + 10 * 0.05, 12);
    expect(bar('rate-cv').high.probDeficit).toBeCloseTo(0.1 + 10 * 0.05, 12);
    expect(bar('rate').high.probDeficit).toBeCloseTo(-1 + 10 * 0.05 * UP, 12);
  });
  it('a gamma of mean 3,000 with negative-binomial days of mean 10: 2,700/3,300 and 9/11 days', () => {
    const r = m.sensitivity(
      costScheme({ dist: 'gamma', mean: 3000, cv: 1.5 }, { dist: 'negative-binomial', mean: 10, cv: 0.5 }),
    );
    const bar = (k: string) => r.bars.find((b) => b.key === k)!;
    expect(r.base.lossRatio).toBeCloseTo(lr(3000, 10), 9);
    expect(bar('cost-mean').low.lossRatio).toBeCloseTo(lr(3000 * DOWN, 10), 9);
    expect(bar('cost-mean').high.lossRatio).toBeCloseTo(lr(3000 * UP, 10), 9);
    expect(bar('days').low.lossRatio).toBeCloseTo(lr(3000, 10 * DOWN), 6);
    expect(bar('days').high.lossRatio).toBeCloseTo(lr(3000, 10 * UP), 6);
  });
  it('a Pareto II of scale 2,000 and shape 3 (mean 1,000): scale 1,800/2,200; the spread keeps the mean', () => {
    const r = m.sensitivity(costScheme({ dist: 'pareto', scale: 2000, shape: 3 }));
    const bar = (k: string) => r.bars.find((b) => b.key === k)!;
    expect(r.base.lossRatio).toBeCloseTo(lr(2000 / (3 - 1)), 9);
    expect(bar('cost-mean').low.lossRatio).toBeCloseTo(lr((2000 * DOWN) / 2), 9);
    expect(bar('cost-mean').high.lossRatio).toBeCloseTo(lr((2000 * UP) / 2), 9);
    expect(bar('cost-spread').low.lossRatio).toBeCloseTo(lr(1000), 6);
    expect(bar('cost-spread').high.lossRatio).toBeCloseTo(lr(1000), 6);
  });
  it('empirical costs 1,000, 2,000, 6,000 (mean 3,000) with fixed days 10 and empirical days', () => {
    const fixed = m.sensitivity(
      costScheme({ dist: 'empirical', values: [1000, 2000, 6000] }, { dist: 'fixed', value: 10 }),
    );
    const bar = (k: string) => fixed.bars.find((b) => b.key === k)!;
    expect(fixed.base.lossRatio).toBeCloseTo(lr(3000, 10), 12);
    expect(bar('cost-mean').low.lossRatio).toBeCloseTo(lr(3000 * DOWN, 10), 9);
    expect(bar('cost-mean').high.lossRatio).toBeCloseTo(lr(3000 * UP, 10), 9);
    // the spread keeps the values' mean
    expect(bar('cost-spread').low.lossRatio).toBeCloseTo(lr(3000, 10), 9);
    expect(bar('cost-spread').high.lossRatio).toBeCloseTo(lr(3000, 10), 9);
    expect(bar('days').low.lossRatio).toBeCloseTo(lr(3000, 9), 12);
    expect(bar('days').high.lossRatio).toBeCloseTo(lr(3000, 11), 12);
    // empirical days 2 and 10 (mean 6): 2 and 9 (mean 5.5), 2 and 11 (mean 6.5)
    const emp = m.sensitivity(
      costScheme({ dist: 'empirical', values: [3000] }, { dist: 'empirical', values: [2, 10] }),
    );
    const days = emp.bars.find((b) => b.key === 'days')!;
    expect(emp.base.lossRatio).toBeCloseTo(lr(3000, 6), 12);
    expect(days.low.lossRatio).toBeCloseTo(lr(3000, 5.5), 12);
    expect(days.high.lossRatio).toBeCloseTo(lr(3000, 6.5), 12);
  });
});

describe('rate: every rate × f, at most 1', () => {
  it('one rate: 0.9 → 0.99 and 0.81; 0.95 → 1 and 0.855', () => {
    const at = (rate: number, f: number) =>
      risk0(move('rate').move(lumpScheme({ risks: [{ id: 'e', kind: 'event', rate }] }), f)).rate;
    expect(at(0.9, UP)).toBe(0.9 * UP);
    expect(at(0.9, DOWN)).toBe(0.9 * DOWN);
    expect(at(0.95, UP)).toBe(1);
    expect(at(0.95, DOWN)).toBe(0.95 * DOWN);
  });
  it('by group: each group’s rate, each at most 1, the other fields kept', () => {
    const s = lumpScheme({ risks: [{ id: 'e', kind: 'event', rate: { a: 0.95, b: 0.5 }, rateCv: 0.3 }] });
    expect(risk0(move('rate').move(s, UP))).toEqual({
      id: 'e',
      kind: 'event',
      rate: { a: 1, b: 0.5 * UP },
      rateCv: 0.3,
    });
    expect(risk0(move('rate').move(s, DOWN)).rate).toEqual({ a: 0.95 * DOWN, b: 0.5 * DOWN });
  });
  it('moves every risk, and keeps the rest of the scenario', () => {
    const s = lumpScheme({
      risks: [
        { id: 'e', kind: 'event', rate: 0.02 },
        { id: 'f', kind: 'event', rate: 0.5 },
      ],
    });
    const moved = move('rate').move(s, UP);
    expect(moved.risks.map((r) => r.rate)).toEqual([0.02 * UP, 0.5 * UP]);
    expect({ ...moved, risks: s.risks }).toEqual(s);
  });
});

describe('cost-mean: the scale of every cost distribution × f', () => {
  const cases: [string, CostDist, CostDist][] = [
    ['lognormal', { dist: 'lognormal', mean: 4000, cv: 2 }, { dist: 'lognormal', mean: 4000 * UP, cv: 2 }],
    ['gamma', { dist: 'gamma', mean: 3000, cv: 1.5 }, { dist: 'gamma', mean: 3000 * UP, cv: 1.5 }],
    ['pareto', { dist: 'pareto', scale: 2000, shape: 3 }, { dist: 'pareto', scale: 2000 * UP, shape: 3 }],
    [
      'empirical',
      { dist: 'empirical', values: [1000, 2000, 6000] },
      { dist: 'empirical', values: [1000 * UP, 2000 * UP, 6000 * UP] },
    ],
  ];
  for (const [name, cost, up] of cases)
    it(`${name}: the mean or scale × 1.1, the shape kept`, () => {
      expect(costOf(move('cost-mean').move(costScheme(cost), UP))).toEqual(up);
    });
  it('lognormal down: 4,000 × 0.9, and an event risk beside it is left as it is', () => {
    const s = costScheme({ dist: 'lognormal', mean: 4000, cv: 2 });
    s.risks.push({ id: 'e', kind: 'event', rate: 0.01 });
    const moved = move('cost-mean').move(s, DOWN);
    expect(moved.risks).toEqual([
      { id: 'r', kind: 'cost', rate: 0.05, cost: { dist: 'lognormal', mean: 4000 * DOWN, cv: 2 } },
      { id: 'e', kind: 'event', rate: 0.01 },
    ]);
    expect(moved.members).toEqual(s.members);
  });
});

describe('cost-spread: the spread at the same mean', () => {
  it('lognormal and gamma: the cv × f, the mean kept', () => {
    expect(
      costOf(move('cost-spread').move(costScheme({ dist: 'lognormal', mean: 4000, cv: 2 }), UP)),
    ).toEqual({
      dist: 'lognormal',
      mean: 4000,
      cv: 2 * UP,
    });
    expect(
      costOf(move('cost-spread').move(costScheme({ dist: 'gamma', mean: 3000, cv: 1.5 }), DOWN)),
    ).toEqual({
      dist: 'gamma',
      mean: 3000,
      cv: 1.5 * DOWN,
    });
  });
  it('Pareto shape 3, scale 2,000: shape 1 + 2/f, scale 1,000 × (shape − 1), so the mean stays 1,000', () => {
    for (const f of [UP, DOWN]) {
      const shape = 1 + (3 - 1) / f;
      const c = costOf(move('cost-spread').move(costScheme({ dist: 'pareto', scale: 2000, shape: 3 }), f));
      expect(c).toEqual({ dist: 'pareto', shape, scale: (2000 / (3 - 1)) * (shape - 1) });
      const p = c as { scale: number; shape: number };
      expect(p.scale / (p.shape - 1)).toBeCloseTo(1000, 9);
    }
    // a wider spread is a lower shape
    const up = costOf(move('cost-spread').move(costScheme({ dist: 'pareto', scale: 2000, shape: 3 }), UP));
    expect((up as { shape: number }).shape).toBeLessThan(3);
  });
  it('Pareto near shape 1: 1.0002 moves up to 1.00018…; 1.0001 would go below 1.0001 and stops there', () => {
    const at = (shape: number, f: number) =>
      costOf(move('cost-spread').move(costScheme({ dist: 'pareto', scale: 1, shape }), f)) as {
        scale: number;
        shape: number;
      };
    const free = at(1.0002, UP);
    expect(free.shape).toBe(1 + (1.0002 - 1) / UP);
    expect(free.shape).toBeGreaterThan(1.0001);
    const floored = at(1.0001, UP);
    expect(floored.shape).toBe(1.0001);
    expect(floored.scale).toBeCloseTo((1 / (1.0001 - 1)) * (1.0001 - 1), 12);
    expect(at(1.0001, DOWN).shape).toBe(1 + (1.0001 - 1) / DOWN);
  });
  it('empirical 1,000, 2,000, 6,000 (mean 3,000): 3,000 + (v − 3,000) × f', () => {
    const values = (f: number) =>
      (
        costOf(
          move('cost-spread').move(costScheme({ dist: 'empirical', values: [1000, 2000, 6000] }), f),
        ) as {
          values: number[];
        }
      ).values;
    expect(values(UP)).toEqual([3000 - 2000 * UP, 3000 - 1000 * UP, 3000 + 3000 * UP]);
    expect(values(DOWN)).toEqual([3000 - 2000 * DOWN, 3000 - 1000 * DOWN, 3000 + 3000 * DOWN]);
  });
  it('empirical 0 and 1,000 (mean 500): the 0 would go to −50 and is kept at 1e-6', () => {
    const c = costOf(move('cost-spread').move(costScheme({ dist: 'empirical', values: [0, 1000] }), UP));
    expect(c).toEqual({ dist: 'empirical', values: [1e-6, 500 + 500 * UP] });
    // down, the 0 rises to 50
    const d = costOf(move('cost-spread').move(costScheme({ dist: 'empirical', values: [0, 1000] }), DOWN));
    expect(d).toEqual({ dist: 'empirical', values: [500 - 500 * DOWN, 500 + 500 * DOWN] });
  });
  it('leaves an event risk beside the cost as it is', () => {
    const s = costScheme({ dist: 'gamma', mean: 3000, cv: 1.5 });
    s.risks.unshift({ id: 'e', kind: 'event', rate: 0.01 });
    const moved = move('cost-spread').move(s, UP);
    expect(moved.risks[0]).toEqual({ id: 'e', kind: 'event', rate: 0.01 });
    expect((moved.risks[1] as Risk & { kind: 'cost' }).cost).toEqual({
      dist: 'gamma',
      mean: 3000,
      cv: 1.5 * UP,
    });
  });
});

describe('rate-cv: the year-to-year uncertainty × f, from 0 to 0.1', () => {
  const cv = (rateCv: number | undefined, f: number) =>
    risk0(
      move('rate-cv').move(
        lumpScheme({
          risks: [{ id: 'e', kind: 'event', rate: 0.02, ...(rateCv === undefined ? {} : { rateCv }) }],
        }),
        f,
      ),
    ).rateCv;
  it('0.4 moves to 0.6 and 0.2', () => {
    expect(cv(0.4, 1 + 0.5)).toBe(0.4 * 1.5);
    expect(cv(0.4, 1 - 0.5)).toBe(0.4 * 0.5);
  });
  it('0, given or left out, moves up to 0.1 and down to 0; not moved, it stays 0', () => {
    expect(cv(0, 1.5)).toBe(0.1);
    expect(cv(0, 0.5)).toBe(0);
    expect(cv(undefined, 1.5)).toBe(0.1);
    expect(cv(undefined, 0.5)).toBe(0);
    expect(cv(undefined, 1)).toBe(0);
  });
  it('through sensitivity: the probe sees 0.2 and 0.6 about 0.4', () => {
    const r = m.sensitivity(
      lumpScheme({ risks: [{ id: 'e', kind: 'event', rate: 0.02, rateCv: 0.4 }] }),
      (x) => risk0(x).rateCv!,
    );
    const bar = r.bars.find((b) => b.key === 'rate-cv')!;
    expect(bar.low.probDeficit).toBeCloseTo(0.2, 12);
    expect(bar.high.probDeficit).toBeCloseTo(0.6, 12);
  });
});

describe('days: every days distribution’s mean × f', () => {
  const at = (days: DaysDist, f: number) =>
    daysOf(move('days').move(costScheme({ dist: 'gamma', mean: 3000, cv: 1 }, days), f));
  it('Poisson: mean 5 → 5.5 and 4.5', () => {
    expect(at({ dist: 'poisson', mean: 5 }, UP)).toEqual({ dist: 'poisson', mean: 5 * UP });
    expect(at({ dist: 'poisson', mean: 5 }, DOWN)).toEqual({ dist: 'poisson', mean: 5 * DOWN });
  });
  it('negative binomial mean 10, cv 0.5: the mean moves, the cv stays (above √(1/11)·1.0001 and √(1/9)·1.0001)', () => {
    expect(at({ dist: 'negative-binomial', mean: 10, cv: 0.5 }, UP)).toEqual({
      dist: 'negative-binomial',
      mean: 10 * UP,
      cv: 0.5,
    });
    expect(at({ dist: 'negative-binomial', mean: 10, cv: 0.5 }, DOWN)).toEqual({
      dist: 'negative-binomial',
      mean: 10 * DOWN,
      cv: 0.5,
    });
  });
  it('negative binomial mean 10, cv 0.3163: up it stays (√(1/11)·1.0001 ≈ 0.3016), down it rises to √(1/9)·1.0001', () => {
    expect(at({ dist: 'negative-binomial', mean: 10, cv: 0.3163 }, UP)).toEqual({
      dist: 'negative-binomial',
      mean: 10 * UP,
      cv: 0.3163,
    });
    expect(at({ dist: 'negative-binomial', mean: 10, cv: 0.3163 }, DOWN)).toEqual({
      dist: 'negative-binomial',
      mean: 10 * DOWN,
      cv: Math.sqrt(1 / (10 * DOWN)) * 1.0001,
    });
  });
  it('fixed: 10 → 11 and 9; 4 → 4.4 and 3.6, both rounded to 4', () => {
    expect(at({ dist: 'fixed', value: 10 }, UP)).toEqual({ dist: 'fixed', value: 11 });
    expect(at({ dist: 'fixed', value: 10 }, DOWN)).toEqual({ dist: 'fixed', value: 9 });
    expect(at({ dist: 'fixed', value: 4 }, UP)).toEqual({ dist: 'fixed', value: 4 });
    expect(at({ dist: 'fixed', value: 4 }, DOWN)).toEqual({ dist: 'fixed', value: 4 });
  });
  it('empirical: 4 and 10 → 4 (4.4) and 11, and 4 (3.6) and 9', () => {
    expect(at({ dist: 'empirical', values: [4, 10] }, UP)).toEqual({ dist: 'empirical', values: [4, 11] });
    expect(at({ dist: 'empirical', values: [4, 10] }, DOWN)).toEqual({ dist: 'empirical', values: [4, 9] });
  });
  it('a cost risk without days and an event risk are left as they are', () => {
    const s = costScheme({ dist: 'gamma', mean: 3000, cv: 1 }, { dist: 'fixed', value: 10 });
    s.risks.push({ id: 'plain', kind: 'cost', rate: 0.01, cost: { dist: 'gamma', mean: 100, cv: 1 } });
    s.risks.push({ id: 'e', kind: 'event', rate: 0.01 });
    const moved = move('days').move(s, UP);
    expect(moved.risks.slice(1)).toEqual(s.risks.slice(1));
    expect('days' in moved.risks[1]).toBe(false);
    expect(daysOf(moved)).toEqual({ dist: 'fixed', value: 11 });
  });
});

describe('members: every count × f, rounded, at least 1', () => {
  const at = (members: Members, f: number) => move('members').move(lumpScheme({ members }), f).members;
  it('a count 1,004 → 1,104 (1,104.4) and 904 (903.6), its other fields kept', () => {
    expect(at({ count: 1004, femaleShare: 0.3 }, UP)).toEqual({ count: 1104, femaleShare: 0.3 });
    expect(at({ count: 1004, femaleShare: 0.3 }, DOWN)).toEqual({ count: 904, femaleShare: 0.3 });
  });
  it('a count of 1 halved is still 1 (0.5 rounds to 1); × 0.4 would be 0 and is 1', () => {
    expect(at({ count: 1 }, 0.4)).toEqual({ count: 1 });
    expect(at({ count: 1 }, DOWN)).toEqual({ count: 1 });
    expect(at({ count: 3 }, 0.4)).toEqual({ count: 1 });
  });
  it('groups: each count moved and rounded, ids and holdings kept', () => {
    const members: Members = {
      groups: [
        { id: 'a', count: 1004, holdings: [{ shares: 2, fraction: 1 }] },
        { id: 'b', count: 1, newShare: 0.1 },
      ],
    };
    expect(at(members, UP)).toEqual({
      groups: [
        { id: 'a', count: 1104, holdings: [{ shares: 2, fraction: 1 }] },
        { id: 'b', count: 1, newShare: 0.1 },
      ],
    });
    expect(at(members, 0.4)).toEqual({
      groups: [
        { id: 'a', count: 402, holdings: [{ shares: 2, fraction: 1 }] },
        { id: 'b', count: 1, newShare: 0.1 },
      ],
    });
  });
  it('the rest of the scenario is kept', () => {
    const s = lumpScheme();
    const moved = move('members').move(s, UP);
    expect({ ...moved, members: s.members }).toEqual(s);
  });
});
