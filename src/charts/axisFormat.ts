/**
 * Amounts on chart axes, read as people read them: in Chinese in 万 (10^4) or 亿 (10^8)
 * (¥1,500万, ¥2.5亿), in English in k, M or bn (¥15 M), as domain/format.ts writes single
 * amounts. The unit is chosen once, in TypeScript, from the largest amount on the axis, and
 * embedded in a Vega expression that uses only Vega's own functions (`format`, `abs`), because
 * the app evaluates specs with vega-interpreter under a CSP: no custom functions, no eval.
 *
 * @example amountLabelExpr(amountUnit(2.5e7, 'zh'))
 * // "datum.value == 0 ? '0' : (datum.value < 0 ? '−' : '') + '¥' + format(abs(datum.value) / 10000, ',') + '万'"
 */
import type { Lang } from '../domain/format.ts';

export interface AmountUnit {
  /** What an amount is divided by before it is shown. */
  divisor: number;
  /** What follows the number ('万', ' M', or '' for plain yuan). */
  suffix: string;
}

/** Units from the largest: the first whose `from` the amount reaches is used. */
const ZH_UNITS = [
  { from: 1e8, divisor: 1e8, suffix: '亿' },
  { from: 1e4, divisor: 1e4, suffix: '万' },
];
const EN_UNITS = [
  { from: 1e9, divisor: 1e9, suffix: ' bn' },
  { from: 1e6, divisor: 1e6, suffix: ' M' },
  { from: 1e4, divisor: 1e3, suffix: ' k' },
];
const PLAIN: AmountUnit = { divisor: 1, suffix: '' };

/**
 * The unit for an axis whose largest absolute amount is `maxAbs`, with the thresholds of
 * `formatYuan`: 万 from 10,000 and 亿 from 10^8 in Chinese; k (thousands) from 10,000, M from
 * 10^6 and bn from 10^9 in English; plain yuan below.
 */
export function amountUnit(maxAbs: number, lang: Lang): AmountUnit {
  const unit = (lang === 'zh' ? ZH_UNITS : EN_UNITS).find((u) => Math.abs(maxAbs) >= u.from);
  return unit ? { divisor: unit.divisor, suffix: unit.suffix } : PLAIN;
}

/** A string literal for a Vega expression (JSON string syntax is valid there). */
const literal = (s: string): string => `'${JSON.stringify(s).slice(1, -1).replace(/'/g, "\\'")}'`;

/**
 * The Vega expression for an axis label in the unit: zero as '0', a minus sign before the ¥,
 * thousands separated, no trailing zeros (d3-format ',': 12 significant digits, trimmed).
 */
export function amountLabelExpr(unit: AmountUnit): string {
  const number = unit.divisor === 1 ? 'abs(datum.value)' : `abs(datum.value) / ${unit.divisor}`;
  return `datum.value == 0 ? '0' : (datum.value < 0 ? '−' : '') + '¥' + format(${number}, ',') + ${literal(unit.suffix)}`;
}

/** Axis properties for an amount axis titled `title` whose amounts reach `maxAbs`. */
export function amountAxis(title: string, maxAbs: number, lang: Lang) {
  return { title, labelExpr: amountLabelExpr(amountUnit(maxAbs, lang)) };
}

/**
 * The x encoding of a chart of amounts over a fixed `domain` (no nice rounding, no forced zero),
 * its labels in 万/亿 or k/M by the larger end.
 */
export function amountX(title: string, domain: number[], lang: Lang) {
  return {
    field: 'x',
    type: 'quantitative',
    title,
    scale: { domain, nice: false, zero: false },
    axis: amountAxis(title, Math.max(Math.abs(domain[0]), Math.abs(domain[1])), lang),
  } as const;
}
