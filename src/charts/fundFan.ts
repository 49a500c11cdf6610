/**
 * The fund over the years as a fan: the p5–p95 band of the fund balance at each year's end, its
 * median as a line, a zero line, and each year's P(depleted) as labelled points on a second axis
 * — so a planner sees the year a scheme drifts into trouble before it does.
 *
 * Pure: `(years, options) => TopLevelSpec`, data inline, every text from `labels`.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatPercent, formatYuan } from '../domain/format.ts';
import { amountAxis } from './axisFormat.ts';
import { frame, type ChartOptions } from './config.ts';

export interface FanYear {
  year: number;
  balance: { p5: number; p50: number; p95: number };
  probDepleted: number;
}

export interface FundFanLabels {
  title: string;
  x: string;
  y: string;
  band: string;
  median: string;
  depleted: string;
}

export function fundFanSpec(years: readonly FanYear[], options: ChartOptions<FundFanLabels>): TopLevelSpec {
  const { labels, lang } = options;
  const rows = years.map((y) => ({
    year: y.year,
    p5: y.balance.p5,
    p50: y.balance.p50,
    p95: y.balance.p95,
    depleted: y.probDepleted,
    tip: `${y.year}: ${labels.median} ${formatYuan(y.balance.p50, lang)} (${formatYuan(y.balance.p5, lang)} – ${formatYuan(y.balance.p95, lang)}); ${labels.depleted} ${formatPercent(y.probDepleted, 1)}`,
    depletedText: formatPercent(y.probDepleted, 0),
  }));
  const maxAbs = Math.max(1, ...rows.flatMap((r) => [Math.abs(r.p5), Math.abs(r.p95)]));
  const x = { field: 'year', type: 'ordinal' as const, title: labels.x, axis: { labelAngle: 0 } };
  return {
    ...frame(labels.title, options, 300),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'area', opacity: 0.25, color: '#1f5fa8' },
        encoding: {
          x,
          y: { field: 'p5', type: 'quantitative', axis: amountAxis(labels.y, maxAbs, lang) },
          y2: { field: 'p95' },
          tooltip: { field: 'tip' },
        },
      },
      {
        mark: { type: 'line', point: true, color: '#1f5fa8' },
        encoding: { x, y: { field: 'p50', type: 'quantitative' }, tooltip: { field: 'tip' } },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#b3261e', strokeDash: [4, 3] },
        encoding: { y: { field: 'zero', type: 'quantitative' } },
      },
      {
        mark: { type: 'text', dy: -10, color: '#b3261e', fontSize: 11 },
        transform: [{ filter: 'datum.depleted > 0' }],
        encoding: { x, y: { field: 'p5', type: 'quantitative' }, text: { field: 'depletedText' } },
      },
    ],
  } as TopLevelSpec;
}
