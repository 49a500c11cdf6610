/**
 * parseJson: syntax errors at the right 1-based line and column, with what was expected; BOM,
 * size limit; and the fallback scanner (jsonSyntax.ts) agreeing with V8 on texts V8 locates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPEC_EXAMPLE_TEXT } from '../../src/io/example.ts';
import { findJsonSyntaxError } from '../../src/io/jsonSyntax.ts';
import { MAX_JSON_BYTES, lineAndColumn, parseJson, utf8Length } from '../../src/io/parseJson.ts';
import { jsonReasonText } from '../../src/messages/validation.ts';

/** A syntax error's place, and its reason worded in `lang`. */
const failure = (text: string, lang: 'en' | 'zh' = 'en') => {
  const r = parseJson(text);
  if (r.ok || r.code !== 'syntax') throw new Error('expected a syntax error');
  return { line: r.line, column: r.column, message: jsonReasonText(lang, r.reason) };
};

describe('a valid text', () => {
  it('parses to its value', () => {
    expect(parseJson('{"a": [1, "二", null]}')).toEqual({ ok: true, value: { a: [1, '二', null] } });
  });

  it('may start with a UTF-8 byte order mark', () => {
    expect(parseJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('may be nested a million levels deep', () => {
    expect(parseJson('['.repeat(1e6) + ']'.repeat(1e6)).ok).toBe(true);
  });

  it('keeps "__proto__" as an ordinary key and pollutes nothing', () => {
    const r = parseJson('{"__proto__": {"polluted": true}}');
    expect(r.ok && Object.keys(r.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a syntax error is located by line and column', () => {
  it.each([
    [
      'a trailing comma in an object',
      '{"a": 1,}',
      1,
      9,
      'unexpected "}", expected a field name in double quotes',
    ],
    ['a missing comma, on line 3', '{\n  "a": 1\n  "b": 2\n}', 3, 3, 'unexpected \'"\', expected "," or "}"'],
    ['a trailing comma in a list', '[1, 2,]', 1, 7, 'unexpected "]", expected a value'],
    ['a misspelt literal (V8 gives no position)', '{"a": tru}', 1, 10, 'unexpected "}", expected "true"'],
    ['a single-quoted string', "{'a': 1}", 1, 2, 'unexpected "\'", expected a field name in double quotes'],
    ['a missing colon', '{"a" 1}', 1, 6, 'unexpected "1", expected ":"'],
    ['a leading zero', '[01]', 1, 3, 'unexpected "1", expected "," or "]"'],
    ['a bad escape', '["\\x"]', 1, 4, 'unexpected "x", expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u'],
    ['a bad unicode escape', '["\\u12g4"]', 1, 7, 'unexpected "g", expected a hexadecimal digit'],
    ['a number with nothing after the point', '[1.]', 1, 4, 'unexpected "]", expected a digit'],
    ['text after the value', '{} x', 1, 4, 'unexpected "x", expected the end of the text'],
    [
      'a line break inside quotes',
      '{"a": "x\ny"}',
      1,
      9,
      'a line break or control character inside quotes (write it as \\n)',
    ],
    [
      'an unclosed list: the end of the text',
      '{"a": [1, 2',
      1,
      12,
      'the text ends too early (a bracket, brace or quote is not closed)',
    ],
    [
      'an unclosed string on line 2',
      '{\n"a": "x',
      2,
      8,
      'the text ends too early (a bracket, brace or quote is not closed)',
    ],
    ['an empty text', '', 1, 1, 'the text ends too early (a bracket, brace or quote is not closed)'],
    ['only whitespace', '  \n ', 2, 2, 'the text ends too early (a bracket, brace or quote is not closed)'],
    [
      'Windows line ends (\\r\\n count once)',
      '{\r\n"a": 1,\r\n}',
      3,
      1,
      'unexpected "}", expected a field name in double quotes',
    ],
    [
      'old Mac line ends (\\r alone)',
      '{\r"a": 1,\r}',
      3,
      1,
      'unexpected "}", expected a field name in double quotes',
    ],
    ['NaN, which JSON cannot hold', '{"a": NaN}', 1, 7, 'unexpected "N", expected a value'],
  ])('%s', (_, text, line, column, message) => {
    expect(failure(text)).toEqual({ line, column, message });
  });

  it('columns count characters: Chinese and emoji are one each', () => {
    const before = '{"name": "杭州🏥", ';
    expect(failure(`${before}x}`)).toMatchObject({ line: 1, column: [...before].length + 1 });
  });

  it('a byte order mark is not a column', () => {
    expect(failure('\uFEFF{,}')).toMatchObject({ line: 1, column: 2 });
  });

  it('the spec’s example with a comma too many is located on its line', () => {
    const text = SPEC_EXAMPLE_TEXT.replace('"newShare": 0.1 }', '"newShare": 0.1, }');
    expect(failure(text)).toEqual({
      line: 6,
      column: 70,
      message: 'unexpected "}", expected a field name in double quotes',
    });
  });

  it('the reason is a code with what was expected, worded in Chinese too', () => {
    expect(parseJson('[1,]')).toEqual({
      ok: false,
      code: 'syntax',
      line: 1,
      column: 4,
      reason: { code: 'unexpectedChar', params: { char: '"]"', expected: 'value' } },
    });
    expect(failure('[1,]', 'zh').message).toBe('此处不应出现 "]"，应为一个值');
    expect(failure('{"a" 1}', 'zh').message).toBe('此处不应出现 "1"，应为 ":"');
  });
});

describe('the size limit', () => {
  it('a text over 10 MB in UTF-8 is refused before parsing', () => {
    expect(parseJson(' '.repeat(MAX_JSON_BYTES + 1))).toEqual({
      ok: false,
      line: 1,
      column: 1,
      code: 'too-large',
      mb: 10,
    });
  });

  it('the limit counts UTF-8 bytes: 3.5 million Chinese characters are too many', () => {
    expect(parseJson(`"${'互'.repeat(3_500_000)}"`)).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('a text of exactly 10 MB is read', () => {
    expect(parseJson(`"${'a'.repeat(MAX_JSON_BYTES - 2)}"`).ok).toBe(true);
  });

  it('utf8Length counts 1 to 4 bytes a character', () => {
    expect(utf8Length('a')).toBe(1);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('互')).toBe(3);
    expect(utf8Length('🏥')).toBe(4);
  });
});

describe('lineAndColumn', () => {
  it('is 1-based and treats \\n, \\r\\n and \\r as one line end each', () => {
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('a\nb\r\nc\rd', 8)).toEqual({ line: 4, column: 2 });
  });
});

/** V8's position, when its message gives one. */
function v8Position(text: string): number | null | 'valid' {
  try {
    JSON.parse(text);
    return 'valid';
  } catch (e) {
    const m = /at position (\d+)/.exec((e as Error).message);
    return m ? Number(m[1]) : null;
  }
}

const PIECES = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  ' ',
  '\n',
  '0',
  '1',
  '-',
  '.',
  'e',
  'E',
  '+',
  't',
  'n',
  'u',
  'x',
  'a',
  '\u0001',
  '"a"',
  'true',
  'null',
  '1e5',
  '"\\u00e9"',
];

describe('the fallback scanner agrees with V8', () => {
  const canonical = JSON.stringify(JSON.parse(SPEC_EXAMPLE_TEXT), null, 2);

  function agrees(text: string): void {
    const v8 = v8Position(text);
    const found = findJsonSyntaxError(text);
    if (v8 === 'valid') expect(found).toBeNull();
    else {
      expect(found).not.toBeNull();
      if (v8 !== null) expect(found?.position).toBe(v8);
    }
  }

  it('on the example with one character deleted, inserted or replaced', () => {
    const edit = fc.record({
      at: fc.nat({ max: canonical.length }),
      cut: fc.nat({ max: 3 }),
      piece: fc.constantFrom('', ...PIECES),
    });
    fc.assert(
      fc.property(edit, ({ at, cut, piece }) =>
        agrees(canonical.slice(0, at) + piece + canonical.slice(at + cut)),
      ),
      { numRuns: 3000 },
    );
  });

  it('on random texts made of JSON’s pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) =>
        agrees(pieces.join('')),
      ),
      { numRuns: 5000 },
    );
  });

  it('on valid JSON of every kind', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(findJsonSyntaxError(text)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
