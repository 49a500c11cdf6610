/**
 * The fallback scanner (src/io/jsonSyntax.ts) on hand-made texts, against RFC 8259: its
 * whitespace (space, tab, line feed, carriage return), the escapes of a string (`\"`, `\\`, `\/`,
 * `\b`, `\f`, `\n`, `\r`, `\t` and `\u` with four hex digits, either case), the digits a number
 * needs; each error with its kind (`end` when the text stops too early, `char` with what was
 * expected there, `control` for a raw control character in a string) and its UTF-16 position.
 *
 * The module is loaded afresh in each test (`vi.resetModules()`, then `import()`): its character
 * tests and its list of escapes are built when it loads (docs/mutation.md, "Mutants in code run at
 * load").
 */
import { describe, expect, it, vi } from 'vitest';
// The modules loaded afresh below, imported statically too (their types): a mutation run counts a
// test file's tests for a module only when the file imports that module statically.
import type * as StaticJsonSyntax from '../../src/io/jsonSyntax.ts';

const fresh = async () => {
  vi.resetModules();
  return (await (import('../../src/io/jsonSyntax.ts') as Promise<typeof StaticJsonSyntax>))
    .findJsonSyntaxError;
};

describe('valid texts', () => {
  it('every escape of RFC 8259, and \\u with hex digits 0-9, A-F and a-f', async () => {
    const find = await fresh();
    for (const text of [
      String.raw`"\" \\ \/ \b \f \n \r \t"`,
      String.raw`"\u0123\u4567\u89AB\uCDEF"`,
      String.raw`"\u89ab\ucdef"`,
      String.raw`"\uAFaf"`,
      String.raw`["\n", "x\t"]`,
    ])
      expect(find(text), text).toBeNull();
  });
  it('space, tab, line feed and carriage return between tokens', async () => {
    const find = await fresh();
    expect(find(' [\t1 ,\n2\r,\r\n3 ] ')).toBeNull();
    expect(find('{\t"a"\t:\t1\t}')).toBeNull();
  });
  it('numbers with a sign, a fraction and an exponent', async () => {
    const find = await fresh();
    for (const text of ['0', '-0', '10', '-12.5', '0.25', '1e5', '1E+5', '2.5e-3', '[-1.0e0]'])
      expect(find(text), text).toBeNull();
  });
});

describe('errors: where, what kind, and what was expected', () => {
  it('a \\u escape needs four hex digits: the first other character is the error', async () => {
    const find = await fresh();
    const hex = (position: number) => ({ position, kind: 'char', expected: 'hexDigit' });
    expect(find(String.raw`"\u00G0"`)).toEqual(hex(5));
    expect(find(String.raw`"\u004@"`)).toEqual(hex(6));
    expect(find(String.raw`"\u00g0"`)).toEqual(hex(5));
    expect(find(String.raw`"\u00\`0"`)).toEqual(hex(5));
    expect(find(String.raw`"\u00/0"`)).toEqual(hex(5));
    expect(find(String.raw`"\u00:0"`)).toEqual(hex(5));
    expect(find(String.raw`"\u12`)).toEqual({ position: 5, kind: 'end' });
  });
  it('a backslash before any other character is a bad escape, at that character', async () => {
    const find = await fresh();
    expect(find(String.raw`"a\x"`)).toEqual({ position: 3, kind: 'char', expected: 'escape' });
    expect(find(String.raw`"\U0041"`)).toEqual({ position: 2, kind: 'char', expected: 'escape' });
    expect(find(String.raw`"\a"`)).toEqual({ position: 2, kind: 'char', expected: 'escape' });
  });
  it('a text that stops inside a string, even just after a backslash, ends too early', async () => {
    const find = await fresh();
    expect(find('"ab')).toEqual({ position: 3, kind: 'end' });
    expect(find('"ab\\')).toEqual({ position: 4, kind: 'end' });
    expect(find('["a\\')).toEqual({ position: 4, kind: 'end' });
  });
  it('a raw control character in a string is a control error at it', async () => {
    const find = await fresh();
    expect(find('"a\tb"')).toEqual({ position: 2, kind: 'control' });
    expect(find('"\u001f"')).toEqual({ position: 1, kind: 'control' });
  });
  it('a number needs a digit after the minus sign, after the point and in the exponent', async () => {
    const find = await fresh();
    const digit = (position: number) => ({ position, kind: 'char', expected: 'digit' });
    expect(find('-x')).toEqual(digit(1));
    expect(find('[-]')).toEqual(digit(2));
    expect(find('1.x')).toEqual(digit(2));
    expect(find('[1.]')).toEqual(digit(3));
    expect(find('1ex')).toEqual(digit(2));
    expect(find('1e+]')).toEqual(digit(3));
    expect(find('-')).toEqual({ position: 1, kind: 'end' });
    expect(find('1.')).toEqual({ position: 2, kind: 'end' });
  });
  it('what comes where: a value, a property name, a colon, a comma or the closing bracket, the end', async () => {
    const find = await fresh();
    const at = (position: number, expected: string) => ({ position, kind: 'char', expected });
    expect(find('')).toEqual({ position: 0, kind: 'end' });
    expect(find('x')).toEqual(at(0, 'value'));
    expect(find('{1}')).toEqual(at(1, 'propertyName'));
    expect(find('{"a":1,}')).toEqual(at(7, 'propertyName'));
    expect(find('{"a" 1}')).toEqual(at(5, 'colon'));
    expect(find('{"a":1 "b":2}')).toEqual(at(7, 'commaOrBrace'));
    expect(find('[1 2]')).toEqual(at(3, 'commaOrBracket'));
    expect(find('[1,]')).toEqual(at(3, 'value'));
    expect(find('1 2')).toEqual(at(2, 'end'));
    expect(find('tru')).toEqual({ position: 3, kind: 'end' });
    expect(find('nul!')).toEqual(at(3, 'null'));
    expect(find('[1,\u00a02]')).toEqual(at(3, 'value'));
  });
});
