/**
 * The `--json` documents of docs/cli.md: the engine's values, with every flag as the
 * contract has it, `{ code, message }`, the message in English (from src/messages).
 */
import type { CompareFlag, Flag } from '../domain/flags.ts';
import type { Report } from '../domain/report.ts';
import type { Comparison } from '../engine/compare.ts';
import { flagText } from '../messages/flags.ts';

const worded = (f: Flag | CompareFlag) => ({ code: f.code, message: flagText('en', f) });

export function reportJson(r: Report) {
  return { ...r, flags: r.flags.map(worded) };
}

export function comparisonJson(c: Comparison) {
  return { ...c, versions: c.versions.map((v) => ({ ...v, flags: v.flags.map(worded) })) };
}
