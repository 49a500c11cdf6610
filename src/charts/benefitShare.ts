/**
 * Where the money goes: each benefit's share of the expected payout, as horizontal bars (one
 * row per benefit, in the order given; labels should be distinct, as they name the rows) on a 0–100% axis, each labelled with its percentage.
 * The amount (formatYuan) is in the tooltip. A leader sees at once which benefit drives the cost.
 *
 * A share is expected / Σ expected (all shares 0 when nothing is expected). The percentage sits
 * just past the end of its bar, or inside the bar's end, in white, when the bar nearly fills the
 * axis and the text would not fit after it.
 *
 * Pure: `(shares, options) => TopLevelSpec`, data inline, every text from `labels`, the benefit
 * labels, or formatted with `formatPercent` / `formatYuan` in `options.lang`.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatPercent, formatYuan, type Lang } from '../domain/format.ts';
import { frame, type ChartOptions, type Layer } from './config.ts';

export interface BenefitShareInput {
  id: string;
  label: string;
  /** The benefit's expected payout in the period (yuan). */
  expected: number;
}

export interface BenefitShareLabels {
  title: string;
  /** The share axis ("share of the expected payout"). */
  x: string;
  /** The benefit axis; omit for none. */
  y?: string;
}

export interface ShareRow {
  id: string;
  label: string;
  expected: number;
  share: number;
  text: string;
  tip: string;
  /** True when the percentage is written inside the end of the bar. */
  inside: boolean;
}

/** A bar longer than this (of the 0–100% axis) carries its percentage inside. */
export const INSIDE_FROM = 0.85;

export function shareRows(shares: readonly BenefitShareInput[], lang: Lang): ShareRow[] {
  const total = shares.reduce((s, b) => s + b.expected, 0);
  return shares.map((b) => {
    const share = total > 0 ? b.expected / total : 0;
    const text = formatPercent(share);
    return {
      id: b.id,
      label: b.label,
      expected: b.expected,
      share,
      text,
      tip: `${b.label}: ${text} (${formatYuan(b.expected, lang)})`,
      inside: share > INSIDE_FROM,
    };
  });
}

function textLayer(rows: ShareRow[], inside: boolean): Layer {
  return {
    data: { values: rows.filter((r) => r.inside === inside) },
    mark: inside
      ? { type: 'text', align: 'right', dx: -4, baseline: 'middle', color: 'white', fontWeight: 'bold' }
      : { type: 'text', align: 'left', dx: 4, baseline: 'middle', color: '#333333' },
    encoding: { text: { field: 'text', type: 'nominal' } },
  };
}

export function benefitShareSpec(
  shares: readonly BenefitShareInput[],
  options: ChartOptions<BenefitShareLabels>,
): TopLevelSpec {
  const { lang, labels } = options;
  const rows = shareRows(shares, lang);
  const bars: Layer = {
    data: { values: rows },
    mark: { type: 'bar', color: '#4c78a8' },
    encoding: { tooltip: { field: 'tip', type: 'nominal' } },
  };
  return {
    ...frame(labels.title, options, 60 + 32 * Math.max(1, rows.length)),
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        sort: rows.map((r) => r.label),
        title: labels.y ?? null,
        axis: { labelLimit: 240 },
      },
      x: {
        field: 'share',
        type: 'quantitative',
        title: labels.x,
        scale: { domain: [0, 1], nice: false },
        axis: { format: '~%' },
      },
    },
    layer: [bars, textLayer(rows, false), textLayer(rows, true)],
  };
}
