import { describe, expect, it } from 'vitest';
import { benefitCurve } from '../../src/benefits/curve.ts';
import { benefitCurveSpec, curveRows } from '../../src/charts/benefitCurve.ts';
import { hangzhou, wenzhou } from '../helpers/fixtures.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a vega-lite spec, walked as plain JSON
type Json = Record<string, any>;
const labels = { title: '给付曲线', x: '自付费用', y: '给付' };
const curves = [
  { id: 'self-pay', label: '2016 版', points: benefitCurve(hangzhou) },
  { id: 'self-pay', label: '2015 版', points: benefitCurve(wenzhou, 60000) },
];

describe('curveRows', () => {
  const rows = curveRows(curves, labels, 'zh');
  it('numbers the points of each curve in drawing order, so a step riser is drawn upwards', () => {
    const riser = rows.filter((r) => r.curve === 1 && r.cost === 30000);
    expect(riser.map((r) => [r.i, r.pays])).toEqual([
      [1, 0],
      [2, 1000],
    ]);
  });
  it('keeps two curves apart even when they share a benefit id', () => {
    expect(new Set(rows.map((r) => r.curve))).toEqual(new Set([0, 1]));
  });
  it('writes a tooltip with the curve, the cost and the benefit in the language asked for', () => {
    expect(rows.find((r) => r.curve === 0 && r.cost === 50000)!.tip).toBe(
      '2016 版: 自付费用 ¥5万 → 给付 ¥3.02万',
    );
  });
});

describe('benefitCurveSpec', () => {
  const spec = benefitCurveSpec(curves, { lang: 'zh', labels }) as Json;
  it('draws one line per curve, coloured by its label in the order given, with hover points for tooltips', () => {
    expect(spec.layer.map((l: Json) => l.mark.type)).toEqual(['line', 'point']);
    expect(spec.encoding.color.field).toBe('label');
    expect(spec.encoding.color.scale.domain).toEqual(['2016 版', '2015 版']);
    expect(spec.encoding.detail.field).toBe('curve');
    expect(spec.layer[0].encoding.order.field).toBe('i');
    expect(spec.layer[1].encoding.tooltip.field).toBe('tip');
  });
  it('draws the cost axis from 0 to the end of the longest curve, in 万', () => {
    expect(spec.encoding.x.scale.domain).toEqual([0, 60000]);
    expect(spec.encoding.x.axis.labelExpr).toContain("'万'");
    expect(spec.encoding.y.axis.labelExpr).toContain("'万'");
  });
  it('takes every title from the labels and hides the legend title', () => {
    expect(spec.title.text).toBe('给付曲线');
    expect(spec.encoding.x.title).toBe('自付费用');
    expect(spec.encoding.y.title).toBe('给付');
    expect(spec.encoding.color.legend.title).toBeNull();
  });
  it('carries the curve points inline, exactly', () => {
    const hz = spec.data.values.filter((r: Json) => r.curve === 0).map((r: Json) => [r.cost, r.pays]);
    expect(hz).toEqual([
      [0, 0],
      [1000, 200],
      [10000, 4700],
      [15000, 9200],
      [50000, 30200],
      [60000, 30200],
    ]);
  });
  it('draws an empty chart for no curves', () => {
    const empty = benefitCurveSpec([], { lang: 'en', labels }) as Json;
    expect(empty.data.values).toEqual([]);
    expect(empty.encoding.x.scale.domain).toEqual([0, 1]);
  });
});
