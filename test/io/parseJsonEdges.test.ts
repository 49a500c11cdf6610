/**
 * parseJson's counting at its edges (src/io/parseJson.ts): UTF-8 lengths at each boundary of the
 * encoding (against TextEncoder, which encodes a lone surrogate as U+FFFD, 3 bytes, as browsers
 * and Node write it), the size limit at 10 MiB exactly, and columns that count code points (the
 * second half of a surrogate pair and the \r of \r\n have no column of their own).
 *
 * parseJson.ts is loaded afresh in each test (`vi.resetModules()`, then `import()`): its limit
 * and its surrogate test are built when the module loads (docs/mutation.md, "Mutants in code run
 * at load").
 */
import { describe, expect, it, vi } from 'vitest';

const fresh = async () => {
  vi.resetModules();
  return import('../../src/io/parseJson.ts');
};

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('utf8Length at the boundaries of UTF-8', () => {
  it('one byte below U+0080, two from U+0080 to U+07FF, three from U+0800', async () => {
    const { utf8Length } = await fresh();
    expect(utf8Length('\u007f')).toBe(1);
    expect(utf8Length('\u0080')).toBe(2);
    expect(utf8Length('\u07ff')).toBe(2);
    expect(utf8Length('\u0800')).toBe(3);
    expect(utf8Length('\uffff')).toBe(3);
  });
  it('four bytes for a surrogate pair, from the first (U+10000) to the last (U+10FFFF)', async () => {
    const { utf8Length } = await fresh();
    for (const s of ['\ud800\udc00', '\udbff\udfff', '\ud83d\udc00', '\ud83d\udfff', '🏥'])
      expect(utf8Length(s), JSON.stringify(s)).toBe(4);
  });
  it('three bytes for a lone surrogate (written as U+FFFD) and for what follows it, as TextEncoder', async () => {
    const { utf8Length } = await fresh();
    for (const s of [
      '\ud83d', // a high surrogate at the end
      '\udc00', // a low surrogate alone
      '互\udc00', // a low surrogate after a character that is not a high surrogate
      '互互',
      '\ud83d\ud83d', // a high surrogate after a high surrogate
      '\ud83d\ud7ff', // a high surrogate before a character just below the low surrogates
      '\ud83d\ue000', // a high surrogate before a character just above them
      'a\ud83d\udc00\udc00b',
    ])
      expect(utf8Length(s), JSON.stringify(s)).toBe(utf8(s));
  });
  it('stops counting once past the limit: four 互 (12 bytes) with a limit of 5 count 6', async () => {
    const { utf8Length } = await fresh();
    expect(utf8Length('互互互互', 5)).toBe(6);
    expect(utf8Length('互互互互', 12)).toBe(12);
  });
  it('a text of as many UTF-16 units as the limit is still past it when a character takes two bytes', async () => {
    const { utf8Length } = await fresh();
    expect(utf8Length('éé', 2)).toBeGreaterThan(2);
    expect(utf8Length('ab', 2)).toBe(2);
  });
});

describe('the size limit: 10 MiB of UTF-8', () => {
  it('is 10 × 1024 × 1024 bytes: that many are read, one more is refused with the size in MB', async () => {
    const { MAX_JSON_BYTES, parseJson } = await fresh();
    expect(MAX_JSON_BYTES).toBe(10_485_760);
    // "é" is one UTF-16 unit and two bytes: the text is refused for its bytes, not its length.
    const text = (bytes: number) => `"${'é'.repeat((bytes - 2) >> 1)}${(bytes - 2) % 2 ? 'a' : ''}"`;
    expect(parseJson(text(10_485_760)).ok).toBe(true);
    expect(parseJson(text(10_485_761))).toEqual({ ok: false, code: 'too-large', line: 1, column: 1, mb: 10 });
  });
});

describe('lineAndColumn counts code points', () => {
  it('an emoji is one column, from the first surrogate pair (U+10000) to the last (U+10FFFF)', async () => {
    const { lineAndColumn } = await fresh();
    for (const pair of ['\ud800\udc00', '\udbff\udfff', '\ud83d\udc00', '\ud83d\udfff', '\udbff\udc00'])
      expect(lineAndColumn(`a${pair}b`, 4), JSON.stringify(pair)).toEqual({ line: 1, column: 4 });
  });
  it('a lone surrogate is a column of its own, also at the start of the text', async () => {
    const { lineAndColumn } = await fresh();
    expect(lineAndColumn('\udc00b', 2)).toEqual({ line: 1, column: 3 });
    expect(lineAndColumn('a\udc00b', 3)).toEqual({ line: 1, column: 4 });
    expect(lineAndColumn('互\udc00b', 3)).toEqual({ line: 1, column: 4 });
    expect(lineAndColumn('\ud7ff\udc00b', 3)).toEqual({ line: 1, column: 4 });
    expect(lineAndColumn('\ue000\udc00b', 3)).toEqual({ line: 1, column: 4 });
    expect(lineAndColumn('\ud83d\ud83db', 3)).toEqual({ line: 1, column: 4 });
    expect(lineAndColumn('\ud83d\ue000b', 3)).toEqual({ line: 1, column: 4 });
  });
  it('the \\r of \\r\\n has no column: the \\n after "a" is at column 2 of line 1', async () => {
    const { lineAndColumn } = await fresh();
    expect(lineAndColumn('a\r\nb', 2)).toEqual({ line: 1, column: 2 });
    expect(lineAndColumn('a\r\nb', 3)).toEqual({ line: 2, column: 1 });
  });
  it('a position past the end counts on past the last character', async () => {
    const { lineAndColumn } = await fresh();
    expect(lineAndColumn('ab', 2)).toEqual({ line: 1, column: 3 });
    expect(lineAndColumn('ab', 4)).toEqual({ line: 1, column: 5 });
    expect(lineAndColumn('a\nb', 5)).toEqual({ line: 2, column: 4 });
  });
});
