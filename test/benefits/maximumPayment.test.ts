/**
 * maximumPayment (src/benefits/exact.ts): the most one case can receive, for each shape of table.
 * Every expected figure is worked by hand from the table's definition (docs/scenario-format.md,
 * 'Benefits'): a closed banded table pays at most Σ rate × width of its bands, then the cap; an
 * open last band with a positive rate grows without end; a daily allowance is bounded only by
 * its maxDays; steps and lump sums only by their cap.
 */
import { describe, expect, it } from 'vitest';
import { maximumPayment } from '../../src/benefits/exact.ts';
import type { BandsBenefit, DailyBenefit, LumpSumBenefit, StepsBenefit } from '../../src/domain/scenario.ts';
import { jiaxingDaily, wenzhou } from '../helpers/fixtures.ts';

const bands = (over: Partial<BandsBenefit>): BandsBenefit => ({
  id: 'b',
  risk: 'r',
  type: 'bands',
  bands: [
    { upTo: 1000, rate: 0.2 },
    { upTo: 10000, rate: 0.5 },
  ],
  ...over,
});

describe('a banded table', () => {
  it('that closes pays at most the sum of rate × width: 0.2 × 1,000 + 0.5 × 9,000 = 4,700', () => {
    expect(maximumPayment(bands({}))).toBe(4700);
  });
  it('keeps that maximum behind a deductible (the bands shift, their widths do not)', () => {
    expect(maximumPayment(bands({ deductible: 500 }))).toBe(4700);
  });
  it('is held to a cap below that sum (3,000), and not raised by a cap above it (5,000)', () => {
    expect(maximumPayment(bands({ cap: 3000 }))).toBe(3000);
    expect(maximumPayment(bands({ cap: 5000 }))).toBe(4700);
  });
  it('with an open last band at a positive rate has no maximum but its cap', () => {
    const open = bands({
      bands: [
        { upTo: 1000, rate: 0.2 },
        { upTo: null, rate: 0.5 },
      ],
    });
    expect(maximumPayment(open)).toBe(Infinity);
    expect(maximumPayment({ ...open, cap: 30000 })).toBe(30000);
  });
  it('with an open last band at rate 0 pays at most what the closed bands before it pay: 0.3 × 2,000 = 600', () => {
    const flatAfter = bands({
      deductible: 100,
      bands: [
        { upTo: 2000, rate: 0.3 },
        { upTo: null, rate: 0 },
      ],
    });
    expect(maximumPayment(flatAfter)).toBe(600);
    expect(maximumPayment({ ...flatAfter, cap: 500 })).toBe(500);
  });
  it('of a single open band at rate 0 pays at most 0', () => {
    expect(maximumPayment(bands({ bands: [{ upTo: null, rate: 0 }] }))).toBe(0);
  });
});

describe('steps, daily allowances and lump sums', () => {
  it('steps pay at most their cap, and without one have no maximum', () => {
    expect(maximumPayment(wenzhou)).toBe(50000);
    const open: StepsBenefit = { ...wenzhou, cap: undefined };
    expect(maximumPayment(open)).toBe(Infinity);
  });
  it('a daily allowance pays at most perDay × maxDays (30 × 15 = 450), and without maxDays has no maximum', () => {
    expect(maximumPayment(jiaxingDaily)).toBe(450);
    const open: DailyBenefit = { id: 'd', risk: 'r', type: 'daily', perDay: 30 };
    expect(maximumPayment(open)).toBe(Infinity);
  });
  it('a lump sum without a cap has no maximum', () => {
    const open: LumpSumBenefit = { id: 'l', risk: 'e', type: 'lump-sum', amount: 4000 };
    expect(maximumPayment(open)).toBe(Infinity);
  });
});
