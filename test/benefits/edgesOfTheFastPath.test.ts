/**
 * The fast evaluation (src/benefits/fast.ts) off the worked examples: negative and in-range days
 * and events, and a lump sum below its cap; and benefitCurve (src/benefits/curve.ts) computed
 * inside each test (a curve computed once per file is not re-run under a mutant). Figures worked
 * by hand from the tables in test/helpers/fixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import { benefitCurve, defaultMaxCost, flatFrom, MAX_JUMPS } from '../../src/benefits/curve.ts';
import { payFast } from '../../src/benefits/fast.ts';
import type { BandsBenefit, StepsBenefit } from '../../src/domain/scenario.ts';
import { beijing, hangzhou, jiaxingDaily, wenzhou } from '../helpers/fixtures.ts';

describe('payFast', () => {
  it('pays Jiaxing 30 a day within its 15 days (10 days: 300) and nothing for negative days', () => {
    expect(payFast(jiaxingDaily)(10)).toBe(300);
    expect(payFast(jiaxingDaily)(-3)).toBe(0);
  });
  it('pays Beijing 4,000 for one event (below its 16,000 cap) and nothing for a negative count', () => {
    expect(payFast(beijing)(1)).toBe(4000);
    expect(payFast(beijing)(-1)).toBe(0);
  });
});

describe('benefitCurve', () => {
  it('Wenzhou stops jumping at its cap: 50 jumps to 520,000, then one point at 624,000', () => {
    const c = benefitCurve(wenzhou);
    expect(c).toHaveLength(1 + 2 * 50 + 1);
    expect(c.filter((p) => p.cost > 520000)).toEqual([{ cost: 624000, pays: 50000 }]);
  });
  it('uncapped steps never stop growing', () => {
    const open: StepsBenefit = { ...wenzhou, cap: undefined };
    expect(flatFrom(open)).toBe(Infinity);
  });
  it('a maxCost on a kink (Hangzhou at 10,000) gives that point once', () => {
    expect(benefitCurve(hangzhou, 10000)).toEqual([
      { cost: 0, pays: 0 },
      { cost: 1000, pays: 200 },
      { cost: 10000, pays: 4700 },
    ]);
  });
  it('an uncapped table is drawn to twice its last kink (80,000 → 160,000), not an earlier one', () => {
    const b: BandsBenefit = {
      id: 'b',
      risk: 'r',
      type: 'bands',
      bands: [
        { upTo: 1000, rate: 0.2 },
        { upTo: 80000, rate: 0.5 },
        { upTo: null, rate: 0.6 },
      ],
    };
    expect(defaultMaxCost(b)).toBe(160000);
  });
  it('says why it refuses: a maxCost that is not positive, and more jumps than a chart can show', () => {
    expect(() => benefitCurve(hangzhou, 0)).toThrow(
      'benefit curve maxCost must be positive and finite, not 0',
    );
    const fine: StepsBenefit = { id: 's', risk: 'r', type: 'steps', from: 0, step: 1, perStep: 1 };
    expect(() => benefitCurve(fine, MAX_JUMPS + 1)).toThrow(
      `more than ${MAX_JUMPS} steps up to ${MAX_JUMPS + 1}`,
    );
  });
});
