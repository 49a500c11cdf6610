import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { amountAxis, amountLabelExpr, amountUnit } from '../../src/charts/axisFormat.ts';
import type { Lang } from '../../src/domain/format.ts';

/** The labels Vega draws for ticks at `values` on an amount axis, evaluated by vega-interpreter. */
async function tickLabels(
  values: number[],
  lang: Lang,
  maxAbs = Math.max(...values.map(Math.abs)),
): Promise<string[]> {
  const vg = compile({
    data: { values: values.map((v) => ({ v })) },
    mark: 'point',
    width: 400,
    encoding: {
      x: {
        field: 'v',
        type: 'quantitative',
        scale: { domain: [Math.min(...values), Math.max(...values)], nice: false, zero: false },
        axis: { ...amountAxis('', maxAbs, lang), values },
      },
    },
  }).spec;
  const view = new vega.View(vega.parse(vg, undefined, { ast: true }), {
    expr: expressionInterpreter,
    renderer: 'none',
  });
  const svg = await view.toSVG();
  view.finalize();
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

describe('amountUnit', () => {
  it('reads Chinese amounts in 万 from 10,000 and in 亿 from 10^8, as formatYuan does', () => {
    expect(amountUnit(9999, 'zh')).toEqual({ divisor: 1, suffix: '' });
    expect(amountUnit(10000, 'zh')).toEqual({ divisor: 1e4, suffix: '万' });
    expect(amountUnit(2.592e7, 'zh')).toEqual({ divisor: 1e4, suffix: '万' });
    expect(amountUnit(2.27e8, 'zh')).toEqual({ divisor: 1e8, suffix: '亿' });
  });
  it('reads English amounts in k from 10,000, in M from 10^6 and in bn from 10^9', () => {
    expect(amountUnit(9999, 'en')).toEqual({ divisor: 1, suffix: '' });
    expect(amountUnit(60000, 'en')).toEqual({ divisor: 1e3, suffix: ' k' });
    expect(amountUnit(2.592e7, 'en')).toEqual({ divisor: 1e6, suffix: ' M' });
    expect(amountUnit(3e9, 'en')).toEqual({ divisor: 1e9, suffix: ' bn' });
  });
  it('chooses by size whatever the sign', () => {
    expect(amountUnit(-5e6, 'zh')).toEqual({ divisor: 1e4, suffix: '万' });
  });
});

describe('amountLabelExpr', () => {
  it('is one Vega expression with the unit embedded', () => {
    expect(amountLabelExpr({ divisor: 1e4, suffix: '万' })).toBe(
      "datum.value == 0 ? '0' : (datum.value < 0 ? '−' : '') + '¥' + format(abs(datum.value) / 10000, ',') + '万'",
    );
  });
  it('draws ¥1,000万, ¥2,592万 and 0 in Chinese (through vega-interpreter, no eval)', async () => {
    expect(await tickLabels([0, 1e7, 2.592e7], 'zh')).toEqual(['0', '¥1,000万', '¥2,592万']);
  });
  it('draws ¥0.5万 and ¥3.02万 below a 万 scale, and ¥2.5亿 in 亿', async () => {
    expect(await tickLabels([5000, 30200], 'zh')).toEqual(['¥0.5万', '¥3.02万']);
    expect(await tickLabels([1e8, 2.5e8], 'zh')).toEqual(['¥1亿', '¥2.5亿']);
  });
  it('draws ¥15.35 M, ¥60 k and ¥1.2 bn in English', async () => {
    expect(await tickLabels([1e7, 1.535e7], 'en')).toEqual(['¥10 M', '¥15.35 M']);
    expect(await tickLabels([20000, 60000], 'en')).toEqual(['¥20 k', '¥60 k']);
    expect(await tickLabels([1.2e9, 2e9], 'en')).toEqual(['¥1.2 bn', '¥2 bn']);
  });
  it('draws small amounts in plain yuan with separators, and a deficit with the minus before the ¥', async () => {
    expect(await tickLabels([1000, 9500], 'zh')).toEqual(['¥1,000', '¥9,500']);
    expect(await tickLabels([-2e6, 0, 1e6], 'zh')).toEqual(['−¥200万', '0', '¥100万']);
  });
  it('leaves no binary noise in a label: 0.1 + 0.2 万 is ¥0.3万', async () => {
    expect(await tickLabels([(0.1 + 0.2) * 1e4, 1e4], 'zh')).toEqual(['¥0.3万', '¥1万']);
  });
});
