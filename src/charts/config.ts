/**
 * What every chart shares: the Vega-Lite schema, the look (a font stack that falls back to
 * CJK fonts, so Chinese labels never render as boxes), sizing that fits a container, and the
 * options every chart function takes. Written once here so that the charts differ only in
 * what they draw.
 *
 * Vega writes its ARIA descriptions in English only ("X-axis titled …", "Title text …"), which
 * would put English into a Chinese screen reader; so guides, marks and the title are hidden from
 * the accessibility tree (`aria: false`) and each chart names itself through `description`, its
 * translated title, which Vega puts on the container element as its aria-label.
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import type { Lang } from '../domain/format.ts';

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Latin digits from the usual sans fonts, Chinese from the first CJK font present. */
export const FONT_STACK =
  '"Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", sans-serif';

export const baseConfig: Config = {
  font: FONT_STACK,
  aria: false,
  mark: { aria: false },
  title: { fontSize: 16, fontWeight: 'bold', anchor: 'start', offset: 12 },
  axis: {
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: 'normal',
    labelColor: '#333',
    titleColor: '#333',
  },
  legend: { labelFontSize: 12, titleFontSize: 13 },
  text: { fontSize: 12 },
  view: { stroke: null },
};

/** The options every chart takes: the language of amounts, the texts, and the size. */
export interface ChartOptions<Labels> {
  lang: Lang;
  /** Every visible text of the chart, already in the chosen language. */
  labels: Labels;
  /** Width in pixels, or 'container' (the default) to fill the parent element. */
  width?: number | 'container';
  /** Height in pixels (a container rarely has a height of its own). */
  height?: number;
}

export const DEFAULT_HEIGHT = 320;

/** A layer of a layered top-level spec (derived from vega-lite's public TopLevelSpec). */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/** The top-level properties shared by every chart: schema, title, size, config. */
export function frame(
  title: string,
  options: { width?: number | 'container'; height?: number },
  height = DEFAULT_HEIGHT,
) {
  return {
    $schema: SCHEMA,
    description: title,
    title: { text: title, aria: false },
    width: options.width ?? 'container',
    height: options.height ?? height,
    autosize: { type: 'fit', contains: 'padding' },
    config: baseConfig,
  } as const;
}

/**
 * The colour of charts whose series are lines told apart by their `label`: one colour per name in
 * the order given, named in a legend drawn as strokes in a corner of the plot, on white.
 */
export function lineLegendColor(
  names: readonly string[],
  orient: 'top-left' | 'top-right',
  legend: { labelLimit?: number } = {},
) {
  return {
    field: 'label',
    type: 'nominal',
    title: null,
    scale: { domain: names },
    legend: {
      orient,
      title: null,
      fillColor: 'white',
      padding: 4,
      symbolType: 'stroke',
      symbolStrokeWidth: 2,
      ...legend,
    },
  } as const;
}
