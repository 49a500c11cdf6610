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
