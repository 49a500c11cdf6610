/**
 * Test helpers: history returns `{ code, params }` (problems also `at`, where they lie); these
 * word them as the shells do (src/messages/history.ts), so that a test can check the codes and
 * still compare the rendered texts with the hand-written expected strings.
 */
import type { Lang } from '../../src/domain/format.ts';
import type { Problem } from '../../src/domain/scenario.ts';
import type { HistoryMessage, HistoryProblem } from '../../src/history/index.ts';
import { historyMessageText, historyProblemText } from '../../src/messages/history.ts';
import * as h from '../../src/history/index.ts';

export type Worded<R> = R extends { problems: HistoryProblem[] }
  ? Omit<R, 'problems'> & { problems: Problem[] }
  : R;

/** A result with its problems (if any) as `{ path, message }` in `lang`. */
export function worded<R extends object>(r: R, lang: Lang = 'en'): Worded<R> {
  if (!('problems' in r)) return r as Worded<R>;
  const problems = (r.problems as HistoryProblem[]).map((p) => historyProblemText(lang, p));
  return { ...r, problems } as Worded<R>;
}

export type WithMessage<T> = Omit<T, 'note'> & { message: string };

/** Flags or data checks with their note worded in `lang`, as `message`. */
export function wordedNotes<T extends { note: HistoryMessage }>(
  xs: readonly T[],
  lang: Lang = 'en',
): WithMessage<T>[] {
  return xs.map(({ note, ...rest }) => ({ ...rest, message: historyMessageText(lang, note) }));
}

// The history functions with their texts worded, under the names the tests have always used.
type Opt = { lang?: Lang };

export const parseHistory = (text: string, o: Opt = {}) => worded(h.parseHistory(text), o.lang);
export const validateHistoryRows = (rows: readonly unknown[], o: Opt = {}) =>
  worded(h.validateHistoryRows(rows), o.lang);
export const parseRegions = (text: string, o: Opt = {}) => worded(h.parseRegions(text), o.lang);
export const parseDistricts = (text: string, o: Opt = {}) => worded(h.parseDistricts(text), o.lang);
export const parseClaims = (text: string, o: Opt = {}) => worded(h.parseClaims(text), o.lang);
export const calibrateRisk = (
  ...[years, risk, benefits, o = {}]: [...Parameters<typeof h.calibrateRisk>, Opt?]
) => worded(h.calibrateRisk(years, risk, benefits), o.lang);
export const calibrateScenario = (
  ...[years, scenario, riskId, o = {}]: [...Parameters<typeof h.calibrateScenario>, Opt?]
) => worded(h.calibrateScenario(years, scenario, riskId), o.lang);

export function analyseHistory(rows: readonly h.HistoryRow[], o: Opt = {}) {
  const a = h.analyseHistory(rows);
  return { ...a, flags: wordedNotes(a.flags, o.lang), warnings: wordedNotes(a.warnings, o.lang) };
}

export const checkAggregates = (regions: readonly h.AggregateRegion[], o: Opt = {}) =>
  wordedNotes(h.checkAggregates(regions), o.lang);

const words = (notes: readonly HistoryMessage[], lang: Lang = 'en') =>
  notes.map((n) => historyMessageText(lang, n));

export function credibility(districts: readonly h.District[], o: Opt = {}) {
  const r = h.credibility(districts);
  return r.ok ? { ...r, notes: words(r.notes, o.lang) } : worded(r, o.lang);
}

export function fitClaims(costs: ArrayLike<number>, o: Opt & { qqPoints?: number } = {}) {
  const r = h.fitClaims(costs, { qqPoints: o.qqPoints });
  return r.ok
    ? { ...r, fits: r.fits.map((f) => ({ ...f, notes: words(f.notes, o.lang) })) }
    : worded(r, o.lang);
}
