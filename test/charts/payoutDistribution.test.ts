import { describe, expect, it } from 'vitest';
import {
  payoutBars,
  payoutDistributionSpec,
  ZONE_COLORS,
  ZONES,
  type PayoutDistributionInput,
} from '../../src/charts/payoutDistribution.ts';
import { chartLabels } from '../helpers/charts.ts';

/** The chart's texts; `net` only where a test asks for the net-income rule's label. */
const { net, ...labels } = chartLabels('zh').payout;

/** Four bins of ¥100万 from ¥1,700万; income ¥1,950万, threshold ¥2,050万. */
const input: PayoutDistributionInput = {
  bins: [
    { x0: 17e6, x1: 18e6, count: 10 },
    { x0: 18e6, x1: 19e6, count: 50 },
    { x0: 19e6, x1: 20e6, count: 30 },
    { x0: 20e6, x1: 21e6, count: 10 },
  ],
  income: 19.5e6,
  threshold: 20.5e6,
  expected: 18.7e6,
};

// The spec is data: read it as JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a vega-lite spec, walked as plain JSON
type Json = Record<string, any>;
const layers = (spec: unknown): Json[] => (spec as Json).layer;
const ruleAt = (spec: unknown) =>
  layers(spec)
    .filter((l) => l.mark.type === 'rule')
    .map((l) => l.data.values[0].x);
const texts = (spec: unknown) =>
  layers(spec)
    .filter((l) => l.mark.type === 'text')
    .map((l) => l.data.values[0].text);

describe('payoutBars', () => {
  const bars = payoutBars(input, 'zh');
  it('gives each bin its share of the iterations', () => {
    expect(bars.filter((b) => b.x === 17e6 || b.x === 18e6).map((b) => b.share)).toEqual([0.1, 0.5]);
  });
  it('colours bins within the income, deficits the reserve and backstop cover, and deficits beyond them', () => {
    expect(bars.map((b) => [b.x, b.x2, b.zone])).toEqual([
      [17e6, 18e6, 'within'],
      [18e6, 19e6, 'within'],
      [19e6, 19.5e6, 'within'],
      [19.5e6, 20e6, 'deficit'],
      [20e6, 20.5e6, 'deficit'],
      [20.5e6, 21e6, 'beyond'],
    ]);
  });
  it('splits a bin at a rule into two parts of the same height', () => {
    const parts = bars.filter((b) => b.x >= 19e6 && b.x2 <= 20e6);
    expect(parts.map((b) => b.share)).toEqual([0.3, 0.3]);
  });
  it('starts the deficit at the net income when it is given', () => {
    const net = payoutBars({ ...input, net: 18.5e6 }, 'zh');
    expect(net.filter((b) => b.zone === 'deficit')[0]).toMatchObject({ x: 18.5e6, x2: 19e6 });
  });
  it('labels each bar with its range and share in the language asked for', () => {
    expect(bars[1].tip).toBe('¥1,800万 – ¥1,900万: 50.0%');
    expect(payoutBars(input, 'en')[1].tip).toBe('¥18 M – ¥19 M: 50.0%');
  });
  it('gives shares of 0 to bins of an empty sample rather than NaN', () => {
    expect(payoutBars({ ...input, bins: [{ x0: 0, x1: 1, count: 0 }] }, 'zh')[0].share).toBe(0);
  });
});

describe('payoutDistributionSpec', () => {
  const spec = payoutDistributionSpec(input, { lang: 'zh', labels, width: 600, height: 300 });
  it('draws the bars, then a labelled rule at the expected payout, the income and the threshold', () => {
    expect(layers(spec).map((l) => l.mark.type)).toEqual([
      'rect',
      'rule',
      'text',
      'rule',
      'text',
      'rule',
      'text',
    ]);
    expect(ruleAt(spec)).toEqual([18.7e6, 19.5e6, 20.5e6]);
    expect(texts(spec)).toEqual(['期望给付 ¥1,870万', '收入 ¥1,950万', '收入+储备+兜底 ¥2,050万']);
  });
  it('adds a rule at the net income when it differs from the income, labelled if a label is given', () => {
    const withNet = payoutDistributionSpec(
      { ...input, net: 19.2e6 },
      { lang: 'zh', labels: { ...labels, net } },
    );
    expect(ruleAt(withNet)).toEqual([18.7e6, 19.2e6, 19.5e6, 20.5e6]);
    expect(texts(withNet)).toContain('净收入 ¥1,920万');
    const unlabelled = payoutDistributionSpec({ ...input, net: 19.2e6 }, { lang: 'zh', labels });
    expect(ruleAt(unlabelled)).toContain(19.2e6);
    expect(texts(unlabelled)).toHaveLength(3);
    expect(
      ruleAt(payoutDistributionSpec({ ...input, net: input.income }, { lang: 'zh', labels })),
    ).toHaveLength(3);
  });
  it('colours the three zones with a fixed scale and no legend (the rule labels explain them)', () => {
    const color = layers(spec)[0].encoding.color;
    expect(color.scale).toEqual({ domain: ZONES, range: ZONE_COLORS });
    expect(color.legend).toBeNull();
  });
  it('takes every title from the labels', () => {
    const s = spec as Json;
    expect(s.title.text).toBe(labels.title);
    expect(s.encoding.x.title).toBe(labels.x);
    expect(layers(spec)[0].encoding.y.title).toBe(labels.y);
  });
  it('reads the payout axis in 万 in Chinese and in M in English, and shares in percent', () => {
    const s = spec as Json;
    expect(s.encoding.x.axis.labelExpr).toContain("'万'");
    const en = payoutDistributionSpec(input, { lang: 'en', labels }) as Json;
    expect(en.encoding.x.axis.labelExpr).toContain("' M'");
    expect(layers(spec)[0].encoding.y.axis.format).toBe('~%');
  });
  it('shows every bin and every rule, with a margin, and leaves room above the bars for the rule labels', () => {
    const [lo, hi] = (spec as Json).encoding.x.scale.domain;
    expect(lo).toBeLessThan(17e6);
    expect(hi).toBeGreaterThan(21e6);
    const [, top] = layers(spec)[0].encoding.y.scale.domain;
    expect(top).toBeGreaterThan(0.5 * 1.15);
  });
  it('places a rule label on the side of its rule away from the nearer edge', () => {
    const marks = layers(spec)
      .filter((l) => l.mark.type === 'text')
      .map((l) => l.mark.align);
    expect(marks).toEqual(['left', 'right', 'right']);
  });
  it('fills its container unless given a width', () => {
    expect((payoutDistributionSpec(input, { lang: 'zh', labels }) as Json).width).toBe('container');
    expect((spec as Json).width).toBe(600);
  });
});
