/**
 * Several scheme versions' payout distributions on one chart: one step outline per version over
 * the SAME bins (so the heights compare bin by bin), coloured by version and named in the legend,
 * with each version's income as a dashed rule in its colour. A planner sees at once how far the
 * new table moves the distribution, and how much of it now lies past the income.
 *
 * The bins must share their edges: `overlayBins` cuts every sample over one common extent
 * (`histogram` with `extent`), which puts every edge on one grid. A bar height is the share of
 * that version's iterations in the bin, so versions run with different iteration counts still
 * compare.
 *
 * Outlines are drawn as step lines through the bin edges (rise at the first edge, a level per bin,
 * drop at the last edge), in the given order (an `order` channel), so nothing is stacked and no
 * version hides another. Invisible points at the bin centres carry the tooltips.
 *
 * Pure: `(series, options) => TopLevelSpec`, data inline, every text from `labels`, the series
 * labels, or formatted with `formatYuan` / `formatPercent` in `options.lang`.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatPercent, formatYuan, type Lang } from '../domain/format.ts';
import { histogram, type HistogramBin } from '../stats/histogram.ts';
import { amountX } from './axisFormat.ts';
import { frame, lineLegendColor, type ChartOptions, type Layer } from './config.ts';

export interface OverlaySeries {
  /** What the legend says for this version (distinct per version). */
  label: string;
  /** Bins of the version's period payout, on the grid shared with the other versions. */
  bins: readonly HistogramBin[];
  /** The version's income, drawn as a dashed rule; omit for none. */
  income?: number;
}

export interface PayoutOverlayLabels {
  title: string;
  x: string;
  y: string;
  /** Names the income rules in their tooltips ("income"). */
  income: string;
}

/** A point of a version's step outline, in drawing order. */
export interface OutlinePoint {
  series: number;
  label: string;
  i: number;
  x: number;
  share: number;
}

/** A bin's centre with its tooltip. */
export interface OverlayTip {
  series: number;
  label: string;
  x: number;
  share: number;
  tip: string;
}

/** Histograms of several samples over one shared extent (the union of their ranges): same edges. */
export function overlayBins(samples: readonly ArrayLike<number>[], bins = 40): HistogramBin[][] {
  let lo = Infinity,
    hi = -Infinity;
  for (const s of samples) {
    for (let i = 0; i < s.length; i++) {
      if (s[i] < lo) lo = s[i];
      if (s[i] > hi) hi = s[i];
    }
  }
  if (!(lo <= hi)) return samples.map(() => []);
  return samples.map((s) => histogram(s, { bins, extent: [lo, hi] }));
}

const shareOf = (bins: readonly HistogramBin[]) => {
  const total = bins.reduce((s, b) => s + b.count, 0);
  return (b: HistogramBin) => (total > 0 ? b.count / total : 0);
};

/** Each version's outline: (x0, 0), then (x0, share) and (x1, share) per bin, then (last x1, 0). */
export function outlinePoints(series: readonly OverlaySeries[]): OutlinePoint[] {
  return series.flatMap((s, k) => {
    if (s.bins.length === 0) return [];
    const share = shareOf(s.bins);
    const xy: [number, number][] = [[s.bins[0].x0, 0]];
    for (const b of s.bins) xy.push([b.x0, share(b)], [b.x1, share(b)]);
    xy.push([s.bins[s.bins.length - 1].x1, 0]);
    return xy.map(([x, y], i) => ({ series: k, label: s.label, i, x, share: y }));
  });
}

export function overlayTips(series: readonly OverlaySeries[], lang: Lang): OverlayTip[] {
  return series.flatMap((s, k) => {
    const share = shareOf(s.bins);
    return s.bins.map((b) => {
      const p = share(b);
      return {
        series: k,
        label: s.label,
        x: (b.x0 + b.x1) / 2,
        share: p,
        tip: `${s.label}: ${formatYuan(b.x0, lang)} – ${formatYuan(b.x1, lang)}: ${formatPercent(p, p < 0.01 ? 2 : 1)}`,
      };
    });
  });
}

export function payoutOverlaySpec(
  series: readonly OverlaySeries[],
  options: ChartOptions<PayoutOverlayLabels>,
): TopLevelSpec {
  const { lang, labels } = options;
  const points = outlinePoints(series);
  const incomes = series.flatMap((s, k) =>
    s.income === undefined
      ? []
      : [
          {
            series: k,
            label: s.label,
            x: s.income,
            tip: `${s.label}: ${labels.income} ${formatYuan(s.income, lang)}`,
          },
        ],
  );
  const xs = [...points.map((p) => p.x), ...incomes.map((r) => r.x)];
  const lo = xs.length ? Math.min(...xs) : 0;
  const hi = xs.length ? Math.max(...xs) : 1;
  const pad = (hi - lo) * 0.02 || Math.max(1, Math.abs(hi) * 0.05);
  const domain = [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
  const tallest = Math.max(0, ...points.map((p) => p.share)) || 0.01;
  const names = series.map((s) => s.label);
  const color = lineLegendColor(names, 'top-right', { labelLimit: 320 });
  const outline: Layer = {
    data: { values: points },
    mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' },
    encoding: {
      y: {
        field: 'share',
        type: 'quantitative',
        title: labels.y,
        scale: { domain: [0, tallest * 1.12], nice: false },
        axis: { format: '~%' },
      },
      color,
      detail: { field: 'series', type: 'nominal' },
      order: { field: 'i', type: 'quantitative' },
    },
  };
  const hover: Layer = {
    data: { values: overlayTips(series, lang) },
    mark: { type: 'point', filled: true, size: 60, opacity: 0 },
    encoding: {
      y: { field: 'share', type: 'quantitative' },
      color,
      tooltip: { field: 'tip', type: 'nominal' },
    },
  };
  const rules: Layer = {
    data: { values: incomes },
    mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [5, 3] },
    encoding: { color, tooltip: { field: 'tip', type: 'nominal' } },
  };
  return {
    ...frame(labels.title, options),
    encoding: {
      x: amountX(labels.x, domain, lang),
    },
    layer: [outline, hover, rules],
  };
}
