/**
 * JSON text to a value, with syntax errors located by 1-based line and column.
 *
 * - A leading UTF-8 byte order mark is dropped (editors on Windows add one).
 * - Text over `MAX_JSON_BYTES` (10 MB in UTF-8) is refused before parsing.
 * - On a syntax error the position is V8's "at position N" when its message has one, otherwise
 *   the one found by `findJsonSyntaxError`, which also gives the reason (what was expected
 *   there) as a code, worded by src/messages/validation.ts; a text that ends too early points
 *   just past its last character.
 * - Lines end at `\n`, `\r\n` or `\r`; columns count Unicode code points.
 *
 * Never throws.
 *
 * @example parseJson('{\n  "a": 1,\n}')
 * // { ok: false, code: 'syntax', line: 3, column: 1,
 * //   reason: { code: 'unexpectedChar', params: { char: '"}"', expected: 'propertyName' } } }
 */
import { jsonReason, type JsonSyntaxReason } from '../domain/validation.ts';
import { findJsonSyntaxError, type JsonSyntaxError } from './jsonSyntax.ts';

export const MAX_JSON_BYTES = 10 * 1024 * 1024;

export type ParseJsonResult =
  | { ok: true; value: unknown }
  | { ok: false; code: 'too-large'; line: number; column: number; mb: number }
  | { ok: false; code: 'syntax'; line: number; column: number; reason: JsonSyntaxReason };

export function parseJson(text: string): ParseJsonResult {
  if (utf8Length(text, MAX_JSON_BYTES) > MAX_JSON_BYTES)
    return { ok: false, code: 'too-large', line: 1, column: 1, mb: MAX_JSON_BYTES / 1024 / 1024 };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    return syntaxFailure(body, e);
  }
}

function syntaxFailure(text: string, error: unknown): ParseJsonResult {
  const found = findJsonSyntaxError(text);
  const reported = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
  const position = reported ? Number(reported[1]) : found ? found.position : text.length;
  const reason = found ? describe(text, found) : jsonReason('tooDeep');
  const { line, column } = lineAndColumn(text, position);
  return { ok: false, code: 'syntax', line, column, reason };
}

/** What went wrong, as a code: `unexpectedChar` with the character and what was expected. */
function describe(text: string, error: JsonSyntaxError): JsonSyntaxReason {
  if (error.kind === 'end') return jsonReason('unexpectedEnd');
  if (error.kind === 'control') return jsonReason('controlChar');
  const codePoint = text.codePointAt(error.position) ?? 0;
  return jsonReason('unexpectedChar', {
    char: showChar(String.fromCodePoint(codePoint)),
    expected: error.expected,
  });
}

/** A character quoted for a message: `"}"`, `'"'`, `"\u0001"`. */
function showChar(c: string): string {
  return c === '"' ? `'"'` : JSON.stringify(c);
}

/** 1-based line and column (in code points) of UTF-16 index `position`. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  const end = Math.min(position, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      column = 1;
    } else if (
      c === 0x0d ||
      (c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))
    ) {
      // the \r of \r\n, or the second half of a surrogate pair: no column of its own
    } else {
      column++;
    }
  }
  if (position > text.length) column += position - text.length;
  return { line, column };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** UTF-8 length of `text`, counting no further than just past `limit`. */
export function utf8Length(text: string, limit = Infinity): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (
      isHighSurrogate(c) &&
      i + 1 < text.length &&
      text.charCodeAt(i + 1) >= 0xdc00 &&
      text.charCodeAt(i + 1) <= 0xdfff
    ) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
