import { describe, expect, it } from 'vitest';
import { checkAggregates } from './worded.ts';
import { decimalSlip, median, outOfLine } from '../../src/history/robust.ts';

describe('the robust rule: 4 times or a quarter of the median of the others', () => {
  it('takes the median of an odd and an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
  it('repeats its doc example', () => {
    const [o] = outOfLine([1357, 1425, 1492, 8296]);
    expect(o.index).toBe(3);
    expect(o.median).toBe(1425);
    expect(o.ratio).toBeCloseTo(8296 / 1425, 12);
  });
  it('judges with the leave-one-out median: one wild value does not hide itself', () => {
    expect(outOfLine([100, 100, 100, 401]).map((o) => o.index)).toEqual([3]);
    expect(outOfLine([100, 100, 100, 400])).toEqual([]);
    expect(outOfLine([100, 100, 100, 24]).map((o) => o.index)).toEqual([3]);
  });
  it('needs at least three others', () => {
    expect(outOfLine([1, 1, 1000])).toEqual([]);
  });
  it('finds the power of ten a misprint would explain', () => {
    expect(decimalSlip(9.17)).toBe(0.1);
    expect(decimalSlip(0.011)).toBe(100);
    expect(decimalSlip(4.5)).toBeUndefined(); // neither 0.45 nor 45 is within a factor 2 of 1
  });
});

describe('checkAggregates: several regions at once', () => {
  it('repeats its doc example', () => {
    const w = checkAggregates([
      { name: 'A', claims: 100, paid: 90000 },
      { name: 'B', claims: 200, paid: 170000 },
      { name: 'C', claims: 100, paid: 830000 },
      { name: 'D', claims: 100, paid: 95000 },
    ]);
    expect(w).toEqual([
      {
        region: 'C',
        code: 'implausible-average-benefit',
        field: 'paid',
        value: 830000,
        message:
          '¥830 k paid for 100 claims is ¥8,300 a claim, 9.2 times the median ¥900 of the other regions (questioned beyond 4 times or below a quarter of that median); ¥83,000 would give ¥830, in line with the others: a misprint?',
      },
    ]);
  });
  it('compares averages per claim only with averages per claim, and per claimant with per claimant', () => {
    // Per claimant 1,400–1,700 (normal); per claim 850–950 (normal): no warning, though 1,700 / 850 = 2.
    const w = checkAggregates([
      { name: 'A', claimants: 1000, paid: 1400000 },
      { name: 'B', claimants: 1000, paid: 1700000 },
      { name: 'C', claimants: 1000, paid: 1500000 },
      { name: 'D', claims: 1000, paid: 850000 },
      { name: 'E', claims: 1000, paid: 950000 },
      { name: 'F', claims: 1000, paid: 900000 },
    ]);
    expect(w).toEqual([]);
  });
  it('questions claims below claimants and claimants above members, naming the figures', () => {
    const w = checkAggregates([{ name: 'A', claims: 90, claimants: 100, members: 50, paid: 100000 }]);
    expect(w.map((x) => [x.code, x.field, x.value, x.message])).toEqual([
      [
        'claimants-above-members',
        'claimants',
        100,
        '100 claimants among 50 members: a member is counted once, so claimants cannot exceed members (claims counted as claimants?)',
      ],
      [
        'claims-below-claimants',
        'claims',
        90,
        '90 claims for 100 claimants: every claimant makes at least one claim',
      ],
    ]);
  });
  it('speaks Chinese when asked', () => {
    const w = checkAggregates(
      [
        { name: 'A', claims: 100, paid: 90000 },
        { name: 'B', claims: 200, paid: 170000 },
        { name: 'C', claims: 100, paid: 830000 },
        { name: 'D', claims: 100, paid: 95000 },
      ],
      { lang: 'zh' },
    );
    expect(w[0].message).toBe(
      '支付 ¥83万、100 人次，每人次平均 ¥8,300，是其他地区中位数 ¥900 的 9.2 倍（高于中位数 4 倍或低于其四分之一即提示）；若为 ¥83,000，则每人次平均 ¥830，与其他数据相符：是否印刷错误？',
    );
  });
});
