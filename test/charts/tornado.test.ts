import { describe, expect, it } from 'vitest';
import { tornadoRows, tornadoSpec } from '../../src/charts/tornado.ts';
import { chartLabels } from '../helpers/charts.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a vega-lite spec, walked as plain JSON
type Json = Record<string, any>;
const labels = chartLabels('zh').tornado;
const input = {
  base: 0.8,
  reference: 1,
  bars: [
    { key: 'members', label: '参保人数 ±10%', low: 0.8, high: 0.8 },
    { key: 'cost-mean', label: '自负费用均值 ±10%', low: 0.74, high: 0.86 },
    { key: 'rate', label: '发生率 ±10%', low: 0.72, high: 0.88 },
  ],
};

describe('tornadoRows', () => {
  it('puts the widest swing first, two bars per assumption running from the base to each end', () => {
    const rows = tornadoRows(input, labels);
    expect(rows.map((r) => r.key)).toEqual(['rate', 'rate', 'cost-mean', 'cost-mean', 'members', 'members']);
    expect(rows[0]).toEqual({
      key: 'rate',
      label: '发生率 ±10%',
      side: '假设下调',
      from: 0.8,
      to: 0.72,
      text: '72.0%',
      left: true,
      tip: '发生率 ±10% · 假设下调: 80.0% → 72.0%',
    });
    expect(rows[1]).toMatchObject({ side: '假设上调', to: 0.88, text: '88.0%', left: false });
  });
  it('leaves unlabelled an end that reads the same as the base', () => {
    expect(
      tornadoRows(input, labels)
        .filter((r) => r.key === 'members')
        .map((r) => r.text),
    ).toEqual(['', '']);
  });
  it('keeps the input order between equal swings', () => {
    const rows = tornadoRows(
      {
        base: 0.5,
        bars: [
          { key: 'a', label: 'a', low: 0.4, high: 0.6 },
          { key: 'b', label: 'b', low: 0.6, high: 0.4 },
        ],
      },
      labels,
    );
    expect(rows.map((r) => r.key)).toEqual(['a', 'a', 'b', 'b']);
  });
});

describe('tornadoSpec', () => {
  const spec = tornadoSpec(input, { lang: 'zh', labels }) as Json;
  it('draws bars from the base with end labels, a base rule and a break-even rule', () => {
    expect(spec.layer.map((l: Json) => l.mark.type)).toEqual([
      'bar',
      'text',
      'text',
      'rule',
      'text',
      'rule',
      'text',
    ]);
    expect(spec.layer[0].encoding.y.sort).toEqual(['发生率 ±10%', '自负费用均值 ±10%', '参保人数 ±10%']);
    expect(spec.layer[0].encoding.color.scale.domain).toEqual(['假设下调', '假设上调']);
    expect(spec.layer[4].data.values[0].text).toBe('基准 80.0%');
    expect(spec.layer[6].data.values[0].text).toBe('持平 100%');
    expect(spec.layer[6].mark.align).toBe('right'); // near the right edge, the label runs leftwards
  });
  it('shows the whole range, the reference included, on a percentage axis', () => {
    const [lo, hi] = spec.layer[0].encoding.x.scale.domain;
    expect(lo).toBeLessThan(0.72);
    expect(hi).toBeGreaterThan(1);
    expect(spec.layer[0].encoding.x.axis.format).toBe('.1~%');
  });
  it('keeps both rule labels on one line above the plot when the rules stand apart (80% and 100%)', () => {
    expect([spec.layer[4].mark.dy, spec.layer[6].mark.dy]).toEqual([-6, -6]);
    expect(spec.title.offset).toBe(24);
  });
  it('puts the reference label a line higher when the rules stand close (100.4% beside 100%), so they do not run together', () => {
    // Hangzhou 2016's loss-ratio tornado: bars from 90.3% to 110.4%; the two rules are 0.4 points
    // apart on an axis of some 27 points, so labels of about six characters each would overlap.
    const close = tornadoSpec(
      {
        base: 1.004,
        reference: 1,
        bars: [
          { key: 'rate', label: '发生率 ±10%', low: 0.903, high: 1.104 },
          { key: 'cost-mean', label: '自负费用均值 ±10%', low: 0.942, high: 1.066 },
        ],
      },
      { lang: 'zh', labels },
    ) as Json;
    expect(close.layer[4].data.values[0].text).toBe('基准 100.4%');
    expect(close.layer[6].data.values[0].text).toBe('持平 100%');
    expect(close.layer[4].mark.dy).toBe(-6);
    expect(close.layer[6].mark.dy).toBe(-20);
    expect(close.title.offset).toBe(38); // room for the second line under the title
  });
  it('has no reference rule when none is given', () => {
    const plain = tornadoSpec({ base: 0.8, bars: input.bars }, { lang: 'zh', labels }) as Json;
    expect(plain.layer.map((l: Json) => l.mark.type)).toEqual(['bar', 'text', 'text', 'rule', 'text']);
  });
  it('writes small probabilities with more decimals when asked', () => {
    const small = tornadoSpec(
      { base: 0.0002, digits: 2, bars: [{ key: 'rate', label: '发生率 ±10%', low: 0.0001, high: 0.0067 }] },
      { lang: 'zh', labels },
    ) as Json;
    expect(small.layer[2].data.values.map((r: Json) => r.text)).toEqual(['0.67%']);
    expect(small.layer[1].data.values).toEqual([]); // 0.01% sits at the axis's start: no room for its label
    expect(small.layer[0].encoding.x.axis.format).toBe('.2~%');
  });
  it('grows in height with the number of assumptions', () => {
    expect(spec.height).toBe(90 + 30 * 3);
  });
});
