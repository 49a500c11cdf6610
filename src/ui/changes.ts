/**
 * A change between two scheme versions (`diffScenarios`) in words, in the screen's language:
 * the field path as the file names it, the old and new values as people read them, and what the
 * field is ("benefits[0].cap：13,700 → 30,200 (benefit 1 · maximum)").
 *
 * Numbers are grouped (13,700; 0.45 stays 0.45), texts quoted and shortened, a field present in
 * one version only reads "(none)" on the other side, a whole list element is written compactly.
 */
import type { Change } from '../engine/diff.ts';
import type { Lang } from '../domain/format.ts';
import { parsePath } from './paths.ts';
import { LABELS } from './i18n.ts';

export interface ChangeText {
  path: string;
  /** What the field is, in words: "给付项目 1 · 最高给付". */
  what: string;
  from: string;
  to: string;
}

const MAX_TEXT = 60;

export function formatValue(v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return LABELS[lang].none;
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (typeof v === 'string') {
    const short = [...v].length > MAX_TEXT ? `${[...v].slice(0, MAX_TEXT - 1).join('')}…` : v;
    return lang === 'zh' ? `「${short}」` : `“${short}”`;
  }
  const json = JSON.stringify(v) ?? String(v);
  return [...json].length > MAX_TEXT ? `${[...json].slice(0, MAX_TEXT - 1).join('')}…` : json;
}

/** The field path in words: each named part by its label, a list index as a position from 1. */
export function pathWords(path: string, lang: Lang): string {
  const names = LABELS[lang].fieldNames;
  const words: string[] = [];
  for (const part of parsePath(path)) {
    if (typeof part === 'number') words[words.length - 1] = `${words.at(-1) ?? ''} ${part + 1}`;
    else words.push(names[part] ?? part);
  }
  return words.join(' · ');
}

export function describeChange(c: Change, lang: Lang): ChangeText {
  return {
    path: c.path,
    what: pathWords(c.path, lang),
    from: formatValue(c.from, lang),
    to: formatValue(c.to, lang),
  };
}
