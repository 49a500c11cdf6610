/**
 * The exact evaluation (src/benefits/exact.ts) where a table pays nothing or has no limit: below
 * a step table's `from`, below a deductible, at fractional or negative days and events, and for
 * tables without a cap or maxDays. Expected figures worked by hand from the definitions in
 * docs/scenario-format.md ('Benefits').
 */
import { describe, expect, it } from 'vitest';
import { payExact } from '../../src/benefits/exact.ts';
import type { BandsBenefit, DailyBenefit, LumpSumBenefit, StepsBenefit } from '../../src/domain/scenario.ts';
import { jiaxingDaily, wenzhou } from '../helpers/fixtures.ts';

const pays = (b: Parameters<typeof payExact>[0], at: number | string) => payExact(b, at).toNumber();

describe('steps', () => {
  it('Wenzhou (1,000 per full 10,000 above 20,000) pays nothing at or below 20,000: 0, 10,000, 19,999.99, 20,000', () => {
    for (const x of [0, 10000, 19999.99, 20000]) expect(pays(wenzhou, x)).toBe(0);
  });
  it('without a cap, Wenzhou pays 1,000 × floor((1,000,000 − 20,000) / 10,000) = 98,000 at a million', () => {
    const open: StepsBenefit = { ...wenzhou, cap: undefined };
    expect(pays(open, 1_000_000)).toBe(98000);
  });
});

describe('bands', () => {
  const b: BandsBenefit = {
    id: 'b',
    risk: 'r',
    type: 'bands',
    deductible: 500,
    bands: [{ upTo: null, rate: 0.5 }],
  };
  it('pay nothing at or below the deductible (300, 500) and half of the excess above it (900 → 200)', () => {
    expect(pays(b, 300)).toBe(0);
    expect(pays(b, 500)).toBe(0);
    expect(pays(b, 900)).toBe(200);
  });
  it('without a cap, half of 2,000,500 − 500 is 1,000,000', () => {
    expect(pays(b, 2_000_500)).toBe(1_000_000);
  });
});

describe('daily allowances', () => {
  it('count whole days only: 2.7 days of 30 pay 60, and negative days pay 0', () => {
    expect(pays(jiaxingDaily, 2.7)).toBe(60);
    expect(pays(jiaxingDaily, -3)).toBe(0);
  });
  it('without maxDays pay every day: 400 days of 30 pay 12,000', () => {
    const open: DailyBenefit = { id: 'd', risk: 'r', type: 'daily', perDay: 30 };
    expect(pays(open, 400)).toBe(12000);
  });
});

describe('lump sums', () => {
  const open: LumpSumBenefit = { id: 'l', risk: 'e', type: 'lump-sum', amount: 4000 };
  it('without a cap pay the amount for every event: 5 × 4,000 = 20,000', () => {
    expect(pays(open, 5)).toBe(20000);
  });
  it('count whole events only: 2.9 events pay 8,000, and a negative count pays 0', () => {
    expect(pays(open, 2.9)).toBe(8000);
    expect(pays(open, -1)).toBe(0);
  });
});
