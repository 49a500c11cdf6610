/**
 * A change between two scheme versions (`diffScenarios`) in words, in the screen's language:
 * the field path as the file names it, the old and new values as people read them, and what the
 * field is ("benefits[0].cap：13,700 → 30,200 (benefit 1 · maximum)").
 *
 * Numbers are grouped (13,700; 0.45 stays 0.45), texts quoted and shortened, a field present in
 * one version only reads "(none)" on the other side, a switch yes or no, a whole list element (a
 * group, a holding, a limit) by its fields' names: the words of src/messages/fields.ts.
 */
import type { Change } from '../engine/diff.ts';
import type { Lang } from '../domain/format.ts';
import { fieldPathWords, valueWords } from '../messages/fields.ts';

export interface ChangeText {
  path: string;
  /** What the field is, in words: "给付项目 1 · 最高给付". */
  what: string;
  from: string;
  to: string;
}

/** A value as a planner reads it (src/messages/fields.ts): the same words as the CLI's `compare`. */
export function formatValue(v: unknown, lang: Lang): string {
  return valueWords(v, lang);
}

/** The field path in words: each named part by its label, a list index as a position from 1. */
export function pathWords(path: string, lang: Lang): string {
  return fieldPathWords(path, lang);
}

export function describeChange(c: Change, lang: Lang): ChangeText {
  return {
    path: c.path,
    what: pathWords(c.path, lang),
    from: formatValue(c.from, lang),
    to: formatValue(c.to, lang),
  };
}
