import { describe, expect, it } from 'vitest';
import { logLabelExpr, logTicks, qqPlotSpec } from '../../src/charts/qqPlot.ts';
import { fitClaims } from '../../src/history/fitClaims.ts';
import { compileMessages } from '../helpers/charts.ts';

const labels = { title: '分位数图（QQ）', x: '拟合分布的分位数', y: '样本分位数', line: '45° 线' };
const costs = [820, 1200, 1500, 2100, 2600, 3300, 4100, 5200, 7400, 9800, 15000, 26000, 48000];

describe('the QQ plot', () => {
  it('compiles with no warnings, one series per family and the 45° line', () => {
    const fits = fitClaims(costs);
    if (!fits.ok) throw new Error('fit failed');
    const series = fits.fits.map((f) => ({ label: f.family, points: f.qq }));
    const spec = qqPlotSpec(series, { lang: 'zh', labels, width: 500 });
    expect(compileMessages(spec)).toEqual([]);
    const text = JSON.stringify(spec);
    expect(text).toContain('45° 线');
    expect(text).toContain('"type":"log"');
    for (const f of ['lognormal', 'gamma', 'pareto']) expect(text).toContain(f);
  });
  it('drops points a log scale cannot show, does not mutate its input and is JSON', () => {
    const series = [
      {
        label: 'a',
        points: [
          { p: 0.25, theoretical: 0, empirical: 10 },
          { p: 0.75, theoretical: 100, empirical: 120 },
        ],
      },
    ];
    const before = JSON.stringify(series);
    const spec = qqPlotSpec(series, { lang: 'en', labels, width: 400 });
    expect(JSON.stringify(series)).toBe(before);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(compileMessages(spec)).toEqual([]);
    expect(JSON.stringify(spec)).not.toContain('"theoretical":0,');
  });
});

describe('the QQ plot’s log axis', () => {
  it('ticks at 1, 2, 5 × 10^k inside the domain', () => {
    expect(logTicks(3, 250)).toEqual([5, 10, 20, 50, 100, 200]);
    expect(logTicks(0.03, 0.2)).toEqual([0.05, 0.1, 0.2]);
  });
  it('labels each tick in its own unit (万 from 10,000 in Chinese, k and M in English)', () => {
    expect(logLabelExpr('zh')).toContain("'万'");
    expect(logLabelExpr('en')).toContain("' M'");
  });
});
