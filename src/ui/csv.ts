/**
 * Results as CSV (RFC 4180): comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote, a line break or surrounding spaces, quotes doubled inside. Numbers are written
 * as JavaScript writes them (full precision, `.` as decimal point, no grouping), so a spreadsheet
 * or a script reads them back exactly; the labels are in the screen's language next to stable
 * keys. The text starts with a byte-order mark, so spreadsheet programs read the Chinese as UTF-8.
 *
 * A text field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with
 * `'`, so that a scenario name cannot become a spreadsheet formula (CSV injection); numbers are
 * never changed.
 */
import type { Comparison } from '../engine/compare.ts';
import { formatPercent, type Lang } from '../domain/format.ts';
import type { Report } from '../domain/report.ts';
import { flagText } from '../messages/flags.ts';
import { LABELS } from './i18n.ts';

export type Cell = string | number | null | undefined;

export const BOM = '\uFEFF';

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * One row per figure of a report: key, label in `lang`, value (yuan, fractions, counts); then one
 * row per flag and warning, `flags.<code>`, its text in `lang`.
 */
export function reportCsv(report: Report, lang: Lang, confidence = 0.95): string {
  const L = LABELS[lang];
  const q = report.simulated.quantiles;
  const rows: Cell[][] = [
    ['key', 'label', 'value'],
    ['name', L.name, report.name],
    ['iterations', L.iterations, report.iterations],
    ['seed', L.seed, report.seed],
    ['method', '', report.method],
    ['income', L.income, report.income],
    ['expenses', L.expenses, report.expenses],
    ['expected.payout', L.expected, report.expected.payout],
    ['expected.lossRatio', L.lossRatio, report.expected.lossRatio],
    ['simulated.mean', L.simMean, report.simulated.mean],
    ['simulated.sd', '', report.simulated.sd],
    ['simulated.standardError', '', report.simulated.standardError],
    ['simulated.probDeficit', L.probDeficit, report.simulated.probDeficit],
    ['simulated.probBeyondBackstop', L.probBeyond, report.simulated.probBeyondBackstop],
    ['breakEvenContribution', L.breakEven, report.breakEvenContribution],
    ['contributionAtConfidence', L.atConfidence(formatPercent(confidence)), report.contributionAtConfidence],
    ['verdict', L.verdict[report.verdict], report.verdict],
    ...(Object.keys(q) as (keyof typeof q)[]).map((k): Cell[] => [
      `simulated.quantiles.${k}`,
      `${L.quantile} ${k.replace(/^p/, '').replace(/^(99)(5)$/, '$1.$2')}%`,
      q[k],
    ]),
    ...report.benefits.flatMap((b): Cell[][] => [
      [`benefits.${b.id}.expected`, `${b.id} · ${L.expected}`, b.expected],
      [`benefits.${b.id}.simulated`, `${b.id} · ${L.simMean}`, b.simulated],
    ]),
    ...report.flags.map((f): Cell[] => [`flags.${f.code}`, L.flags, flagText(lang, f)]),
  ];
  return toCsv(rows);
}

/** One row per version of a comparison, the baseline first, with the run's seed and iterations. */
export function comparisonCsv(comparison: Comparison, probDeficitExact: (number | null)[] = []): string {
  const head = [
    'version',
    'name',
    'income',
    'expectedPayout',
    'lossRatio',
    'mean',
    'p50',
    'p95',
    'p995',
    'probDeficit',
    'probDeficitExact',
    'probBeyondBackstop',
    'verdict',
    'changes',
    'flags',
    'iterations',
    'seed',
  ];
  const rows = comparison.versions.map((v, i): Cell[] => [
    i + 1,
    v.name,
    v.income,
    v.expected.payout,
    v.expected.lossRatio,
    v.simulated.mean,
    v.simulated.quantiles.p50,
    v.simulated.quantiles.p95,
    v.simulated.quantiles.p995,
    v.simulated.probDeficit,
    probDeficitExact[i] ?? null,
    v.simulated.probBeyondBackstop,
    v.verdict,
    v.changes.length,
    v.flags.map((f) => f.code).join(' '),
    comparison.iterations,
    comparison.seed,
  ]);
  return toCsv([head, ...rows]);
}
