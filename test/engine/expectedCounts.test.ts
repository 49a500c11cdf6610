/**
 * The exact expectation's counts and parts (src/engine/expected.ts, src/engine/exposure.ts):
 * beneficiaries of lump sums thinned by a waiting period, 受益人次 over several lump sums, a
 * projection year's rate factor on events, limits over some of a risk's lump sums and per share,
 * each group's payout after limits, and who is exposed to a risk. Every figure is worked by hand
 * in this file from the scheme's own numbers (Poisson probabilities, an empirical cost's values).
 */
import { describe, expect, it, vi } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import type { Scenario } from '../../src/domain/scenario.ts';
import { expectedPayout, expectedPerClaimant } from '../../src/engine/expected.ts';
import {
  maxRate,
  riskCells,
  riskExposure,
  riskMembers,
  schemeMembers,
  shareFactor,
} from '../../src/engine/exposure.ts';

const byId = (list: { id: string; expected: number }[], id: string) =>
  list.find((x) => x.id === id)!.expected;

describe('lump sums with a waiting period: beneficiaries and 受益人次', () => {
  // 10,000 members, half of them new; 0.02 events a member; a waiting period of 73 days is 1/5
  // of a year, so a new member's event falls in it with probability 0.2 and an event is outside
  // it with w = 1 − 0.5 × 0.2 = 0.9.
  const scenario: Scenario = {
    format: 'huzhu-scenario/2',
    name: 'waiting',
    members: { groups: [{ id: 'g', count: 10000, newShare: 0.5 }] },
    contributions: [{ payer: 'member', amount: 50 }],
    risks: [{ id: 'e', kind: 'event', rate: 0.02 }],
    benefits: [
      // pays 1,000 an event outside the waiting period, nothing inside it: q = 0.9
      { id: 'full', risk: 'e', type: 'lump-sum', amount: 1000, waitingDays: 73 },
      // pays only inside the waiting period, 200: q = 0.1
      { id: 'early', risk: 'e', type: 'lump-sum', amount: 0, waitingDays: 73, waitingAmount: 200 },
    ],
  };
  const s = resolveScheme(scenario);

  it('each lump sum pays its share q of events: beneficiaries m(1 − e^{−νq})', () => {
    const e = expectedPayout(s);
    expect(byId(e.beneficiaries, 'full')).toBeCloseTo(10000 * -Math.expm1(-0.02 * 0.9), 9);
    expect(byId(e.beneficiaries, 'early')).toBeCloseTo(10000 * -Math.expm1(-0.02 * 0.1), 9);
  });
  it('a member is paid by either unless no event is paid by any: m(1 − e^{−ν(1 − 0.1 × 0.9)})', () => {
    expect(expectedPayout(s).beneficiaryTimes).toBeCloseTo(10000 * -Math.expm1(-0.02 * 0.91), 9);
  });
  it('the payout: 1,000 × ν × 0.9 + 200 × ν × 0.1 a member, events m·ν', () => {
    const e = expectedPayout(s);
    expect(byId(e.benefits, 'full')).toBeCloseTo(10000 * 1000 * 0.02 * 0.9, 6);
    expect(byId(e.benefits, 'early')).toBeCloseTo(10000 * 200 * 0.02 * 0.1, 6);
    expect(e.payout).toBeCloseTo(180000 + 4000, 6);
    expect(byId(e.claimants, 'e')).toBeCloseTo(200, 9);
  });
  it('a projection year’s rate factor 1.5 raises the events, the payout and the beneficiaries', () => {
    const e = expectedPayout(s, { members: 1, rate: 1.5, cost: 1 });
    expect(byId(e.claimants, 'e')).toBeCloseTo(300, 9);
    expect(byId(e.beneficiaries, 'full')).toBeCloseTo(10000 * -Math.expm1(-0.03 * 0.9), 9);
    expect(e.payout).toBeCloseTo(1.5 * 184000, 6);
  });
  it('a members factor 2 doubles the events', () => {
    expect(byId(expectedPayout(s, { members: 2, rate: 1, cost: 1 }).claimants, 'e')).toBeCloseTo(400, 9);
  });
  it('no scale is the first period’s: factors of 1', async () => {
    // UNIT_SCALE is built when the module loads: imported afresh, so that a mutation-testing run
    // sees its mutants
    vi.resetModules();
    const fresh = await import('../../src/engine/expected.ts');
    expect(byId(fresh.expectedPayout(s).claimants, 'e')).toBeCloseTo(200, 9);
  });
});

describe('a limit over one of two lump sums, per share, for holders of 2 shares', () => {
  // ν = 0.1 events a member, Poisson. "A" pays 1,000 a share an event (2,000 for these members),
  // "B" 500 an event whatever the shares; the limit caps A alone at 1,500 a share (3,000).
  const scenario: Scenario = {
    format: 'huzhu-scenario/2',
    name: 'lump limit',
    members: { groups: [{ id: 'g', count: 10000, holdings: [{ shares: 2, fraction: 1 }] }] },
    contributions: [{ payer: 'member', amount: 50, perShare: true }],
    risks: [{ id: 'e', kind: 'event', rate: 0.1 }],
    benefits: [
      { id: 'A', risk: 'e', type: 'lump-sum', amount: 1000, perShare: true },
      { id: 'B', risk: 'e', type: 'lump-sum', amount: 500 },
    ],
    limits: [{ id: 'L', benefits: ['A'], cap: 1500, perShare: true }],
  };
  const nu = 0.1;
  const p0 = Math.exp(-nu);
  const p1 = nu * p0;
  // E[min(2,000 K, 3,000)] = 2,000 P(K = 1) + 3,000 P(K ≥ 2)
  const limitedA = 2000 * p1 + 3000 * (1 - p0 - p1);
  const reduction = 10000 * (2000 * nu - limitedA);
  // computed inside each test, not while the tests are collected: a mutation-testing run switches
  // its mutant on only for the tests themselves
  const payout = () => expectedPayout(resolveScheme(scenario));

  it('the limit takes off m(2,000ν − E[min(2,000K, 3,000)]), B untouched', () => {
    expect(payout().limits[0].reduction).toBeCloseTo(reduction, 6);
    expect(reduction).toBeGreaterThan(1000);
  });
  it('the payout and the group’s payout are the benefits less that reduction', () => {
    const want = 10000 * (2000 * nu + 500 * nu) - reduction;
    const e = payout();
    expect(e.payout).toBeCloseTo(want, 6);
    expect(e.groups[0].payout).toBeCloseTo(want, 6);
  });
});

describe('a limit on a cost risk, two groups at different rates: each group’s payout after the limit', () => {
  // An empirical cost of 1,000, 3,000 or 9,000 (equally likely); half of it is paid: 500, 1,500,
  // 4,500, capped at 2,000 by the limit: 500, 1,500, 2,000. Per claimant: 6,500/3 before, 4,000/3 after.
  const scenario: Scenario = {
    format: 'huzhu-scenario/2',
    name: 'cost limit',
    members: {
      groups: [
        { id: 'a', count: 1000 },
        { id: 'b', count: 2000 },
      ],
    },
    contributions: [{ payer: 'member', amount: 50 }],
    risks: [
      {
        id: 'r',
        kind: 'cost',
        rate: { a: 0.1, b: 0.2 },
        cost: { dist: 'empirical', values: [1000, 3000, 9000] },
      },
    ],
    benefits: [{ id: 'half', risk: 'r', type: 'bands', bands: [{ upTo: null, rate: 0.5 }] }],
    limits: [{ id: 'L', benefits: ['half'], cap: 2000 }],
  };
  const payout = () => expectedPayout(resolveScheme(scenario));

  it('group a: 100 claimants × 4,000/3; group b: 400 × 4,000/3', () => {
    const e = payout();
    expect(e.groups.map((g) => g.id)).toEqual(['a', 'b']);
    expect(e.groups[0].payout).toBeCloseTo((100 * 4000) / 3, 6);
    expect(e.groups[1].payout).toBeCloseTo((400 * 4000) / 3, 6);
  });
  it('the limit’s reduction: 500 claimants × 2,500/3', () => {
    const e = payout();
    expect(e.limits[0].reduction).toBeCloseTo((500 * 2500) / 3, 6);
    expect(e.payout).toBeCloseTo((500 * 4000) / 3, 6);
  });
  it('beneficiaries: every claimant is paid (every value is above 0)', () => {
    const e = payout();
    expect(byId(e.beneficiaries, 'half')).toBeCloseTo(500, 9);
    expect(e.beneficiaryTimes).toBeCloseTo(500, 9);
  });
});

describe('expectedPerClaimant refuses a benefit on the wrong kind of risk, naming it', () => {
  const s = resolveScheme({
    format: 'huzhu-scenario/2',
    name: 'kinds',
    members: { count: 100 },
    contributions: [{ payer: 'member', amount: 50 }],
    risks: [
      { id: 'cost', kind: 'cost', rate: 0.1, cost: { dist: 'lognormal', mean: 5000, cv: 1 } },
      { id: 'event', kind: 'event', rate: 0.1 },
    ],
    benefits: [
      { id: 'b', risk: 'cost', type: 'bands', bands: [{ upTo: null, rate: 0.5 }] },
      { id: 'd', risk: 'cost', type: 'daily', perDay: 50 },
      { id: 'l', risk: 'event', type: 'lump-sum', amount: 1000 },
    ],
  });
  const [cost, event] = s.risks;
  const [b, d, l] = s.benefits;
  it('a cost benefit on an event risk', () => {
    expect(() => expectedPerClaimant(b, event)).toThrow('benefit b needs a cost risk');
  });
  it('a daily allowance on a cost risk without days', () => {
    expect(() => expectedPerClaimant(d, cost)).toThrow('benefit d needs days');
  });
  it('a lump sum on a cost risk', () => {
    expect(() => expectedPerClaimant(l, cost)).toThrow('benefit l cannot apply to cost risk cost');
  });
  it('bands on a cost risk: half the lognormal mean', () => {
    expect(expectedPerClaimant(b, cost)).toBeCloseTo(2500, 6);
  });
  it('a cost benefit on an event risk in the payout', () => {
    const wrong = { ...s, benefits: [{ ...b, risk: 'event' }] };
    expect(() => expectedPayout(wrong)).toThrow('benefit b needs an event risk');
  });
});

describe('who is exposed: women of two of three groups, at their own rates', () => {
  const s = resolveScheme({
    format: 'huzhu-scenario/2',
    name: 'exposure',
    members: {
      groups: [
        { id: 'a', count: 1000, femaleShare: 0.3 },
        {
          id: 'b',
          count: 2001,
          femaleShare: 0.5,
          holdings: [
            { shares: 1, fraction: 0.25 },
            { shares: 3, fraction: 0.75 },
          ],
        },
        { id: 'c', count: 500 },
      ],
    },
    contributions: [{ payer: 'member', amount: 50 }],
    risks: [{ id: 'r', kind: 'event', who: 'female', groups: ['a', 'b'], rate: { a: 0.3, b: 0.2 } }],
    benefits: [{ id: 'l', risk: 'r', type: 'lump-sum', amount: 1000 }],
  });
  const risk = s.risks[0];
  // women: round(1,000 × 0.3) = 300 in a, round(2,001 × 0.5) = round(1,000.5) = 1,001 in b
  it('members: 300 + 1,001; at twice the members, 600 + 2,001', () => {
    expect(riskMembers(s, risk)).toBe(1301);
    expect(riskMembers(s, risk, 2)).toBe(2601);
  });
  it('exposure: 0.3 × 300 + 0.2 × 1,001', () => {
    expect(riskExposure(s, risk)).toBeCloseTo(90 + 200.2, 10);
    expect(riskExposure(s, risk, 2)).toBeCloseTo(180 + 400.2, 10);
  });
  it('cells: a whole, then b split 25% / 75% by holdings (round(250.25) = 250, the rest 751)', () => {
    expect(riskCells(s, risk)).toEqual([
      { group: 0, shares: 1, members: 300, rate: 0.3 },
      { group: 1, shares: 1, members: 250, rate: 0.2 },
      { group: 1, shares: 3, members: 751, rate: 0.2 },
    ]);
  });
  it('all members of all groups, men and group c included: 3,501; scaled by 2, 7,002', () => {
    expect(schemeMembers(s)).toBe(3501);
    expect(schemeMembers(s, 2)).toBe(7002);
  });
  it('the largest rate of an exposed group: 0.3', () => {
    expect(maxRate(risk)).toBe(0.3);
    expect(maxRate({ ...risk, rates: { a: 0.1, b: 0.2 } })).toBe(0.2);
  });
  it('the expected payout counts the women only: 1,000 × (90 + 200.2)', () => {
    expect(expectedPayout(s).payout).toBeCloseTo(1000 * 290.2, 6);
  });
  it('a per-share benefit pays k times for k shares, another once', () => {
    expect(shareFactor(true, 3)).toBe(3);
    expect(shareFactor(false, 3)).toBe(1);
  });
});
