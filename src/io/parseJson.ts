/**
 * JSON text to a value, with syntax errors located by 1-based line and column.
 *
 * - A leading UTF-8 byte order mark is dropped (editors on Windows add one).
 * - Text over `MAX_JSON_BYTES` (10 MB in UTF-8) is refused before parsing.
 * - On a syntax error the position is V8's "at position N" when its message has one, otherwise
 *   the one found by `findJsonSyntaxError` (which also says what was expected, in `lang`);
 *   a text that ends too early points just past its last character.
 * - Lines end at `\n`, `\r\n` or `\r`; columns count Unicode code points.
 *
 * Never throws.
 *
 * @example parseJson('{\n  "a": 1,\n}') // { ok: false, line: 3, column: 1, message: 'unexpected "}", expected a field name in double quotes', code: 'syntax' }
 */
import { message, type Lang, type MessageKey } from '../domain/messages.ts';
import { findJsonSyntaxError, type Expectation, type JsonSyntaxError } from './jsonSyntax.ts';

export const MAX_JSON_BYTES = 10 * 1024 * 1024;

export type ParseJsonResult =
  | { ok: true; value: unknown }
  | { ok: false; line: number; column: number; message: string; code: 'syntax' | 'too-large' };

export function parseJson(text: string, options: { lang?: Lang } = {}): ParseJsonResult {
  const lang = options.lang ?? 'en';
  if (utf8Length(text, MAX_JSON_BYTES) > MAX_JSON_BYTES) {
    return {
      ok: false,
      line: 1,
      column: 1,
      message: message(lang, 'tooLarge', { mb: MAX_JSON_BYTES / 1024 / 1024 }),
      code: 'too-large',
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    return syntaxFailure(body, e, lang);
  }
}

function syntaxFailure(text: string, error: unknown, lang: Lang): ParseJsonResult {
  const found = findJsonSyntaxError(text);
  const reported = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
  const position = reported ? Number(reported[1]) : found ? found.position : text.length;
  const reason = found ? describe(text, found, lang) : message(lang, 'tooDeep');
  const { line, column } = lineAndColumn(text, position);
  return { ok: false, line, column, message: reason, code: 'syntax' };
}

type Word = 'true' | 'false' | 'null';

const EXPECTATION_KEYS = {
  value: 'expectValue',
  propertyName: 'expectPropertyName',
  colon: 'expectColon',
  commaOrBrace: 'expectCommaOrBrace',
  commaOrBracket: 'expectCommaOrBracket',
  digit: 'expectDigit',
  hexDigit: 'expectHexDigit',
  escape: 'expectEscape',
  end: 'expectEnd',
} as const satisfies Record<Exclude<Expectation, Word>, MessageKey>;

const isWord = (e: Expectation): e is Word => e === 'true' || e === 'false' || e === 'null';

/** What went wrong, in words: `unexpected "}", expected a value`. */
function describe(text: string, error: JsonSyntaxError, lang: Lang): string {
  if (error.kind === 'end') return message(lang, 'unexpectedEnd');
  if (error.kind === 'control') return message(lang, 'controlChar');
  const e = error.expected;
  const expected = isWord(e) ? message(lang, 'expectWord', { word: e }) : message(lang, EXPECTATION_KEYS[e]);
  const codePoint = text.codePointAt(error.position) ?? 0;
  return message(lang, 'unexpectedChar', { char: showChar(String.fromCodePoint(codePoint)), expected });
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
