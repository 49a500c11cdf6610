/**
 * Experience by year: contributions against payouts as paired bars, the loss ratio as a line on
 * its own axis, and the flagged years marked (a red rule and the flag's code as text) — the
 * Wenzhou 2015 pattern (payouts +168% against contributions +31%) is visible at a glance.
 *
 * Pure: `(years, flags, options) => TopLevelSpec`, data inline, every text from `labels`.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatPercent, formatYuan } from '../domain/format.ts';
import { amountAxis } from './axisFormat.ts';
import { frame, type ChartOptions } from './config.ts';

export interface HistoryChartYear {
  year: number;
  contributions: number | null;
  payouts: number;
  lossRatio: number | null;
}

export interface HistoryChartLabels {
  title: string;
  x: string;
  y: string;
  contributions: string;
  payouts: string;
  lossRatio: string;
  flagged: string;
}

export function historySpec(
  years: readonly HistoryChartYear[],
  flags: readonly { year: number; text: string }[],
  options: ChartOptions<HistoryChartLabels>,
): TopLevelSpec {
  const { labels, lang } = options;
  const bars = years.flatMap((y) => [
    ...(y.contributions === null
      ? []
      : [
          {
            year: String(y.year),
            series: labels.contributions,
            amount: y.contributions,
            tip: `${y.year} ${labels.contributions} ${formatYuan(y.contributions, lang)}`,
          },
        ]),
    {
      year: String(y.year),
      series: labels.payouts,
      amount: y.payouts,
      tip: `${y.year} ${labels.payouts} ${formatYuan(y.payouts, lang)}`,
    },
  ]);
  const ratios = years
    .filter((y) => y.lossRatio !== null)
    .map((y) => ({
      year: String(y.year),
      ratio: y.lossRatio,
      tip: `${y.year} ${labels.lossRatio} ${formatPercent(y.lossRatio!)}`,
    }));
  // One mark per flagged year, its flags' texts joined: two texts at one year would overprint.
  const marks = [...new Set(flags.map((f) => f.year))].map((year) => ({
    year: String(year),
    text: flags
      .filter((f) => f.year === year)
      .map((f) => f.text)
      .join(' · '),
  }));
  const maxAbs = Math.max(1, ...bars.map((b) => b.amount));
  const x = { field: 'year', type: 'ordinal' as const, title: labels.x, axis: { labelAngle: 0 } };
  return {
    ...frame(labels.title, options, 300),
    resolve: { scale: { y: 'independent' } },
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar' },
        encoding: {
          x,
          xOffset: { field: 'series', sort: [labels.contributions, labels.payouts] },
          y: { field: 'amount', type: 'quantitative', axis: amountAxis(labels.y, maxAbs, lang) },
          color: {
            field: 'series',
            type: 'nominal',
            sort: [labels.contributions, labels.payouts],
            scale: { range: ['#8fb3dd', '#1f5fa8'] },
            legend: { title: null, orient: 'top-left' },
          },
          tooltip: { field: 'tip' },
        },
      },
      {
        data: { values: ratios },
        mark: { type: 'line', point: true, color: '#b26b00' },
        encoding: {
          x,
          y: {
            field: 'ratio',
            type: 'quantitative',
            axis: { title: labels.lossRatio, format: '.0%', orient: 'right' },
          },
          tooltip: { field: 'tip' },
        },
      },
      {
        data: { values: marks },
        mark: { type: 'rule', color: '#b3261e', strokeWidth: 2, strokeDash: [2, 2] },
        encoding: { x },
      },
      {
        data: { values: marks },
        mark: { type: 'text', color: '#b3261e', dy: -6, baseline: 'bottom', fontSize: 11 },
        encoding: { x, text: { field: 'text' }, y: { value: 0 } },
      },
    ],
  } as TopLevelSpec;
}
