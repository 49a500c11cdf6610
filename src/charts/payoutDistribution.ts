/**
 * The payout distribution: what a leader reads first. A histogram of the simulated period
 * payout (bar height = share of iterations), with vertical rules, labelled with their amounts,
 * at the income, at the threshold the fund can bear (income − expenses + reserve + backstop)
 * and at the exact expected payout.
 *
 * Bars are coloured by what the year would mean: within the income (blue), a deficit the reserve
 * and backstop cover (amber), a deficit beyond them (dark red). A bin that straddles a rule is
 * drawn as two rectangles of the same height, split at the rule, so the colours change exactly
 * where the rules stand; the rule labels explain the colours, so there is no legend.
 * The deficit starts at `net` (income − expenses) when given, otherwise at the income; `net`
 * gets a rule of its own (dotted, labelled with `labels.net` if given) when it differs.
 *
 * Pure: `(input, options) => TopLevelSpec`, data inline, every text from `labels` or formatted
 * with `formatYuan` / `formatPercent` in `options.lang`.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatPercent, formatYuan, type Lang } from '../domain/format.ts';
import type { HistogramBin } from '../stats/histogram.ts';
import { amountX } from './axisFormat.ts';
import { frame, type ChartOptions, type Layer } from './config.ts';

export interface PayoutDistributionInput {
  /** Bins of the simulated period payout (`histogram`). */
  bins: readonly HistogramBin[];
  income: number;
  /** income − expenses + reserve + backstop: a payout above it breaks the fund. */
  threshold: number;
  /** The exact expected payout. */
  expected: number;
  /** income − expenses, when it differs from the income. */
  net?: number;
}

export interface PayoutDistributionLabels {
  title: string;
  x: string;
  y: string;
  income: string;
  threshold: string;
  expected: string;
  net?: string;
}

export type Zone = 'within' | 'deficit' | 'beyond';
export const ZONES: Zone[] = ['within', 'deficit', 'beyond'];
export const ZONE_COLORS = ['#4c78a8', '#f2b447', '#b2182b'];

/** One rectangle of the histogram: [x, x2) of a bin (or part of it) and the bin's share. */
export interface PayoutBar {
  x: number;
  x2: number;
  share: number;
  zone: Zone;
  tip: string;
}

/** A labelled vertical rule. */
interface Marker {
  x: number;
  text: string;
  color: string;
  dash: number[];
}

const LINE_HEIGHT = 16;

/** The zone of [a, b): beyond the threshold, within what the year brings in, or a covered deficit. */
function zoneOf(a: number, b: number, deficitFrom: number, threshold: number): Zone {
  if (a >= threshold) return 'beyond';
  if (b <= deficitFrom) return 'within';
  return 'deficit';
}

/** The bins as rectangles, split at the start of the deficit and at the threshold, with shares. */
export function payoutBars(input: PayoutDistributionInput, lang: Lang): PayoutBar[] {
  const total = input.bins.reduce((s, b) => s + b.count, 0);
  const deficitFrom = input.net ?? input.income;
  const cuts = [deficitFrom, input.threshold].sort((p, q) => p - q);
  return input.bins.flatMap((bin) => {
    const share = total > 0 ? bin.count / total : 0;
    const tip = `${formatYuan(bin.x0, lang)} – ${formatYuan(bin.x1, lang)}: ${formatPercent(share, share < 0.01 ? 2 : 1)}`;
    const edges = [bin.x0, ...cuts.filter((c) => c > bin.x0 && c < bin.x1), bin.x1];
    return edges.slice(1).map((x2, i) => ({
      x: edges[i],
      x2,
      share,
      zone: zoneOf(edges[i], x2, deficitFrom, input.threshold),
      tip,
    }));
  });
}

function markers(input: PayoutDistributionInput, labels: PayoutDistributionLabels, lang: Lang): Marker[] {
  const label = (text: string | undefined, x: number) =>
    text === undefined ? '' : `${text} ${formatYuan(x, lang)}`;
  const list: Marker[] = [
    { x: input.expected, text: label(labels.expected, input.expected), color: '#333333', dash: [4, 3] },
    { x: input.income, text: label(labels.income, input.income), color: '#333333', dash: [] },
    { x: input.threshold, text: label(labels.threshold, input.threshold), color: ZONE_COLORS[2], dash: [] },
  ];
  if (input.net !== undefined && input.net !== input.income) {
    list.push({ x: input.net, text: label(labels.net, input.net), color: '#777777', dash: [1, 2] });
  }
  return list.sort((p, q) => p.x - q.x);
}

/** The x domain: the bins and every rule, with a little room on each side (never below 0 for payouts). */
function xDomain(bars: PayoutBar[], marks: Marker[]): [number, number] {
  const xs = [...bars.flatMap((b) => [b.x, b.x2]), ...marks.map((m) => m.x)];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = (hi - lo) * 0.03 || Math.max(1, Math.abs(hi) * 0.05);
  return [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
}

/** The top of the share axis, leaving room above the tallest bar for one line of text per rule. */
function yMax(bars: PayoutBar[], lines: number, height: number): number {
  const tallest = Math.max(0, ...bars.map((b) => b.share)) || 0.01;
  const room = Math.min(0.5, (8 + LINE_HEIGHT * lines) / Math.max(height - 70, 100));
  return tallest / (1 - room);
}

/** A rule and its label; the label sits on the side of the rule away from the nearer edge. */
function markerLayers(m: Marker, line: number, mid: number): Layer[] {
  const right = m.x > mid;
  const rule: Layer = {
    data: { values: [{ x: m.x }] },
    mark: { type: 'rule', color: m.color, strokeWidth: 1.5, strokeDash: m.dash },
  };
  if (m.text === '') return [rule];
  const text: Layer = {
    data: { values: [{ x: m.x, text: m.text }] },
    mark: {
      type: 'text',
      align: right ? 'right' : 'left',
      dx: right ? -4 : 4,
      baseline: 'middle',
      color: m.color,
      fontWeight: 'bold',
    },
    encoding: { y: { value: 10 + LINE_HEIGHT * line }, text: { field: 'text', type: 'nominal' } },
  };
  return [rule, text];
}

export function payoutDistributionSpec(
  input: PayoutDistributionInput,
  options: ChartOptions<PayoutDistributionLabels>,
): TopLevelSpec {
  const { lang, labels } = options;
  const base = frame(labels.title, options);
  const bars = payoutBars(input, lang);
  const marks = markers(input, labels, lang);
  const domain = xDomain(bars, marks);
  const barsLayer: Layer = {
    data: { values: bars },
    mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x2: { field: 'x2' },
      y: {
        field: 'share',
        type: 'quantitative',
        title: labels.y,
        scale: { domain: [0, yMax(bars, marks.length, base.height)], nice: false },
        axis: { format: '~%' },
      },
      y2: { datum: 0 },
      color: { field: 'zone', type: 'nominal', scale: { domain: ZONES, range: ZONE_COLORS }, legend: null },
      tooltip: { field: 'tip', type: 'nominal' },
    },
  };
  return {
    ...base,
    encoding: {
      x: amountX(labels.x, domain, lang),
    },
    layer: [barsLayer, ...marks.flatMap((m, i) => markerLayers(m, i, (domain[0] + domain[1]) / 2))],
  };
}
