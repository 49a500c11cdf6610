/**
 * The benefit curve: what each benefit pays (y) against the self-paid cost of a case (x), one
 * coloured line per curve, so a planner sees the bands, the deductible, the cap and the steps,
 * and several scheme versions' tables can be compared on one chart (one curve per version and
 * benefit, told apart by colour and named in the legend by their `label`).
 *
 * Points come from `benefitCurve` (src/benefits/curve.ts) and are drawn in the order given
 * (an `order` channel on the point index), so a step benefit's two points at the same cost draw
 * a vertical riser. Invisible points on the line carry the tooltips (a line has one tooltip for
 * its whole path). Curves with the same label share a colour (and a legend entry), so give
 * distinct labels to curves that should be told apart.
 *
 * Pure: `(curves, options) => TopLevelSpec`, data inline, every text from `labels`, the curve
 * labels, or formatted with `formatYuan` in `options.lang`.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatYuan, type Lang } from '../domain/format.ts';
import type { CurvePoint } from '../benefits/curve.ts';
import { amountAxis } from './axisFormat.ts';
import { frame, lineLegendColor, type ChartOptions, type Layer } from './config.ts';

export interface Curve {
  /** The benefit's id (with a version, when several versions are drawn). */
  id: string;
  /** What the legend says for this curve. */
  label: string;
  points: readonly CurvePoint[];
}

export interface BenefitCurveLabels {
  title: string;
  /** The cost axis ("self-paid cost"). */
  x: string;
  /** The benefit axis ("benefit paid"). */
  y: string;
}

/** One row of the chart's data: a point of a curve, its place in drawing order and its tooltip. */
export interface CurveRow {
  /** The curve's place in the input: lines are grouped by it, so curves never merge. */
  curve: number;
  id: string;
  label: string;
  i: number;
  cost: number;
  pays: number;
  tip: string;
}

/** The curves as rows, numbered in drawing order within each curve. */
export function curveRows(curves: readonly Curve[], labels: BenefitCurveLabels, lang: Lang): CurveRow[] {
  return curves.flatMap((c, curve) =>
    c.points.map((p, i) => ({
      curve,
      id: c.id,
      label: c.label,
      i,
      cost: p.cost,
      pays: p.pays,
      tip: `${c.label}: ${labels.x} ${formatYuan(p.cost, lang)} → ${labels.y} ${formatYuan(p.pays, lang)}`,
    })),
  );
}

export function benefitCurveSpec(
  curves: readonly Curve[],
  options: ChartOptions<BenefitCurveLabels>,
): TopLevelSpec {
  const { lang, labels } = options;
  const rows = curveRows(curves, labels, lang);
  const maxCost = Math.max(0, ...rows.map((r) => r.cost)) || 1;
  const maxPays = Math.max(0, ...rows.map((r) => r.pays));
  const names = [...new Set(curves.map((c) => c.label))];
  const color = lineLegendColor(names, 'top-left');
  const line: Layer = {
    mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' },
    encoding: { order: { field: 'i', type: 'quantitative' } },
  };
  const hover: Layer = {
    mark: { type: 'point', filled: true, size: 80, opacity: 0 },
    encoding: { tooltip: { field: 'tip', type: 'nominal' } },
  };
  return {
    ...frame(labels.title, options),
    data: { values: rows },
    encoding: {
      x: {
        field: 'cost',
        type: 'quantitative',
        title: labels.x,
        scale: { domain: [0, maxCost], nice: false },
        axis: amountAxis(labels.x, maxCost, lang),
      },
      y: {
        field: 'pays',
        type: 'quantitative',
        title: labels.y,
        axis: amountAxis(labels.y, maxPays, lang),
      },
      color,
      detail: { field: 'curve', type: 'nominal' },
    },
    layer: [line, hover],
  };
}
