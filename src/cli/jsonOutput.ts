/**
 * The `--json` documents of docs/cli.md: the engine's and history's values, with every flag and
 * data check as the contract has it, with its `message` in English (from src/messages).
 */
import type { CompareFlag, Flag } from '../domain/flags.ts';
import type { Report } from '../domain/report.ts';
import type { Comparison } from '../engine/compare.ts';
import type { AggregateRegion, AggregateWarning, HistoryAnalysis, HistoryMessage } from '../history/index.ts';
import { flagText } from '../messages/flags.ts';
import { historyMessageText } from '../messages/history.ts';

const worded = (f: Flag | CompareFlag) => ({ code: f.code, message: flagText('en', f) });

export function reportJson(r: Report) {
  return { ...r, flags: r.flags.map(worded) };
}

export function comparisonJson(c: Comparison) {
  return { ...c, versions: c.versions.map((v) => ({ ...v, flags: v.flags.map(worded) })) };
}

/** A flag or data check of history with its note worded in English, as `message` (docs/cli.md). */
const wordedNote = <T extends { note: HistoryMessage }>({ note, ...rest }: T) => ({
  ...rest,
  message: historyMessageText('en', note),
});

export function historyJson(a: HistoryAnalysis) {
  return { ...a, flags: a.flags.map(wordedNote), warnings: a.warnings.map(wordedNote) };
}

export function regionsJson(r: { regions: AggregateRegion[]; warnings: AggregateWarning[] }) {
  return { ...r, warnings: r.warnings.map(wordedNote) };
}
