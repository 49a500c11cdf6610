import { describe, expect, it } from 'vitest';
import { fundFanSpec } from '../../src/charts/fundFan.ts';
import { historySpec } from '../../src/charts/history.ts';
import { compileMessages } from '../helpers/charts.ts';

const years = [
  { year: 1, balance: { p5: 4.2e6, p50: 7.5e6, p95: 1.03e7 }, probDepleted: 0 },
  { year: 2, balance: { p5: -4.5e6, p50: 6e6, p95: 1.7e7 }, probDepleted: 0.14 },
];
const zhFan = {
  title: '基金余额',
  x: '年份',
  y: '年末余额',
  band: '5%–95%',
  median: '中位数',
  depleted: '耗尽概率',
};

describe('the fund fan chart', () => {
  it('compiles with no warnings and marks the years with a depletion risk', () => {
    const spec = fundFanSpec(years, { lang: 'zh', labels: zhFan, width: 600 });
    expect(compileMessages(spec)).toEqual([]);
    const text = JSON.stringify(spec);
    expect(text).toContain('万');
    expect(text).toContain('14%');
  });
  it('does not mutate its input and is JSON', () => {
    const before = JSON.stringify(years);
    const spec = fundFanSpec(years, { lang: 'en', labels: zhFan, width: 600 });
    expect(JSON.stringify(years)).toBe(before);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});

describe('the history chart', () => {
  const rows = [
    { year: 2014, contributions: 7623069, payouts: 1500000, lossRatio: 0.197 },
    { year: 2015, contributions: 9986220, payouts: 4020000, lossRatio: 0.403 },
  ];
  const labels = {
    title: '历年收支',
    x: '年份',
    y: '金额',
    contributions: '互助费',
    payouts: '支出',
    lossRatio: '赔付率',
    flagged: '警示',
  };
  it('compiles with no warnings, with the flagged year marked', () => {
    const spec = historySpec(rows, [{ year: 2015, text: '支出增速过快' }], {
      lang: 'zh',
      labels,
      width: 600,
    });
    expect(compileMessages(spec)).toEqual([]);
    expect(JSON.stringify(spec)).toContain('支出增速过快');
  });
  it('marks a year with two flags once, both texts in one label (two labels would overprint)', () => {
    const spec = historySpec(
      rows,
      [
        { year: 2015, text: '支出增速过快' },
        { year: 2015, text: '参保人数激增' },
      ],
      { lang: 'zh', labels, width: 600 },
    ) as { layer: { data: { values: unknown[] } }[] };
    const marks = spec.layer.at(-1)!.data.values;
    expect(marks).toEqual([{ year: '2015', text: '支出增速过快 · 参保人数激增' }]);
    expect(spec.layer.at(-2)!.data.values).toEqual(marks);
  });
  it('accepts years without contributions (not reported)', () => {
    const spec = historySpec([{ year: 2019, contributions: null, payouts: 90000, lossRatio: null }], [], {
      lang: 'en',
      labels,
      width: 400,
    });
    expect(compileMessages(spec)).toEqual([]);
  });
});
