/**
 * The Monte Carlo's event risks (src/engine/simulateBlock.ts: one lump sum alone, several sharing
 * each member's events, lump sums under a limit) and their counts, against figures derived here:
 * - exactly, where every member's payment is known from its events (no cap: amount × events; a cap
 *   at or below the amount: the cap × the members with an event; a waiting period of the whole
 *   year for every member: nothing, or the waiting amount per event);
 * - statistically, E[min(cap, amount·J + waitingAmount·(K − J))] by sums over Poisson counts (an
 *   event outside the waiting period with probability w thins K into independent Poisson counts
 *   J ~ Poisson(wλ) and K − J ~ Poisson((1 − w)λ)), within 4 standard errors;
 * - the counts (Rao–Blackwell: each period adds its conditional expectation given Θ) against the
 *   events and members paid that the same run drew, and exactly where Θ = 1.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/scenario.ts';
import {
  expectWithin,
  halves,
  moments,
  multiples,
  oneGroup,
  poissonPmf,
  runScenario,
  scheme,
  sum,
} from '../helpers/loop.ts';

type Benefit = Scenario['benefits'][number];
type Lump = Extract<Benefit, { type: 'lump-sum' }>;

const event = (rate: number, rateCv = 0, id = 'e'): Scenario['risks'][number] => ({
  id,
  kind: 'event',
  rate,
  rateCv,
});
const lump = (over: Partial<Lump> = {}): Benefit => ({
  id: 'a',
  risk: 'e',
  type: 'lump-sum',
  amount: 100,
  ...over,
});

/** Mean and second moment of one member's pay f(J, L), J ~ Poisson(a) and L ~ Poisson(b) independent. */
function memberMoments(a: number, b: number, f: (j: number, l: number) => number) {
  let m1 = 0,
    m2 = 0;
  for (let j = 0; j < 40; j++)
    for (let l = 0; l < 40; l++) {
      const p = poissonPmf(j, a) * poissonPmf(l, b);
      const v = f(j, l);
      m1 += p * v;
      m2 += p * v * v;
    }
  return { m1, m2 };
}

/** The column's mean per member-period within 4 SE of one member's m1 (sd from m2). */
function perMember(total: number, memberPeriods: number, m: { m1: number; m2: number }, what: string) {
  expectWithin(total / memberPeriods, m.m1, Math.sqrt((m.m2 - m.m1 ** 2) / memberPeriods), what);
}

describe('one lump sum alone on its risk', () => {
  it('without a cap: 100 × Poisson(2,000 × 0.05 = 100) events a period; its counts exactly m·rate and m·(1 − e^−rate)', () => {
    const run = runScenario(scheme(oneGroup(2000), [event(0.05)], [lump()]), 400);
    const events = multiples(run.column(0), 100);
    const { mean, variance } = moments(events);
    expectWithin(mean, 100, Math.sqrt(100 / 400), 'events a period');
    expect(variance / 100).toBeGreaterThan(0.7);
    expect(variance / 100).toBeLessThan(1.3);
    expect(run.totals).toEqual(Float64Array.from(run.column(0)));
    expect(run.counts).toHaveLength(3);
    expect(run.counts[0]).toBeCloseTo(400 * 2000 * 0.05, 6);
    expect(run.counts[1]).toBeCloseTo(400 * 2000 * -Math.expm1(-0.05), 6);
    expect(run.counts[2]).toBeCloseTo(400 * 2000 * -Math.expm1(-0.05), 6);
    expect(run.claimants).toBe(0);
  });
  it('a cap equal to the amount pays 100 to each member with an event: about m·(1 − e^−rate), as its beneficiaries count', () => {
    const run = runScenario(scheme(oneGroup(2000), [event(0.05)], [lump({ cap: 100 })]), 400);
    const paid = sum(multiples(run.column(0), 100));
    expectWithin(paid, run.counts[1], Math.sqrt(run.counts[1]), 'members paid');
    expectWithin(
      paid / 400,
      2000 * -Math.expm1(-0.05),
      Math.sqrt((2000 * -Math.expm1(-0.05)) / 400),
      'a period',
    );
  });
  it('a cap below the amount pays the cap, 60, to each member with an event', () => {
    const run = runScenario(scheme(oneGroup(2000), [event(0.05)], [lump({ cap: 60 })]), 400);
    const paid = sum(multiples(run.column(0), 60));
    expectWithin(paid, run.counts[1], Math.sqrt(run.counts[1]), 'members paid');
  });
  it('caps of 2.5 and 4.5 amounts at rate 1: K = 1, 2 (or 1–4) paid 100·K, more events paid the cap', () => {
    const run = runScenario(
      scheme(
        oneGroup(5000),
        [event(1, 0, 'e'), event(1, 0, 'f')],
        [lump({ cap: 250 }), lump({ id: 'b', risk: 'f', cap: 450 })],
      ),
      200,
    );
    multiples(run.column(0), 50);
    multiples(run.column(1), 50);
    perMember(
      sum(run.column(0)),
      200 * 5000,
      memberMoments(1, 0, (k) => Math.min(250, 100 * k)),
      'cap 250',
    );
    perMember(
      sum(run.column(1)),
      200 * 5000,
      memberMoments(1, 0, (k) => Math.min(450, 100 * k)),
      'cap 450',
    );
  });
  it('per share, half the members holding 3 shares: the cell of 3 shares is paid 3 × (cap 150)', () => {
    const run = runScenario(scheme(halves(4000, 3), [event(0.5)], [lump({ cap: 150, perShare: true })]), 200);
    const one = memberMoments(0.5, 0, (k) => Math.min(150, 100 * k));
    // a member pays W or 3W with probability ½ each: mean 2·E[W], second moment 5·E[W²]
    perMember(sum(run.column(0)), 200 * 4000, { m1: 2 * one.m1, m2: 5 * one.m2 }, 'per share');
  });
  it('two groups at their own rates, 0.1 and 0.3: 100 × (1,000 × 0.1 + 500 × 0.3) events a period', () => {
    const s = scheme(
      {
        groups: [
          { id: 'g', count: 1000 },
          { id: 'h', count: 500 },
        ],
      },
      [{ id: 'e', kind: 'event', rate: { g: 0.1, h: 0.3 } }],
      [lump()],
    );
    const run = runScenario(s, 400);
    expectWithin(sum(multiples(run.column(0), 100)) / 400, 250, Math.sqrt(250 / 400), 'events a period');
    expect(run.counts[0]).toBeCloseTo(400 * 250, 6);
  });
  it('a waiting period of the whole year for every member (w = 0) pays nothing; the events still count', () => {
    const run = runScenario(scheme(oneGroup(2000, 1), [event(0.05)], [lump({ waitingDays: 365 })]), 300);
    expect(run.column(0).every((v) => v === 0)).toBe(true);
    expect(run.counts[0]).toBeCloseTo(300 * 100, 6);
    expect(run.counts[1]).toBe(0);
    expect(run.counts[2]).toBe(0);
  });
});

describe('waiting amounts and several lump sums on one risk (each member’s same events)', () => {
  it('every event in the waiting period (w = 0) pays the waiting amount, 30; q = 1', () => {
    const run = runScenario(
      scheme(oneGroup(2000, 1), [event(0.05)], [lump({ waitingDays: 365, waitingAmount: 30 })]),
      400,
    );
    const events = multiples(run.column(0), 30);
    expectWithin(sum(events) / 400, 100, Math.sqrt(100 / 400), 'events a period');
    expect(run.counts[1]).toBeCloseTo(400 * 2000 * -Math.expm1(-0.05), 6);
  });
  it('… at most 50: 30 for one event, 50 for more', () => {
    const run = runScenario(
      scheme(oneGroup(5000, 1), [event(1)], [lump({ waitingDays: 365, waitingAmount: 30, cap: 50 })]),
      200,
    );
    perMember(
      sum(run.column(0)),
      200 * 5000,
      memberMoments(0, 1, (_, l) => Math.min(50, 30 * l)),
      'waiting',
    );
  });
  it('no event in a waiting period (no new members) with a waiting amount: 100·K up to 250', () => {
    const run = runScenario(
      scheme(oneGroup(5000, 0), [event(1)], [lump({ waitingDays: 90, waitingAmount: 30, cap: 250 })]),
      200,
    );
    perMember(
      sum(run.column(0)),
      200 * 5000,
      memberMoments(1, 0, (k) => Math.min(250, 100 * k)),
      'w = 1',
    );
  });
  it('half the events in the waiting period: min(150, 100·J + 30·(K − J))', () => {
    const run = runScenario(
      scheme(oneGroup(5000, 0.5), [event(1)], [lump({ waitingDays: 365, waitingAmount: 30, cap: 150 })]),
      200,
    );
    const m = memberMoments(0.5, 0.5, (j, l) => Math.min(150, 100 * j + 30 * l));
    perMember(sum(run.column(0)), 200 * 5000, m, 'w = ½');
  });
  it('… without a cap: 100 per event outside the waiting period, 30 per event in it, 65 × rate a member', () => {
    const run = runScenario(
      scheme(oneGroup(5000, 0.5), [event(1)], [lump({ waitingDays: 365, waitingAmount: 30 })]),
      200,
    );
    multiples(run.column(0), 10);
    perMember(
      sum(run.column(0)),
      200 * 5000,
      memberMoments(0.5, 0.5, (j, l) => 100 * j + 30 * l),
      'no cap',
    );
  });
  it('half the events unpaid (no waiting amount), beside another lump sum: min(150, 100·J), J ~ Poisson(½)', () => {
    const run = runScenario(
      scheme(
        oneGroup(5000, 0.5),
        [event(1)],
        [lump({ waitingDays: 365, cap: 150 }), lump({ id: 'b', amount: 10 })],
      ),
      200,
    );
    perMember(
      sum(run.column(0)),
      200 * 5000,
      memberMoments(0.5, 0, (j) => Math.min(150, 100 * j)),
      'w = ½',
    );
    perMember(
      sum(run.column(1)),
      200 * 5000,
      memberMoments(1, 0, (k) => 10 * k),
      'the other',
    );
  });
  it('… and with a cap above every count drawn, 100·J exactly like an uncapped one', () => {
    const run = runScenario(
      scheme(
        oneGroup(5000, 0.5),
        [event(1)],
        [lump({ waitingDays: 365, cap: 1e6 }), lump({ id: 'b', amount: 10 })],
      ),
      200,
    );
    perMember(
      sum(run.column(0)),
      200 * 5000,
      memberMoments(0.5, 0, (j) => 100 * j),
      'w = ½',
    );
  });
  it('two lump sums count the same events: 100 per event, and 30 (its cap) per member with one; never more members than events', () => {
    const run = runScenario(
      scheme(oneGroup(2000), [event(0.05)], [lump(), lump({ id: 'b', amount: 30, cap: 30 })]),
      400,
    );
    const events = multiples(run.column(0), 100);
    const members = multiples(run.column(1), 30);
    members.forEach((m, i) => expect(m).toBeLessThanOrEqual(events[i]));
    expect(sum(members)).toBeLessThan(sum(events));
    expectWithin(sum(events) / 400, 100, Math.sqrt(100 / 400), 'events a period');
    expectWithin(sum(members), run.counts[2], Math.sqrt(run.counts[2]), 'members paid');
    expect(run.counts[1]).toBeCloseTo(run.counts[2], 9);
    expect(run.counts[3]).toBeCloseTo(run.counts[2], 9);
  });
  it('a lump sum wholly in the waiting period beside one without a wait pays nothing', () => {
    const run = runScenario(
      scheme(oneGroup(2000, 1), [event(0.5)], [lump(), lump({ id: 'b', waitingDays: 365, cap: 150 })]),
      200,
    );
    expect(run.column(1).every((v) => v === 0)).toBe(true);
    expect(sum(run.column(0))).toBeGreaterThan(0);
  });
  it('per share in a shared cell: 3 shares pay 3 × the one-share amount', () => {
    const run = runScenario(
      scheme(
        halves(4000, 3),
        [event(0.5)],
        [lump({ perShare: true, cap: 150 }), lump({ id: 'b', amount: 10 })],
      ),
      200,
    );
    const one = memberMoments(0.5, 0, (k) => Math.min(150, 100 * k));
    perMember(sum(run.column(0)), 200 * 4000, { m1: 2 * one.m1, m2: 5 * one.m2 }, 'per share');
    perMember(
      sum(run.column(1)),
      200 * 4000,
      memberMoments(0.5, 0, (k) => 10 * k),
      'per member',
    );
  });
});

describe('lump sums under a limit, member by member', () => {
  it('a limit of 50 over an uncapped lump sum: 50 to each member with an event, the benefit before it 100 per event', () => {
    const run = runScenario(
      scheme(oneGroup(2000), [event(0.05)], [lump()], [{ id: 'l', benefits: ['a'], cap: 50 }]),
      400,
    );
    const events = multiples(run.column(0), 100);
    const members = multiples(run.totals, 50);
    members.forEach((m, i) => expect(m).toBeLessThanOrEqual(events[i]));
    expectWithin(sum(events) / 400, 100, Math.sqrt(100 / 400), 'events a period');
    expectWithin(sum(members), run.counts[1], Math.sqrt(run.counts[1]), 'members paid');
  });
  it('two lump sums, one always paying its waiting amount of 40, under a limit of 140: 140 to each member with an event', () => {
    const run = runScenario(
      scheme(
        oneGroup(2000, 1),
        [event(0.05)],
        [lump(), lump({ id: 'b', amount: 70, waitingDays: 365, waitingAmount: 40 })],
        [{ id: 'l', benefits: ['a', 'b'], cap: 140 }],
      ),
      400,
    );
    const events = multiples(run.column(0), 100);
    expect(multiples(run.column(1), 40)).toEqual(events);
    const members = multiples(run.totals, 140);
    members.forEach((m, i) => expect(m).toBeLessThanOrEqual(events[i]));
    expectWithin(sum(members), run.counts[1], Math.sqrt(run.counts[1]), 'members paid');
  });
  it('a limit over the second lump sum only (20 of its 30 an event): the first untouched', () => {
    const run = runScenario(
      scheme(
        oneGroup(2000),
        [event(0.05)],
        [lump(), lump({ id: 'b', amount: 30 })],
        [{ id: 'l', benefits: ['b'], cap: 20 }],
      ),
      400,
    );
    const events = multiples(run.column(0), 100);
    expect(multiples(run.column(1), 30)).toEqual(events);
    const members = multiples(
      run.totals.map((t, i) => t - run.column(0)[i]),
      20,
    );
    expectWithin(sum(members), run.counts[2], Math.sqrt(run.counts[2]), 'members paid');
  });
  it('per share: the lump sum and the limit per share, half the members holding 2: 50 × (1 + 2) a pair paid', () => {
    const run = runScenario(
      scheme(
        halves(4000, 2),
        [event(0.5)],
        [lump({ perShare: true })],
        [{ id: 'l', benefits: ['a'], cap: 50, perShare: true }],
      ),
      200,
    );
    const p = -Math.expm1(-0.5);
    // a member pays 50·k with probability p: mean 75p, second moment 50²·(1 + 4)/2·p
    perMember(sum(run.totals), 200 * 4000, { m1: 75 * p, m2: 2500 * 2.5 * p }, 'after the limit');
    perMember(
      sum(run.column(0)),
      200 * 4000,
      { m1: 150 * 0.5, m2: 100 ** 2 * 2.5 * (0.5 + 0.25) },
      'before it',
    );
  });
  it('a limit not per share over a lump sum per share: 2 shares are held to 50 too', () => {
    const run = runScenario(
      scheme(
        halves(4000, 2),
        [event(0.5)],
        [lump({ perShare: true })],
        [{ id: 'l', benefits: ['a'], cap: 50 }],
      ),
      200,
    );
    const members = multiples(run.totals, 50);
    expectWithin(sum(members), run.counts[1], Math.sqrt(run.counts[1]), 'members paid');
  });
  it('events half in the waiting period under a limit that never binds: min(150, 100·J + 30·(K − J))', () => {
    const run = runScenario(
      scheme(
        oneGroup(5000, 0.5),
        [event(1)],
        [lump({ waitingDays: 365, waitingAmount: 30, cap: 150 })],
        [{ id: 'l', benefits: ['a'], cap: 1e9 }],
      ),
      200,
    );
    const m = memberMoments(0.5, 0.5, (j, l) => Math.min(150, 100 * j + 30 * l));
    perMember(sum(run.column(0)), 200 * 5000, m, 'w = ½');
    expect(sum(run.totals)).toBe(sum(run.column(0)));
  });
  it('a lump sum wholly in the waiting period under a limit pays nothing; one with no wait pays per event', () => {
    const run = runScenario(
      scheme(
        oneGroup(2000, 1),
        [event(0.05)],
        [lump({ id: 'a', waitingDays: 365 }), lump({ id: 'b', amount: 30 })],
        [{ id: 'l', benefits: ['a', 'b'], cap: 1e9 }],
      ),
      300,
    );
    expect(run.column(0).every((v) => v === 0)).toBe(true);
    expectWithin(sum(multiples(run.column(1), 30)) / 300, 100, Math.sqrt(100 / 300), 'events a period');
  });
});

describe('the counts under rate uncertainty: each period adds its expectation given Θ', () => {
  it('events m·rate·Θ and members paid m·(1 − e^−rate·Θ): within 4·√ of what the same run drew', () => {
    const run = runScenario(
      scheme(oneGroup(2000), [event(0.05, 0.5)], [lump(), lump({ id: 'b', amount: 30, cap: 30 })]),
      400,
    );
    const events = sum(multiples(run.column(0), 100));
    const members = sum(multiples(run.column(1), 30));
    expectWithin(events, run.counts[0], Math.sqrt(run.counts[0]), 'events');
    expectWithin(members, run.counts[2], Math.sqrt(run.counts[2]), 'members paid');
    // Θ varies: the periods' events spread far more than Poisson(100)'s
    expect(moments(multiples(run.column(0), 100)).variance).toBeGreaterThan(1000);
  });
  it('one lump sum alone: its events (uncapped) and members paid (cap = amount) against the counts given Θ', () => {
    const run = runScenario(
      scheme(
        oneGroup(2000),
        [event(0.05, 0.5, 'e'), event(0.05, 0.5, 'f')],
        [lump(), lump({ id: 'b', risk: 'f', cap: 100 })],
      ),
      400,
    );
    const events = sum(multiples(run.column(0), 100));
    const members = sum(multiples(run.column(1), 100));
    expectWithin(events, run.counts[0], Math.sqrt(run.counts[0]), 'events');
    expectWithin(members, run.counts[3], Math.sqrt(run.counts[3]), 'members paid');
    expect(moments(multiples(run.column(0), 100)).variance).toBeGreaterThan(1000);
  });
  it('with Θ = 1: two lump sums each paying half the events (q = ½) and any of them 1 − ¼, exactly', () => {
    const run = runScenario(
      scheme(
        oneGroup(2000, 0.5),
        [event(0.2)],
        [lump({ waitingDays: 365 }), lump({ id: 'b', waitingDays: 365 })],
      ),
      100,
    );
    expect(run.counts[1] / (100 * 2000)).toBeCloseTo(-Math.expm1(-0.1), 12);
    expect(run.counts[2] / (100 * 2000)).toBeCloseTo(-Math.expm1(-0.1), 12);
    expect(run.counts[3] / (100 * 2000)).toBeCloseTo(-Math.expm1(-0.15), 12);
  });
  it('a cost risk beside an event risk: each risk’s claimants or events in its own column', () => {
    const cost: Scenario['risks'][number] = {
      id: 'c',
      kind: 'cost',
      rate: 0.1,
      cost: { dist: 'lognormal', mean: 100, cv: 0 },
    };
    const run = runScenario(
      scheme(
        oneGroup(2000),
        [cost, event(0.05)],
        [{ id: 'x', risk: 'c', type: 'bands', bands: [{ upTo: null, rate: 1 }] }, lump()],
      ),
      200,
    );
    expect(run.counts).toHaveLength(2 + 2 + 1);
    expect(run.counts[0]).toBe(run.claimants);
    expect(run.counts[0]).toBe(sum(multiples(run.column(0), 100)));
    expect(run.counts[1]).toBeCloseTo(200 * 100, 6);
    expect(run.counts[2]).toBe(run.claimants);
    expect(run.counts[3]).toBeCloseTo(200 * 2000 * -Math.expm1(-0.05), 6);
    expect(run.counts[4]).toBeCloseTo(run.claimants + 200 * 2000 * -Math.expm1(-0.05), 6);
  });
});
