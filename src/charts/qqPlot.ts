/**
 * Quantile–quantile plot of fitted cost distributions: for each family, the fitted
 * distribution's quantile F⁻¹(p) (x) against the sample's type-7 quantile at the same p (y),
 * on log scales (claim costs spread over orders of magnitude), with the 45° line y = x: a family
 * that fits lies on the line; one whose points bend away above the line underestimates the tail.
 *
 * Pure: `(series, options) => TopLevelSpec`, data inline, every text from `labels`.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatYuan } from '../domain/format.ts';
import { frame, type ChartOptions } from './config.ts';

export interface QqSeries {
  /** The family's name as shown in the legend. */
  label: string;
  points: readonly { p: number; theoretical: number; empirical: number }[];
}

export interface QqLabels {
  title: string;
  x: string;
  y: string;
  line: string;
}

export function qqPlotSpec(series: readonly QqSeries[], options: ChartOptions<QqLabels>): TopLevelSpec {
  const { labels, lang } = options;
  const rows = series.flatMap((s) =>
    s.points
      .filter(
        (q) =>
          q.theoretical > 0 &&
          q.empirical > 0 &&
          Number.isFinite(q.theoretical) &&
          Number.isFinite(q.empirical),
      )
      .map((q) => ({
        family: s.label,
        theoretical: q.theoretical,
        empirical: q.empirical,
        tip: `${s.label} · p = ${q.p.toFixed(3)}: ${formatYuan(q.theoretical, lang)} / ${formatYuan(q.empirical, lang)}`,
      })),
  );
  const values = rows.flatMap((r) => [r.theoretical, r.empirical]);
  const lo = values.length ? Math.min(...values) : 1;
  const hi = values.length ? Math.max(...values) : 10;
  const order = series.map((s) => s.label);
  const scale = { type: 'log' as const, domain: [lo, hi], nice: false };
  const ticks = logTicks(lo, hi);
  return {
    ...frame(labels.title, options, 320),
    layer: [
      {
        data: {
          values: [
            { v: lo, line: labels.line },
            { v: hi, line: labels.line },
          ],
        },
        mark: { type: 'line', color: '#888', strokeDash: [4, 3] },
        encoding: {
          x: {
            field: 'v',
            type: 'quantitative',
            scale,
            axis: { title: labels.x, values: ticks, labelExpr: logLabelExpr(lang) },
          },
          y: {
            field: 'v',
            type: 'quantitative',
            scale,
            axis: { title: labels.y, values: ticks, labelExpr: logLabelExpr(lang) },
          },
          tooltip: { field: 'line' },
        },
      },
      {
        data: { values: rows },
        mark: { type: 'point', filled: true, size: 28, opacity: 0.8 },
        encoding: {
          x: { field: 'theoretical', type: 'quantitative', scale },
          y: { field: 'empirical', type: 'quantitative', scale },
          color: {
            field: 'family',
            type: 'nominal',
            sort: order,
            scale: { range: ['#1f5fa8', '#b26b00', '#2e7d32'] },
            legend: { title: null, orient: 'top-left' },
          },
          shape: { field: 'family', type: 'nominal', sort: order },
          tooltip: { field: 'tip' },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Ticks 1, 2, 5 × 10^k inside [lo, hi] (a log axis reads by decades). */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** k;
      if (v >= lo && v <= hi) out.push(Number(v.toPrecision(12)));
    }
  }
  return out;
}

/**
 * Each tick in its own unit, with the thresholds of formatYuan (a log axis spans units): 万 from
 * 10,000 and 亿 from 10^8 in Chinese; k from 10,000, M from 10^6 in English; plain yuan below.
 */
export function logLabelExpr(lang: 'zh' | 'en'): string {
  const v = 'datum.value';
  return lang === 'zh'
    ? `${v} >= 1e8 ? '¥' + format(${v} / 1e8, ',') + '亿' : ${v} >= 1e4 ? '¥' + format(${v} / 1e4, ',') + '万' : '¥' + format(${v}, ',')`
    : `${v} >= 1e6 ? '¥' + format(${v} / 1e6, ',') + ' M' : ${v} >= 1e4 ? '¥' + format(${v} / 1e3, ',') + ' k' : '¥' + format(${v}, ',')`;
}
