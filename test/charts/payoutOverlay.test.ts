import { describe, expect, it } from 'vitest';
import {
  outlinePoints,
  overlayBins,
  overlayTips,
  payoutOverlaySpec,
} from '../../src/charts/payoutOverlay.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a vega-lite spec, walked as plain JSON
type Json = Record<string, any>;
const labels = { title: '各方案支出分布', x: '一年支出', y: '年份占比', income: '收入' };

describe('overlayBins', () => {
  it('cuts every sample on one grid: the same edges for all, whatever each sample’s own range', () => {
    const [a, b] = overlayBins([Float64Array.of(0, 1, 2, 3), Float64Array.of(5, 6, 7, 8, 9, 10)], 5);
    expect(a.map((x) => x.x0)).toEqual(b.map((x) => x.x0));
    expect(a.map((x) => x.x1)).toEqual(b.map((x) => x.x1));
    expect(a[0].x0).toBe(0);
    expect(a.at(-1)!.x1).toBe(10);
    expect(a.reduce((s, x) => s + x.count, 0)).toBe(4);
    expect(b.reduce((s, x) => s + x.count, 0)).toBe(6);
  });
  it('gives no bins for empty samples', () => {
    expect(overlayBins([new Float64Array(0)], 5)).toEqual([[]]);
  });
});

describe('outlinePoints', () => {
  it('draws each version as a step outline: rise at the first edge, a level per bin, drop at the last', () => {
    const bins = [
      { x0: 0, x1: 10, count: 1 },
      { x0: 10, x1: 20, count: 3 },
    ];
    expect(outlinePoints([{ label: 'v', bins }]).map((p) => [p.i, p.x, p.share])).toEqual([
      [0, 0, 0],
      [1, 0, 0.25],
      [2, 10, 0.25],
      [3, 10, 0.75],
      [4, 20, 0.75],
      [5, 20, 0],
    ]);
  });
  it('gives heights as shares of each version’s own iterations', () => {
    const points = outlinePoints([
      { label: 'a', bins: [{ x0: 0, x1: 1, count: 10 }] },
      { label: 'b', bins: [{ x0: 0, x1: 1, count: 1000 }] },
    ]);
    expect(points.filter((p) => p.i === 1).map((p) => p.share)).toEqual([1, 1]);
  });
  it('writes tooltips with the version, the bin in 万 and the share', () => {
    expect(overlayTips([{ label: '新表', bins: [{ x0: 1e7, x1: 2e7, count: 1 }] }], 'zh')[0].tip).toBe(
      '新表: ¥1,000万 – ¥2,000万: 100.0%',
    );
  });
});

describe('payoutOverlaySpec', () => {
  const series = [
    {
      label: '旧表',
      bins: [
        { x0: 1e7, x1: 2e7, count: 3 },
        { x0: 2e7, x1: 3e7, count: 1 },
      ],
      income: 2.5e7,
    },
    {
      label: '新表',
      bins: [
        { x0: 1e7, x1: 2e7, count: 1 },
        { x0: 2e7, x1: 3e7, count: 3 },
      ],
      income: 2.6e7,
    },
  ];
  const spec = payoutOverlaySpec(series, { lang: 'zh', labels }) as Json;
  it('draws one outline per version, tooltips, and each version’s income as a dashed rule in its colour', () => {
    expect(spec.layer.map((l: Json) => l.mark.type)).toEqual(['line', 'point', 'rule']);
    expect(spec.layer[0].encoding.color.scale.domain).toEqual(['旧表', '新表']);
    expect(spec.layer[0].encoding.order.field).toBe('i');
    expect(spec.layer[2].data.values.map((r: Json) => [r.x, r.tip])).toEqual([
      [2.5e7, '旧表: 收入 ¥2,500万'],
      [2.6e7, '新表: 收入 ¥2,600万'],
    ]);
  });
  it('spans every bin and rule on an amount axis in 万', () => {
    const [lo, hi] = spec.encoding.x.scale.domain;
    expect(lo).toBeLessThanOrEqual(1e7);
    expect(hi).toBeGreaterThanOrEqual(3e7);
    expect(spec.encoding.x.axis.labelExpr).toContain('万');
  });
});
