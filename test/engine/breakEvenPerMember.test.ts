import { describe, expect, it } from 'vitest';
import { resolveScheme } from '../../src/domain/defaults.ts';
import { expectedPayout } from '../../src/engine/expected.ts';
import { incomeOf } from '../../src/engine/fund.ts';
import { breakEvenPerMember, ceilToFen } from '../../src/engine/breakEvenPerMember.ts';
import { sameFen, scaleContributions } from '../../src/engine/scaleContributions.ts';
import { HANGZHOU_2016, mergedExpected } from '../helpers/hangzhou.ts';
import { readScenarioFile } from '../helpers/scenarios.ts';

describe('scaleContributions', () => {
  it('scales every payer in proportion when the shares come out even', () => {
    expect(scaleContributions([50, 10, 10, 30], 80)).toEqual([40, 8, 8, 24]);
  });
  it('gives each payer a whole number of fen and the total exactly, the remainder on the largest payer', () => {
    const out = scaleContributions([10, 10, 10], 10);
    expect(out).toEqual([3.34, 3.33, 3.33]);
    expect(Math.round(out.reduce((a, b) => a + b, 0) * 100)).toBe(1000);
  });
  it('takes a surplus fen from the largest payer, wherever it stands', () => {
    // 10.03 in quarters, a half and quarters: 2.5075, 5.015, 2.5075 round to 2.51, 5.02, 2.51 =
    // 10.04, a fen too many, taken from the 20-yuan payer.
    expect(scaleContributions([10, 20, 10], 10.03)).toEqual([2.51, 5.01, 2.51]);
  });
  it('puts everything on the first payer when nothing is paid yet', () => {
    expect(scaleContributions([0, 0], 25.79)).toEqual([25.79, 0]);
  });
  it('returns nothing for no payers', () => {
    expect(scaleContributions([], 10)).toEqual([]);
  });
});

describe('ceilToFen', () => {
  it('rounds an amount just above a whole fen up to the next fen', () => {
    expect(ceilToFen(25.781)).toBe(25.79);
    expect(ceilToFen(25.7801)).toBe(25.79);
    expect(ceilToFen(0.001)).toBe(0.01);
  });
  it('keeps an amount that is a whole fen, or a whole fen plus binary noise', () => {
    expect(ceilToFen(25.78)).toBe(25.78);
    expect(ceilToFen(25.79)).toBe(25.79);
    expect(0.1 + 0.2).toBe(0.30000000000000004);
    expect(ceilToFen(0.1 + 0.2)).toBe(0.3);
    expect(ceilToFen(0) === 0).toBe(true); // -0 (Math.ceil of a tiny negative), which formats as 0
  });
  it('rounds an amount just below a whole fen up to it', () => {
    expect(ceilToFen(25.7899)).toBe(25.79);
    expect(ceilToFen(25.771)).toBe(25.78);
  });
});

describe('sameFen', () => {
  it('compares amounts to the fen', () => {
    expect(sameFen(25.79, 25.790000000000003)).toBe(true);
    expect(sameFen(25.79, 25.8)).toBe(false);
  });
});

describe('breakEvenPerMember', () => {
  it.each(['hangzhou-2016.json', 'jiaxing-2015.json', 'inner-mongolia-forestry-2019.json'])(
    'rounds %s up to the fen, so applying it breaks even',
    (file) => {
      const s = readScenarioFile(file);
      const c = breakEvenPerMember(s);
      expect(Math.abs(c * 100 - Math.round(c * 100))).toBeLessThan(1e-9);
      const applied = {
        ...s,
        contributions: scaleContributions(
          s.contributions.map((x) => x.amount),
          c,
        ).map((amount, i) => ({ ...s.contributions[i], amount })),
      };
      const r = resolveScheme(applied);
      const { income, expenses } = incomeOf(r);
      expect(expectedPayout(r).payout).toBeLessThanOrEqual(income - expenses);
      // …and a fen less would not.
      const less = resolveScheme({ ...s, contributions: [{ payer: 'member', amount: c - 0.01 }] });
      expect(expectedPayout(less).payout).toBeGreaterThan(incomeOf(less).income - incomeOf(less).expenses);
    },
  );
  it('gives Hangzhou 2016 ¥48.18: μ = 34,682,518 over 720,000 members is 48.1702, up to the fen', () => {
    // μ worked out by hand (test/helpers/hangzhou.ts); 48.17 would leave 12 yuan short.
    const perMember = mergedExpected(HANGZHOU_2016).mu / 720_000;
    expect(Math.floor(perMember * 100)).toBe(4817);
    expect(breakEvenPerMember(readScenarioFile('hangzhou-2016.json'))).toBe(48.18);
  });
});
