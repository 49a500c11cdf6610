/**
 * The one figure component of the views: a chart box (drawn by renderChart from a pure spec of
 * src/charts/, with the PNG/SVG export menu) and the export of a view's figures as a CSV file.
 * A figure is drawn after its element is in the page (vega needs its width); a failure to draw
 * is logged, not thrown, so a chart never takes a view down with it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../domain/format.ts';
import { renderChart } from './charts.ts';
import { h } from './dom.ts';
import { downloadText } from './files.ts';

export interface Figure {
  readonly el: HTMLElement;
  /** Draws the chart; a failure is logged with the figure's test id. */
  draw(spec: TopLevelSpec, lang: Lang): Promise<void>;
}

export function figure(testid: string, className = 'chart'): Figure {
  const el = h('div', { class: className, 'data-testid': testid });
  return {
    el,
    draw: (spec, lang) => renderChart(el, spec, lang).catch((e) => console.warn(testid, e)),
  };
}

/** A button that offers `text()` as a CSV download named `file`. */
export function csvExportButton(
  testid: string,
  label: string,
  file: () => string,
  text: () => string,
): HTMLElement {
  return h(
    'button',
    { type: 'button', 'data-testid': testid, onclick: () => downloadText(file(), text(), 'text/csv') },
    label,
  );
}
