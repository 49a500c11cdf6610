/**
 * The workbooks of results, from the same objects `--json` prints (flags and notes worded in
 * `lang`): a report (simulate), a comparison (versions side by side), a projection (one row per
 * year), a history analysis (years, loss ratios, growth; flags; data checks).
 */
import type { Lang } from '../domain/format.ts';
import type { Report } from '../domain/report.ts';
import type { Comparison } from '../engine/compare.ts';
import type { Projection } from '../engine/project.ts';
import type { HistoryAnalysis, HistoryMessage } from '../history/index.ts';
import { flagText } from '../messages/flags.ts';
import { historyMessageText } from '../messages/history.ts';
import { WORKBOOK_WORDS } from '../messages/workbook.ts';
import { itemsSheet, objectSheets, sideBySideSheets, type SheetSpec } from './tables.ts';

export function reportSheets(report: Report, lang: Lang): SheetSpec[] {
  const w = WORKBOOK_WORDS[lang];
  const flags = report.flags.map((f) => ({ code: f.code, message: flagText(lang, f) }));
  return objectSheets(w.results, { ...report, flags }, w);
}

export function comparisonSheets(c: Comparison, lang: Lang): SheetSpec[] {
  const w = WORKBOOK_WORDS[lang];
  const versions = c.versions.map((v) => ({
    ...v,
    flags: v.flags.map((f) => ({ code: f.code, message: flagText(lang, f) })),
  }));
  const { versions: _, ...run } = c;
  void _;
  return [...sideBySideSheets(w.comparison, versions, w), ...objectSheets('run', run, w).slice(0, 1)];
}

export function projectionSheets(p: Projection, lang: Lang): SheetSpec[] {
  const w = WORKBOOK_WORDS[lang];
  const { years, ...rest } = p;
  const more = Object.keys(rest).length ? objectSheets('run', rest, w) : [];
  return [itemsSheet(w.projection, years, w.wan), ...more];
}

export function historySheets(a: HistoryAnalysis, lang: Lang): SheetSpec[] {
  const w = WORKBOOK_WORDS[lang];
  const word = <T extends { note: HistoryMessage }>({ note, ...rest }: T) => ({
    ...rest,
    message: historyMessageText(lang, note),
  });
  const sheets = [itemsSheet(w.history, a.years, w.wan)];
  const flags = a.flags.map(word);
  const warnings = a.warnings.map(word);
  if (flags.length) sheets.push(itemsSheet('flags', flags, w.wan));
  if (warnings.length) sheets.push(itemsSheet('warnings', warnings, w.wan));
  return sheets;
}
