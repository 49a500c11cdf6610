/**
 * A tornado chart: how far one figure (the expected loss ratio, or P(deficit)) moves when each
 * assumption is moved down and up by its stated step, everything else held. One row per
 * assumption, the widest swing at the top; from the base value a bar runs to the figure with
 * the assumption lowered and another to the figure with it raised, in two colours named in the
 * legend, each end labelled with its value. A rule marks the base value; an optional second rule
 * marks a reference (a loss ratio of 100% = break-even).
 *
 * Values are fractions, shown as percentages with `digits` decimals (1 by default). A bar whose
 * end reads the same as the base (to the shown precision) gets no label, so an assumption that
 * changes nothing (members, for the loss ratio) shows as an empty row rather than two overlapping
 * numbers; so does an end too close to the axis's end for its label (a probability axis stops at
 * 0), its value left to the tooltip.
 *
 * Pure: `(input, options) => TopLevelSpec`, data inline, every text from `labels`, the bar
 * labels, or formatted with `formatPercent`.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatPercent } from '../domain/format.ts';
import { frame, type ChartOptions, type Layer } from './config.ts';

export interface TornadoBar {
  key: string;
  /** The row's name: the assumption and its step ("发生率 ±10%"). */
  label: string;
  /** The figure with the assumption lowered by its step. */
  low: number;
  /** The figure with the assumption raised by its step. */
  high: number;
}

export interface TornadoInput {
  base: number;
  bars: readonly TornadoBar[];
  /** A value worth marking (1 for a loss ratio: break-even); omit for none. */
  reference?: number;
  /** Decimals of the percentages (labels and axis); default 1. Small probabilities want 2. */
  digits?: number;
}

export interface TornadoLabels {
  title: string;
  /** The value axis ("expected loss ratio"). */
  x: string;
  /** Legend: the assumption lowered. */
  low: string;
  /** Legend: the assumption raised. */
  high: string;
  /** Names the base rule ("base"); its value follows. */
  base: string;
  /** Names the reference rule ("break-even"); its value follows. */
  reference?: string;
}

/** One bar of the chart: from the base to one end. */
export interface TornadoRow {
  key: string;
  label: string;
  side: string;
  from: number;
  to: number;
  text: string;
  /** True when the end lies left of the base (its label goes to the left). */
  left: boolean;
  tip: string;
}

const DIGITS = 1;

/** The share of the axis an end label needs; an end closer than this to the axis's end goes unlabelled. */
const LABEL_ROOM = 0.1;
/** Rule labels need about a quarter of the axis each ("Break-even 100%"): closer rules stack them. */
const RULES_APART = 0.25;
/** The height of a rule label's line, in pixels. */
const LINE = 14;

const digitsOf = (input: TornadoInput) => input.digits ?? DIGITS;

/** The rows, widest swing first (ties keep the input order). */
export function tornadoRows(input: TornadoInput, labels: TornadoLabels): TornadoRow[] {
  const digits = digitsOf(input);
  const base = formatPercent(input.base, digits);
  const sorted = input.bars
    .map((b, i) => ({ b, i }))
    .sort((p, q) => Math.abs(q.b.high - q.b.low) - Math.abs(p.b.high - p.b.low) || p.i - q.i)
    .map(({ b }) => b);
  return sorted.flatMap((b) =>
    (
      [
        [labels.low, b.low],
        [labels.high, b.high],
      ] as const
    ).map(([side, to]) => {
      const text = formatPercent(to, digits);
      return {
        key: b.key,
        label: b.label,
        side,
        from: input.base,
        to,
        text: text === base ? '' : text,
        left: to < input.base,
        tip: `${b.label} · ${side}: ${base} → ${text}`,
      };
    }),
  );
}

function endLabels(rows: TornadoRow[], left: boolean, names: string[]): Layer {
  return {
    data: { values: rows.filter((r) => r.left === left && r.text !== '') },
    mark: {
      type: 'text',
      align: left ? 'right' : 'left',
      dx: left ? -4 : 4,
      baseline: 'middle',
      color: '#333333',
    },
    encoding: {
      x: { field: 'to', type: 'quantitative' },
      y: { field: 'label', type: 'nominal', sort: names },
      text: { field: 'text', type: 'nominal' },
    },
  };
}

/**
 * A labelled vertical rule; the label sits on the side of the rule away from the nearer edge,
 * `dy` pixels above the plot (a second line when two rules stand close together).
 */
function rule(x: number, text: string, color: string, dash: number[], right: boolean, dy = -6): Layer[] {
  return [
    {
      data: { values: [{ x }] },
      mark: { type: 'rule', color, strokeWidth: 1.5, strokeDash: dash },
      encoding: { x: { field: 'x', type: 'quantitative' } },
    },
    {
      data: { values: [{ x, text }] },
      mark: {
        type: 'text',
        align: right ? 'right' : 'left',
        dx: right ? -4 : 4,
        dy,
        baseline: 'bottom',
        color,
        fontWeight: 'bold',
      },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { value: 0 },
        text: { field: 'text', type: 'nominal' },
      },
    },
  ];
}

export function tornadoSpec(input: TornadoInput, options: ChartOptions<TornadoLabels>): TopLevelSpec {
  const { labels } = options;
  const rows = tornadoRows(input, labels);
  const values = [
    input.base,
    ...rows.map((r) => r.to),
    ...(input.reference === undefined ? [] : [input.reference]),
  ];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // Room at both ends for a label of about six characters.
  const pad = (hi - lo) * 0.18 || Math.max(0.01, Math.abs(hi) * 0.1);
  const domain = [Math.max(0, lo - pad), hi + pad];
  // An end label needs about a tenth of the axis; where the axis stops at 0 there may be none.
  const room = (domain[1] - domain[0]) * LABEL_ROOM;
  const fits = (r: TornadoRow) => (r.left ? r.to - domain[0] : domain[1] - r.to) >= room;
  const names = [...new Set(rows.map((r) => r.label))];
  const bars: Layer = {
    data: { values: rows },
    mark: { type: 'bar', height: { band: 0.7 } },
    encoding: {
      x: {
        field: 'from',
        type: 'quantitative',
        title: labels.x,
        scale: { domain, nice: false, zero: false },
        axis: { format: `.${digitsOf(input)}~%` },
      },
      x2: { field: 'to' },
      y: {
        field: 'label',
        type: 'nominal',
        sort: names,
        title: null,
        axis: { labelLimit: 200, domain: false, ticks: false },
      },
      color: {
        field: 'side',
        type: 'nominal',
        title: null,
        scale: { domain: [labels.low, labels.high], range: ['#4c78a8', '#e45756'] },
        legend: { orient: 'bottom', title: null, direction: 'horizontal' },
      },
      tooltip: { field: 'tip', type: 'nominal' },
    },
  };
  const right = (x: number) => x > (domain[0] + domain[1]) / 2;
  // Two rules closer than a label's width (a quarter of the axis) would run their labels into each
  // other (a base of 100.4% beside break-even at 100%): the reference's label goes a line higher.
  const stacked =
    input.reference !== undefined &&
    labels.reference !== undefined &&
    Math.abs(input.reference - input.base) < (domain[1] - domain[0]) * RULES_APART;
  const reference =
    input.reference === undefined || labels.reference === undefined
      ? []
      : rule(
          input.reference,
          `${labels.reference} ${formatPercent(input.reference, 0)}`,
          '#b2182b',
          [4, 3],
          right(input.reference),
          stacked ? -6 - LINE : -6,
        );
  const base = frame(labels.title, options, 90 + 30 * Math.max(1, names.length));
  return {
    ...base,
    title: { ...base.title, offset: stacked ? 24 + LINE : 24 },
    layer: [
      bars,
      endLabels(rows.filter(fits), true, names),
      endLabels(rows.filter(fits), false, names),
      ...rule(
        input.base,
        `${labels.base} ${formatPercent(input.base, digitsOf(input))}`,
        '#333333',
        [],
        right(input.base),
      ),
      ...reference,
    ],
  };
}
