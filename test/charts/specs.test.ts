/**
 * Every chart spec, in both languages, is checked as Vega-Lite checks its examples: it compiles
 * with no warning, renders headlessly to SVG through vega-interpreter (no eval, as under the
 * app's CSP) with no runtime warning, is plain JSON, loads nothing, does not touch its input,
 * and in Chinese shows no Latin letter anywhere.
 */
import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { benefitCurve } from '../../src/benefits/curve.ts';
import { benefitCurveSpec } from '../../src/charts/benefitCurve.ts';
import { benefitShareSpec } from '../../src/charts/benefitShare.ts';
import { SCHEMA } from '../../src/charts/config.ts';
import { payoutDistributionSpec } from '../../src/charts/payoutDistribution.ts';
import { overlayBins, payoutOverlaySpec } from '../../src/charts/payoutOverlay.ts';
import { tornadoSpec } from '../../src/charts/tornado.ts';
import type { Lang } from '../../src/domain/format.ts';
import { histogram } from '../../src/stats/histogram.ts';
import { chartLabels, compileMessages, recordingLogger, type RecordingLogger } from '../helpers/charts.ts';
import { hangzhou, jiaxing, wenzhou } from '../helpers/fixtures.ts';

/** Compiles with vega-lite and renders with vega through the expression interpreter. */
async function render(
  spec: TopLevelSpec,
): Promise<{ compiled: RecordingLogger; runtime: RecordingLogger; svg: string }> {
  const compiled = recordingLogger();
  const vg = compile(spec, { logger: compiled }).spec;
  const runtime = recordingLogger();
  const view = new vega.View(vega.parse(vg, undefined, { ast: true }), {
    expr: expressionInterpreter,
    renderer: 'none',
    logger: runtime,
  });
  try {
    return { compiled, runtime, svg: await view.toSVG() };
  } finally {
    view.finalize();
  }
}

/** The text of every <text> element, entities decoded. */
const svgTexts = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  );

/** The aria-labels a screen reader would read: those not inside an aria-hidden element. */
function exposedAriaLabels(svg: string): string[] {
  const labels: string[] = [];
  const hidden: boolean[] = [];
  for (const [, close, attrs, selfClosing] of svg.matchAll(/<(\/?)[a-z]+([^>]*?)(\/?)>/g)) {
    if (close) {
      hidden.pop();
      continue;
    }
    const isHidden = (hidden.at(-1) ?? false) || attrs.includes('aria-hidden="true"');
    const label = /aria-label="([^"]*)"/.exec(attrs);
    if (label && !isHidden) labels.push(label[1]);
    if (!selfClosing) hidden.push(isHidden);
  }
  return labels;
}

/** Every (path, value) in a JSON-like value. */
function* walk(v: unknown, path = ''): Generator<[string, unknown]> {
  yield [path, v];
  if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) yield* walk(c, `${path}.${k}`);
}

/** What a reader can see of a spec: titles, descriptions, text marks' data and tooltips. */
function visibleTexts(spec: unknown): string[] {
  const texts: string[] = [];
  for (const [path, v] of walk(spec)) {
    if (typeof v !== 'string') continue;
    if (/\.(title|description|text|tip|label)$/.test(path) || /\.title\.text$/.test(path)) texts.push(v);
  }
  return texts;
}

/** Period payouts around Hangzhou's 18.6 M, with a tail past income (25.92 M) and the threshold (27.92 M). */
function payouts(): Float64Array {
  let s = 42;
  const u = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Float64Array.from(
    { length: 20000 },
    () => 18.6e6 * Math.exp(0.15 * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()) - 0.011),
  );
}

interface Example {
  name: string;
  lang: Lang;
  input: unknown;
  build: () => TopLevelSpec;
}

function examples(lang: Lang): Example[] {
  const l = chartLabels(lang);
  const payoutInput = {
    bins: histogram(payouts(), { bins: 40 }),
    income: 25.92e6,
    threshold: 27.92e6,
    expected: 18.6e6,
    net: 25.4e6,
  };
  const curves = [
    { id: 'hangzhou', label: l.names.hangzhou, points: benefitCurve(hangzhou) },
    { id: 'wenzhou', label: l.names.wenzhou, points: benefitCurve(wenzhou, 100000) },
    { id: 'jiaxing', label: l.names.jiaxing, points: benefitCurve(jiaxing) },
  ];
  const shares = [
    { id: 'hangzhou', label: l.names.hangzhou, expected: 13.5e6 },
    { id: 'wenzhou', label: l.names.wenzhou, expected: 3.6e6 },
    { id: 'jiaxing', label: l.names.jiaxing, expected: 1.5e6 },
  ];
  const [oldBins, newBins] = overlayBins([payouts().map((x) => x * 0.88), payouts()], 40);
  const overlay = [
    { label: l.versions[0], bins: oldBins, income: 25.92e6 },
    { label: l.versions[1], bins: newBins, income: 25.92e6 },
  ];
  const tornado = {
    base: 0.72,
    reference: 1,
    bars: l.assumptions.map((label, i) => ({
      key: String(i),
      label,
      low: 0.72 - 0.07 / (i + 1),
      high: 0.72 + 0.07 / (i + 1),
    })),
  };
  return [
    {
      name: 'payout distribution',
      lang,
      input: payoutInput,
      build: () => payoutDistributionSpec(payoutInput, { lang, labels: l.payout, width: 640 }),
    },
    {
      name: 'benefit curve',
      lang,
      input: curves,
      build: () => benefitCurveSpec(curves, { lang, labels: l.curve, width: 640 }),
    },
    {
      name: 'benefit share',
      lang,
      input: shares,
      build: () => benefitShareSpec(shares, { lang, labels: l.share, width: 640 }),
    },
    {
      name: 'benefit share, one benefit at 100%',
      lang,
      input: shares.slice(0, 1),
      build: () => benefitShareSpec(shares.slice(0, 1), { lang, labels: l.share, width: 400, height: 120 }),
    },
    {
      name: 'payout overlay',
      lang,
      input: overlay,
      build: () => payoutOverlaySpec(overlay, { lang, labels: l.overlay, width: 640 }),
    },
    {
      name: 'tornado',
      lang,
      input: tornado,
      build: () => tornadoSpec(tornado, { lang, labels: l.tornado, width: 640 }),
    },
  ];
}

describe.each(['zh', 'en'] as const)('every chart in %s', (lang) => {
  describe.each(examples(lang))('$name', ({ input, build }) => {
    it('compiles with vega-lite and renders with vega through the interpreter, with no warning', async () => {
      const { compiled, runtime, svg } = await render(build());
      expect(compiled.messages).toEqual([]);
      expect(runtime.messages).toEqual([]);
      expect(svg).toMatch(/^<svg/);
      expect(svgTexts(svg).length).toBeGreaterThan(3);
    });
    it('fills its container by default and still compiles with no warning', () => {
      const spec = { ...build(), width: 'container' } as TopLevelSpec;
      expect(compileMessages(spec)).toEqual([]);
    });
    it('is plain JSON, with the schema and its data inline (nothing to load)', () => {
      const spec = build();
      expect(JSON.parse(JSON.stringify(spec))).toStrictEqual(spec);
      expect(spec.$schema).toBe(SCHEMA);
      for (const [path, v] of walk(spec)) {
        expect(path).not.toMatch(/\.url$/);
        if (typeof v === 'string' && path !== '.$schema') expect(v).not.toMatch(/https?:|data:/);
      }
    });
    it('does not modify its input', () => {
      const before = structuredClone(input);
      build();
      expect(input).toStrictEqual(before);
    });
    it('draws axis labels in the amount units of its language', async () => {
      const texts = svgTexts((await render(build())).svg);
      if (lang === 'zh')
        expect(texts.some((t) => /^¥[\d,.]+[万亿]$/.test(t)) || texts.some((t) => /%$/.test(t))).toBe(true);
      else
        expect(texts.some((t) => /^¥[\d,.]+ (k|M|bn)$/.test(t)) || texts.some((t) => /%$/.test(t))).toBe(
          true,
        );
    });
  });
});

describe.each(examples('zh'))('in Chinese, the $name', ({ build }) => {
  it('has no Latin letter in any title, label, text or tooltip of the spec', () => {
    const texts = visibleTexts(build());
    expect(texts.length).toBeGreaterThan(2);
    for (const t of texts) expect(t).not.toMatch(/[A-Za-z]/);
  });
  it('has no Latin letter in any text of the rendered SVG, nor in an ARIA label a screen reader reads', async () => {
    const { svg } = await render(build());
    for (const t of svgTexts(svg)) expect(t).not.toMatch(/[A-Za-z]/);
    expect(exposedAriaLabels(svg).filter((l) => /[A-Za-z]/.test(l))).toEqual([]);
  });
});

describe('amount axes', () => {
  it('the payout distribution reads its amounts in 万 in Chinese and in M in English', async () => {
    const [zh] = examples('zh');
    const [en] = examples('en');
    const zhTexts = svgTexts((await render(zh.build())).svg);
    const enTexts = svgTexts((await render(en.build())).svg);
    expect(zhTexts).toContain('¥2,000万');
    expect(zhTexts).toContain('收入 ¥2,592万');
    expect(zhTexts).toContain('收入+储备+兜底 ¥2,792万');
    expect(zhTexts).toContain('期望给付 ¥1,860万');
    expect(enTexts).toContain('¥20 M');
    expect(enTexts).toContain('Income ¥25.92 M');
  });
  it('the benefit curve reads costs and benefits in 万 in Chinese and in k in English', async () => {
    const zhTexts = svgTexts((await render(examples('zh')[1].build())).svg);
    const enTexts = svgTexts((await render(examples('en')[1].build())).svg);
    expect(zhTexts).toContain('¥10万'); // cost axis to 100,000
    expect(zhTexts).toContain('¥3万'); // benefit axis to 30,200
    expect(zhTexts).toContain('0');
    expect(enTexts).toContain('¥100 k');
    expect(enTexts).toContain('¥30 k');
    expect(zhTexts).toEqual(expect.arrayContaining(['杭州 2016', '温州 大额', '嘉兴'])); // the legend
  });
  it('the benefit share reads percentages', async () => {
    const texts = svgTexts((await render(examples('zh')[2].build())).svg);
    expect(texts).toEqual(expect.arrayContaining(['72.6%', '19.4%', '8.1%', '100%']));
  });
});
