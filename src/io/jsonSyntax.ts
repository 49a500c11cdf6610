/**
 * Finds the first syntax error in a JSON text (RFC 8259), and says what was expected there.
 *
 * Used only after `JSON.parse` has refused a text: V8's message gives a position for most errors
 * but not all (`Unexpected token '}', "…" is not valid JSON` has none), other engines word it
 * differently, and none says what was expected (an `Expectation`, worded in src/messages). The position is the index
 * (UTF-16) of the first character that cannot continue a valid text, as V8 reports it, or
 * `text.length` when the text ends too early. A test checks that this scanner and V8 agree.
 *
 * Iterative (an explicit stack), so a deeply nested text cannot overflow the call stack. O(n).
 */

import type { Expectation } from '../domain/validation.ts';

export type { Expectation };

export type JsonSyntaxError =
  | { position: number; kind: 'end' }
  | { position: number; kind: 'control' }
  | { position: number; kind: 'char'; expected: Expectation };

/** Where scanning stopped: the next index, or the error. */
type Step = number | JsonSyntaxError;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const SIMPLE_ESCAPES = '"\\/bfnrt';

function skipWhitespace(t: string, i: number): number {
  for (;;) {
    const c = t.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    i++;
  }
}

function unexpected(t: string, i: number, expected: Expectation): JsonSyntaxError {
  return i >= t.length ? { position: t.length, kind: 'end' } : { position: i, kind: 'char', expected };
}

/** A string starting at the quote `t[i]`. */
function scanString(t: string, i: number): Step {
  let j = i + 1;
  for (;;) {
    if (j >= t.length) return { position: t.length, kind: 'end' };
    const c = t.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return { position: j, kind: 'control' };
    if (c !== 0x5c) {
      j++;
      continue;
    }
    const e = t[j + 1];
    if (e === undefined) return { position: t.length, kind: 'end' };
    if (e === 'u') {
      for (let k = j + 2; k < j + 6; k++) if (!isHex(t.charCodeAt(k))) return unexpected(t, k, 'hexDigit');
      j += 6;
    } else if (SIMPLE_ESCAPES.includes(e)) {
      j += 2;
    } else {
      return { position: j + 1, kind: 'char', expected: 'escape' };
    }
  }
}

/** Digits from `i`: at least one when `required`. */
function scanDigits(t: string, i: number, required: boolean): Step {
  if (required && !isDigit(t.charCodeAt(i))) return unexpected(t, i, 'digit');
  while (isDigit(t.charCodeAt(i))) i++;
  return i;
}

/** A number starting at `t[i]` (a minus sign or a digit). */
function scanNumber(t: string, i: number): Step {
  let j = t[i] === '-' ? i + 1 : i;
  if (t[j] === '0') j++;
  else {
    const r = scanDigits(t, j, true);
    if (typeof r !== 'number') return r;
    j = r;
  }
  if (t[j] === '.') {
    const r = scanDigits(t, j + 1, true);
    if (typeof r !== 'number') return r;
    j = r;
  }
  if (t[j] === 'e' || t[j] === 'E') {
    j++;
    if (t[j] === '+' || t[j] === '-') j++;
    return scanDigits(t, j, true);
  }
  return j;
}

function scanWord(t: string, i: number, word: 'true' | 'false' | 'null'): Step {
  for (let k = 0; k < word.length; k++) if (t[i + k] !== word[k]) return unexpected(t, i + k, word);
  return i + word.length;
}

/** A string, number or literal at `t[i]`. */
function scanScalar(t: string, i: number): Step {
  const c = t[i];
  if (c === '"') return scanString(t, i);
  if (c === '-' || isDigit(t.charCodeAt(i))) return scanNumber(t, i);
  if (c === 't') return scanWord(t, i, 'true');
  if (c === 'f') return scanWord(t, i, 'false');
  if (c === 'n') return scanWord(t, i, 'null');
  return unexpected(t, i, 'value');
}

type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'afterValue';

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const open: string[] = [];
  let state: State = 'value';
  let i = 0;
  for (;;) {
    i = skipWhitespace(text, i);
    const c = text[i];
    if (state === 'afterValue') {
      const top = open[open.length - 1];
      if (top === undefined) return c === undefined ? null : unexpected(text, i, 'end');
      const close = top === '{' ? '}' : ']';
      if (c === ',') state = top === '{' ? 'key' : 'value';
      else if (c === close) open.pop();
      else return unexpected(text, i, top === '{' ? 'commaOrBrace' : 'commaOrBracket');
      i++;
    } else if ((state === 'valueOrClose' && c === ']') || (state === 'keyOrClose' && c === '}')) {
      open.pop();
      i++;
      state = 'afterValue';
    } else if (state === 'key' || state === 'keyOrClose') {
      if (c !== '"') return unexpected(text, i, 'propertyName');
      const r = scanString(text, i);
      if (typeof r !== 'number') return r;
      i = skipWhitespace(text, r);
      if (text[i] !== ':') return unexpected(text, i, 'colon');
      i++;
      state = 'value';
    } else if (c === '{' || c === '[') {
      open.push(c);
      i++;
      state = c === '{' ? 'keyOrClose' : 'valueOrClose';
    } else {
      const r = scanScalar(text, i);
      if (typeof r !== 'number') return r;
      i = r;
      state = 'afterValue';
    }
  }
}
