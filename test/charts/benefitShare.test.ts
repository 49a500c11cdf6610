import { describe, expect, it } from 'vitest';
import { benefitShareSpec, shareRows } from '../../src/charts/benefitShare.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a vega-lite spec, walked as plain JSON
type Json = Record<string, any>;
const shares = [
  { id: 'self-pay', label: '住院自付', expected: 15e6 },
  { id: 'allowance', label: '住院津贴', expected: 5e6 },
];
const labels = { title: '期望给付构成', x: '占比' };

describe('shareRows', () => {
  it('gives each benefit its share of the expected payout, with the percentage and the amount', () => {
    expect(shareRows(shares, 'zh')).toEqual([
      {
        id: 'self-pay',
        label: '住院自付',
        expected: 15e6,
        share: 0.75,
        text: '75.0%',
        tip: '住院自付: 75.0% (¥1,500万)',
        inside: false,
      },
      {
        id: 'allowance',
        label: '住院津贴',
        expected: 5e6,
        share: 0.25,
        text: '25.0%',
        tip: '住院津贴: 25.0% (¥500万)',
        inside: false,
      },
    ]);
  });
  it('writes the percentage inside a bar that nearly fills the axis', () => {
    expect(
      shareRows(
        [
          { id: 'a', label: 'a', expected: 9 },
          { id: 'b', label: 'b', expected: 1 },
        ],
        'en',
      ).map((r) => r.inside),
    ).toEqual([true, false]);
  });
  it('gives shares of 0 when nothing is expected, rather than NaN', () => {
    expect(shareRows([{ id: 'a', label: 'a', expected: 0 }], 'en')[0]).toMatchObject({
      share: 0,
      text: '0.0%',
    });
  });
});

describe('benefitShareSpec', () => {
  const spec = benefitShareSpec(shares, { lang: 'zh', labels }) as Json;
  it('draws horizontal bars on a 0–100% axis, one row per benefit in the order given, with percentage labels', () => {
    expect(spec.layer.map((l: Json) => l.mark.type)).toEqual(['bar', 'text', 'text']);
    expect(spec.encoding.y.sort).toEqual(['住院自付', '住院津贴']);
    expect(spec.encoding.x.scale.domain).toEqual([0, 1]);
    expect(spec.encoding.x.axis.format).toBe('~%');
    expect(spec.layer[1].data.values.map((r: Json) => r.text)).toEqual(['75.0%', '25.0%']);
    expect(spec.layer[2].data.values).toEqual([]);
  });
  it('takes its titles from the labels, with no benefit-axis title unless given', () => {
    expect(spec.title.text).toBe('期望给付构成');
    expect(spec.encoding.x.title).toBe('占比');
    expect(spec.encoding.y.title).toBeNull();
    expect(
      (benefitShareSpec(shares, { lang: 'zh', labels: { ...labels, y: '给付项目' } }) as Json).encoding.y
        .title,
    ).toBe('给付项目');
  });
  it('grows in height with the number of benefits', () => {
    expect(spec.height).toBe(60 + 32 * 2);
    expect((benefitShareSpec(shares, { lang: 'zh', labels, height: 200 }) as Json).height).toBe(200);
  });
});
